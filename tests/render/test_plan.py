"""Which pages a site has, which partial renders each, and the navigation between them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coalition_site.audience import for_audience
from coalition_site.load.charter import load_charter
from coalition_site.render.plan import PlannedPage, plan_site


def plan_of(sample, audience="public", contributed=()):
    return plan_site(for_audience(load_charter(sample.content).charter, audience), list(contributed))


def test_the_public_pages_and_their_partials(sample):
    plan = plan_of(sample)
    assert {uri: page.kind for uri, page in plan.pages.items()} == {
        "index.md": "home",
        "charter/problem-statement.md": "problem-statement",
        "charter/joint-demand.md": "joint-demand",
        "charter/steward-mandate.md": "steward-mandate",
        "charter/autonomy.md": "autonomy",
        "charter/conflict-protocol.md": "conflict-protocol",
        "partners/index.md": "partners",
        "partners/riders-alliance.md": "partner",
        "partners/tenants-union.md": "partner",
        "reviews/index.md": "reviews",
        "reviews/2026-10-14.md": "review",
        "onboarding.md": "page",
    }
    generated = sorted(uri for uri, page in plan.pages.items() if page.generated)
    assert generated == ["index.md", "partners/index.md", "reviews/index.md"]


def test_the_public_navigation(sample):
    assert plan_of(sample).nav == [
        {"Home": "index.md"},
        {"Charter": [
            {"The problem we share": "charter/problem-statement.md"},
            {"Our joint demand": "charter/joint-demand.md"},
            {"Steward mandate": "charter/steward-mandate.md"},
            {"Autonomy agreements": "charter/autonomy.md"},
            {"Conflict protocol": "charter/conflict-protocol.md"},
        ]},
        {"Partners": ["partners/index.md",
                      {"Riverside Riders Alliance": "partners/riders-alliance.md"},
                      {"Riverside Tenants Union": "partners/tenants-union.md"}]},
        {"Reviews": ["reviews/index.md", {"2026": [{"14 October 2026": "reviews/2026-10-14.md"}]}]},
        {"Why are we allied?": "onboarding.md"},
    ]


def test_the_internal_plan_adds_internal_reviews_and_pages(sample):
    plan = plan_of(sample, "internal")
    assert {"reviews/2026-11-11.md", "board-notes.md"} <= set(plan.pages)
    reviews = next(entry["Reviews"] for entry in plan.nav if "Reviews" in entry)
    assert reviews == ["reviews/index.md", {"2026": [
        {"11 November 2026": "reviews/2026-11-11.md"}, {"14 October 2026": "reviews/2026-10-14.md"}]}]


def test_reviews_are_grouped_by_year_newest_first(sample):
    text = sample.read("reviews/2026-10-14.md")
    sample.write("reviews/2025-12-10.md", text.replace("date: 2026-10-14", "date: 2025-12-10"))
    reviews = next(entry["Reviews"] for entry in plan_of(sample).nav if "Reviews" in entry)
    assert reviews == ["reviews/index.md",
                       {"2026": [{"14 October 2026": "reviews/2026-10-14.md"}]},
                       {"2025": [{"10 December 2025": "reviews/2025-12-10.md"}]}]


def test_without_public_reviews_there_is_no_reviews_section(sample):
    sample.edit("reviews/2026-10-14.md", "visibility: public\n", "")
    plan = plan_of(sample)
    assert "reviews/index.md" not in plan.pages
    assert not any("Reviews" in entry for entry in plan.nav)


def test_an_index_page_of_the_charter_replaces_the_generated_home(sample):
    sample.write("index.md", "---\ntitle: Welcome\n---\nHello.\n")
    page = plan_of(sample).pages["index.md"]
    assert (page.kind, page.title, page.generated) == ("page", "Welcome", False)


def test_an_internal_charter_page_is_left_out_of_the_public_plan(sample):
    sample.edit("charter/autonomy.md", "---\nagreements:", "---\nvisibility: internal\nagreements:")
    public, internal = plan_of(sample), plan_of(sample, "internal")
    assert "charter/autonomy.md" not in public.pages
    assert "charter/autonomy.md" in internal.pages
    assert {"Autonomy agreements": "charter/autonomy.md"} not in public.nav[1]["Charter"]


def test_ordinary_pages_are_grouped_by_folder_and_titled_by_name(sample):
    sample.write("guides/first-week.md", "Welcome aboard.\n")
    sample.write("guides/how_to_vote.md", "---\ntitle: Voting\n---\nHow.\n")
    sample.write("faq.md", "Questions.\n")
    nav = plan_of(sample).nav
    assert nav[-3:] == [
        {"Faq": "faq.md"},
        {"Why are we allied?": "onboarding.md"},
        {"Guides": [{"First week": "guides/first-week.md"}, {"Voting": "guides/how_to_vote.md"}]},
    ]


def test_a_charter_page_title_from_front_matter_wins(sample):
    sample.edit("charter/conflict-protocol.md", "---\nadopted", "---\ntitle: How we disagree\nadopted")
    assert plan_of(sample).pages["charter/conflict-protocol.md"].title == "How we disagree"


def test_features_contribute_pages_between_partners_and_reviews(sample):
    logic = PlannedPage("logic/index.md", "logic", "Coalition Logic", generated=True)
    plan = plan_of(sample, contributed=[logic])
    assert plan.pages["logic/index.md"] is logic
    titles = [next(iter(entry)) for entry in plan.nav]
    assert titles == ["Home", "Charter", "Partners", "Coalition Logic", "Reviews", "Why are we allied?"]


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_partners_are_listed_by_name_in_the_navigation(sample, audience):
    sample.edit("partners/tenants-union.md", "name: Riverside Tenants Union", "name: Alpha Tenants")
    partners = plan_of(sample, audience).nav[2]["Partners"]
    assert partners[1:] == [{"Alpha Tenants": "partners/tenants-union.md"},
                            {"Riverside Riders Alliance": "partners/riders-alliance.md"}]


# -- a large coalition: partners by group, recent years of reviews ---------------------------
def add_partners(sample, names, groups=None):
    """Partner files named ``names``, each in ``groups[i]`` when given (None: no group)."""
    for index, name in enumerate(names):
        group = groups[index] if groups else None
        sample.write(f"partners/extra-{index}.md",
                     f"---\nname: {name}\nissue: Housing\ntheory_of_change: Organize.\n"
                     + (f"group: {group}\n" if group else "") + "---\nAbout.\n")


def partners_nav(plan):
    return next(entry["Partners"] for entry in plan.nav if "Partners" in entry)


def test_thirty_partners_are_still_listed_one_by_one(sample):
    add_partners(sample, [f"Partner {i:02}" for i in range(28)])  # and the sample's two
    plan = plan_of(sample)
    assert len(partners_nav(plan)) == 1 + 30
    assert not any(page.kind == "partner-group" for page in plan.pages.values())


def test_past_thirty_partners_the_navigation_lists_groups_by_first_letter(sample):
    add_partners(sample, ["Alder Union", "Éire Network", "Birch Council", "4th Ward Club"]
                 + [f"Zed {i}" for i in range(25)])
    plan = plan_of(sample, "internal")
    assert partners_nav(plan) == [
        "partners/index.md",
        {"A": "partners/groups/a.md"}, {"B": "partners/groups/b.md"},
        {"E": "partners/groups/e.md"}, {"R": "partners/groups/r.md"},
        {"Z": "partners/groups/z.md"}, {"Other": "partners/groups/other.md"},
    ]
    # No partner page is in the navigation; each is on its group's page.
    groups = {uri: page for uri, page in plan.pages.items() if page.kind == "partner-group"}
    assert [p.name for p in groups["partners/groups/r.md"].item.partners] == [
        "Riverside Riders Alliance", "Riverside Tenants Union"]
    assert [p.name for p in groups["partners/groups/e.md"].item.partners] == ["Éire Network"]
    listed = sorted(p.src_uri for g in groups.values() for p in g.item.partners)
    assert listed == sorted(p.src_uri for p in plan.pages.values() if p.kind == "partner")
    assert all(page.generated for page in groups.values())


def test_the_charters_groups_win_and_ungrouped_partners_come_last(sample):
    names = [f"Partner {i:02}" for i in range(30)]
    groups = ["Pennsylvania", "Ohio", "ohio ", "West Virginia", None] * 6
    add_partners(sample, names, groups)
    assert partners_nav(plan_of(sample)) == [
        "partners/index.md",
        {"Ohio": "partners/groups/ohio.md"},  # "ohio " is the same group: one page, one entry
        {"Pennsylvania": "partners/groups/pennsylvania.md"},
        {"West Virginia": "partners/groups/west-virginia.md"},
        {"Other partners": "partners/groups/other-partners.md"},
    ]


def test_a_group_label_without_latin_letters_gets_a_stable_page_name(sample):
    add_partners(sample, [f"Partner {i:02}" for i in range(30)], ["東京"] * 15 + ["Kyiv"] * 15)
    entries = partners_nav(plan_of(sample))[1:]
    assert entries[0] == {"Kyiv": "partners/groups/kyiv.md"}
    assert re.fullmatch(r"partners/groups/group-[0-9a-f]{8}\.md", entries[1]["東京"])
    assert partners_nav(plan_of(sample))[1:] == entries  # the same name every build


def test_past_thirty_groups_the_navigation_names_only_the_partners_index(sample):
    add_partners(sample, [f"Partner {i:02}" for i in range(31)], [f"Region {i:02}" for i in range(31)])
    plan = plan_of(sample)
    assert partners_nav(plan) == ["partners/index.md"]
    assert sum(page.kind == "partner-group" for page in plan.pages.values()) == 32


def test_the_navigation_lists_the_three_most_recent_years_of_reviews(sample):
    text = sample.read("reviews/2026-10-14.md")
    for year in (2022, 2023, 2024, 2025):
        sample.write(f"reviews/{year}-10-14.md", text.replace("date: 2026-10-14", f"date: {year}-10-14"))
    plan = plan_of(sample)
    reviews = next(entry["Reviews"] for entry in plan.nav if "Reviews" in entry)
    assert [next(iter(entry)) for entry in reviews[1:]] == ["2026", "2025", "2024"]
    assert reviews[0] == "reviews/index.md"  # which lists every year
    assert "reviews/2022-10-14.md" in plan.pages


@pytest.mark.parametrize("project", ["demo", "scaffold"])
def test_the_demo_and_the_starter_coalition_keep_their_partners_listed_by_name(project):
    root = Path(__file__).resolve().parents[2]
    content = root / "content" if project == "demo" else \
        root / "coalition_site" / "project" / "scaffold" / "project" / "content"
    charter = load_charter(content).charter
    nav = plan_site(for_audience(charter, "internal")).nav
    partners = next(entry["Partners"] for entry in nav if "Partners" in entry)
    assert partners[1:] == [{p.name: p.src_uri} for p in
                            sorted(charter.partners.values(), key=lambda p: p.name.lower())]
