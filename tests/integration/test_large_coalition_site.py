"""A large coalition's site, built for real from the benchmark's generator at a small scale:
its pages stay the same weight as the coalition doubles, every partner is still reachable, and
the navigation lists groups (the charter's own, or first letters) rather than partners.

The sizes are compared without Material's ``navigation.prune`` (the whole navigation on every
page: the harder case) and without the partner page's Coalition Logic section, which draws the
map's conditions and the partners who share them (the logic map's own scaling is its own work).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from integration.large_sites import build_generated, partner_pages
from support import nav_titles

@pytest.fixture(scope="module")
def by_letter(tmp_path_factory) -> dict[int, Path]:
    return {n: build_generated(tmp_path_factory.mktemp(f"letters-{n}") / "project", partners=n) for n in (100, 200)}


def without_logic(html: str) -> str:
    return re.sub(r'<h2 id="coalition-logic">.*?(?=<h2 id="about">)', "", html, flags=re.S)


def linked_partners(html: str, url: str) -> set[str]:
    """The partner pages that ``html``, the page at ``url`` (``partners/``), links to."""
    paths = {urljoin(f"http://site/{url}", href) for href in re.findall(r'href="([^"#]*)"', html)}
    return {m.group(1) for path in paths
            if (m := re.fullmatch(r"http://site/partners/([a-z0-9-]+)/", path)) and m.group(1) != "groups"}


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def primary_nav(html: str) -> str:
    return html[html.index("md-sidebar--primary"):html.index("md-sidebar--secondary")]


def test_a_partner_page_weighs_the_same_when_the_coalition_doubles(by_letter):
    largest = {n: max(len(without_logic(html).encode()) for html in partner_pages(site).values())
               for n, site in by_letter.items()}
    navigation = {n: max(len(primary_nav(html).encode()) for html in partner_pages(site).values())
                  for n, site in by_letter.items()}
    # Before, each partner added ~350 bytes of navigation to every page: 35 KB from 100 to 200.
    assert largest[200] - largest[100] < 1_500, largest
    assert navigation[200] - navigation[100] < 200, navigation


def test_no_partner_page_names_the_other_partners(by_letter):
    pages = partner_pages(by_letter[200])
    for name, html in pages.items():
        assert linked_partners(without_logic(html), f"partners/{name}/") <= {name}, name


def test_every_partner_is_on_the_index_and_on_one_group_page(by_letter):
    site = by_letter[200]
    partners = set(partner_pages(site))
    assert len(partners) == 200
    index = (site / "partners" / "index.html").read_text(encoding="utf-8")
    assert linked_partners(index, "partners/") == partners
    seen: list[str] = []
    for group in (site / "partners" / "groups").glob("*/index.html"):
        url = f"partners/groups/{group.parent.name}/"
        seen += linked_partners(article(group.read_text(encoding="utf-8")), url)
    assert sorted(seen) == sorted(partners)


def test_the_navigation_lists_first_letters_and_each_group_lists_its_partners(by_letter):
    site = by_letter[100]
    html = (site / "index.html").read_text(encoding="utf-8")
    titles = nav_titles(html)
    letters = titles[titles.index("Partners") + 1:titles.index("Coalition logic")]
    assert letters == sorted(letters) and all(re.fullmatch("[A-Z]", t) for t in letters), letters
    # The staff pages of #14's Start here are linked from the group pages, not listed on every page.
    assert titles[0] == "Start here" and not [t for t in titles if t.startswith("New at ")]
    for letter in letters:
        page = (site / "partners" / "groups" / letter.lower() / "index.html").read_text(encoding="utf-8")
        assert f"<h1>Partners: {letter}</h1>" in page
        names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', page)
        assert names and all(name.startswith(letter) for name in names)


def test_a_staff_page_explains_the_partners_the_map_ties_to_us_and_counts_the_rest(by_letter):
    """#14's page for a partner's new staff, at #15's scale: why we are allied with the partners
    the map or a tension ties nearest to ours, and a count of the others; never every partner at
    length (a page about every partner, for every partner, grows with the coalition's square)."""
    from coalition_site.sitebuild.features.onboarding import DESCRIBED

    sizes = {}
    for n, site in by_letter.items():
        pages = {p.parent.name: p.read_text(encoding="utf-8")
                 for p in (site / "onboarding").glob("*/index.html")}
        assert len(pages) == n
        counted = 0
        for html in pages.values():
            explained = len(re.findall(r'<h2 id="with-', html))
            match = re.search(r'<h2 id="other-partners">Other partners</h2>\s*<p>(\d+) other partner', html)
            others = int(match.group(1)) if match else 0
            assert explained <= DESCRIBED and explained + others == n - 1
            counted += others
        assert counted  # the generated map does not tie every partner to every other
        sizes[n] = sum(len(html.encode()) for html in pages.values()) / n
    assert sizes[200] < 1.5 * sizes[100], sizes  # the average page does not grow with the coalition


def test_the_home_page_and_start_here_count_the_partners_and_link_their_groups(by_letter):
    weights = {}
    for n, site in by_letter.items():
        home = article((site / "index.html").read_text(encoding="utf-8"))
        start = article((site / "onboarding" / "index.html").read_text(encoding="utf-8"))
        assert re.search(rf"<p>{n} partner organizations, \d+ of them active, share this demand.\n"
                         r'<a href="partners/">All the partners on one page</a>, to search and filter, or by name:</p>',
                         home)
        assert f"<p>With {n} partners, this page does not list them. Find your organization by the first " \
               "letter of its name below, or on <a href=\"../partners/\">the partners' page</a>" in start
        for html, url in ((home, ""), (start, "onboarding/")):
            assert not linked_partners(html, url)  # no card or row for each partner
            assert '<a href="' + ("../" if url else "") + 'partners/groups/b/">B</a>' in html
        weights[n] = (len(home.encode()), len(start.encode()))
    # The same but for a few more letters (27 at most) and the steward's recent decisions.
    assert all(abs(weights[200][i] - weights[100][i]) < 1_000 for i in (0, 1)), weights


def test_each_group_page_links_its_partners_pages_for_new_staff(by_letter):
    site = by_letter[200]
    staff: list[str] = []
    for group in (site / "partners" / "groups").glob("*/index.html"):
        html = article(group.read_text(encoding="utf-8"))
        assert '<th scope="col">For its new staff</th>' in html
        staff += re.findall(r'<a href="\.\./\.\./\.\./onboarding/([a-z0-9-]+)/">New at ', html)
    assert sorted(staff) == sorted(p.parent.name for p in (site / "onboarding").glob("*/index.html"))


def test_search_finds_partner_pages_and_reviews_by_title_and_first_paragraph(by_letter):
    sizes = {}
    for n, site in by_letter.items():
        index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
        docs = json.loads(index)["docs"]
        partner = sorted(partner_pages(site))[0]
        entries = [d for d in docs if d["location"].startswith(f"partners/{partner}/")]
        name = entries[0]["title"]
        assert [(d["location"], d["text"]) for d in entries] == [
            (f"partners/{partner}/", f'{name} <p>Active Disability rights</p>')]
        # A review's attendance and alignment (every partner's name) are on its page, not in search.
        reviews = [d for d in docs if d["location"].startswith("reviews/2")]
        assert reviews and all("#" not in d["location"] and len(d["text"]) < 300 for d in reviews)
        sizes[n] = len(index.encode())
    # Each partner adds its entry, its row of the partners' table and of its group's page, and
    # its stake and autonomy terms on the charter's pages, which show every partner's.
    assert (sizes[200] - sizes[100]) / 100 < 1_500, sizes
