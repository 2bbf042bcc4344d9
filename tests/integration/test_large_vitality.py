"""A large coalition's vitality dashboard counts its partners by group, and each group's page
shows its partners' rows: the dashboard stays the same size as the coalition doubles, and the
counts it shows are those of the rows on the group pages.

Built for real from the benchmark's generator (40 and 80 partners, past the 30 at which the
navigation lists groups, with the charter's own groups), 3 years of reviews so that the
earliest year is folded into a count.
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from coalition_site import commands
from integration.large_sites import build_generated

REVIEW_DATE = re.compile(r'<time datetime="(\d{4}-\d\d-\d\d)">')


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[int, Path]:
    return {n: build_generated(tmp_path_factory.mktemp(f"vitality-{n}") / "project", partners=n, years=3,
                               groups=True) for n in (40, 80)}


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def section(html: str, start: str, end: str) -> str:
    return html[html.index(start):html.index(end)]


def tables(html: str, caption: str) -> list[str]:
    return re.findall(rf"<table[^>]*>\s*<caption>{caption}.*?</table>", html, flags=re.S)


def rows(table: str) -> list[tuple[str, list[str]]]:
    """Each body row: its header's text, and its cells' HTML."""
    found = []
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", table.split("<tbody>")[1], flags=re.S):
        head, _, cells = row.partition("</th>")
        found.append((html_lib.unescape(re.sub(r"<[^>]+>", "", head)).strip(),
                      re.findall(r"<td.*?</td>", cells, flags=re.S)))
    return found


def dates(table: str) -> list[str]:
    return REVIEW_DATE.findall(table.split("<tbody>")[0])


def test_the_dashboard_counts_groups_and_names_no_partner_in_its_tables(sites):
    dashboard = page(sites[40], "vitality")
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", dashboard))
    assert ("With 40 partners, this page counts them by group: each cell says how many of a group’s "
            "partners were recorded aligned at a review, out of those who were members then. Each "
            "partner’s own row is on its group’s page.") in " ".join(text.split())
    alignment = section(dashboard, 'id="alignment-by-group"', 'id="attendance"')
    recent = tables(alignment, "Alignment by group in")
    assert recent and tables(alignment, "Alignment by group in earlier years")
    assert not tables(dashboard, "Alignment in")  # no row a partner
    for table in recent:
        assert [head for head, _ in rows(table)] == [
            "Ohio (10)", "Pennsylvania (10)", "West Virginia (10)", "Other partners (10)"]
    attendance = section(dashboard, 'id="attendance"', 'id="progress"')
    assert "partners/" not in re.sub(r'href="[^"]*partners/groups/[^"]*"', "", attendance)


def test_a_groups_count_at_a_review_is_what_its_page_shows_for_that_review(sites):
    site = sites[40]
    dashboard = page(site, "vitality")
    table = tables(dashboard, "Alignment by group in")[0]
    columns = dates(table)
    for head, cells in rows(table):
        label = head.rsplit(" (", 1)[0]
        slug = label.lower().replace(" ", "-")
        group = page(site, f"partners/groups/{slug}")
        heatmap = next(t for t in tables(section(group, 'id="vitality"', 'id="attendance"'), "Alignment in")
                       if dates(t) == columns)
        partner_rows = rows(heatmap)
        assert len(partner_rows) == 10
        for index, cell in enumerate(cells):
            states = [re.search(r'cs-cell--([a-z-]+)', row_cells[index]).group(1) for _, row_cells in partner_rows]
            members = [s for s in states if s not in {"not-yet-a-partner", "stepped-back", "departed"}]
            shown = re.search(r"<strong>(\d+)\xa0of\xa0(\d+)\xa0aligned</strong>", cell)
            if members:
                assert shown and (int(shown[1]), int(shown[2])) == (states.count("aligned"), len(members)), (label, index)
            else:
                assert shown is None


def test_the_dashboard_does_not_grow_when_the_coalition_doubles(sites):
    def measured(site: Path) -> tuple[int, int]:
        dashboard = page(site, "vitality")
        alignment = "".join(tables(dashboard, "Alignment by group in"))
        attendance = section(dashboard, 'id="attendance"', 'id="progress"')
        return len(alignment), len(re.sub(r"<svg.*?</svg>", "", attendance, flags=re.S))

    small, large = measured(sites[40]), measured(sites[80])
    # The same groups and reviews: a cell may name a few more of the eight states, and its
    # counts have more digits; a row a partner would double it.
    assert large[0] < small[0] * 1.15 and large[1] < small[1] * 1.05, (small, large)


def test_every_partner_has_its_row_on_its_groups_page_only(sites):
    site = sites[80]
    seen: list[str] = []
    for group in sorted((site / "partners" / "groups").glob("*/index.html")):
        vitality = section(group.read_text(encoding="utf-8"), 'id="vitality"', 'id="attendance"')
        assert "vitality dashboard</a> counts them with the other groups’." in vitality
        heatmaps = tables(vitality, "Alignment in")
        names = [head for head, _ in rows(heatmaps[0])]
        assert all([head for head, _ in rows(t)] == names for t in heatmaps)
        seen += names
    assert len(seen) == len(set(seen)) == 80


def test_a_public_site_of_a_large_coalition_counts_its_published_reviews_by_group(sites, tmp_path):
    root = sites[40].parent
    public = commands.build(root, audience="public", site_dir=tmp_path / "public")
    dashboard = page(public, "vitality")
    assert 'id="alignment-by-group"' in dashboard
    group = page(public, "partners/groups/ohio")
    assert "Each partner’s alignment and attendance, as recorded at each published review." in group
    internal_dates = set(dates("".join(tables(page(sites[40], "partners/groups/ohio"), "Alignment in"))))
    public_dates = set(dates("".join(tables(group, "Alignment in"))))
    assert public_dates and public_dates < internal_dates
    for review_date in public_dates:
        assert (public / "reviews" / review_date / "index.html").exists()
