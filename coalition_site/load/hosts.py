"""Which hosts are public: the rule that keeps a public build from fetching from the network of
whoever builds it.

With Material's ``privacy`` plugin on, a build downloads the images, scripts and styles that
pages name and publishes them with the site (``assets/external/``). A page naming
``http://127.0.0.1:8080/...``, a private address or a cloud metadata service
(``169.254.169.254``) would make the build fetch from the builder's own network (a CI runner, a
steward's laptop) and publish the answer. ``check`` refuses such URLs by their host alone
(``unsafe_markup.py``); the build also refuses names that resolve to such an address, and
every connection that reaches one (``plugin/privacy_guard.py``).

A host is public when it is neither a local name nor an address that ``ipaddress`` says is not
globally routable. Addresses are read as the resolver reads them, so that ``2130706433``,
``0x7f.1`` and ``[::ffff:127.0.0.1]`` are the loopback address they are.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import socket
import unicodedata
from urllib.parse import unquote, urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

# Names that never leave the local network: `localhost` (RFC 6761), `.local` (mDNS, RFC 6762),
# `.home.arpa` (RFC 8375) and `.internal` (set aside for private networks by ICANN; cloud
# providers name their metadata services and machines under it).
LOCAL_NAMES = ("localhost",)
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa")
FETCHED_SCHEMES = ("http", "https", "")
"""The schemes of URLs a build downloads (``""``: ``//host/path``, which Material reads as http)."""

# IPv6 ranges that carry an IPv4 address in their last 32 bits and reach it: NAT64's well-known
# prefix (RFC 6052, a gateway on the builder's network translates) and the deprecated
# IPv4-compatible form. `ipaddress` calls both global whatever IPv4 address they carry.
_EMBEDDING_IPV4 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("::/96"))
# NAT64 for a network's own use (RFC 8215): local by definition.
_LOCAL_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")
# IDNA reads these as dots, so a browser or `requests` does too.
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_HEX = re.compile(r"0[xX][0-9a-fA-F]*")
_OCTAL = re.compile(r"0[0-7]*")
_DECIMAL = re.compile(r"[0-9]+")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
# Browsers read a backslash as a slash in http(s) URLs, and any run of slashes after the scheme
# as its `//` (`http:\\10.0.0.5\x.png`, `http:10.0.0.5`); without a scheme two or more make one
# (a single slash starts a path).
_SLASHES = re.compile(r"^(?:(https?:)/*|//+)", re.IGNORECASE)


def url_host(url: str) -> str | None:
    """The host of a URL a build would download (``http``, ``https`` or ``//``), normalised as
    a resolver sees it; ``None`` for other URLs (relative paths, ``mailto:`` ...).

    The URL is read as browsers read one: tabs and newlines dropped, slashes as they count them.
    """
    if ":" not in url and "/" not in url and "\\" not in url:
        return None  # a file name or an anchor: most links of a page (check reads them all)
    url = _TAB_OR_NEWLINE.sub("", url.strip()).replace("\\", "/")
    url = _SLASHES.sub(lambda m: f"{m.group(1) or ''}//", url, count=1)
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # `http://[::1/`: no fetcher opens it either
        return None
    if parts.scheme.lower() not in FETCHED_SCHEMES or not parts.netloc or not host:
        return None
    return normal_host(host)


@functools.lru_cache(maxsize=1024)  # a page names few hosts, many times over
def normal_host(host: str) -> str:
    """``host`` as the resolver sees it: percent-escapes decoded, lower case, full-width and
    ideographic digits and dots made ASCII (IDNA does so), one trailing dot dropped."""
    host = unicodedata.normalize("NFKC", unquote(host)).translate(_DOTS).lower().strip("[]")
    return host[:-1] if host.endswith(".") else host


@functools.lru_cache(maxsize=1024)
def host_refusal(host: str) -> str | None:
    """Why a build must not download from ``host`` by its name or address alone (``None``: it
    may, as far as the name tells; what it resolves to is :func:`resolution_refusal`'s)."""
    host = normal_host(host)
    if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES):
        return "a name of the local network"
    address = ip_literal(host)
    return address_refusal(address) if address is not None else None


def address_refusal(address: Address) -> str | None:
    """What ``address`` is when it is not public (``None`` when it is)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address_refusal(address.ipv4_mapped)
        if address in _LOCAL_NAT64 or address.is_site_local:
            return "a private network address"
        if any(address in network for network in _EMBEDDING_IPV4) and not address.is_unspecified \
                and not address.is_loopback:
            return address_refusal(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    if address.is_loopback or address.is_unspecified:  # 0.0.0.0 reaches this machine too
        return "an address of the builder's own machine"
    if address.is_link_local:
        return "a link-local address (where cloud metadata services answer)"
    if address.is_private:
        return "a private network address"
    if not address.is_global or address.is_multicast:
        return "an address that is not public"
    return None


def resolution_refusal(host: str, port: int | None = None) -> str | None:
    """Why a build must not download from ``host``, given the addresses it resolves to now.

    A name that does not resolve is not refused here: the download fails as well, and the
    connection's own check (``plugin/privacy_guard.py``) refuses a private address whatever the
    name resolves to by then.
    """
    refusal = host_refusal(host)
    if refusal is not None or ip_literal(normal_host(host)) is not None:
        return refusal
    try:
        answers = socket.getaddrinfo(normal_host(host), port or 80, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return None
    for *_, sockaddr in answers:
        found = address_refusal(ipaddress.ip_address(str(sockaddr[0]).split("%")[0]))
        if found is not None:
            return f"it resolves to {sockaddr[0]}, {found}"
    return None


def ip_literal(host: str) -> Address | None:
    """The address ``host`` spells, if it spells one: IPv6 (a zone ``%eth0`` allowed), or IPv4
    in any form the C library's resolver accepts (``127.0.0.1``, ``127.1``, ``2130706433``,
    ``0x7f000001``, ``0177.0.0.1``)."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host.split("%")[0])
        except ValueError:
            return None
    return _ipv4_numbers(host)


def _ipv4_numbers(host: str) -> ipaddress.IPv4Address | None:
    # inet_aton's forms (which getaddrinfo accepts, and browsers' URL parser too): one to four
    # numbers, each decimal, octal (leading 0) or hex (0x); the last fills the remaining bytes.
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers = []
    for part in parts:
        if _HEX.fullmatch(part):
            numbers.append(int(part[2:] or "0", 16))
        elif _OCTAL.fullmatch(part):
            numbers.append(int(part, 8))
        elif _DECIMAL.fullmatch(part):
            numbers.append(int(part))
        else:
            return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (4 - len(head)):
        return None
    return ipaddress.IPv4Address(sum(n << (8 * (3 - i)) for i, n in enumerate(head)) + last)
