"""The onboarding pages of a real build: Start here, each partner's staff page, the home page.

The alliances sample's Coalition Logic map has a cycle of ``requires`` (labor power, organizing,
community control), a pair tied by ``strengthens`` alone (the tenants and the youth league), a
stepped-back partner (the youth league), a departed one (the depot workers), one with no
condition on the map (the newcomers) and one whose file is internal (the quiet funders).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from support import article, nav_titles, parse_html

from .conftest import FIXTURES, Site, build_site

LOGIC = yaml.safe_load((FIXTURES / "alliances" / "content" / "logic.yml").read_text(encoding="utf-8"))
LABELS = {c["id"]: c["label"] for c in LOGIC["conditions"]}
WHY = {(d["from"], d["to"]): d["why"] for d in LOGIC["dependencies"]}
KIND = {(d["from"], d["to"]): d.get("kind", "requires") for d in LOGIC["dependencies"]}
INTERNAL_ONLY = ["SECRET-REP-Jo Park", "SECRET-DECISION", "CONFIDENTIAL-TENSION-TEXT", "QUIET-FUNDERS-NAME",
                 "quiet-funders", "HIDDEN-PARTNER-TENSION-TEXT", "SECRET-PROBLEM-NOTE", "SECRET-REVIEW-NOTES",
                 "SECRET-EMAIL-ana@example.org", "Ana Ruiz", "SECRET-PAGE-TEXT"]


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Site:
    return Site(build_site(tmp_path_factory, "alliances", "public"))


@pytest.fixture(scope="module")
def internal(tmp_path_factory) -> Site:
    return Site(build_site(tmp_path_factory, "alliances", "internal"))


def text(html: str) -> str:
    return article(html).text


def section(html: str, partner_id: str) -> str:
    """The text of a staff page's section on one other partner (its h2 up to the next h2)."""
    body = re.search(rf'<h2 id="with-{partner_id}">.*?(?=<h2 |</article>)', html, re.S).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", body).replace("&#39;", "'").split())


def link_in_words(start: str, end: str) -> str:
    """One dependency as the page words it, with its why, from the logic map itself."""
    verb = "requires" if KIND[start, end] == "requires" else "is strengthened by"
    return f"{LABELS[start]} {verb} {LABELS[end]} : {WHY[start, end]}"


# -- Start here ----------------------------------------------------------------------------------------
def test_start_here_is_first_in_the_navigation_with_a_page_for_each_partners_staff(public, internal):
    # navigation.indexes: the section's title opens the Start here page itself.
    assert nav_titles(public.page(""))[:7] == [
        "Start here", "New at Depot Workers Association", "New at Riverside Newcomers Network",
        "New at Riverside Riders Alliance", "New at Riverside Tenants Union", "New at Riverside Youth League", "Home"]
    assert "New at QUIET-FUNDERS-NAME Foundation" in nav_titles(internal.page(""))


def test_start_here_says_the_problem_the_demand_the_steward_the_rule_and_the_stakes(public):
    page = public.page("onboarding")
    words = " ".join(text(page).split())
    # The problem statement's first paragraph as the public page shows it: the internal block
    # before it is not there, and its link leads where it led from the problem statement.
    assert ("The problem we share Rents rise where the buses are good, and buses are cut where rents are "
            "low. See the riders. Read the whole problem statement") in words
    assert '<a href="../partners/riders-alliance/" rel="noopener noreferrer">the riders</a>' in page
    assert "We ask Riverside City Council, by 30 June 2027, for: Pair every new bus line" in words
    assert ("The steward: Sam Okafor (independent), reporting to all the partners equally.") in words
    assert ("We decide by consensus: a decision is made when every partner agrees. Without agreement, the "
            "partners who cannot agree step back from that one decision.") in words
    rows = [[" ".join(cell.text.split()) for cell in row.children if not isinstance(cell, str)]
            for row in article(page).find("table").find_all("tr")]
    assert rows[3] == ["Riverside Riders Alliance", "Riders keep living where the buses run.",
                       "Why we are allied, for Riverside Riders Alliance"]
    assert rows[1][0] == "Depot Workers Association Departed"
    assert "Where to go next" in words and "Coalition logic: what each partner's theory of change needs" in words


def test_the_home_page_onboards(public):
    home = text(public.page(""))
    words = " ".join(home.split())
    assert "The problem we share Rents rise where the buses are good" in words
    assert "new here? Start here" in words
    assert "Our steward, working for every partner: Sam Okafor (independent)." in words
    cards = [" ".join(li.text.split()) for li in article(public.page("")).find("div", cls="cs-partner-cards").find_all("li")]
    assert "Riverside Tenants Union Housing Tenants near new lines are not priced out." in cards


# -- a partner's staff page: the chains against the map ----------------------------------------------
def test_the_cycle_of_requires_ties_the_riders_and_the_tenants_both_ways(public):
    words = section(public.page("onboarding/riders-alliance"), "tenants-union")
    assert f"We both work for {LABELS['just-transition']} ." in words
    assert (f"What we need from Riverside Tenants Union: Our {LABELS['labor-power']} requires their "
            f"{LABELS['community-organizing']} . {link_in_words('labor-power', 'community-organizing')}") in words
    # From the condition both carry: what the tenants carry needs what only the riders carry.
    assert (f"What Riverside Tenants Union needs from us: {LABELS['just-transition']} , which we both work "
            f"for, requires our "
            f"{LABELS['labor-power']} . {link_in_words('just-transition', 'labor-power')}") in words


def test_a_chain_through_conditions_of_neither_partner_gives_every_why(public):
    words = section(public.page("onboarding/youth-league"), "riders-alliance")
    chain = [("youth-voice", "community-organizing"), ("community-organizing", "community-control"),
             ("community-control", "labor-power")]
    assert (f"Our {LABELS['youth-voice']} is strengthened by their {LABELS['labor-power']} , through "
            f"{LABELS['community-organizing']} , {LABELS['community-control']} . "
            + " ".join(link_in_words(*step) for step in chain)) in words


def test_partners_tied_by_strengthens_alone_read_as_strengthening(public):
    words = section(public.page("onboarding/tenants-union"), "youth-league")
    assert f"Our {LABELS['community-organizing']} is strengthened by their {LABELS['youth-voice']} ." in words
    assert f"Their {LABELS['youth-voice']} is strengthened by our {LABELS['community-organizing']} ." in words
    assert " requires " not in words.split("Our stakes")[0]


def test_stepped_back_and_departed_partners_are_named_so_plainly(public):
    riders = public.page("onboarding/riders-alliance")
    assert ("Riverside Youth League has stepped back from everything since 1 September 2026; it is still "
            "a partner.") in section(riders, "youth-league")
    depot = section(riders, "depot-workers")
    assert "Depot Workers Association has left the coalition. What the charter still records of them follows." in depot
    assert f"Our {LABELS['just-transition']} requires their {LABELS['depot-jobs']} ." in depot
    own = " ".join(text(public.page("onboarding/youth-league")).split())
    assert own.startswith("New at Riverside Youth League Why Riverside Youth League is allied with each partner "
                          "of Riverside Tenants and Transit Alliance Stepped back Riverside Youth League has "
                          "stepped back from everything since 1 September 2026")


def test_a_partner_with_no_link_at_all_is_a_finding(public):
    words = section(public.page("onboarding/tenants-union"), "newcomers")
    assert ("No dependency ties us to Riverside Newcomers Network. Riverside Newcomers Network has no "
            "condition on the Coalition Logic map yet. That is a finding, not a gap in this page") in words
    own = section(public.page("onboarding/newcomers"), "tenants-union")
    assert "Riverside Newcomers Network has no condition on the Coalition Logic map yet." in own
    # Depot workers and the youth league are on the map, but nothing ties them within four links.
    assert ("None of our conditions on the Coalition Logic map requires or is strengthened by theirs, nor "
            "theirs by ours, within 4 links.") in section(public.page("onboarding/youth-league"), "depot-workers")


def test_stakes_side_by_side_keeps_and_tensions(public, internal):
    words = section(public.page("onboarding/tenants-union"), "riders-alliance")
    assert ("Ask Riverside Tenants Union Riverside Riders Alliance Pair every new bus line with tenant protections "
            "along its route. Tenants near new lines are not priced out. Riders keep living where the buses run.") in words
    assert ("Riverside Tenants Union: Eviction defence stays the union's own. Riverside Riders Alliance: "
            "Service-change campaigns stay the alliance's own.") in words
    assert "open Fare money and rent relief compete for the same city budget line." in words
    assert "CONFIDENTIAL-TENSION-TEXT" not in words
    assert "open internal CONFIDENTIAL-TENSION-TEXT about a board member." in section(
        internal.page("onboarding/tenants-union"), "riders-alliance")


# -- audiences --------------------------------------------------------------------------------------------
def test_the_internal_staff_page_names_representatives_and_binding_decisions(internal):
    words = " ".join(text(internal.page("onboarding/riders-alliance")).split())
    assert ("Riverside Riders Alliance's representatives in the coalition internal: SECRET-REP-Jo Park "
            "(Director).") in words
    assert "11 November 2026 internal" in words and "SECRET-DECISION tell the steward before meeting the mayor." in words
    assert "QUIET-FUNDERS-NAME Foundation" in words


def test_nothing_internal_reaches_any_public_page(public):
    for needle in INTERNAL_ONLY:
        assert public.containing(needle) == [], needle
    staff = " ".join(text(public.page("onboarding/riders-alliance")).split())
    assert "Recent decisions that bind us" in staff and "Joint testimony at the November hearing." in staff
    assert "representatives" not in staff


def test_the_internal_site_has_every_internal_value_the_public_one_lacks(internal):
    # Else the test above could pass because the pages show nothing at all.
    shown = {needle for needle in INTERNAL_ONLY if internal.containing(needle)}
    assert {"SECRET-REP-Jo Park", "SECRET-DECISION", "CONFIDENTIAL-TENSION-TEXT", "QUIET-FUNDERS-NAME"} <= shown


# -- the coalition's own text -----------------------------------------------------------------------------
def build_sample(sample, audience: str) -> Site:
    from coalition_site import commands

    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("COALITION_AUDIENCE", raising=False)
        patch.setenv("SOURCE_DATE_EPOCH", "1795000000")
        return Site(commands.build(sample.root, audience=audience, site_dir=sample.root / f"site-{audience}"))


def test_own_text_in_onboarding_index_is_shown_inside_with_its_links(tmp_path):
    from support import Sample

    sample = Sample.copy(tmp_path / "project")
    sample.remove("onboarding.md")
    sample.write("onboarding/index.md", "---\ntitle: Our first week\n---\nMeet [the riders](../partners/riders-alliance.md).\n\n"
                 "!!! internal\n    SECRET-WELCOME-NOTE the keys are with Sam.\n")
    public, internal = build_sample(sample, "public"), build_sample(sample, "internal")
    start = public.page("onboarding")
    assert article(start).find("h2", id="from-the-coalition").text == "Our first week"
    assert '<a href="../partners/riders-alliance/" rel="noopener noreferrer">the riders</a>' in start
    assert public.containing("SECRET-WELCOME-NOTE") == []
    assert "SECRET-WELCOME-NOTE" in internal.page("onboarding")
    assert nav_titles(start)[:2] == ["Start here", "Start here"]


def test_an_internal_onboarding_page_adds_its_text_on_the_internal_site_only(tmp_path):
    from support import Sample

    sample = Sample.copy(tmp_path / "project")
    sample.edit("onboarding.md", "title: Why are we allied?", "title: Why are we allied?\nvisibility: internal")
    public, internal = build_sample(sample, "public"), build_sample(sample, "internal")
    assert "Because rents and buses are one problem." not in public.page("onboarding")
    assert article(public.page("onboarding")).find("h1").text == "Start here"
    assert public.containing("Why are we allied?") == []
    assert "Because rents and buses are one problem." in internal.page("onboarding")


def test_search_finds_start_here_but_not_the_staff_pages_that_repeat_other_pages(public, internal):
    """A staff page brings together stakes and tensions the charter's own pages say: search
    would find each of them once per partner (and the index would grow with partners squared)."""
    for site in (public, internal):
        index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
        pages = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "onboarding/" in pages
        assert not [p for p in pages if p.startswith("onboarding/") and p != "onboarding/"]
