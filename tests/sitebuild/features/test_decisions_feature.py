"""The decision register's page: where it stands in the navigation, and what it computes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_site.analysis.decisions import decision_register
from coalition_site.audience import for_audience
from coalition_site.load.charter import load_charter
from coalition_site.model import Review
from coalition_site.sitebuild import FEATURES, BuildOptions, SiteBuild
from support import AS_OF, build_of, link

OCTOBER = "  - Joint testimony at the November hearing.\n"


def with_decisions(sample):
    sample.edit("reviews/2026-10-14.md", OCTOBER, OCTOBER + (
        "  - text: File the joint comment.\n    id: comment\n    status: open\n"
        "    owner: [tenants-union]\n"
        "  - text: Ask for a hearing.\n    id: hearing\n    status: dropped\n"))
    sample.edit("reviews/2026-11-11.md", "decisions: []\n",
                "decisions:\n  - text: Withdraw the comment.\n    id: withdraw\n    status: open\n"
                "    supersedes: comment\n")
    return load_charter(sample.content).charter


def test_the_register_sits_first_in_the_reviews_section(sample):
    nav = build_of(sample).plan.nav
    reviews = next(entry["Reviews"] for entry in nav if "Reviews" in entry)
    assert reviews[:2] == ["reviews/index.md", {"Decision register": "decisions.md"}]


def test_without_reviews_the_register_stands_alone_in_the_navigation(sample):
    for review in ("2026-10-14", "2026-11-11"):
        sample.path(f"reviews/{review}.md").unlink()
    nav = build_of(sample).plan.nav
    assert {"Decision register": "decisions.md"} in nav
    assert not any("Reviews" in entry for entry in nav if isinstance(entry, dict))


def test_a_page_the_coalition_wrote_at_decisions_replaces_the_register(sample):
    sample.write("decisions.md", "---\ntitle: Our decisions\n---\nWritten by hand.\n")
    page = build_of(sample).page("decisions.md")
    assert (page.kind, page.title) == ("page", "Our decisions")


def test_open_means_marked_open_and_not_superseded(sample):
    register = decision_register(with_decisions(sample))
    assert [(e.anchor, e.is_open) for e in register.entries] == [
        ("decision-withdraw", True), ("decision-2026-10-14-1", False), ("decision-comment", False),
        ("decision-hearing", False)]
    assert [e.anchor for e in register.open] == ["decision-withdraw"]
    comment = register.by_anchor()["decision-comment"]
    assert [e.anchor for e in comment.superseded_by] == ["decision-withdraw"]
    assert register.by_anchor()["decision-withdraw"].supersedes is comment


def test_the_public_register_knows_nothing_of_internal_reviews(sample):
    charter = with_decisions(sample)
    register = decision_register(for_audience(charter, "public"))
    assert [e.anchor for e in register.entries] == [
        "decision-2026-10-14-1", "decision-comment", "decision-hearing"]
    assert [e.anchor for e in register.open] == ["decision-comment"]  # its withdrawal is internal
    assert register.by_anchor()["decision-comment"].superseded_by == []


def test_a_public_decision_superseding_an_internal_one_says_so_without_naming_it(sample):
    sample.edit("reviews/2026-11-11.md", "decisions: []\n",
                "decisions:\n  - text: Meet the mayor.\n    id: mayor\n")
    # (A register lists every decision, of any date: supersedes may point at a later review.)
    sample.edit("reviews/2026-10-14.md", OCTOBER,
                "  - text: Testify instead.\n    supersedes: mayor\n")
    register = decision_register(for_audience(load_charter(sample.content).charter, "public"))
    (entry,) = register.entries
    assert entry.supersedes is None and entry.supersedes_hidden


def test_a_hidden_partner_is_never_an_owner_in_public(sample):
    sample.edit("partners/riders-alliance.md", "name:", "visibility: internal\nname:")
    sample.edit("reviews/2026-10-14.md", OCTOBER,
                "  - text: Testify.\n    owner: [tenants-union, riders-alliance]\n")
    public = for_audience(load_charter(sample.content).charter, "public")
    assert public.reviews[0].decisions[0].owner == ["tenants-union"]


# -- the property: nothing of an internal review reaches a public page, whatever the links -------
MINIMAL = Path(__file__).resolve().parents[2] / "fixtures" / "minimal" / "content"
IDS = ["a", "b", "c", "d", "e", "f"]


@st.composite
def reviews(draw):
    """Up to five reviews, public or internal, whose decisions supersede one another freely."""
    days = draw(st.lists(st.integers(1, 28), min_size=1, max_size=5, unique=True))
    ids = iter(draw(st.permutations(IDS)))
    written = []
    for day in sorted(days):
        visibility = draw(st.sampled_from(["public", "internal"]))
        decisions = []
        for number in range(draw(st.integers(0, 3))):
            text = f"{visibility.upper()}-DECISION-{day}-{number} what was decided"
            if draw(st.booleans()):
                decisions.append(text)
                continue
            decisions.append({"text": text, "id": next(ids, None),
                              "status": draw(st.sampled_from([None, "open", "done", "dropped"])),
                              "owner": draw(st.sampled_from([[], ["tenants-union"], ["riders-alliance"]])),
                              "supersedes": draw(st.sampled_from([None, *IDS]))})
        written.append((day, visibility, decisions))
    known = {d["id"] for _, _, ds in written for d in ds if isinstance(d, dict) and d["id"]}
    made = []
    for day, visibility, decisions in written:
        for d in decisions:
            if isinstance(d, dict) and d["supersedes"] not in known - {d["id"]}:
                d["supersedes"] = None  # the loader refuses an unknown id: see test_review.py
        review = Review.model_validate({
            "date": dt.date(2026, 9, day), "visibility": visibility,
            "decisions": [{k: v for k, v in d.items() if v is not None} if isinstance(d, dict) else d
                          for d in decisions]})
        review.attach(f"reviews/2026-09-{day:02d}.md", "", 1)
        made.append(review)
    return made


@settings(max_examples=60, deadline=None)
@given(reviews())
def test_no_public_page_shows_an_internal_decision_whatever_supersedes_what(made):
    charter = load_charter(MINIMAL).charter.replace(reviews=made)
    public = for_audience(charter, "public")
    build = SiteBuild(public, BuildOptions(today=AS_OF), features=FEATURES)
    pages = ["decisions.md", "glossary.md", *(r.src_uri for r in public.reviews)]
    internal_ids = {d.id for r in made if r.visibility == "internal" for d in r.decisions if d.id}
    for uri in pages:
        html = build.render(uri, "", link)
        assert "INTERNAL-DECISION" not in html, uri
        for decision_id in internal_ids:
            assert f"decision-{decision_id}\"" not in html, (uri, decision_id)
    register = build.page("decisions.md").item
    # Every supersession the public sees is linked both ways.
    for entry in register.entries:
        if entry.supersedes is not None:
            assert entry in entry.supersedes.superseded_by
