"""The decision register (``decisions/``) in real builds of tests/fixtures/minimal, with decisions
that supersede one another across a public and an internal review.

- 2026-09-16 (public): ``hearing-ask``, done.
- 2026-10-14 (public): a plain line, and ``testimony`` (open, both partners) superseding
  ``hearing-ask``.
- 2026-11-11 (internal): ``withdraw`` (open, riders-alliance) superseding ``testimony``, in words
  that carry the marker INTERNAL-DECISION.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from coalition_site import commands
from coalition_site.audience.leaks import internal_values
from coalition_site.load.charter import load_charter

from .conftest import FIXTURES, Site, text_of

SEPTEMBER = """---
date: 2026-09-16
visibility: public
attended: [tenants-union, riders-alliance]
decisions:
  - text: Ask the council for a hearing in November.
    id: hearing-ask
    status: done
    owner: [tenants-union]
---
The first review.
"""
OCTOBER_DECISIONS = """decisions:
  - Joint testimony at the November hearing.
  - text: Both partners testify side by side, the tenants first.
    id: testimony
    status: open
    owner: [tenants-union, riders-alliance]
    supersedes: hearing-ask
"""
NOVEMBER_DECISIONS = """decisions:
  - text: INTERNAL-DECISION withdraw from the hearing and meet the mayor alone.
    id: withdraw
    status: open
    owner: [riders-alliance]
    supersedes: testimony
"""


def project_with_decisions(root: Path, *, publish: bool = True) -> Path:
    project = root / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    reviews = project / "content" / "reviews"
    october = reviews / "2026-10-14.md"
    text = october.read_text(encoding="utf-8").replace(
        "decisions:\n  - Joint testimony at the November hearing.\n", OCTOBER_DECISIONS)
    september = SEPTEMBER
    if not publish:
        text, september = (t.replace("visibility: public\n", "") for t in (text, september))
    october.write_text(text, encoding="utf-8")
    (reviews / "2026-09-16.md").write_text(september, encoding="utf-8")
    november = reviews / "2026-11-11.md"
    november.write_text(november.read_text(encoding="utf-8").replace("decisions: []\n", NOVEMBER_DECISIONS),
                        encoding="utf-8")
    return project


def build(project: Path, audience: str, site_dir: Path) -> Site:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 18 November 2026
        env.delenv("COALITION_AUDIENCE", raising=False)
        return Site(commands.build(project, audience=audience, site_dir=site_dir))


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("decisions")
    project = project_with_decisions(root / "published")
    unpublished = project_with_decisions(root / "unpublished", publish=False)
    return {
        "project": project,
        "public": build(project, "public", root / "public"),
        "internal": build(project, "internal", root / "internal"),
        "unpublished": build(unpublished, "public", root / "unpublished-site"),
    }


def links_of(html: str, element_id: str) -> list[tuple[str, str]]:
    """The (href, text) of each link inside the element with that id, in page order."""
    match = re.search(rf'<li id="{element_id}"[^>]*>(.*?)</li>', html, re.S)
    assert match, element_id
    return [(href, " ".join(re.sub("<[^>]+>", "", text).split()))
            for href, text in re.findall(r'<a[^>]* href="([^"]*)"[^>]*>(.*?)</a>', match.group(1), re.S)]


def test_the_internal_register_links_each_supersession_both_ways(sites):
    page = sites["internal"].page("decisions")
    assert links_of(page, "decision-withdraw") == [
        ("../partners/riders-alliance/", "Riverside Riders Alliance"),
        ("#decision-testimony", "Both partners testify side by side, the tenants first.")]
    assert links_of(page, "decision-testimony") == [
        ("../partners/tenants-union/", "Riverside Tenants Union"),
        ("../partners/riders-alliance/", "Riverside Riders Alliance"),
        ("#decision-hearing-ask", "Ask the council for a hearing in November."),
        ("#decision-withdraw", "INTERNAL-DECISION withdraw from the hearing and meet the mayor alone.")]
    assert links_of(page, "decision-hearing-ask") == [
        ("../partners/tenants-union/", "Riverside Tenants Union"),
        ("#decision-testimony", "Both partners testify side by side, the tenants first.")]
    assert text_of(page, "decision-testimony") == [
        "Both partners testify side by side, the tenants first.superseded Owner: Riverside Tenants "
        "Union, Riverside Riders Alliance · Supersedes Ask the council for a hearing in November. (16 September 2026) "
        "· Superseded by INTERNAL-DECISION withdraw from the hearing and meet the mayor alone. "
        "(11 November 2026)"]


def test_the_register_is_one_timeline_newest_first_each_decision_linked_to_its_review(sites):
    page = sites["internal"].page("decisions")
    assert re.findall(r'<h3 id="([^"]+)"><a href="([^"]+)">', page) == [
        ("review-2026-11-11", "../reviews/2026-11-11/"), ("review-2026-10-14", "../reviews/2026-10-14/"),
        ("review-2026-09-16", "../reviews/2026-09-16/")]
    assert re.findall(r'<li id="(decision-[^"]+)"', page) == [
        "decision-withdraw", "decision-2026-10-14-1", "decision-testimony", "decision-hearing-ask"]


def test_what_is_still_open_is_listed_with_its_owners(sites):
    internal, public = sites["internal"].page("decisions"), sites["public"].page("decisions")
    # Internally, the testimony was superseded: only the withdrawal is still open.
    assert _open(internal) == ["INTERNAL-DECISION withdraw from the hearing and meet the mayor "
                               "alone. Decided 11 November 2026 · Owner: Riverside Riders Alliance"]
    # The public does not know of the withdrawal: the testimony is open for it.
    assert _open(public) == ["Both partners testify side by side, the tenants first. Decided "
                             "14 October 2026 · Owner: Riverside Tenants Union, Riverside Riders Alliance"]


def _open(page: str) -> list[str]:
    block = re.search(r'<ul class="cs-open-decisions">(.*?)</ul>', page, re.S).group(1)
    return [" ".join(re.sub("<[^>]+>", "", item).split()) for item in re.findall(r"<li>(.*?)</li>", block, re.S)]


def test_the_public_register_holds_public_reviews_only_and_says_so(sites):
    public = sites["public"]
    page = public.page("decisions")
    assert "Only the decisions of published reviews are listed; the others are recorded in the " \
           "partners' internal reviews." in page
    assert re.findall(r'<li id="(decision-[^"]+)"', page) == [
        "decision-2026-10-14-1", "decision-testimony", "decision-hearing-ask"]
    # The public supersession still links both ways; the internal one is not told at all.
    assert links_of(page, "decision-testimony")[-1] == (
        "#decision-hearing-ask", "Ask the council for a hearing in November.")
    assert links_of(page, "decision-hearing-ask")[-1] == (
        "#decision-testimony", "Both partners testify side by side, the tenants first.")
    for needle in ("INTERNAL-DECISION", "decision-withdraw", "meet the mayor"):
        assert public.containing(needle) == [], needle


def test_a_public_register_without_public_decisions_says_where_they_are(sites):
    page = sites["unpublished"].page("decisions")
    assert text_of(page, tag="article")[0].startswith(
        "Decision register No decisions are published here: decisions are recorded in the "
        "partners' internal reviews.")
    assert 'id="open"' not in page and "<li id=" not in page


def test_each_review_page_shows_its_decisions_with_their_anchors_and_supersessions(sites):
    page = sites["internal"].page("reviews/2026-10-14")
    assert re.findall(r'<li id="(decision-[^"]+)"', page) == ["decision-2026-10-14-1", "decision-testimony"]
    assert links_of(page, "decision-testimony")[-2:] == [
        ("../2026-09-16/#decision-hearing-ask", "Ask the council for a hearing in November."),
        ("../2026-11-11/#decision-withdraw",
         "INTERNAL-DECISION withdraw from the hearing and meet the mayor alone.")]
    assert '<a href="../../decisions/">decision register</a>' in page


def test_the_leak_check_lists_internal_decisions(sites):
    charter = load_charter(sites["project"] / "content").charter
    texts = {value.text for value in internal_values(charter)}
    assert "INTERNAL-DECISION withdraw from the hearing and meet the mayor alone." in texts
