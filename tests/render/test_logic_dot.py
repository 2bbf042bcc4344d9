"""Hostile texts in the Coalition Logic diagrams stay text, from DOT through Graphviz to the page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from coalition_site.model import Tension
from coalition_site.render.diagrams import render_diagrams
from coalition_site.render.logic_dot import label, logic_map_dot, tensions_dot
from coalition_site.render.palette import partner_colours
from coalition_site.render.svg import clean_svg

HOSTILE_LABELS = [
    "<<b>BOLD</b>>",
    '<img src="x" onerror="alert(1)">',
    r"Escapes \N \G \E \L \T \H and a trailing backslash \ ",
    "ends in a backslash \\",
    'quote " and \\" and \\\\" end',
    '"] [URL="javascript:alert(1)" label="INJECTED',
    "</svg><script>alert(1)</script>",
]


def drawn(graph_map, cycles=None):
    """The map's texts as the reader sees them: each node's label lines and every tooltip."""
    diagram = logic_map_dot(graph_map, partner_colours(graph_map.partners), cycles or graph_map.cycles())
    svg = clean_svg(render_diagrams({"map": diagram.source})["map"], diagram.tooltips).inline(
        title="Map", title_id="t")
    root = ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    ns = "{http://www.w3.org/2000/svg}"
    nodes = [[t.text for t in g.iter(f"{ns}text")] for g in root.iter(f"{ns}g")
             if "cs-condition" in g.get("class", "")]
    titles = [t.text for t in root.iter(f"{ns}title")]
    return diagram, nodes, titles


@pytest.mark.parametrize("text", HOSTILE_LABELS)
def test_a_hostile_label_is_drawn_as_the_very_text_written(make_map, text):
    graph_map = make_map([{"id": "hostile", "label": text, "partners": ["usw"]},
                          {"id": "other", "label": "Other", "partners": ["usw"]}],
                         [{"from": "hostile", "to": "other", "why": text}])
    diagram, nodes, titles = drawn(graph_map)
    expected = " ".join(text.split())
    # Wrapping may break a long word anywhere, so compare the drawn text without spaces.
    assert "".join(nodes[0]).replace(" ", "") == expected.replace(" ", "")
    assert f"{expected} (centred on by Usw)" in titles
    assert len(nodes) == 2  # no node, edge or attribute was injected
    assert f"{expected} requires Other: {expected}" in titles
    assert re.findall(r'URL="([^"]*)"', diagram.source) == ["cs:condition/hostile", "cs:condition/other"]


def test_a_label_that_looks_like_html_is_quoted_never_an_html_label():
    from graphviz.quoting import quote

    assert quote(label("<<b>BOLD</b>>")) == '"<<b>BOLD</b>>"'
    assert quote(label("<first line and a long last line that wraps>")) == (
        '"<first line and a long\\nlast line that wraps>"')


def test_why_texts_never_reach_graphviz(make_map):
    graph_map = make_map([{"id": "a", "label": "A", "partners": ["usw"]},
                          {"id": "b", "label": "B", "partners": ["usw"]}],
                         [{"from": "a", "to": "b", "why": "SECRET-WHY \\N <b>"}])
    diagram, _, titles = drawn(graph_map)
    assert "SECRET-WHY" not in diagram.source
    assert "A requires B: SECRET-WHY \\N <b>" in titles


def test_newlines_and_control_characters_in_a_label_are_plain_spaces(make_map):
    graph_map = make_map([{"id": "a", "label": "first line\nsecond\tline\x07", "partners": ["usw"]}])
    _, nodes, _ = drawn(graph_map)
    assert " ".join(nodes[0]) == "first line second line"


def test_long_labels_wrap_and_are_cut(make_map):
    graph_map = make_map([{"id": "a", "label": "word " * 60, "partners": ["usw"]}])
    _, nodes, _ = drawn(graph_map)
    assert len(nodes[0]) > 1 and all(len(line) <= 24 for line in nodes[0])
    assert nodes[0][-1].endswith("…")


def test_hostile_partner_names_and_tensions_stay_text(make_partner):
    partners = {"usw": make_partner("usw", 'Evil <a href="https://evil.example">\\N</a>'),
                "breathe": make_partner("breathe", "Breathe")}
    tension = Tension(id="pace", between=["usw", "breathe"], about="<script>alert(1)</script> \\G", status="open")
    diagram = tensions_dot([tension], partners, partner_colours(partners))
    svg = clean_svg(render_diagrams({"t": diagram.source})["t"], diagram.tooltips).inline(title="T", title_id="t")
    root = ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    texts = [t.text for t in root.iter() if t.text and t.text.strip()]
    assert 'Evil <a href="https://evil.example">\\N</a>' in texts
    assert "Pace (open): <script>alert(1)</script> \\G" in texts
    links = [e.get("href") for e in root.iter() if e.get("href") is not None]
    assert links == ["cs:partner/usw", "cs:partner/breathe"]
    assert {e.tag.split("}")[1] for e in root.iter()} <= {"svg", "title", "g", "a", "path", "polygon", "text"}


def test_statements_are_written_as_graphviz_writes_them():
    import graphviz

    from coalition_site.render.logic_dot import _defaults, _edge_statement, _node

    attrs = {"tooltip": "cs-tip-0", "URL": "cs:condition/a", "class": "cs-condition cs-own",
             "fillcolor": "#77AADD:#EE8866", "style": "filled,striped", "penwidth": "2.5"}
    for hostile in HOSTILE_LABELS:
        for make in (graphviz.Digraph, graphviz.Graph):
            ours, theirs = make(name="g"), make(name="g")
            _defaults(ours, "graph", rankdir="LR", fontname="Helvetica, Arial", **{"class": "cs-graph"})
            theirs.attr("graph", rankdir="LR", fontname="Helvetica, Arial", **{"class": "cs-graph"})
            _defaults(ours, "node", shape="box", margin="0.12,0.06")
            theirs.attr("node", shape="box", margin="0.12,0.06")
            _node(ours, "condition-a", label=label(hostile), **attrs)
            theirs.node("condition-a", label=label(hostile), **attrs)
            _node(ours, "node", label='say "edge"')  # a DOT keyword as a name, a plain label
            theirs.node("node", label='say "edge"')
            _edge_statement(ours, "condition-a", "condition-b", **attrs)
            theirs.edge("condition-a", "condition-b", **attrs)
            _edge_statement(ours, "a b", "c")
            theirs.edge("a b", "c")
            assert ours.source == theirs.source


def test_quoting_a_label_never_reuses_the_quoting_of_the_same_plain_text():
    from coalition_site.render.logic_dot import _quote

    # A plain `<b>x</b>` would be an HTML-like label; the same text from `label` never is,
    # whichever of the two is quoted first.
    assert _quote("<b>x</b>") == "<b>x</b>"
    assert _quote(label("<b>x</b>")) == '"<b>x</b>"'
    assert _quote("<i>y</i>") == "<i>y</i>"
    assert _quote(label("<i>y</i>")) == '"<i>y</i>"'
    assert _quote(label("<u>z</u>")) == '"<u>z</u>"'
    assert _quote("<u>z</u>") == "<u>z</u>"
