"""A large coalition whose charter gives its partners a ``group`` (the benchmark's generated
charter at 60 partners, in three regions and none): the menu, the partners index and its filter,
a partner page's link to its group; and the reviews the menu still names after five years.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from integration.large_sites import REGIONS, build_generated, partner_pages
from support import nav_titles


@pytest.fixture(scope="module")
def grouped(tmp_path_factory) -> Path:
    return build_generated(tmp_path_factory.mktemp("grouped") / "project", partners=60, years=4,
                           prune=True, groups=True)


def test_the_charters_groups_make_the_menu_and_the_filters(grouped):
    html = (grouped / "partners" / "index.html").read_text(encoding="utf-8")
    titles = nav_titles(html)
    assert titles[titles.index("Partners") + 1:titles.index("Coalition logic")] == [
        "Ohio", "Pennsylvania", "West Virginia", "Other partners"]
    # The whole table is on the page; the filter is there for the script to show.
    assert len(re.findall(r'<tr data-group="', html)) == 60
    assert '<form class="cs-filter" id="cs-partner-filter" role="search" aria-label="Filter the partners" hidden>' in html
    assert re.findall(r"<option>([^<]+)</option>", html) == ["Ohio", "Pennsylvania", "West Virginia", "Other partners"]
    assert '<th scope="col">Group</th>' in html


def test_a_partner_page_links_its_group_and_the_index(grouped):
    facts = {name: re.search(r"<dt>(Group|Listed under)</dt><dd>(.*?)</dd>", html).groups()
             for name, html in partner_pages(grouped).items()}
    assert len(facts) == 60
    shown = {(dt, re.sub(r'href="\.\./groups/[a-z-]+/"', 'href="G"', dd)) for dt, dd in facts.values()}
    assert shown == {("Group", f'<a href="G">{region}</a> · <a href="../">all partners</a>') for region in REGIONS} \
        | {("Listed under", '<a href="G">Other partners</a> · <a href="../">all partners</a>')}


def test_the_menu_names_the_three_latest_years_of_reviews_and_the_index_every_year(grouped):
    html = (grouped / "reviews" / "index.html").read_text(encoding="utf-8")
    titles = nav_titles(html)
    assert [t for t in titles if re.fullmatch(r"20\d\d", t)] == ["2026", "2025", "2024"]
    assert re.findall(r'<h2 id="year-(\d+)">', html) == ["2026", "2025", "2024", "2023", "2022"]
