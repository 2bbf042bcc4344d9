"""The internal site is served on loopback unless the command line says otherwise
(serve_address.py): ``coalition-site serve`` replaces an address of mkdocs.yml that other
machines could reach, and plain ``mkdocs serve`` (which cannot tell one from the other) refuses."""

from __future__ import annotations

import logging
import socket
import subprocess
import time
import urllib.request

import pytest
from mkdocs.config import load_config

from coalition_site.project import serve_address
from support import COALITION_SITE, MKDOCS, Sample, env, invoke, run

REPLACED = ("WARNING -  coalition: serving the internal site on 127.0.0.1:{port}, not on "
            "0.0.0.0:{port} as dev_addr in mkdocs.yml says: there other machines could read "
            "partners' contacts and internal notes. To serve it to the network on purpose, give "
            "the address on the command line: coalition-site serve --audience internal --dev-addr "
            "0.0.0.0:{port}")
OPEN = ("WARNING -  coalition: serving the internal site on 0.0.0.0:{port}, as --dev-addr asks: "
        "every machine that can reach this one can read it, partners' contacts and internal notes "
        "included")
REFUSED = ("ERROR   -  coalition: 'mkdocs serve' would serve the internal site on 0.0.0.0:{port}, "
           "where other machines could read partners' contacts and internal notes; nothing was "
           "served. Serve it on this machine only with 'coalition-site serve --audience internal' "
           "(or 'mkdocs serve -a 127.0.0.1:{port}'), or, to serve it to the network on purpose, "
           "with 'coalition-site serve --audience internal --dev-addr 0.0.0.0:{port}'")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def on_the_network(sample: Sample, port: int) -> Sample:
    """The minimal sample with `dev_addr: 0.0.0.0:PORT` in its mkdocs.yml."""
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text() + f"dev_addr: 0.0.0.0:{port}\n")
    return sample


@pytest.fixture
def served_log():
    """What the coalition plugin and command log, as the CLI prints it."""
    logged: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: logged.append(f"{record.levelname:<7} -  {record.getMessage()}")
    logger = logging.getLogger("mkdocs.plugins.coalition")
    logger.addHandler(handler)
    yield logged
    logger.removeHandler(handler)


@pytest.fixture
def served(monkeypatch, served_log):
    """Stands in for MkDocs' dev server: what it was asked to serve, and the coalition log."""
    calls = []

    def serve(**options):
        # What the command handed the plugin MkDocs keeps for the process: every build of the
        # server is made by that one instance.
        handed = load_config(options["config_file"]).plugins["coalition"].handed
        calls.append({**options, "requested": handed.requested_address, "audience": handed.audience})
    monkeypatch.setattr("mkdocs.commands.serve.serve", serve)
    return calls, served_log


def test_the_internal_site_is_served_on_loopback_despite_mkdocs_yml(on_the_network, port, served):
    calls, logged = served
    result = invoke("serve", on_the_network.root, "--audience", "internal")
    assert result.exit_code == 0, result.output
    assert calls == [{"config_file": str(on_the_network.root / "mkdocs.yml"),
                      "dev_addr": f"127.0.0.1:{port}", "requested": None, "audience": "internal"}]
    assert logged == [REPLACED.format(port=port)]


def test_the_internal_site_is_served_where_the_command_line_asks(sample, port, served):
    calls, logged = served
    result = invoke("serve", sample.root, "--audience", "internal", "--dev-addr", f"0.0.0.0:{port}")
    assert result.exit_code == 0, result.output
    assert calls == [{"config_file": str(sample.root / "mkdocs.yml"), "dev_addr": f"0.0.0.0:{port}",
                      "requested": ("0.0.0.0", port), "audience": "internal"}]
    assert logged == [OPEN.format(port=port)]
    # Only while it serves: a later build in the process is handed nothing.
    assert load_config(str(sample.root / "mkdocs.yml")).plugins["coalition"].handed is None


def test_the_internal_audience_of_the_environment_counts_too(on_the_network, port, served):
    calls, logged = served
    result = invoke("serve", on_the_network.root, COALITION_AUDIENCE="internal")
    assert result.exit_code == 0, result.output
    assert calls[0]["dev_addr"] == f"127.0.0.1:{port}"
    assert logged == [REPLACED.format(port=port)]


def test_the_public_site_is_served_where_mkdocs_yml_says(on_the_network, served):
    calls, logged = served
    result = invoke("serve", on_the_network.root)
    assert result.exit_code == 0, result.output
    assert calls == [{"config_file": str(on_the_network.root / "mkdocs.yml"), "requested": None,
                      "audience": "public"}]
    assert logged == []


@pytest.mark.parametrize("where", ["mkdocs.yml", "command line", "clean"])
def test_plain_mkdocs_serve_refuses_the_internal_site_off_loopback(on_the_network, port, where):
    # MkDocs gives plugins no way to tell `-a` from mkdocs.yml; `--clean` tells them "build".
    args = {"mkdocs.yml": [], "command line": ["-a", f"0.0.0.0:{port}"],
            "clean": ["--clean", "--no-livereload"]}[where]
    done = run("serve", *args, cwd=on_the_network.root, program=MKDOCS, COALITION_AUDIENCE="internal")
    assert done.returncode == 1
    assert REFUSED.format(port=port) in done.stderr.splitlines()
    assert "Serving on" not in done.stderr


def test_coalition_site_serve_binds_the_internal_site_to_loopback(on_the_network, port):
    server = subprocess.Popen([COALITION_SITE, "serve", "--audience", "internal"], cwd=on_the_network.root,
                              env=env(), stderr=subprocess.PIPE, text=True)
    status = None
    try:
        deadline = time.monotonic() + 60
        while status is None and server.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/board-notes/", timeout=5) as page:
                    status = page.status  # the internal site: its internal page is there
            except OSError:
                time.sleep(0.2)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=30)
    assert status == 200, log
    lines = log.splitlines()
    assert REPLACED.format(port=port) in lines
    assert f"INFO    -  coalition: serving the internal site on 127.0.0.1:{port} (this machine only)" in lines
    assert any(line.endswith(f"Serving on http://127.0.0.1:{port}/") for line in lines), log


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True),
    ("::ffff:127.0.0.1", True), ("0.0.0.0", False), ("::", False), ("192.168.1.10", False),
])
def test_what_counts_as_loopback(host, loopback):
    assert serve_address.is_loopback(host) is loopback


# -- the whole serve, MkDocs' first build included, up to where it would listen ------------------
@pytest.fixture
def listened(monkeypatch):
    """Where MkDocs' dev server would listen, after its first build; it stops there, unbound."""
    addresses = []

    def serve(self, **options):
        addresses.append(self.server_address)
        raise KeyboardInterrupt  # what MkDocs' serve expects when its user stops it
    monkeypatch.setattr("mkdocs.livereload.LiveReloadServer.serve", serve)
    return addresses


def test_the_plugin_serves_the_command_lines_network_address(sample, port, listened, served_log):
    result = invoke("serve", sample.root, "--audience", "internal", "--dev-addr", f"0.0.0.0:{port}")
    assert result.exit_code == 0, result.output
    assert listened == [("0.0.0.0", port)]
    assert served_log == [OPEN.format(port=port), f"INFO    -  coalition: serving the internal site on "
                          f"0.0.0.0:{port} (open to the network)"]


def test_the_plugin_serves_loopback_in_place_of_mkdocs_yml(on_the_network, port, listened, served_log):
    result = invoke("serve", on_the_network.root, "--audience", "internal")
    assert result.exit_code == 0, result.output
    assert listened == [("127.0.0.1", port)]
    assert served_log == [REPLACED.format(port=port), f"INFO    -  coalition: serving the internal "
                          f"site on 127.0.0.1:{port} (this machine only)"]
