"""Material's ``privacy`` plugin, kept to public hosts in a public build.

The privacy plugin downloads what a site shows from other hosts (images in pages, scripts and
style sheets in templates and ``mkdocs.yml``, and the fonts and images that downloaded style
sheets name in turn) and publishes the copies under ``assets/external/``. A page naming
``http://127.0.0.1:8080/...`` or ``http://169.254.169.254/...`` would make the build fetch from
the builder's own network and publish the answer (``load/hosts.py``).

Every download of the plugin, whatever event finds its URL, passes two of its methods: first
``_is_excluded(url, initiator)`` (whether to download a URL, and who names it), then
``_fetch(file, config)``, which calls ``requests.get``. The guard wraps both on each enabled
instance, rather than reading pages itself, so that what it checks is exactly what the plugin
downloads, in pages, templates and style sheets alike:

- ``_is_excluded`` refuses a URL whose host is local by its name or address, or resolves now to
  an address that is not public: the download never starts, and the refusal names the page,
  template or style sheet that holds the URL;
- ``_fetch`` runs in a session whose every connection, each redirect's included, is checked
  against the address it reached before a byte is sent: a public name that redirects to a
  private address, or resolves to one by the time it is fetched (DNS rebinding), is refused too.

These are Material's private methods: where an installed Material lacks one, a public build with
the plugin's downloads on is refused rather than run unguarded.
"""

from __future__ import annotations

import functools
import ipaddress
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from ..load.hosts import address_refusal, resolution_refusal, url_host

PRIVACY_MODULE = "material.plugins.privacy.plugin"
WRAPPED = ("_is_excluded", "_fetch")

# The download running in this thread, for the connections it opens: the privacy plugin fetches
# in a pool of threads, each download in one thread from start to end.
_current = threading.local()


class UnguardedPrivacyPlugin(Exception):
    """The installed privacy plugin has no method the guard can wrap."""


@dataclass(frozen=True)
class Refusal:
    where: str
    """The page, template or style sheet that names the URL."""
    url: str
    host: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.url} ({self.host}: {self.reason})"


class FetchGuard:
    """The refusals of one build's downloads, gathered from every thread that downloads."""

    def __init__(self, project_dir: Path):
        self.project_dir = project_dir
        self.refusals: list[Refusal] = []
        self._lock = threading.Lock()
        self._named_in: dict[str, str] = {}
        # Material's own style sheets are named by every page: each host is resolved once.
        self._hosts: dict[str, str | None] = {}

    def refuses(self, url: str, initiator) -> bool:
        """Whether the download of ``url``, named by ``initiator``, is refused (and noted)."""
        host = url_host(url)
        if host is None:
            return False  # not http(s): `requests` cannot fetch it at all
        where = self._where(initiator)
        if host not in self._hosts:
            self._hosts[host] = resolution_refusal(host)
        refusal = self._hosts[host]
        if refusal is not None:
            self.refuse(Refusal(where, url, host, refusal))
            return True
        with self._lock:
            self._named_in.setdefault(url, where)
        return False

    def refuse(self, refusal: Refusal) -> None:
        with self._lock:
            if refusal not in self.refusals:
                self.refusals.append(refusal)

    def named_in(self, url: str) -> str:
        with self._lock:
            return self._named_in.get(url, "a downloaded file")

    def _where(self, initiator) -> str:
        if initiator is None:
            return "mkdocs.yml (extra_css or extra_javascript)"
        source = Path(initiator.abs_src_path or "")
        if source.is_file() and source.resolve().is_relative_to(self.project_dir):
            return source.resolve().relative_to(self.project_dir).as_posix()
        return initiator.src_uri  # a template (404.html) or a downloaded style sheet


def guard_privacy_plugins(plugins, project_dir: Path, *, public: bool) -> FetchGuard | None:
    """Guard the downloads of every enabled privacy plugin among ``plugins`` (MkDocs' plugin
    collection) for a public build; undo an earlier build's guard otherwise (``mkdocs serve``
    keeps plugins from one build to the next). Returns the guard, or ``None`` when there is
    nothing to guard."""
    module = sys.modules.get(PRIVACY_MODULE)
    if module is None:
        return None  # not loaded: no site of this build uses it
    instances = [p for p in plugins.values() if isinstance(p, module.PrivacyPlugin)]
    for plugin in instances:
        for name in WRAPPED:
            method = plugin.__dict__.get(name)
            if method is not None and hasattr(method, "__wrapped__"):
                del plugin.__dict__[name]  # back to the class's own method
    # (An option this Material lacks counts as on: guarded for nothing rather than unguarded.)
    instances = [p for p in instances if all(getattr(p.config, option, True) for option in
                                             ("enabled", "assets", "assets_fetch"))]
    if not public or not instances:
        return None
    missing = sorted({name for plugin in instances for name in WRAPPED
                      if not callable(getattr(plugin, name, None))})
    if missing or not hasattr(module, "requests"):
        raise UnguardedPrivacyPlugin(", ".join(missing) or "requests")
    if not isinstance(module.requests, _PublicOnlyRequests):
        # ModuleType's stubs let any attribute be read, but not set.
        module.requests = _PublicOnlyRequests(module.requests)  # type: ignore[attr-defined]
    guard = FetchGuard(project_dir.resolve())
    for plugin in instances:
        _wrap(plugin, guard)
    return guard


def _wrap(plugin, guard: FetchGuard) -> None:
    is_excluded, fetch = plugin._is_excluded, plugin._fetch

    @functools.wraps(is_excluded)
    def guarded_is_excluded(url, initiator=None):
        return is_excluded(url, initiator) or guard.refuses(url.geturl(), initiator)

    @functools.wraps(fetch)
    def guarded_fetch(file, config):
        # A style sheet's own downloads may run inside its download, in the same thread.
        outer = getattr(_current, "download", None)
        _current.download = (guard, file.url)
        try:
            return fetch(file, config)
        finally:
            _current.download = outer

    plugin._is_excluded = guarded_is_excluded
    plugin._fetch = guarded_fetch


# -- the connections of a guarded download --------------------------------------------------------
class _PublicOnlyRequests:
    """``requests`` as Material's privacy module sees it: ``get`` runs a guarded download through
    a public-only session, anything else is ``requests`` itself."""

    def __init__(self, requests):
        self._requests = requests

    def __getattr__(self, name: str):
        return getattr(self._requests, name)

    def get(self, url, **kwargs):
        if getattr(_current, "download", None) is None:
            return self._requests.get(url, **kwargs)  # not a guarded build's download
        with _public_only_session(self._requests) as session:
            return session.get(url, **kwargs)


def _public_only_session(requests):
    from requests.adapters import HTTPAdapter

    class PublicOnlyAdapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = _public_only_pools()

    session = requests.Session()
    # No proxy from the environment: the address checked must be the one the download reaches
    # (a proxy would resolve the name where the guard cannot see it). Nor .netrc credentials
    # sent to a host a page names.
    session.trust_env = False
    session.mount("http://", PublicOnlyAdapter())
    session.mount("https://", PublicOnlyAdapter())
    return session


@functools.cache
def _public_only_pools() -> dict:
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
    from urllib3.exceptions import NewConnectionError

    class PublicOnly(HTTPConnection):
        def _new_conn(self):
            # Before any packet leaves: what the name resolves to now.
            refusal = resolution_refusal(self._dns_host, self.port)
            if refusal is None:
                sock = super()._new_conn()
                # After connecting, before sending: the address reached, whatever the name
                # resolved to a moment ago.
                peer = sock.getpeername()[0]
                reached = address_refusal(ipaddress.ip_address(peer.split("%")[0]))
                if reached is None:
                    return sock
                sock.close()
                refusal = f"it was reached at {peer}, {reached}"
            guard, url = _current.download
            guard.refuse(Refusal(guard.named_in(url), url, self.host, refusal))
            raise NewConnectionError(self, f"{self.host} is not a public host: {refusal}")

    class PublicOnlyHTTP(PublicOnly, HTTPConnection):
        pass

    class PublicOnlyHTTPS(PublicOnly, HTTPSConnection):
        pass

    class PublicOnlyHTTPPool(HTTPConnectionPool):
        ConnectionCls = PublicOnlyHTTP

    class PublicOnlyHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = PublicOnlyHTTPS

    return {"http": PublicOnlyHTTPPool, "https": PublicOnlyHTTPSPool}
