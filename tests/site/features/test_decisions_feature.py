"""The decision register's page: where it stands in the navigation, and what it computes."""

from __future__ import annotations

from coalition_site.analysis.decisions import decision_register
from coalition_site.audience import for_audience
from coalition_site.load.charter import load_charter
from support import build_of

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
