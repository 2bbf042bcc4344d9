"""`coalition-site serve` shows a charter's errors in the browser and reloads when they are fixed.

Before, a page request during a failed rebuild waited until the file was fixed (MkDocs' server
serves only a finished build). Driven here as a steward would: a real server, real edits.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from support import Sample

TYPO = ("content/partners/riders-alliance.md:4:1: error: unknown key &#39;theory_of_chnage&#39;; did "
        "you mean &#39;theory_of_change&#39;? (it is required; unknown keys are refused so a typo is "
        "never ignored) [schema]")
HEADING = "<h1>The public site could not be built</h1>"


@pytest.fixture
def served(tmp_path):
    """A function that starts serve on the sample project and returns (sample, base URL, process)."""
    processes = []

    def start(sample: Sample, audience: str = "public"):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("COALITION_AUDIENCE", None)
        server = subprocess.Popen(
            [sys.executable, "-c", "from coalition_site.cli import main; main()", "serve",
             str(sample.root), "--audience", audience, "--dev-addr", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        processes.append(server)
        return f"http://127.0.0.1:{port}", server

    yield start
    for server in processes:
        server.terminate()
        server.wait(timeout=10)


def _typo(sample: Sample) -> None:
    sample.edit("partners/riders-alliance.md", "theory_of_change:", "theory_of_chnage:")


def _fixed(sample: Sample) -> None:
    sample.edit("partners/riders-alliance.md", "theory_of_chnage:", "theory_of_change:")


def _get(url: str, server: subprocess.Popen) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")
    except OSError:
        if server.poll() is not None:
            raise AssertionError(f"serve stopped: {server.stderr.read().decode()}") from None
        return 0, ""


def _problems(page: str) -> str:
    return page[page.index("<ol>"):page.index("</ol>")]


def _until(url: str, server: subprocess.Popen, wanted: str, timeout: float = 30) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, page = _get(url, server)
        if wanted in page:
            return status, page
        time.sleep(0.2)
    raise AssertionError(f"{wanted!r} was not served at {url} within {timeout} s")


def test_a_charter_with_an_error_is_served_as_a_page_that_lists_it(tmp_path, served):
    sample = Sample.copy(tmp_path / "project")
    _typo(sample)
    base, server = served(sample)
    status, page = _until(base + "/", server, HEADING)
    assert status == 200
    assert f'<li><span class="where">{TYPO.split(": ", 1)[0]}</span>: {TYPO.split(": ", 1)[1]}</li>' in page
    # Every other address answers with the same list, not with a request left waiting.
    status, other = _get(base + "/partners/riders-alliance/", server)
    assert (status, _problems(other)) == (404, _problems(page))
    # Nothing of the charter is served raw meanwhile, not even its files.
    assert _get(base + "/logic.yml", server)[0] == 404


def test_fixing_the_file_serves_the_site_and_breaking_it_again_the_errors(tmp_path, served):
    sample = Sample.copy(tmp_path / "project")
    base, server = served(sample)
    url = base + "/partners/riders-alliance/"
    _until(url, server, "<h1>Riverside Riders Alliance</h1>")
    _typo(sample)
    status, page = _until(url, server, HEADING)
    assert status == 404 and "theory_of_chnage" in page
    _fixed(sample)
    assert _until(url, server, "<h1>Riverside Riders Alliance</h1>")[0] == 200


def test_the_page_reloads_itself_through_the_servers_live_reload_protocol(tmp_path, served):
    """The page's script asks /livereload/0/<id> for the newest build, then waits on it: the
    server must answer the first at once and the second when the next build ends."""
    sample = Sample.copy(tmp_path / "project")
    _typo(sample)
    base, server = served(sample)
    status, page = _until(base + "/", server, HEADING)
    assert 'fetch("/livereload/" + seen + "/" + id)' in page
    started = time.monotonic()
    epoch = int(_get(base + "/livereload/0/1", server)[1])
    assert time.monotonic() - started < 5
    _fixed(sample)
    newer = int(_get(base + "/livereload/%d/2" % epoch, server)[1])
    assert newer > epoch
    assert _until(base + "/", server, "Riders Alliance")[0] == 200


def test_the_internal_site_says_so_and_its_log_names_the_audience(tmp_path, served):
    sample = Sample.copy(tmp_path / "project")
    _typo(sample)
    base, server = served(sample, audience="internal")
    _until(base + "/", server, "<h1>The internal site could not be built</h1>")
    server.terminate()
    log = server.communicate(timeout=10)[1].decode()
    assert "coalition: serving the internal site on 127.0.0.1:" in log
    assert "coalition: the charter has 1 error; the browser shows them until they are fixed:" in log
