"""The leak scan of public builds: every path an internal value can take into the site is caught.

One project is built twice: first clean (it publishes), then with ``fixtures/leaky`` laid over it
(a template override, a hook and a copied asset, each planting one internal value). The second
build must fail, name each file and where the value was written, print none of the values, and
leave the first build's site exactly as it was.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap

import pytest

from coalition_site.audience.leaks import internal_values, scan_site
from coalition_site.load.charter import load_charter

from integration.publishing_sites import FIXTURES, build, failed_build, files_of, make_project


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("leaks") / "project")
    site = build(project)
    before = files_of(site)
    shutil.copytree(FIXTURES / "leaky", project, dirs_exist_ok=True)
    return project, site, before, failed_build(project)


def reported(message: str) -> set[tuple[str, str]]:
    """``(file, source)`` for each line ``  <file>: holds <source>`` of the error."""
    return set(re.findall(r"^  (\S+): holds (.+)$", message, re.MULTILINE))


def test_the_clean_build_published_and_held_no_internal_value(leaky):
    project, site, before, _ = leaky
    assert "index.html" in before and "partners/tenants-union/index.html" in before
    charter = load_charter(project / "content", project).charter
    values = internal_values(charter)
    # The scan has something to look for (else it could never fail) ...
    assert {"SECRET-EMAIL-ana@example.org", "Ana Ruiz", "board-notes/"} <= {v.text for v in values}


def test_each_planted_leak_is_named_with_its_file_and_source(leaky):
    _, _, _, message = leaky
    leaks = reported(message)
    assert {
        # a hook writing into one page's HTML, which the search index then copies
        ("onboarding/index.html", "content/board-notes.md:5 (text)"),
        ("search/search_index.json", "content/board-notes.md:5 (text)"),
        # ... and into a generated page for a partner's new staff
        ("onboarding/tenants-union/index.html", "content/partners/tenants-union.md:9 (representatives.0.name)"),
        # a hook writing into the search index alone (JSON-escaped)
        ("search/search_index.json", "content/logic.yml:29 (tensions.1.about)"),
        # the sitemap and its .gz
        ("sitemap.xml", "content/reviews/2026-11-11.md (an internal page)"),
        ("sitemap.xml.gz", "content/reviews/2026-11-11.md (an internal page)"),
        # a custom_dir override of 404.html
        ("404.html", "content/partners/tenants-union.md:9 (representatives.0.name)"),
        # an asset copied from the content folder
        ("files/contacts.txt", "content/partners/tenants-union.md:11 (representatives.0.email)"),
        # a dotfile
        (".well-known/notes.txt", "content/charter/steward-mandate.md:15 (text)"),
        # an internal page's own file
        ("board-notes/index.html", "content/board-notes.md (an internal page)"),
        # an image only an internal page shows, which the build had left out
        ("files/floor-plan.png", "content/files/floor-plan.png (an attachment only internal content uses)"),
    } <= leaks


def test_the_failure_says_nothing_was_published_and_prints_no_value(leaky):
    project, site, _, message = leaky
    assert message.startswith("coalition: the public build holds ")
    assert f"nothing was published. '{site}' was left as it was." in message
    for secret in ("SECRET-", "CONFIDENTIAL-", "Ana Ruiz"):
        assert secret not in message  # build logs are often public


def test_the_failed_build_left_the_published_site_as_it_was(leaky):
    project, site, before, _ = leaky
    assert files_of(site) == before
    leftovers = [p.name for p in project.iterdir() if ".building-" in p.name or ".old-" in p.name]
    assert leftovers == []


def test_scan_site_reports_nothing_on_the_clean_site(leaky):
    project, site, _, _ = leaky
    # The leaky overlay is in the content folder now; the charter itself is unchanged.
    charter = load_charter(project / "content", project).charter
    assert scan_site(site, internal_values(charter)) == []


def test_an_internal_charter_page_publishes_none_of_its_fields(tmp_path):
    # Found by the scan: partner pages listed the asks of an internal joint demand.
    project = make_project(tmp_path / "project")
    demand = project / "content" / "charter" / "joint-demand.md"
    demand.write_text(demand.read_text().replace("title: Our joint demand",
                                                 "title: Our joint demand\nvisibility: internal"))
    site = build(project)
    assert not (site / "charter" / "joint-demand").exists()
    for name, content in files_of(site).items():
        assert b"Pair every new bus line" not in content, name
        assert b"Tenants near new lines are not priced out" not in content, name


def test_the_scan_on_every_core_finds_what_the_scan_here_finds(leaky, tmp_path):
    # A large public build reads its files in the worker processes (parallel.py): the
    # same leaks, in the same order. A fresh interpreter: the test runner's threads would keep
    # the work here. Files with values planted in them, and files without.
    project, site, _, _ = leaky
    planted = tmp_path / "site"
    shutil.copytree(site, planted)
    charter = load_charter(project / "content", project).charter
    texts = [v.text for v in internal_values(charter) if v.text]
    for i in range(300):
        (planted / "planted" / f"{i:03}").mkdir(parents=True)
        (planted / "planted" / f"{i:03}" / "index.html").write_text(
            f"<p>{texts[i % len(texts)] if i % 3 else 'nothing here'}</p>", encoding="utf-8")
    script = textwrap.dedent(f"""
        import os
        from coalition_site.audience.leaks import LeakScanner, internal_values, scan_site
        from coalition_site.load.charter import load_charter
        from coalition_site import parallel
        parallel.cores = lambda: 2  # whatever the machine running the tests has
        charter = load_charter({str(project / "content")!r}, {str(project)!r}).charter
        scanner = LeakScanner(internal_values(charter))
        here = scan_site({str(planted)!r}, scanner)
        workers = parallel.Workers()
        workers.start()
        assert workers.started
        assert scan_site({str(planted)!r}, scanner, map_files=workers.map) == here
        workers.close()
        print(len(here))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 200  # two planted files in three, and the site's own internal pages
