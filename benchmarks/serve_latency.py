"""How long an edit takes to reach the browser under ``coalition-site serve``.

    python benchmarks/serve_latency.py                  # the 50-partner, 10-year charter, 5 edits
    python benchmarks/serve_latency.py --partners 5 --years 1 --conditions 8 --edits 2

Generates the charter (``generate.py``), starts ``coalition-site serve`` on it in a process of its
own, waits for the first build, then edits one review ``--edits`` times (a sentence appended to
its prose, the file written whole, as an editor saves it) and measures, from the moment the
file is written:

reload
    until MkDocs' live-reload endpoint answers with a new epoch: the moment a browser showing
    any page of the site is told to reload (what ``livereload.js`` polls for);
page
    until the review's page, fetched anew, holds the new sentence: what the reader sees.

MkDocs' dev server notices a change by polling the files every 0.5 s and waits 0.1 s before it
rebuilds, so up to 0.6 s of either figure is the watcher's, whatever the build costs; the
server's own log gives each rebuild's time ("Documentation built in ... seconds"), printed too.
Wall seconds, on whatever else the machine is doing: the load average is printed with them,
and so is the server's CPU time from the edit to the page (Linux's /proc), which a busy machine
does not inflate: on an idle one, a reload takes about the watcher's delay and that.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)

_EPOCH = re.compile(rb"livereload\((\d+),")
_BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 90) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def _wait_for_server(base: str, server: subprocess.Popen, log: Path, limit: float = 600) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"serve_latency: the server stopped:\n{log.read_text()}")
        try:
            _get(base, timeout=5)
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"serve_latency: no answer from {base} in {limit:.0f} s")


def _cpu(pid: int) -> float:
    """CPU seconds of process ``pid`` and of the children it waited for (Linux's /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def measure(project: Path, *, edits: int, pause: float) -> dict:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = project.parent / "serve.log"
    review = sorted((project / "content" / "reviews").glob("*.md"))[-1]
    url = f"{base}reviews/{review.stem}/"
    original = review.read_text(encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with open(log, "w") as err:
        server = subprocess.Popen([sys.executable, "-m", "coalition_site.cli", "serve", str(project),
                                   "--dev-addr", f"127.0.0.1:{port}"], stdout=err, stderr=err, env=env)
    try:
        _wait_for_server(base, server, log)
        reload, page, cpu = [], [], []
        for number in range(edits):
            time.sleep(pause)  # the watcher settled, the last rebuild's files all written
            epoch = int(_EPOCH.search(_get(url))[1])
            before = _cpu(server.pid)
            word = f"Edited{number}x{os.getpid()}"
            review.write_text(original + f"\n{word} said the steward.\n", encoding="utf-8")
            written = time.perf_counter()
            new_epoch = int(_get(f"{base}livereload/{epoch}/0"))
            reload.append(time.perf_counter() - written)
            if new_epoch <= epoch:
                sys.exit("serve_latency: the server did not rebuild within its poll timeout")
            while word.encode() not in _get(url):
                time.sleep(0.01)
            page.append(time.perf_counter() - written)
            cpu.append(_cpu(server.pid) - before)
        time.sleep(pause)
        builds = [float(s) for s in _BUILT.findall(log.read_text())]
    finally:
        review.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return {"reload": reload, "page": page, "cpu": cpu, "first build": builds[:1], "rebuilds": builds[1:]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partners", type=int, default=50)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--conditions", type=int, default=40)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--pause", type=float, default=2.0,
                        help="seconds between the end of a rebuild and the next edit (default 2)")
    parser.add_argument("--work", type=Path, help="where to generate the charter (default: a "
                                                  "temporary folder, removed afterwards)")
    args = parser.parse_args(argv)
    if args.edits < 1:
        parser.error("--edits must be at least 1")
    work = args.work or Path(tempfile.mkdtemp(prefix="coalition-serve-"))
    try:
        project = work / "charter"
        generate.generate(project, partners=args.partners, years=args.years,
                          conditions=args.conditions)
        figures = measure(project, edits=args.edits, pause=args.pause)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()

    def seconds(values: list[float]) -> str:
        if not values:
            return "n/a"
        return f"median {statistics.median(values):.2f} s (" + ", ".join(f"{v:.2f}" for v in values) + ")"

    print(f"coalition-site serve: {args.partners} partners, {args.years} years, {args.conditions} "
          f"conditions, the internal site; {os.cpu_count()} cores, load average {load[0]:.1f} "
          f"{load[1]:.1f} {load[2]:.1f}")
    print(f"  an edit to one review, until the browser is told to reload: {seconds(figures['reload'])}")
    print(f"  ... until the review's page holds the edit:                   {seconds(figures['page'])}")
    print(f"  the server's CPU seconds from the edit to the page (the rebuild's work, whatever "
          f"else the machine does): {seconds(figures['cpu'])}")
    print(f"  the server's log: first build {seconds(figures['first build'])}; "
          f"rebuilds {seconds(figures['rebuilds'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
