"""The Coalition Logic pages of a real build: the map, partner views, step-back impact, audiences."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import coalition_site

from .conftest import Site, build_site, diagrams, text_of

FORBIDDEN_IN_PUBLIC = ["CONFIDENTIAL-TENSION-TEXT", "secret-tension", "Secret tension",
                       "QUIET-FUNDERS-NAME", "quiet-funders", "HIDDEN-PARTNER-TENSION-TEXT", "Funders strings"]


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Site:
    return Site(build_site(tmp_path_factory, "logic-cycles", "public"))


@pytest.fixture(scope="module")
def internal(tmp_path_factory) -> Site:
    return Site(build_site(tmp_path_factory, "logic-cycles", "internal"))


# -- the map page -----------------------------------------------------------------------------------
def test_the_map_has_its_own_page_in_the_navigation(public):
    home = public.page("")
    assert re.search(r'<a href="logic/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Coalition logic', home)
    assert "<h1>Coalition logic</h1>" in public.page("logic")


def test_the_map_is_titled_and_described_by_its_text_version(public):
    page = public.page("logic")
    svg = diagrams(page)[0]
    assert svg.startswith('<svg width="')
    assert ('role="group" aria-labelledby="cs-logic-map-text-title" class="cs-svg" '
            'aria-describedby="cs-logic-map-text"') in svg
    assert '<title id="cs-logic-map-text-title">Coalition Logic map: 7 conditions, 8 dependencies, 2 cycles</title>' in svg
    assert len(text_of(page, "cs-logic-map-text")) == 1


def test_every_condition_is_drawn_coloured_by_its_partners_with_a_legend(public):
    page = public.page("logic")
    svg = diagrams(page)[0]
    assert svg.count('class="node cs-condition') == 7
    legend = re.search(r'<ul class="cs-legend">(.*?)</ul>', page, re.S).group(1)
    assert " ".join(re.sub(r"<[^>]+>", " ", legend).split()) == (
        "Riverside Riders Alliance Riverside Tenants Union Riverside Youth League (stepped back)")
    # The swatch beside a partner's name is the colour its own conditions are drawn in.
    swatch = re.search(r'background-color: (#[0-9A-F]{6})"[^>]*></span><a href="../partners/riders-alliance/"', legend)
    node = re.search(r'<a href="#condition-climate-action"><title>[^<]*</title><polygon fill="(#[0-9a-f]{6})"', svg)
    assert swatch.group(1).lower() == node.group(1)
    # A condition nobody carries is grey and dashed, not a partner's colour.
    assert re.search(r'<a href="#condition-green-jobs-fund"><title>[^<]*</title><polygon fill="#dddddd" '
                     r'stroke="#555555" stroke-dasharray', svg)


def test_requires_and_strengthens_are_drawn_differently_and_cycles_heavier(public):
    svg = diagrams(public.page("logic"))[0]
    edges = re.findall(r'<g class="(edge [^"]*)"><g><a><title>([^<]*)</title><path ([^>]*)>', svg)
    by_title = {title.split(":")[0]: (classes, path) for classes, title, path in edges}
    classes, path = by_title["Climate action in the valley requires A just transition for workers"]
    assert classes == "edge cs-requires" and "stroke-dasharray" not in path
    classes, path = by_title["Young people's voice in the campaign is strengthened by Organizing in communities with environmental burdens"]
    assert classes == "edge cs-strengthens cs-cycle" and "stroke-dasharray" in path and 'stroke-width="2.2"' in path
    classes, _ = by_title["Labor having power requires Organizing in communities with environmental burdens"]
    assert classes == "edge cs-requires cs-cycle"


def test_each_edge_tooltip_says_why(public):
    svg = diagrams(public.page("logic"))[0]
    assert ("<title>Climate action in the valley requires A just transition for workers: Climate policy "
            "that costs workers their jobs loses at the ballot box.</title>") in svg


def test_cycles_are_listed_under_the_map_in_words(public):
    page = public.page("logic")
    cycles = text_of(page.split('<ol class="cs-cycles">', 1)[1].split("</ol>", 1)[0], tag="li")
    assert cycles == [
        "Organizing in communities with environmental burdens ⇢ is strengthened by Young people's voice in "
        "the campaign ⇢ is strengthened by Organizing in communities with environmental burdens",
        "Labor having power → requires Organizing in communities with environmental burdens → requires "
        "Communities controlling local decision-making → requires Labor having power",
    ]


def test_condition_nodes_link_to_their_anchor_on_the_map_page(public):
    page = public.page("logic")
    assert 'href="#condition-labor-power"' in diagrams(page)[0]
    assert text_of(page, "condition-labor-power")[0].startswith(
        "Labor having power — Riverside Riders Alliance Requires Organizing in communities with "
        "environmental burdens: Strikes hold when neighbourhoods feed the picket line.")


def test_the_map_page_sums_up_step_back_impact_and_single_points_of_failure(public):
    page = public.page("logic")
    warning = text_of(page.split('<p class="admonition-title">Single points of failure</p>', 1)[1], tag="ul")[0]
    assert warning == (
        "Riverside Riders Alliance is the only active partner carrying Labor having power, which Riverside "
        "Tenants Union’s theory of change requires. Riverside Tenants Union is the only active partner "
        "carrying Organizing in communities with environmental burdens, which Riverside Riders Alliance’s "
        "theory of change requires.")
    assert ("Resting on nobody now (no active partner carries them): Young people's voice in the campaign, "
            "A public green-jobs fund.") in text_of(page, tag="p")
    rows = text_of(page.split('<table class="cs-table cs-stepback">', 1)[1].split("</table>", 1)[0], tag="tr")
    assert rows[1:] == [
        "Riverside Riders Alliance Climate action in the valley; Labor having power 2 Riverside Tenants Union",
        "Riverside Tenants Union Organizing in communities with environmental burdens; Communities "
        "controlling local decision-making 2 Riverside Riders Alliance",
        "Riverside Youth League (stepped back) Young people's voice in the campaign 1 none",
    ]


def test_tensions_are_drawn_between_their_partners_with_their_status(public):
    page = public.page("logic")
    svg = diagrams(page)[1]
    assert '<title id="cs-logic-tensions-text-title">Tensions between partners</title>' in svg
    assert 'class="node cs-tension cs-tension--dealbreaker"' in svg
    assert 'href="../partners/youth-league/"' in svg and 'href="../partners/riders-alliance/"' in svg
    assert text_of(page, "tension-pace-of-closure") == [
        "Pace of closure dealbreaker — between Riverside Riders Alliance and Riverside Youth League (stepped "
        "back). The youth league wants the depot closed this year; the riders want a replacement first."]


# -- fitting a phone, and full size ----------------------------------------------------------------
def _figures(page: str) -> list[str]:
    return re.findall(r'<figure class="cs-diagram">.*?</figure>', page, re.S)


def test_a_diagram_fits_its_column_and_links_to_itself_at_full_size(public):
    figure = _figures(public.page("logic"))[0]
    # The stylesheet scales the drawing down to the column; on a wide screen the canvas may
    # scroll, so a keyboard can reach it, and the drawing says its natural width.
    assert ('<div class="cs-diagram__canvas" role="region" aria-label="The Coalition Logic map" '
            'tabindex="0"><!--cs:not-searched--><svg width="') in figure
    full = re.search(r'<span class="cs-diagram__full">(.*?)</span></figcaption>', figure, re.S).group(1)
    assert re.match(r'<a href="map.svg">Open the diagram at full size<span class="cs-sr">: The Coalition '
                    r'Logic map</span></a> <span class="cs-muted">\(SVG, \d+ × \d+ pixels\)</span>$', full)
    width, height = map(int, re.search(r"(\d+) × (\d+) pixels", full).groups())
    svg = diagrams(figure)[0]
    points = re.match(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"', svg).groups()
    assert (width, height) == tuple(round(float(pt) * 4 / 3) for pt in points)  # its natural size
    assert f'style="--cs-width: {width}px"' in svg
    tensions = _figures(public.page("logic"))[1]
    assert '<a href="tensions.svg">Open the diagram at full size<span class="cs-sr">: Tensions between partners' in tensions
    partner = _figures(public.page("partners/riders-alliance"))[0]
    assert ('<a href="../../logic/partners/riders-alliance.svg">Open the diagram at full size<span class="cs-sr">: '
            'Riverside Riders Alliance in the Coalition Logic</span></a>') in partner


def test_the_stylesheet_keeps_a_diagrams_labels_legible_on_a_phone_and_on_a_wide_screen(public):
    # Fitted to a phone's column, the map's 11 pt labels were 7 to 9 px: a phone now gets 85% of
    # the natural size (12.5 px), scrolling sideways inside the diagram's own box, a wide screen 70%.
    css = (public.root / "assets" / "coalition" / "coalition.css").read_text(encoding="utf-8")
    wide = css.index("@media screen and (min-width: 60em) {\n  .md-typeset .cs-diagram svg.cs-svg")
    phone, wide = css[:wide], css[wide:css.index("\n}\n", wide)]
    assert ".md-typeset .cs-diagram svg.cs-svg { max-width: 100%; height: auto; }" in phone
    assert ".md-typeset .cs-diagram__canvas { overflow-x: auto; }" in phone
    assert ".md-typeset .cs-diagram svg.cs-svg { min-width: calc(var(--cs-width, 0px) * 0.85); }" in phone
    assert ".md-typeset .cs-diagram svg.cs-svg { min-width: calc(var(--cs-width, 0px) * 0.7); }" in wide


def test_each_diagram_links_to_the_same_map_as_a_list(public):
    page = public.page("logic")
    for target, label in (("conditions", "The Coalition Logic map"), ("cs-logic-tensions-text", "Tensions between partners")):
        assert re.search(rf'<a href="#{target}">\s*Read it as a list\s*<span class="cs-sr">: {label}</span>', page)
        assert f'id="{target}"' in page
    partner = public.page("partners/riders-alliance")
    assert re.search(r'<a href="#cs-logic-partner-text">\s*Read it as a list', partner)
    assert 'id="cs-logic-partner-text"' in partner


def test_a_long_partner_name_wraps_rather_than_widen_a_phones_page(public):
    # "Millbrook Immigrant Rights Project (stepped back)" in the list of conditions was wider than a
    # 390 px phone's column: the swatch stays with the name, the name wraps like any text.
    css = (public.root / "assets" / "coalition" / "coalition.css").read_text(encoding="utf-8")
    assert re.search(r"\.md-typeset \.cs-partner-ref \{ white-space: nowrap; \}", css)
    assert re.search(r"\.md-typeset \.cs-partner-ref > a \{ white-space: normal;", css)
    page = public.page("logic")
    assert re.search(r'<span class="cs-partner-ref"><span class="cs-swatch"[^>]*></span><a href="../partners/youth-league/">'
                     r'Riverside Youth League</a> \(stepped back\)</span>', page)


def test_the_full_size_file_is_the_same_sanitised_drawing_with_links_from_where_it_is(public):
    import xml.etree.ElementTree as ET

    page_svg = diagrams(public.page("logic"))[0]
    document = (public.root / "logic" / "map.svg").read_text(encoding="utf-8")
    assert document.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ')
    root = ET.fromstring(document.split("\n", 1)[1])
    assert root.get("aria-labelledby") == "cs-logic-map-text-title" and root.get("aria-describedby") is None
    # The drawing is the page's: the links lead from logic/map.svg to the same places.
    assert document.split("</title>", 1)[1].replace('href="./#', 'href="#').strip() == page_svg.split("</title>", 1)[1]
    partner = (public.root / "logic" / "partners" / "riders-alliance.svg").read_text(encoding="utf-8")
    assert 'href="../#condition-community-control"' in partner
    assert 'href="../partners/tenants-union/"' in (public.root / "logic" / "tensions.svg").read_text(encoding="utf-8")


def test_only_the_diagrams_a_page_shows_get_a_file_of_their_own(public, internal):
    def files(site):
        return sorted(p.relative_to(site.root).as_posix() for p in (site.root / "logic").rglob("*.svg"))
    # The partner not on the map has no diagram, nor one hidden from the public.
    assert files(public) == ["logic/map.svg", "logic/partners/riders-alliance.svg",
                             "logic/partners/tenants-union.svg", "logic/partners/youth-league.svg",
                             "logic/tensions.svg"]
    assert files(internal) == ["logic/map.svg", "logic/partners/quiet-funders.svg",
                               "logic/partners/riders-alliance.svg", "logic/partners/tenants-union.svg",
                               "logic/partners/youth-league.svg", "logic/tensions.svg"]
    assert "CONFIDENTIAL-TENSION-TEXT" in (internal.root / "logic" / "tensions.svg").read_text(encoding="utf-8")


def test_the_leak_scan_reads_the_diagrams_own_files(public, internal):
    from coalition_site.audience.leaks import internal_values, scan_site
    from coalition_site.load.charter import load_charter

    from .conftest import FIXTURES

    values = internal_values(load_charter(FIXTURES / "logic-cycles" / "content").charter)
    assert scan_site(public.root, values) == []
    # The internal build's files hold internal values: a public build holding them would fail.
    assert {"logic/tensions.svg", "logic/partners/quiet-funders.svg"} <= {
        leak.file for leak in scan_site(internal.root, values)}


# -- audiences --------------------------------------------------------------------------------------
@pytest.mark.parametrize("needle", FORBIDDEN_IN_PUBLIC)
def test_internal_tensions_and_partners_never_reach_the_public_site(public, internal, needle):
    assert public.containing(needle) == []


def test_the_internal_site_shows_them_in_the_picture_and_the_text(internal):
    page = internal.page("logic")
    assert "CONFIDENTIAL-TENSION-TEXT" in diagrams(page)[1]
    assert text_of(page, "tension-secret-tension")[0].startswith("Secret tension open")
    assert "QUIET-FUNDERS-NAME" in diagrams(page)[0]


# -- partner pages ----------------------------------------------------------------------------------
def test_a_partner_page_shows_its_view_of_the_map(public):
    page = public.page("partners/riders-alliance")
    svg = diagrams(page)[0]
    assert ('<title id="cs-logic-partner-text-title">Riverside Riders Alliance in the Coalition Logic: its '
            'conditions, what they require and who requires them</title>') in svg
    assert svg.count('class="node cs-condition cs-own"') == 3
    assert 'href="../../logic/#condition-community-control"' in svg
    items = text_of(page, "cs-logic-partner-text")[0]
    assert items.startswith(
        "Climate action in the valley (Riverside Riders Alliance) requires A just transition for workers "
        "(Riverside Riders Alliance, Riverside Tenants Union): Climate policy that costs workers their jobs "
        "loses at the ballot box. is strengthened by A public green-jobs fund (no partner): Money makes the "
        "transition believable.")


def test_each_of_a_partners_own_conditions_has_the_heavy_outline_the_legend_promises(public):
    svg = diagrams(public.page("partners/riders-alliance"))[0]
    own = re.findall(r'<g class="node cs-condition cs-own">(.*?)</g>\s*</g>', svg, flags=re.S)
    assert len(own) == 3
    for node in own:  # one partner or several: the outline is a box of its own over the fill
        assert re.search(r'<polygon fill="none" stroke="#555555" stroke-width="2.5"', node), node
    others = re.findall(r'<g class="node cs-condition">(.*?)</g>\s*</g>', svg, flags=re.S)
    assert others and not any('stroke-width="2.5"' in node for node in others)
    # ... which the stylesheet draws, in the scheme's text colour, while it hides the fills' own strokes.
    css = (Path(coalition_site.__file__).parent / "assets" / "coalition.css").read_text(encoding="utf-8")
    assert '.cs-svg .cs-own polygon[fill="none"] { stroke: var(--md-default-fg-color); }' in css


def test_a_partner_page_says_what_rests_on_it_alone(public):
    page = public.page("partners/riders-alliance")
    section = page.split('id="step-back"', 1)[1]
    assert text_of(page, "step-back") == ["If Riverside Riders Alliance stepped back"]
    assert text_of(section, tag="ul")[0] == (
        "Conditions that would lose their only partner: Climate action in the valley, Labor having power. "
        "Dependencies that would then rest on nobody: A just transition for workers → requires Labor having "
        "power Communities controlling local decision-making → requires Labor having power Partners whose "
        "theories of change would be left depending on them: Riverside Tenants Union: A just transition for "
        "workers → requires Labor having power")
    assert ("Riverside Riders Alliance is the only active partner carrying Labor having power, which other "
            "partners’ theories of change require.") in text_of(section, tag="p")


def test_a_partner_that_stepped_back_reads_in_the_present(public):
    page = public.page("partners/youth-league")
    assert text_of(page, "step-back") == ["Since Riverside Youth League stepped back"]
    section = page.split('id="step-back"', 1)[1]
    assert text_of(section, tag="ul")[0].startswith(
        "Conditions left with no active partner: Young people's voice in the campaign. Dependencies that rest "
        "on nobody: Organizing in communities with environmental burdens ⇢ is strengthened by Young people's "
        "voice in the campaign Partners whose theories of change are left depending on them: none.")


def test_a_partner_not_on_the_map_is_told_so(public):
    page = public.page("partners/newcomers")
    assert text_of(page, "coalition-logic") == ["In the Coalition Logic"]
    assert ("Riverside Newcomers Network’s theory of change is not on the Coalition Logic map yet: no "
            "condition names it in logic.yml.") in text_of(page, tag="p")
    assert diagrams(page) == []


# -- the joint demand -------------------------------------------------------------------------------
def test_the_joint_demand_shows_what_each_ask_advances(public):
    page = public.page("charter/joint-demand")
    assert text_of(page, "advances") == ["What each ask advances"]
    assert ('<li><a href="../../logic/#condition-climate-action">Climate action in the valley</a> — ') in page
    items = text_of(page.split('<ul class="cs-advances">', 1)[1].split("</ul>\n", 1)[0], tag="li")
    assert items[0] == ("Pair every new bus line with tenant protections along its route. Climate action in "
                        "the valley — Riverside Riders Alliance Communities controlling local decision-making "
                        "— Riverside Tenants Union")


# -- hostile texts ----------------------------------------------------------------------------------
SVG_ELEMENTS = {"svg", "title", "g", "a", "path", "polygon", "polyline", "ellipse", "text"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Site:
    return Site(build_site(tmp_path_factory, "logic-hostile", "public"))


def _svg_pages(site: Site):
    for path in site.root.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        for svg in diagrams(html):
            yield path, html, svg


def test_hostile_texts_leave_nothing_but_drawing_in_the_diagrams_own_files(hostile):
    import xml.etree.ElementTree as ET

    files = sorted((hostile.root / "logic").rglob("*.svg"))
    assert len(files) == 4  # the same four diagrams as the pages show
    for path in files:
        declaration, document = path.read_text(encoding="utf-8").split("\n", 1)
        assert declaration == '<?xml version="1.0" encoding="UTF-8"?>'
        assert "<!" not in document and "<?" not in document, path
        for element in ET.fromstring(document).iter():
            assert element.tag.split("}")[1] in SVG_ELEMENTS, path
            assert not [name for name in element.attrib if name.lower().startswith("on")], path
            href = element.get("href")
            if href is not None:
                assert re.fullmatch(r"(\.\./|\./)*(#condition-[a-z0-9-]+|partners/[a-z0-9-]+/)", href), (path, href)


def test_hostile_texts_leave_nothing_but_drawing_in_the_diagrams(hostile):
    import xml.etree.ElementTree as ET

    seen = 0
    for path, _, svg in _svg_pages(hostile):
        root = ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
        for element in root.iter():
            assert element.tag.split("}")[1] in SVG_ELEMENTS, path
            assert not [name for name in element.attrib if name.lower().startswith("on")], path
            href = element.get("href")
            if href is not None:
                assert re.fullmatch(r"(\.\./)*(#condition-[a-z0-9-]+|(\.\./)*logic/#condition-[a-z0-9-]+|"
                                    r"(\.\./)*partners/[a-z0-9-]+/)", href), (path, href)
        seen += 1
    assert seen == 4  # the map, the tensions, and each partner's view on its page


def test_hostile_texts_are_shown_as_the_very_text_written(hostile):
    svg = diagrams(hostile.page("logic"))[0]
    assert ">&lt;&lt;b&gt;BOLD-HTML-LABEL&lt;/b&gt;&gt;</text>" in svg
    assert ">Escapes \\N and \\G and \\E</text>" in svg and ">backslash \\</text>" in svg
    assert ">quote \" and \\\" and \\\\\"</text>" in svg
    assert ("<title>first line second line requires &lt;/svg&gt;&lt;script&gt;alert(\"SCRIPT-IN-LABEL\")"
            "&lt;/script&gt;: \\N\\G trailing \\</title>") in svg


def test_no_hostile_markup_survives_anywhere_in_the_site(hostile):
    # Parsed as a browser would: partner texts may hold `href="https://evil..."` as *text*, never as markup.
    for path in hostile.root.rglob("*.html"):
        parser = _Markup()
        parser.feed(path.read_text(encoding="utf-8"))
        assert not [tag for tag, _ in parser.tags if tag in ("img", "image", "iframe", "foreignobject", "object")], path
        for tag, attrs in parser.tags:
            for name, value in attrs:
                assert not name.startswith("on"), (path, tag, name)
                assert not re.match(r"\s*(javascript:|https?://evil)", value or "", re.I), (path, tag, name, value)
        assert not [text for text in parser.scripts if "alert" in text], path


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
