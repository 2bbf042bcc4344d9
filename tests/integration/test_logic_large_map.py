"""A Coalition Logic map too large for one picture, built for real: by group, or condensed.

The benchmark's generated charter (40 partners, 32 conditions, about 40 dependencies), with the size a
picture may hold lowered to 24 conditions and 20 dependencies (the real limits are 200 and 200:
a charter that large would take the suite minutes to build), and the partners a partner page
names in a list that grows with the coalition lowered from 12 to 2.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from coalition_site import commands
from coalition_site.analysis import logic_scale
from coalition_site.sitebuild.features import logic as logic_feature

from integration.large_sites import generator
from support import nav_titles

from .conftest import build_site, diagrams, text_of

LIMITS = (24, 20)
_NODE = re.compile(r'^\t+("[^"]+"|\w+) \[', re.M)
_EDGE = re.compile(r'^\t+("[^"]+"|\w+) -[->] ("[^"]+"|\w+)', re.M)


def dot_size(source: str) -> tuple[int, int]:
    """Boxes and arrows of a DOT source, counted from its text."""
    boxes = [name for name in _NODE.findall(source) if name not in ("graph", "node", "edge")]
    return len(boxes), len(_EDGE.findall(source))


def _build(root: Path, audience: str, groups: int, drawn: list) -> Path:
    generator.generate(root, partners=40, years=1, conditions=32, groups=groups, audience=audience)
    real = logic_feature.render_diagrams

    def recording(sources, **kwargs):
        drawn.extend(sources.items())
        return real(sources, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("COALITION_AUDIENCE", raising=False)
        patch.setattr(logic_scale, "MAX_CONDITIONS", LIMITS[0])
        patch.setattr(logic_scale, "MAX_DEPENDENCIES", LIMITS[1])
        patch.setattr(logic_feature, "render_diagrams", recording)
        patch.setattr(logic_feature, "SHOWN_PARTNERS", 2)
        return commands.build(root, audience=audience, site_dir=root / "site")


class Built:
    def __init__(self, site: Path, drawn: list, charter: Path):
        self.site, self.drawn, self.charter = site, drawn, charter

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def grouped(tmp_path_factory) -> Built:
    drawn: list = []
    root = tmp_path_factory.mktemp("logic-grouped") / "project"
    return Built(_build(root, "internal", 3, drawn), drawn, root)


@pytest.fixture(scope="module")
def ungrouped(tmp_path_factory) -> Built:
    drawn: list = []
    root = tmp_path_factory.mktemp("logic-ungrouped") / "project"
    return Built(_build(root, "internal", 0, drawn), drawn, root)


@pytest.fixture(scope="module")
def public_grouped(tmp_path_factory) -> Built:
    drawn: list = []
    root = tmp_path_factory.mktemp("logic-grouped-public") / "project"
    return Built(_build(root, "public", 3, drawn), drawn, root)


def test_no_diagram_over_the_limits_is_handed_to_graphviz(grouped, ungrouped, public_grouped):
    for built in (grouped, ungrouped, public_grouped):
        assert built.drawn
        sizes = {name: dot_size(source) for name, source in built.drawn}
        assert {name: size for name, size in sizes.items()
                if size[0] > LIMITS[0] or size[1] > LIMITS[1]} == {}
        assert "map" not in sizes  # 32 conditions and about 40 dependencies: never laid out whole


def test_the_map_page_says_why_the_map_is_not_one_picture(grouped, ungrouped):
    for built in (grouped, ungrouped):
        text = " ".join(text_of(built.page("logic"), tag="p"))
        logic = yaml.safe_load((built.charter / "content" / "logic.yml").read_text(encoding="utf-8"))
        assert "Too large to draw as one picture" in text
        assert (f"This map has 32 conditions and {len(logic['dependencies'])} dependencies. A picture holds at most 24 conditions "
                "and 20 dependencies: past that, its boxes and arrows are too many to follow on a screen, "
                "and laying them out would take the build many minutes.") in text


def test_with_groups_each_group_has_its_map_and_the_map_page_a_map_of_groups(grouped):
    page = grouped.page("logic")
    text = " ".join(text_of(page, tag="p"))
    assert "So each group of partners has its part of the map drawn on a page of its own" in text
    groups_svg = diagrams(page)[0]
    assert groups_svg.count('class="node cs-group"') == 3
    assert 'href="groups/allegheny/"' in groups_svg
    table = page.split('id="cs-logic-groups-text"', 1)[1].split("</table>", 1)[0]
    assert re.findall(r'<th scope="row"><a href="groups/([a-z-]+)/">', table) == ["allegheny", "blue-ridge", "cumberland"]
    # The navigation lists the groups' maps under the map, as it lists the partners' groups.
    titles = nav_titles(page)
    start = titles.index("Coalition logic")
    assert titles[start + 1:start + 4] == ["Allegheny", "Blue Ridge", "Cumberland"]
    # Every condition is still listed in words on the map page.
    assert page.split('id="cs-logic-map-text"', 1)[1].split("</ol>", 1)[0].count('<li id="condition-') == 32


def test_a_groups_page_draws_its_conditions_with_a_box_for_each_other_group(grouped):
    page = grouped.page("logic/groups/blue-ridge")
    assert "<h1>Coalition logic: Blue Ridge</h1>" in page
    svg = diagrams(page)[0]
    assert svg.count('class="node cs-condition') == 13
    stubs = re.findall(r'<a href="\.\./([a-z-]+)/"', svg)
    assert set(stubs) == {"allegheny", "cumberland"}
    # Its conditions link to its own list; the list has them all.
    listed = page.split('id="cs-logic-group-text"', 1)[1].split("</ol>", 1)[0]
    assert listed.count('<li id="condition-') == 13
    assert 'href="#condition-' in svg
    links = " ".join(text_of(page.split('id="other-groups"', 1)[1].split("</ul>", 1)[0], tag="li"))
    assert "Allegheny:" in links and "Cumberland:" in links
    assert (grouped.site / "logic" / "groups" / "blue-ridge.svg").is_file()


def test_a_group_too_large_itself_is_condensed_and_says_so(grouped):
    # Allegheny: 13 conditions, 14 dependencies and 7 arrows to other groups' boxes (21 > 20).
    page = grouped.page("logic/groups/allegheny")
    text = " ".join(text_of(page, tag="p"))
    assert ("This group’s part of the map has 13 conditions and 14 dependencies between them; with a box "
            "for each of the 2 other groups it is linked to, and an arrow for each link, its picture would "
            "have 15 boxes and 21 arrows. A picture holds at most 24 boxes and 20 arrows: past that, they "
            "are too many to follow on a screen") in text
    assert '<h2 id="cycles-condensed">The cycles, condensed</h2>' in page
    assert page.split('id="cs-logic-group-text"', 1)[1].split("</ol>", 1)[0].count('<li id="condition-') == 13


def test_without_groups_the_cycles_are_condensed_and_every_condition_listed(ungrouped):
    page = ungrouped.page("logic")
    text = " ".join(text_of(page, tag="p"))
    assert ("So it is shown as what can be read: its cycles, condensed, just below; each partner’s own "
            "part of the map, drawn on the partner’s page") in text
    assert '<h2 id="cycles-condensed">The cycles, condensed</h2>' in page
    assert re.search(r"\d+ conditions of the 32 of the map lie on cycles, in \d+ cycle groups?", text)
    assert (ungrouped.site / "logic" / "cycles.svg").is_file()
    assert not (ungrouped.site / "logic" / "map.svg").exists()
    assert not (ungrouped.site / "logic" / "groups").exists()
    assert page.split('id="cs-logic-map-text"', 1)[1].split("</ol>", 1)[0].count('<li id="condition-') == 32
    assert '<a href="../partners/">partners index</a>' in page


def test_a_public_grouped_map_passes_the_leak_check_and_names_no_internal_partner(public_grouped):
    # The build stops on a leak; on top of that, no internal partner's name is in the map's pages
    # and files (the groups' pages, their diagrams, the map of groups), nor any internal tension.
    names = []
    for path in sorted((public_grouped.charter / "content" / "partners").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "\nvisibility: internal" in text:
            names.append(re.search(r"^name: (.+)$", text, re.M).group(1))
    logic = yaml.safe_load((public_grouped.charter / "content" / "logic.yml").read_text(encoding="utf-8"))
    hidden = [t["about"] for t in logic["tensions"] if t.get("visibility") == "internal"]
    assert names and hidden
    assert (public_grouped.site / "logic" / "groups.svg").is_file()
    for path in (public_grouped.site / "logic").rglob("*"):
        if path.is_file():
            content = path.read_text(encoding="utf-8")
            assert not [text for text in names + hidden if text in content], path


def test_a_partner_page_links_its_groups_map(grouped):
    page = grouped.page("partners/" + next(p.stem for p in sorted((grouped.charter / "content" / "partners").glob("*.md"))
                                           if "\ngroup: Blue Ridge\n" in p.read_text(encoding="utf-8")))
    assert '<a href="../../logic/groups/blue-ridge/">See Blue Ridge’s map</a>, or <a href="../../logic/">the whole coalition’s</a>.' in page


def test_a_partner_page_names_the_first_partners_relying_on_it_and_counts_the_others(ungrouped):
    bounded = [path.read_text(encoding="utf-8") for path in (ungrouped.site / "partners").glob("*/index.html")]
    bounded = [html for html in bounded if "’s directly: " in html and " others: the <a" in html]
    assert bounded
    for html in bounded:
        sentence = html.split("’s directly: ", 1)[1].split("</p>", 1)[0]
        assert sentence.count('class="cs-partner-ref"') == 2
        assert re.search(r', and \d+ others: the <a href="\.\./\.\./logic/#conditions">conditions on the map '
                         r'page</a> name them all\.$', sentence)


def test_a_partner_page_names_the_first_partners_left_depending_on_it_and_counts_the_others(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(logic_feature, "SHOWN_PARTNERS", 0)
        site = build_site(tmp_path_factory, "logic-cycles", "public")
    html = (site / "partners" / "riders-alliance" / "index.html").read_text(encoding="utf-8")
    listed = html.split("left depending on them:", 1)[1].split("</li>\n</ul>", 1)[0]
    assert "<li>" not in listed.split("<ul>", 1)[-1]
    assert ('<p>…and 1 other partner: the <a href="../../logic/#step-back">table on the map page</a> names '
            'them all.</p>') in listed
