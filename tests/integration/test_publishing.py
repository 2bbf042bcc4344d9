"""Public and internal builds of one project: what each holds, where each goes, and how a build
that fails leaves what was published.

The project is ``fixtures/minimal`` with ``fixtures/publishing`` laid over it: its own ``nav:``
names internal pages, a ``site_url`` fills the sitemap, a public page holds an HTML comment,
and stale files from an "earlier build" wait in ``site/``.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from coalition_site.errors import CoalitionSiteError
from coalition_site.audience.leaks import internal_values, scan_site
from coalition_site.load.charter import load_charter
from coalition_site.plugin.internal_marks import BANNER, ROBOTS_META

from integration.publishing_sites import build, failed_build, files_of, html_pages, make_project, mkdocs_build

INTERNAL_PAGES = ("board-notes/index.html", "reviews/2026-11-11/index.html")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("publishing") / "project", "publishing")
    stale = project / "site"  # as an earlier build left it: marked as a build's (output_dir.py)
    (stale / "old-page").mkdir(parents=True)
    (stale / ".coalition-site").write_text("built by coalition-site\n")
    (stale / "old-page" / "index.html").write_text("<p>a page an earlier build published</p>")
    (stale / ".stale-notes").write_text("a dotfile MkDocs never cleans")
    return project


@pytest.fixture(scope="module")
def public(project) -> Path:
    return build(project)


@pytest.fixture(scope="module")
def internal(project, public) -> Path:
    # As a plain `mkdocs build` would: the plugin itself keeps it out of site/.
    return mkdocs_build(project, "internal")


# -- what the public site holds --------------------------------------------------------------
def test_internal_pages_are_not_built(public):
    built = files_of(public)
    assert "onboarding/index.html" in built
    for page in INTERNAL_PAGES:
        assert page not in built


def test_internal_pages_are_neither_indexed_nor_in_the_sitemap(public):
    index = json.loads((public / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "onboarding/" in locations
    assert not {"board-notes/", "reviews/2026-11-11/"} & locations
    sitemap = (public / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/onboarding/" in sitemap
    for text in (sitemap, gzip.decompress((public / "sitemap.xml.gz").read_bytes()).decode()):
        assert "board-notes" not in text and "2026-11-11" not in text


def test_the_sites_own_nav_loses_the_entries_of_internal_pages(public):
    page = (public / "onboarding" / "index.html").read_text(encoding="utf-8")
    assert "Why are we allied?" in page and "Public review of October" in page
    assert "https://example.org/" in page  # an external entry stays
    # the titles, not only the links: MkDocs would keep them as links to a missing page
    for title in ("Board notes", "Board notes again", "Closed session", "Review of November"):
        assert f">{title}<" not in page and f"{title}\n" not in page


def test_html_comments_in_prose_are_not_published(public):
    for name, page in html_pages(public).items():
        assert "COMMENT-MARKER" not in page, name
    index = (public / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "COMMENT-MARKER" not in index and "treasurer" not in index


def test_files_left_by_an_earlier_build_are_gone(public):
    assert not (public / "old-page").exists()
    assert not (public / ".stale-notes").exists()


def test_the_build_folder_is_readable_by_a_web_server(public):
    mode = stat.S_IMODE(public.stat().st_mode)
    assert mode & 0o005 == 0o005  # others may list and enter it, as with any folder


def test_the_public_site_holds_no_internal_value_and_no_internal_mark(project, public):
    charter = load_charter(project / "content", project).charter
    values = internal_values(charter)
    assert len(values) >= 8  # the scan is looking for something
    assert scan_site(public, values) == []
    for name, page in html_pages(public).items():
        assert ROBOTS_META not in page and "cs-internal-banner" not in page, name
    assert not (public / "robots.txt").exists()


def test_no_build_folder_is_left_beside_the_site(project, public, internal):
    names = sorted(p.name for p in project.iterdir())
    # Nor a cache: rendered diagrams are kept in the user's own cache folder (user_cache.py).
    assert names == ["README.md", "content", "mkdocs.yml", "site", "site-internal"]


# -- what the internal site holds ------------------------------------------------------------
def test_the_internal_site_holds_the_internal_pages_and_their_nav(internal):
    built = files_of(internal)
    for page in INTERNAL_PAGES:
        assert page in built
    page = (internal / "onboarding" / "index.html").read_text(encoding="utf-8")
    assert "Board notes" in page and "Review of November" in page


def test_every_internal_page_has_the_banner_and_the_noindex_tag(internal):
    pages = html_pages(internal)
    assert "404.html" in pages and "board-notes/index.html" in pages
    for name, page in pages.items():
        head, _, body = page.partition("</head>")
        assert ROBOTS_META in head, name
        assert body.count(BANNER) == 1, name
    assert (internal / "robots.txt").read_text().endswith("User-agent: *\nDisallow: /\n")


# -- where builds go, and what a failed build leaves ----------------------------------------
def test_a_plain_mkdocs_build_for_internal_is_redirected_away_from_site(project, public, internal):
    assert internal == project / "site-internal"
    assert not (public / "board-notes").exists()


def test_an_internal_build_inside_the_public_folder_is_refused(tmp_path):
    project = make_project(tmp_path / "project")
    message = failed_build(project, "internal", site_dir=project / "site" / "internal")
    assert (f"coalition: the internal site would be built in '{project / 'site' / 'internal'}', "
            f"which overlaps '{project / 'site'}' where the public site is built; choose a folder "
            "outside it (the default is 'site-internal')") in message
    assert not (project / "site").exists()


def test_a_strict_build_that_warns_leaves_the_published_site_as_it_was(tmp_path):
    project = make_project(tmp_path / "project")
    site = project / "site"
    (site / "assets").mkdir(parents=True)
    (site / ".coalition-site").write_text("built by coalition-site\n")  # yesterday's build's
    (site / "index.html").write_text("<p>the site published yesterday</p>")
    (site / "assets" / "logo.png").write_bytes(b"png")
    before = files_of(site)
    onboarding = project / "content" / "onboarding.md"
    onboarding.write_text(onboarding.read_text() + "\nSee [the plan](missing-plan.md).\n")
    with pytest.raises(CoalitionSiteError, match="^Aborted with 1 warnings in strict mode!$"):
        build(project, strict=True)
    assert files_of(site) == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "site"]


def test_serve_still_builds_and_serves(tmp_path):
    project = make_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COALITION_AUDIENCE": "public"}
    server = subprocess.Popen(
        [sys.executable, "-c", "from coalition_site.cli import main; main()", "serve",
         str(project), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        page = _get(f"http://127.0.0.1:{port}/partners/tenants-union/", server)
        assert "<h1>Riverside Tenants Union</h1>" in page
        assert "SECRET-EMAIL" not in page
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert not (project / "site").exists()  # serve builds into a folder of its own
    assert [p.name for p in project.iterdir() if ".building-" in p.name] == []


def _get(url: str, server: subprocess.Popen, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"serve stopped: {server.stderr.read().decode()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing answered at {url} within {timeout} s")
