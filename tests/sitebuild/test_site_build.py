"""One build without MkDocs: each page's partial around its sanitised prose, autoescaped."""

from __future__ import annotations

import jinja2
import pytest

from coalition_site.render.pages import TEMPLATES_DIR, Memo, format_date
from coalition_site.sitebuild import FEATURES, Feature
from support import build_of, link, parse_html


def test_a_partner_page_shows_its_fields_and_its_stake(sample):
    html = build_of(sample).render("partners/tenants-union.md", "<p>The union organizes tenants.</p>", link)
    page = parse_html(html)
    assert page.find("h1").text == "Riverside Tenants Union"
    assert page.find("blockquote").text == "Tenants organized building by building can stop displacement."
    assert page.find("ul", text="Pair every new bus line").text == (
        "Pair every new bus line with tenant protections along its route. "
        "Tenants near new lines are not priced out.")
    assert page.find("h2", id="about").text == "About Riverside Tenants Union"
    assert "The union organizes tenants." in page.text
    assert page.find("a", text="tenants.example.org").attrs["href"] == "https://tenants.example.org"


def test_representatives_appear_only_in_the_internal_build(sample):
    public = build_of(sample).render("partners/tenants-union.md", "", link)
    internal = build_of(sample, "internal").render("partners/tenants-union.md", "", link)
    assert "Ana Ruiz" not in public and "Representatives" not in public
    assert parse_html(internal).find("a", text="SECRET-EMAIL").attrs["href"] == "mailto:SECRET-EMAIL-ana@example.org"


def test_charter_values_are_escaped_not_run(sample):
    sample.edit("partners/riders-alliance.md", "issue: Public transit", 'issue: "<script>alert(1)</script>"')
    html = build_of(sample).render("partners/riders-alliance.md", "", link)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_prose_is_sanitised_before_it_is_placed(sample):
    html = build_of(sample).render("partners/riders-alliance.md",
                                   '<p onclick="x()">Hi</p><script>alert(1)</script>', link)
    assert "<p>Hi</p>" in html
    assert "alert(1)" not in html and "onclick" not in html


def test_an_ordinary_page_is_only_sanitised(sample):
    assert build_of(sample, "internal").render("board-notes.md", "<p>Because.</p><script>x</script>", link) == "<p>Because.</p>"


def test_a_page_the_plan_does_not_know_is_only_sanitised(sample):
    assert build_of(sample).render("elsewhere.md", "<p>x</p><iframe></iframe>", link) == "<p>x</p>"


def test_links_between_pages_come_from_the_link_function(sample):
    html = build_of(sample).render("index.md", "", link)
    hrefs = [a.attrs["href"] for a in parse_html(html).find_all("a")]
    assert "/partners/riders-alliance/" in hrefs and "/charter/joint-demand/" in hrefs


def test_a_partial_is_found_through_the_loader_first(sample):
    loader = jinja2.ChoiceLoader([
        jinja2.DictLoader({"coalition/partner.html": "OVERRIDE {{ item.name }} {{ extras.get('x', '') }}"}),
        jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
    ])
    build = build_of(sample, loader=loader)
    assert build.render("partners/riders-alliance.md", "", link) == "OVERRIDE Riverside Riders Alliance "
    assert "<h1>Our joint demand</h1>" in build.render("charter/joint-demand.md", "", link)


def test_an_overridden_macro_draws_every_piece_a_partial_draws_once(sample):
    # The vitality heatmap draws its partners and cells through a memo: an override of the
    # macro is still the one drawing them, in every table.
    macros = (TEMPLATES_DIR / "coalition" / "macros.html").read_text()
    start, end = macros.index("{% macro partner_link"), macros.index("{% macro date")
    loader = jinja2.ChoiceLoader([
        jinja2.DictLoader({"coalition/macros.html": macros[:start] + (
            "{% macro partner_link(partner_id) %}<b>OVERRIDE {{ partner_id }}</b>{% endmacro %}\n")
            + macros[end:]}),
        jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
    ])
    page = parse_html(build_of(sample, loader=loader).render("vitality/index.md", "", link))
    tables = page.find_all("table", cls="cs-heatmap")
    rows = [row for table in tables for row in table.find_all("tr")[1:]]
    assert rows and all(row.find("th").text.startswith("OVERRIDE ") for row in rows)


def test_a_memo_draws_each_distinct_piece_once():
    drawn = []

    def draw(key):
        drawn.append(key)
        return f"<{key}>"

    memo = Memo(draw)
    assert [memo[key] for key in ("a", "b", "a", "a", "b")] == ["<a>", "<b>", "<a>", "<a>", "<b>"]
    assert drawn == ["a", "b"]


def test_a_memo_reports_a_failed_drawing_rather_than_a_missing_item():
    def draw(key):
        raise TypeError("boom")

    # Jinja reads a TypeError from an item lookup as "no such item": the memo says what failed.
    template = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string("{{ memo['a'] }}")
    with pytest.raises(RuntimeError, match="drawing 'a': boom"):
        template.render(memo=Memo(draw))


def test_features_add_pages_and_trusted_fragments(sample):
    class Stamp(Feature):
        name = "stamp"

        def extras(self, page, link):
            return {"logic": '<figure class="stamp">diagram</figure>'} if page.kind == "joint-demand" else {}

    html = build_of(sample, features=[*FEATURES, Stamp]).render("charter/joint-demand.md", "", link)
    assert '<figure class="stamp">diagram</figure>' in html  # trusted: not escaped


@pytest.mark.parametrize("day, text", [((2026, 1, 5), "5 January 2026"), ((2027, 12, 31), "31 December 2027")])
def test_dates_read_as_people_write_them(day, text):
    import datetime as dt

    assert format_date(dt.date(*day)) == text


def test_the_steward_table_marks_a_term_not_begun_and_one_ended(sample):
    sample.edit("charter/steward-mandate.md", "term_ends: 2027-03-31", "term_ends: 2026-10-31")
    sample.edit("charter/steward-mandate.md", "    commitment: 0.4\n",
                "    commitment: 0.4\n  - name: Lee Park\n    since: 2026-12-01\n")
    rows = parse_html(build_of(sample).render("charter/steward-mandate.md", "", link)).find("tbody").find_all("tr")
    assert [row.text for row in rows] == [
        "Sam Okafor independent 1 April 2024 31 October 2026 ended 40% of full time",
        "Lee Park — 1 December 2026 not begun — —"]
