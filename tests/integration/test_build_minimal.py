"""Building the minimal sample with ``coalition-site build`` for both audiences, and reading the
pages a visitor sees. Each site is built once for the module."""

from __future__ import annotations

import json

import pytest

from support import Sample, article, nav_titles, parse_html, run, site_texts

SECRETS = {
    "board-notes.md (an internal page)": "SECRET-PAGE-TEXT",
    "reviews/2026-11-11.md (an internal review)": "SECRET-REVIEW-NOTES",
    "representatives (internal by nature)": "SECRET-EMAIL",
    "the !!! internal block of the steward mandate": "SECRET-STEWARD-NOTE",
    "the internal tension of logic.yml": "CONFIDENTIAL-TENSION-TEXT",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Sample:
    sample = Sample.copy(tmp_path_factory.mktemp("minimal") / "project")
    for args in ([], ["--audience", "internal"]):
        built = run("build", *args, cwd=sample.root)
        assert built.returncode == 0, built.stderr
        assert "Traceback" not in built.stderr and "WARNING" not in built.stderr, built.stderr
    return sample


@pytest.fixture(scope="module")
def public(project) -> dict[str, str]:
    return site_texts(project.root / "site")


@pytest.fixture(scope="module")
def internal(project) -> dict[str, str]:
    return site_texts(project.root / "site-internal")


def page(site: dict[str, str], url: str):
    return article(site[f"{url}index.html"])


# -- what every visitor sees ------------------------------------------------------------------------
def test_the_home_page_introduces_the_coalition(public):
    home = page(public, "")
    assert home.find("h1").text == "Riverside Tenants and Transit Alliance"
    assert home.find("p", cls="cs-tagline").text == "Homes and buses, won together."
    assert "Charter version 1.0.0, ratified 15 January 2025 (history) · founded 1 March 2024" in home.text
    assert [li.text for li in home.find("ol", cls="cs-asks").find_all("li")] == [
        "Pair every new bus line with tenant protections along its route. "
        "Won when: An ordinance passed and in force."]
    cards = home.find("div", cls="cs-partner-cards").find_all("li")
    # Each card says what the partner is for, then its stake in the joint demand, in one line.
    assert [card.text for card in cards] == [
        "Riverside Riders Alliance Public transit Riders keep living where the buses run.",
        "Riverside Tenants Union Housing Tenants near new lines are not priced out."]
    assert [a.attrs["href"] for card in cards for a in card.find_all("a")] == [
        "partners/riders-alliance/", "partners/tenants-union/"]


def test_the_joint_demand_shows_every_partners_stake_in_every_ask(public):
    demand = page(public, "charter/joint-demand/")
    assert [li.text for li in demand.find("ol", cls="cs-asks").find_all("li")] == [
        "Pair every new bus line with tenant protections along its route. "
        "Won when: An ordinance passed and in force."]
    matrix = demand.find("table", cls="cs-matrix")
    rows = [[cell.text for cell in row.children if not isinstance(cell, str)] for row in matrix.find_all("tr")]
    assert rows == [  # partners down, asks across
        ["Partner", "Ask 1"],
        ["Riverside Riders Alliance", "Riders keep living where the buses run."],
        ["Riverside Tenants Union", "Tenants near new lines are not priced out."],
    ]
    ask_link = matrix.find("a", text="Ask 1")
    assert ask_link.attrs["href"] == "#ask-transit-oriented-protections"
    assert demand.find("li", id="ask-transit-oriented-protections")
    assert "Status Campaigning Who must say yes Riverside City Council Deadline 30 June 2027" in demand.text
    assert "One demand, because neither of us can win our half alone." in demand.text


def test_the_problem_statement_shows_who_endorsed_it_and_when(public):
    statement = page(public, "charter/problem-statement/")
    assert "Rents rise where the buses are good, and buses are cut where rents are low." in statement.text
    table = statement.find("table", text="Endorsed on")
    assert table.find("caption").text == "Endorsements of charter version 1.0.0"
    assert [row.text for row in table.find("tbody").find_all("tr")] == [
        "Riverside Riders Alliance 16 January 2025", "Riverside Tenants Union 15 January 2025"]
    assert table.find("time").attrs["datetime"] == "2025-01-16"


def test_the_steward_mandate(public):
    mandate = page(public, "charter/steward-mandate/")
    assert mandate.find("tbody").text == "Sam Okafor independent 1 April 2024 31 March 2027 40% of full time"
    assert "Reports to All partners, equally." in mandate.text
    assert mandate.find("h2", id="authority").text == "Authority"
    assert "The steward keeps the alliance honest. Public prose after the note." in mandate.text


def test_the_autonomy_table(public):
    autonomy = page(public, "charter/autonomy/")
    assert [row.text for row in autonomy.find("tbody").find_all("tr")] == [
        "Riverside Riders Alliance Yes 14 days Service-change campaigns stay the alliance's own.",
        "Riverside Tenants Union Yes 14 days Eviction defence stays the union's own."]


def test_the_conflict_protocol_numbers_its_steps(public):
    protocol = page(public, "charter/conflict-protocol/")
    assert [li.text for li in protocol.find("ol", cls="cs-steps").find_all("li")] == [
        "Raise it with the steward within 7 days.",
        "The steward convenes both partners within 14 days.",
        "Without agreement, the fallback applies to that one decision only."]
    assert "Decision rule Consensus" in protocol.text
    assert "The partners who cannot agree step back from that one decision" in protocol.text


def test_a_partner_page_shows_its_theory_of_change_and_its_stake(public):
    partner = page(public, "partners/tenants-union/")
    assert partner.find("h1").text == "Riverside Tenants Union"
    assert partner.find("blockquote").text == "Tenants organized building by building can stop displacement."
    stake = partner.find("h2", id="stake")
    assert stake.text == "Its stake in the joint demand"
    assert "Tenants near new lines are not priced out." in partner.text
    assert "May step back with 14 days' notice." in partner.text
    assert "The union organizes tenants." in partner.text


def test_the_partners_overview(public):
    overview = page(public, "partners/")
    assert overview.find("p").text.startswith("2 active partners share one joint demand.")
    assert [row.text for row in overview.find("tbody").find_all("tr")] == [
        "Riverside Riders Alliance Public transit 2,000 bus riders Active",
        "Riverside Tenants Union Housing 900 member households Active"]


def test_the_reviews_index_and_a_public_review(public):
    index = page(public, "reviews/")
    assert [row.text for row in index.find("tbody").find_all("tr")] == ["14 October 2026 Advancing 1 0 1"]
    review = page(public, "reviews/2026-10-14/")
    assert review.find("h1").text == "Review of 14 October 2026"
    assert "Attended Riverside Tenants Union, Riverside Riders Alliance" in review.text
    # Alignment is grouped by state, the states that need attention first.
    assert review.find("dl", cls="cs-alignment").text == (
        "Drifting Riverside Riders Alliance Aligned Riverside Tenants Union")
    assert "Joint testimony at the November hearing." in review.text
    assert "A public review: the council hearing is set." in review.text


def test_the_navigation_has_charter_partners_and_reviews(public):
    assert nav_titles(public["index.html"]) == [
        "Start here", "Start here", "New at Riverside Riders Alliance", "New at Riverside Tenants Union",
        "Home", "Charter", "The problem we share", "Our joint demand", "Steward mandate",
        "Autonomy agreements", "Conflict protocol", "Charter history", "Partners", "Partners",
        "Riverside Riders Alliance", "Riverside Tenants Union", "Coalition logic", "Vitality",
        "Glossary", "Reviews", "Reviews", "Decision register", "2026", "14 October 2026"]


def test_page_titles_name_the_page_and_the_site(public):
    assert parse_html(public["partners/tenants-union/index.html"]).find("title").text == (
        "Riverside Tenants Union - Riverside Tenants and Transit Alliance")


def test_the_coalitions_own_onboarding_text_is_shown_inside_the_start_here_page(public):
    start = page(public, "onboarding/")
    assert start.find("h1").text == "Start here"
    own = start.find("h2", id="from-the-coalition")
    assert own.text == "Why are we allied?"
    assert "Why are we allied? Because rents and buses are one problem. Where to go next" in start.text


def test_charter_data_files_are_not_copied(public, internal):
    for site in (public, internal):
        assert not [path for path in site if path.endswith((".yml", ".yaml", ".md"))]


def test_the_search_index_covers_the_charter(public):
    index = json.loads(public["search/search_index.json"])
    locations = {doc["location"] for doc in index["docs"]}
    assert {"", "charter/joint-demand/", "partners/tenants-union/", "reviews/2026-10-14/"} <= locations


# -- what the public never sees ------------------------------------------------------------------------
@pytest.mark.parametrize("what", SECRETS)
def test_internal_content_is_in_no_file_of_the_public_site(public, what):
    secret = SECRETS[what]
    leaks = [path for path, text in public.items() if secret in text]
    assert leaks == [], f"{what} leaked into the public site: {leaks}"


def test_internal_pages_have_no_public_address(public):
    assert "board-notes/index.html" not in public
    assert "reviews/2026-11-11/index.html" not in public
    assert "Board notes" not in public["index.html"]
    assert "11 November 2026" not in public["reviews/index.html"]


# -- the internal site ----------------------------------------------------------------------------------
def test_the_internal_site_is_built_beside_the_public_one(project):
    assert (project.root / "site-internal" / "index.html").is_file()


def test_the_internal_site_has_the_internal_page_and_review(internal):
    assert "SECRET-PAGE-TEXT internal board notes." in page(internal, "board-notes/").text
    review = page(internal, "reviews/2026-11-11/")
    assert "SECRET-REVIEW-NOTES the riders met the mayor alone." in review.text
    assert "Partners negotiate side deals; information stops flowing" in review.text
    assert [row.text for row in page(internal, "reviews/").find("tbody").find_all("tr")] == [
        "11 November 2026 Stalled 0 1 0", "14 October 2026 Advancing 1 0 1"]


def test_the_internal_site_has_the_representatives(internal):
    partner = page(internal, "partners/tenants-union/")
    assert partner.find("h2", id="representatives").text == "Representatives"  # the TOC reads it
    assert "internal Shown only on the internal site." in partner.text
    assert partner.find("a", text="SECRET-EMAIL").attrs["href"] == "mailto:SECRET-EMAIL-ana@example.org"


def test_the_internal_site_has_the_internal_block(internal):
    mandate = page(internal, "charter/steward-mandate/")
    note = mandate.find("div", cls="internal")
    assert note.classes == ["admonition", "internal"]
    assert note.text == "Steward's private note SECRET-STEWARD-NOTE the budget is short."


def test_the_internal_navigation_lists_the_internal_pages(internal):
    titles = nav_titles(internal["index.html"])
    assert "Board notes" in titles and "11 November 2026" in titles


def test_the_build_is_reproducible(public, tmp_path):
    # Same charter, same SOURCE_DATE_EPOCH, another folder: the same bytes in every file.
    again = Sample.copy(tmp_path / "elsewhere")
    built = run("build", cwd=again.root)
    assert built.returncode == 0, built.stderr
    assert site_texts(again.root / "site") == public


def test_material_s_footer_line_is_given_enough_contrast(public):
    # A site with the minimal mkdocs.yml keeps Material's "Made with Material for MkDocs", 45%
    # white on black: under WCAG AA's 4.5:1 until the plugin's stylesheet lightens it.
    assert "Made with" in public["index.html"]
    assert ".md-copyright { color: var(--md-footer-fg-color--light); }" in public["assets/coalition/coalition.css"]
