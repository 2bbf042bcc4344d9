"""Where the internal site may be served: on this machine only, unless the command line says
otherwise.

MkDocs' dev server listens where ``dev_addr`` says. A ``dev_addr: 0.0.0.0:8000`` in mkdocs.yml,
written for the public site (or by a pull request), would show partners' contacts and internal
notes to every machine that can reach the steward's. So for the internal audience an address
that is not loopback counts only when it is given on the command line
(``coalition-site serve --dev-addr``): ``commands.serve`` replaces any other by loopback, and
hands the plugin the address it was asked for (:class:`~.settings.Handover`); the plugin refuses
any other it cannot tell apart (``mkdocs serve``, see ``plugin/plugin.py``).
"""

from __future__ import annotations

import ipaddress

LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    """Whether ``host`` (as MkDocs reads ``dev_addr``: an IP address or ``localhost``) is
    reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return (mapped or address).is_loopback


def address(host: str, port: int) -> str:
    """``HOST:PORT`` as ``dev_addr`` and ``--dev-addr`` write it."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def replaced(configured: str, port: int) -> str:
    """The warning of ``coalition-site serve`` when it serves the internal site on loopback
    instead of the address mkdocs.yml gives."""
    return (f"coalition: serving the internal site on {address(LOOPBACK, port)}, not on {configured} "
            "as dev_addr in mkdocs.yml says: there other machines could read partners' contacts "
            "and internal notes. To serve it to the network on purpose, give the address on the "
            f"command line: coalition-site serve --audience internal --dev-addr {configured}")


def open_to_the_network(host: str, port: int) -> str:
    """The warning when the internal site is served where the command line asked, off loopback."""
    return (f"coalition: serving the internal site on {address(host, port)}, as --dev-addr asks: "
            "every machine that can reach this one can read it, partners' contacts and internal "
            "notes included")


def refused(host: str, port: int) -> str:
    """Why ``mkdocs serve`` may not serve the internal site off loopback (it cannot tell an
    address given on its command line from one in mkdocs.yml)."""
    here = address(host, port)
    loopback = address(LOOPBACK, port)
    return (f"'mkdocs serve' would serve the internal site on {here}, where other machines could "
            "read partners' contacts and internal notes; nothing was served. Serve it on this "
            f"machine only with 'coalition-site serve --audience internal' (or 'mkdocs serve -a "
            f"{loopback}'), or, to serve it to the network on purpose, with 'coalition-site serve "
            f"--audience internal --dev-addr {here}'")
