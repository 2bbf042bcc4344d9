"""The charter history page, built from `history:` in coalition.yml and from git.

One repository per module: version 1.0.0 (the `versions` scenario, whose internal partner
endorsed it), a 1.0.1 draft that was never ratified, then 1.1.0 ratified with new endorsements.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil

import pytest

from coalition_site import commands
from coalition_site.load.git_history import RecordedVersion, versions_from_git
from gitrepo import FIXTURES, make_git_project


def page_text(path) -> list[str]:
    """The article of a built page as lines of text, one per block element."""
    article = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>',
                        path.read_text(encoding="utf-8"), re.S).group(1)
    article = re.sub(r"</(h\d|p|tr|caption)>", "\n", article)
    article = re.sub(r"</t[hd]>", " | ", article)
    text = html.unescape(re.sub(r"<[^>]+>", "", article))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = make_git_project(tmp_path_factory.mktemp("history") / "project", "versions")
    project.edit("coalition.yml", "version: 1.0.0\n  ratified: 2025-01-15", "version: 1.0.1")
    project.commit("Draft 1.0.1")
    project.edit("coalition.yml", "version: 1.0.1", "version: 1.1.0\n  ratified: 2026-03-01")
    project.edit("coalition.yml", "history:\n", "history:\n  - version: 1.1.0\n    summary: Fares join the demand.\n")
    for uri in ("charter/problem-statement.md", "charter/joint-demand.md"):
        project.edit(uri, "  tenants-union: 2025-01-15\n  riders-alliance: 2025-01-16\n  quiet-fund: 2025-01-17",
                     "  tenants-union: 2026-03-01\n  riders-alliance: 2026-03-02\n  quiet-fund: 2026-03-03")
    project.commit("Ratify 1.1.0", tag="v1.1.0")
    return project


@pytest.fixture(scope="module")
def built(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("sites")
    return {audience: commands.build(project.root, audience=audience, site_dir=out / audience)
            for audience in ("public", "internal")}


PUBLIC_HISTORY = [
    "Charter history",
    "Every version of the charter, newest first, with the date each partner endorsed it. An "
    "endorsement holds for one version: when the partners change the text, each of them endorses "
    "the new version.",
    "Version 1.1.0",
    "in force Ratified 1 March 2026",
    "Fares join the demand.",
    "Partner | Problem statement | Joint demand |",
    "Riverside Riders Alliance | 2 March 2026 | 2 March 2026 |",
    "Riverside Tenants Union | 1 March 2026 | 1 March 2026 |",
    "Version 1.0.0",
    "Ratified 15 January 2025",
    "One joint demand instead of two separate campaigns.",
    "Partner | Problem statement | Joint demand |",
    "Riverside Riders Alliance | 16 January 2025 | 16 January 2025 |",
    "Riverside Tenants Union | 15 January 2025 | 15 January 2025 |",
    "Version 0.9.0",
    "Ratified 1 June 2024",
    "The first charter, signed on paper before the alliance kept it in git.",
    "No record of who endorsed this version.",
]


def test_public_history_lists_every_ratified_version_newest_first(built):
    assert page_text(built["public"] / "history/index.html") == PUBLIC_HISTORY


def test_public_history_never_names_an_internal_partner(built):
    page = (built["public"] / "history/index.html").read_text(encoding="utf-8")
    for leak in ("Quiet Fund", "quiet-fund", "SECRET", "17 January 2025", "3 March 2026"):
        assert leak not in page


def test_internal_history_shows_every_partners_endorsement(built):
    lines = page_text(built["internal"] / "history/index.html")
    assert "SECRET-FUNDER-NAME Quiet Fund | 3 March 2026 | 3 March 2026 |" in lines
    assert "SECRET-FUNDER-NAME Quiet Fund | 17 January 2025 | 17 January 2025 |" in lines


def test_history_is_in_the_charter_section_and_linked_from_home(built):
    home = (built["public"] / "index.html").read_text(encoding="utf-8")
    assert '(<a href="history/">history</a>)' in home
    nav = re.search(r'<label class="md-nav__link" for="__nav_3".*?</nav>', home, re.S).group(0)
    assert re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', nav)[-1] == "Charter history"


def test_versions_from_git_reads_each_versions_final_state(project):
    # Unfiltered and unjudged: the draft is recorded too (the page leaves it out).
    versions = versions_from_git(project.content, "1.1.0")
    assert [(v.version, v.ratified) for v in versions] == [("1.0.1", None), ("1.0.0", dt.date(2025, 1, 15))]
    assert versions[1:] == [
        RecordedVersion("1.0.0", dt.date(2025, 1, 15), {
            "charter/problem-statement.md": {"tenants-union": dt.date(2025, 1, 15),
                                             "riders-alliance": dt.date(2025, 1, 16),
                                             "quiet-fund": dt.date(2025, 1, 17)},
            "charter/joint-demand.md": {"tenants-union": dt.date(2025, 1, 15),
                                        "riders-alliance": dt.date(2025, 1, 16),
                                        "quiet-fund": dt.date(2025, 1, 17)}}),
    ]


def test_an_endorsement_that_records_its_revision_is_read_by_its_date(tmp_path):
    project = make_git_project(tmp_path / "project", "versions")
    project.edit("charter/joint-demand.md", "  riders-alliance: 2025-01-16\n",
                 "  riders-alliance: {date: 2025-01-16, revision: 1a2b3c4}\n")
    project.commit("Record the revision endorsed")
    project.edit("coalition.yml", "version: 1.0.0\n  ratified", "version: 1.1.0\n  ratified")
    [version] = versions_from_git(project.content, "1.1.0")
    assert version.endorsements["charter/joint-demand.md"]["riders-alliance"] == dt.date(2025, 1, 16)


def test_an_uncommitted_new_version_ends_the_committed_one(project):
    versions = versions_from_git(project.content, "1.2.0")
    assert [(v.version, v.ratified) for v in versions] == [
        ("1.1.0", dt.date(2026, 3, 1)), ("1.0.1", None), ("1.0.0", dt.date(2025, 1, 15))]


def test_outside_git_the_history_is_what_coalition_yml_says(tmp_path):
    shutil.copytree(FIXTURES / "versions", tmp_path / "project")
    site = commands.build(tmp_path / "project", site_dir=tmp_path / "site")
    headings = [line for line in page_text(site / "history/index.html") if line.startswith("Version ")]
    assert headings == ["Version 1.0.0", "Version 0.9.0"]
