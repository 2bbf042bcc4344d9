"""Linking the glossary's terms into every page runs on every core of a large build, and gives
exactly the pages running it here gives, in the same order; whenever forking is not safe (another
thread runs, as under ``mkdocs serve``) or not worth it, it runs here."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

from coalition_site import parallel
from coalition_site.parallel import Workers


def _pid(_item: object) -> int:
    return os.getpid()


def test_a_running_thread_keeps_the_work_here(monkeypatch):
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    workers = Workers()
    try:
        assert not parallel.can_fork()
        workers.start()
        assert not workers.started
        assert set(workers.map(_pid, list(range(1000)))) == {os.getpid()}
    finally:
        stop.set()
        other.join()
        workers.close()


def test_the_glossarys_links_on_every_core_are_those_made_here(tmp_path):
    # A fresh interpreter: the test runner's own threads would keep the work here.
    script = textwrap.dedent("""
        import os, sys
        from coalition_site import parallel
        from coalition_site.sitebuild.features.glossary import _linked
        parallel.cores = lambda: 2  # whatever the machine running the tests has
        words = ["The steward", "our joint demand", "a tension", "<code>ritual</code>", "signs of life",
                 "<h2>The ask</h2>", "we replant", "<svg><text>stake</text></svg>", "no term here"]
        jobs = [("<p>" + " and ".join(words[i % 9:] + words[:i % 9]) + "</p>" * (i % 3), "../glossary/")
                for i in range(500)] + [("<p>The steward</p>", None)]
        here = [_linked(job) for job in jobs]
        workers = parallel.Workers()
        workers.start()
        assert workers.started
        assert workers.map(_linked, jobs) == here
        assert workers.map(_linked, jobs[:10]) == here[:10]
        first, second = workers.submit(_linked, jobs[:250]), workers.submit(_linked, jobs[250:])
        assert first() + second() == here  # started, then waited for, in any order
        assert parallel.map_once(_linked, jobs) == here
        import test_helper  # a function the workers can find by name, as a real step is
        pids = set(workers.map(test_helper.pid, list(range(500))))
        waiting = [workers.submit(_linked, jobs) for _ in range(8)]
        workers.close()  # as a worker's death in another step does: what waits is cancelled
        assert all(pending() in (None, here) for pending in waiting)
        assert workers.submit(_linked, jobs)() is None  # closed: the caller does the work
        print(len(pids), os.getpid() in pids)
    """)
    (tmp_path / "test_helper.py").write_text("import os\ndef pid(_):\n    return os.getpid()\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)}, timeout=120)
    assert done.returncode == 0, done.stderr
    # The workers, not this process (a loaded machine may leave one worker all the chunks).
    assert done.stdout.split() in (["1", "False"], ["2", "False"])
