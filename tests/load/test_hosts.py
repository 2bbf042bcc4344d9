"""Which hosts a public build may download from (hosts.py): every spelling of the builder's own
network is refused, public hosts are not."""

from __future__ import annotations

import socket

import pytest

from coalition_site.load import hosts
from coalition_site.load.hosts import host_refusal, resolution_refusal, url_host

OWN_MACHINE = "an address of the builder's own machine"
PRIVATE = "a private network address"
LINK_LOCAL = "a link-local address (where cloud metadata services answer)"
LOCAL_NAME = "a name of the local network"


@pytest.mark.parametrize("url, refusal", [
    ("http://127.0.0.1:8080/secret", OWN_MACHINE),
    ("http://localhost/x.png", LOCAL_NAME),
    ("https://LOCALHOST./x.png", LOCAL_NAME),
    ("http://api.localhost/", LOCAL_NAME),
    ("http://printer.local/status.png", LOCAL_NAME),
    ("http://metadata.google.internal/computeMetadata/v1/", LOCAL_NAME),
    ("http://nas.home.arpa/photo.jpg", LOCAL_NAME),
    ("http://10.0.0.5/x.png", PRIVATE),
    ("//192.168.1.1/logo.png", PRIVATE),
    ("http://172.16.0.1/", PRIVATE),
    ("http://169.254.169.254/latest/meta-data/", LINK_LOCAL),
    ("http://0.0.0.0:8000/", OWN_MACHINE),
    ("http://100.64.0.1/", "an address that is not public"),
    # The forms of IPv4 the C library's resolver (and browsers) accept.
    ("http://2130706433/", OWN_MACHINE),
    ("http://0x7f000001/", OWN_MACHINE),
    ("http://0x7f.1/", OWN_MACHINE),
    ("http://0177.0.0.1/", OWN_MACHINE),
    ("http://127.1/", OWN_MACHINE),
    ("http://167772165/", PRIVATE),  # 10.0.0.5
    # IPv6, and IPv4 inside it.
    ("http://[::1]:8000/", OWN_MACHINE),
    ("http://[::ffff:127.0.0.1]/", OWN_MACHINE),
    ("http://[::ffff:a9fe:a9fe]/", LINK_LOCAL),
    ("http://[fd00::1]/", PRIVATE),
    ("http://[fe80::1%25eth0]/", LINK_LOCAL),
    ("http://[64:ff9b::a00:5]/", PRIVATE),  # NAT64 of 10.0.0.5
    # Spellings a browser or resolver reads as the same host.
    ("http://user:password@10.0.0.5/x.png", PRIVATE),
    ("http://１２７．０．０．１/", OWN_MACHINE),
    ("http://%31%32%37.0.0.1/", OWN_MACHINE),
    ("http:\\\\10.0.0.5\\x.png", PRIVATE),
    ("http:10.0.0.5/x.png", PRIVATE),
    ("http://10.0.\t0.5/x.png", PRIVATE),
])
def test_hosts_of_the_builders_own_network_are_refused(url, refusal):
    assert host_refusal(url_host(url)) == refusal


@pytest.mark.parametrize("url", [
    "https://example.org/logo.png", "//fonts.googleapis.com/css", "http://8.8.8.8/",
    "http://[2606:4700:4700::1111]/", "https://local.example.org/", "https://internal.example.org/",
])
def test_public_hosts_are_not(url):
    assert host_refusal(url_host(url)) is None


@pytest.mark.parametrize("url", [
    "images/plan.png", "/images/plan.png", "#top", "mailto:a@example.org", "ftp://10.0.0.5/x",
    "http://[::1/", "data:image/png;base64,AAAA",
])
def test_urls_a_build_does_not_download_have_no_host(url):
    assert url_host(url) is None


def test_a_name_that_resolves_to_a_private_address_is_refused(monkeypatch):
    def resolve(host, port, *args, **kwargs):
        assert host == "intranet.example.org"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port))]
    monkeypatch.setattr(hosts.socket, "getaddrinfo", resolve)
    assert resolution_refusal("intranet.example.org") == f"it resolves to 10.0.0.5, {PRIVATE}"


def test_a_name_that_does_not_resolve_is_left_to_the_connection(monkeypatch):
    # The download fails too; the connection's own check refuses whatever it resolves to later.
    def fail(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    monkeypatch.setattr(hosts.socket, "getaddrinfo", fail)
    assert resolution_refusal("nowhere.example.org") is None
