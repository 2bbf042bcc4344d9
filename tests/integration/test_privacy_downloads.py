"""A public build never fetches from the builder's own network (privacy_guard.py): with
Material's privacy plugin on, a page naming a private address makes the build fail, located, and
the address receives no request, whether it is named outright, reached by a redirect, or by a
name that resolves to it by the time it is fetched. Public hosts are still downloaded.

Every host here is a local HTTP server; "public" ones are loopback addresses the test tells the
guard to take for public.
"""

from __future__ import annotations

import http.server
import logging
import socket
import threading

import pytest

from coalition_site import commands
from coalition_site.plugin import privacy_guard
from coalition_site.load import hosts
from coalition_site.errors import CoalitionSiteError
from support import Sample, run

HEAD = ("ERROR   -  coalition: a public build downloads from public hosts only, and Material's "
        "privacy plugin was asked to download from the builder's own network; nothing was published:")
TAIL = ("Use a public https:// address, or put the file in the content folder ('coalition-site "
        "check' shows the line).")
OWN_MACHINE = "an address of the builder's own machine"


class Server:
    """An HTTP server on ``host`` that records the paths it is asked for; ``/redirect`` sends
    the client to ``redirect_to``."""

    def __init__(self, host: str = "127.0.0.1", redirect_to: str | None = None):
        self.requests: list[str] = []
        requests, target = self.requests, redirect_to

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                requests.append(self.path)
                if self.path.startswith("/redirect"):
                    self.send_response(302)
                    self.send_header("Location", target)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()
                self.wfile.write(b"SECRET-ANSWER-OF-THE-BUILDERS-NETWORK")

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.url = f"http://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


@pytest.fixture
def private():
    with Server() as server:
        yield server


def with_privacy(sample: Sample, image: str, *, unsafe_html: str = "off") -> Sample:
    """The sample with the privacy plugin on and ``image`` shown on the onboarding page. The
    `unsafe-html` check is off by default, as a pull request may turn it off: the build must
    refuse on its own."""
    (sample.root / "mkdocs.yml").write_text(
        "site_name: Riverside Tenants and Transit Alliance\n"
        "docs_dir: content\n"
        "theme: {name: material, font: false}\n"
        "plugins:\n"
        "  - search\n"
        "  - privacy:\n"
        f"      cache_dir: {sample.root / '.cache' / 'privacy'}\n"
        # Only this test's servers: nothing the theme names is fetched from the internet.
        "      assets_include: ['127.0.0.*', '*.test*']\n"
        f"  - coalition: {{rules: {{unsafe-html: {unsafe_html}}}}}\n")
    sample.write("onboarding.md", sample.read("onboarding.md") + f'\n<img alt="plan" src="{image}">\n')
    return sample


def downloaded(sample: Sample) -> list[str]:
    cache = sample.root / ".cache" / "privacy"
    return sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file())


@pytest.fixture
def mkdocs_log():
    """What MkDocs logs while an in-process build runs, as the CLI prints it."""
    lines: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: lines.extend(
        f"{record.levelname:<7} -  {record.getMessage()}".splitlines())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    yield lines
    logger.removeHandler(handler)


def build(sample: Sample, monkeypatch) -> None:
    monkeypatch.delenv("COALITION_AUDIENCE", raising=False)
    commands.build(sample.root)


def pretend_public(monkeypatch, address: str) -> None:
    """Let the guard take ``address`` (a loopback address of the test's) for a public one."""
    def public(check):
        def checked(value, *args):
            return None if str(value) == address else check(value, *args)
        return checked
    monkeypatch.setattr(privacy_guard, "resolution_refusal", public(hosts.resolution_refusal))
    monkeypatch.setattr(privacy_guard, "address_refusal", public(hosts.address_refusal))
    monkeypatch.setattr(hosts, "resolution_refusal", public(hosts.resolution_refusal))


def resolving(monkeypatch, name: str, *, checked: str, connected: str) -> None:
    """Make ``name`` resolve to ``checked`` for the guard's look-ups and to ``connected`` for the
    connection's own: a DNS answer that changes between the two (rebinding)."""
    real = socket.getaddrinfo

    def answer(address):
        def getaddrinfo(host, port, *args, **kwargs):
            return real(address if host == name else host, port, *args, **kwargs)
        return getaddrinfo

    class GuardsSocket:
        def __getattr__(self, attribute):
            return getattr(socket, attribute)
        getaddrinfo = staticmethod(answer(checked))

    monkeypatch.setattr(hosts, "socket", GuardsSocket())
    monkeypatch.setattr(socket, "getaddrinfo", answer(connected))


# -- named outright -------------------------------------------------------------------------------
def test_a_public_build_never_fetches_the_builders_own_address(sample, private):
    with_privacy(sample, f"{private.url}/secret.png")
    done = run("build", sample.root, cwd=sample.root)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[lines.index(HEAD):lines.index(HEAD) + 3] == [
        HEAD, f"  content/onboarding.md: {private.url}/secret.png (127.0.0.1: {OWN_MACHINE})", TAIL]
    assert lines[-1] == "error: the build failed; the ERROR above says why"
    assert private.requests == []
    assert downloaded(sample) == []
    assert not (sample.root / "site").exists()


def test_check_stops_it_first_when_unsafe_html_is_on(sample, private):
    with_privacy(sample, f"{private.url}/secret.png", unsafe_html="error")
    done = run("build", sample.root, cwd=sample.root)
    assert done.returncode == 1
    assert done.stderr == (
        "error: the charter has 1 error:\n"
        "content/onboarding.md:6:17: error: this URL's host is an address of the builder's own "
        "machine, not a public one: with Material's privacy plugin the build would fetch it from the "
        "builder's own network and publish the answer; use a public https:// address, or put the "
        "file in the content folder [unsafe-html]\n")
    assert private.requests == []


# -- public hosts, redirects and names ------------------------------------------------------------
def test_a_public_host_is_still_downloaded_and_published(sample, monkeypatch):
    pretend_public(monkeypatch, "127.0.0.2")
    with Server("127.0.0.2") as public:
        with_privacy(sample, f"{public.url}/logo.png")
        build(sample, monkeypatch)
    assert public.requests == ["/logo.png"]
    host = public.url.removeprefix("http://")
    assert (sample.root / "site" / "assets" / "external" / host / "logo.png").read_bytes() == \
        b"SECRET-ANSWER-OF-THE-BUILDERS-NETWORK"


def test_a_redirect_to_the_builders_own_address_is_refused(sample, private, monkeypatch, mkdocs_log):
    pretend_public(monkeypatch, "127.0.0.2")
    with Server("127.0.0.2", redirect_to=f"{private.url}/secret.png") as public:
        with_privacy(sample, f"{public.url}/redirect.png")
        with pytest.raises(CoalitionSiteError):
            build(sample, monkeypatch)
    assert public.requests == ["/redirect.png"]
    assert private.requests == []
    assert mkdocs_log[-3:] == [
        HEAD, f"  content/onboarding.md: {public.url}/redirect.png (127.0.0.1: {OWN_MACHINE})", TAIL]
    assert not (sample.root / "site").exists()


def test_a_name_that_resolves_to_a_private_address_is_refused(sample, monkeypatch, mkdocs_log):
    resolving(monkeypatch, "intranet.test", checked="10.0.0.5", connected="10.0.0.5")
    with_privacy(sample, "http://intranet.test/plan.png")
    with pytest.raises(CoalitionSiteError):
        build(sample, monkeypatch)
    assert mkdocs_log[-3:] == [
        HEAD, "  content/onboarding.md: http://intranet.test/plan.png (intranet.test: it resolves "
              "to 10.0.0.5, a private network address)", TAIL]


def test_a_name_rebound_to_the_builders_own_address_is_refused_at_the_connection(
        sample, private, monkeypatch, mkdocs_log):
    port = private.url.rsplit(":", 1)[1]
    resolving(monkeypatch, "rebound.test", checked="93.184.215.14", connected="127.0.0.1")
    with_privacy(sample, f"http://rebound.test:{port}/secret.png")
    with pytest.raises(CoalitionSiteError):
        build(sample, monkeypatch)
    assert private.requests == []  # connected to, and closed before a byte was sent
    assert mkdocs_log[-3:] == [
        HEAD, f"  content/onboarding.md: http://rebound.test:{port}/secret.png (rebound.test: it "
              f"was reached at 127.0.0.1, {OWN_MACHINE})", TAIL]


# -- the guard itself -----------------------------------------------------------------------------
@pytest.fixture
def privacy_plugin():
    from material.plugins.privacy.plugin import PrivacyPlugin

    plugin = PrivacyPlugin()
    plugin.load_config({})
    return plugin


def test_each_build_guards_once_and_an_internal_build_not_at_all(privacy_plugin, tmp_path):
    plugins = {"material/privacy": privacy_plugin}
    for _ in range(2):  # `mkdocs serve` keeps plugins from one build to the next
        assert privacy_guard.guard_privacy_plugins(plugins, tmp_path, public=True) is not None
    for name in privacy_guard.WRAPPED:
        wrapped = getattr(privacy_plugin, name).__wrapped__
        assert wrapped == getattr(type(privacy_plugin), name).__get__(privacy_plugin)
    assert privacy_guard.guard_privacy_plugins(plugins, tmp_path, public=False) is None
    assert not set(privacy_guard.WRAPPED) & set(vars(privacy_plugin))


def test_a_privacy_plugin_without_its_fetch_is_refused(sample, monkeypatch, mkdocs_log):
    from material.plugins.privacy.plugin import PrivacyPlugin

    monkeypatch.delattr(PrivacyPlugin, "_fetch")
    with_privacy(sample, "https://example.org/logo.png")
    with pytest.raises(CoalitionSiteError):
        build(sample, monkeypatch)
    assert mkdocs_log[-1] == (
        "ERROR   -  coalition: mkdocs.yml: the privacy plugin of the installed mkdocs-material "
        "cannot be kept to public hosts (it has no _fetch), so a public build could download from "
        "the builder's own network; set the plugin's 'assets_fetch: false', or install "
        "mkdocs-material 9.8")
