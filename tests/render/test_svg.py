"""The SVG sanitiser keeps drawing and drops everything else, whatever Graphviz hands it."""

from __future__ import annotations

import pytest

from coalition_site.errors import RenderError
from coalition_site.render.svg import clean_svg, resolve_links

MALICIOUS = """<?xml version="1.0"?>
<?xml-stylesheet href="https://evil.example/a.css"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg width="100pt" height="50pt" viewBox="0 0 100 50" onload="alert(1)" style="background:url(https://evil.example/b)"
     xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:h="http://www.w3.org/1999/xhtml">
<script>alert("SCRIPT")</script>
<style>text { fill: red }</style>
<!-- a comment -->
<?php echo 1; ?>
<g id="graph0" class="graph cs-graph evil-class" transform="scale(1 1) rotate(0) translate(4 46)" onclick="alert(2)">
<title>graph-name</title>
<image xlink:href="https://evil.example/pixel.png" width="10" height="10"/>
<foreignObject width="10" height="10"><h:iframe src="https://evil.example/frame"/></foreignObject>
<h:div>xhtml</h:div>
<g class="node cs-condition"><title>condition-a</title>
<a xlink:href="cs:condition/a" xlink:title="cs-tip-0">
<polygon fill="url(https://evil.example/c)" stroke="#555555" points="0,0 10,0 10,10" onmouseover="alert(3)"/>
<text x="5" y="5" font-family="Helvetica,Arial,sans-serif" style="fill:red">Label &lt;b&gt; &amp; more</text>
</a></g>
<g class="edge"><a xlink:href="javascript:alert(4)" xlink:title="cs-tip-1"><path d="M0,0C1,1 2,2 3,3" stroke="black"/></a></g>
<g class="edge"><a xlink:href="https://evil.example/" xlink:title="not-a-token"><path d="M0,0L1,1"/></a></g>
<g class="edge"><a href="cs:partner/usw-1219"><path d="M0,0L1,1" transform="translate(1 1); x"/></a></g>
</g>
</svg>
"""


@pytest.fixture(scope="module")
def clean() -> str:
    return clean_svg(MALICIOUS, {"cs-tip-0": 'Tooltip <script>"x"</script>', "cs-tip-1": "Edge"}).inline(
        title="A <map> & more", title_id="map-title", described_by="map-text")


@pytest.fixture(scope="module")
def document() -> str:
    return clean_svg(MALICIOUS, {"cs-tip-0": 'Tooltip <script>"x"</script>', "cs-tip-1": "Edge"}).document(
        title="A <map> & more", title_id="map-title")


FORBIDDEN = [
    "<script", "<style", "<image", "foreignObject", "iframe", "<div", "comment", "<?", "<!",
    "onload", "onclick", "onmouseover", "javascript:", "evil.example", "url(", "evil-class",
    "graph-name", "condition-a", "not-a-token", 'id="graph0"', "fill:red",
]


@pytest.mark.parametrize("forbidden", FORBIDDEN)
def test_nothing_but_drawing_survives(clean, forbidden):
    assert forbidden not in clean


@pytest.mark.parametrize("forbidden", FORBIDDEN)
def test_nothing_but_drawing_survives_in_the_file_of_its_own_either(document, forbidden):
    assert forbidden not in document.split("\n", 1)[1]


def test_the_file_of_its_own_is_the_same_drawing_as_a_standalone_svg_document(clean, document):
    import xml.etree.ElementTree as ET

    declaration, root = document.split("\n", 1)
    assert declaration == '<?xml version="1.0" encoding="UTF-8"?>'
    assert root.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt" '
                           'viewBox="0 0 100 50" role="group" aria-labelledby="map-title" class="cs-svg">'
                           '<title id="map-title">A &lt;map&gt; &amp; more</title>')
    assert ET.fromstring(root).tag == "{http://www.w3.org/2000/svg}svg"  # well-formed, in SVG's namespace
    # Nothing beside it to be described by; the drawing itself is the page's, byte for byte.
    assert "aria-describedby" not in document
    assert root.rstrip().split("</title>", 1)[1] == clean.split("</title>", 1)[1]


def test_the_natural_size_is_read_in_css_pixels():
    assert clean_svg(MALICIOUS).pixels == (133, 67)
    assert clean_svg('<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="5"></svg>').pixels is None


def test_the_svg_is_named_and_described_for_screen_readers(clean):
    assert clean.startswith('<svg width="100pt" height="50pt" viewBox="0 0 100 50" role="group" '
                            'aria-labelledby="map-title" class="cs-svg" aria-describedby="map-text" '
                            'style="--cs-width: 133px"><title id="map-title">A &lt;map&gt; &amp; more</title>')


def test_tooltips_come_back_as_escaped_titles_and_text_stays_text(clean):
    assert "<title>Tooltip &lt;script&gt;\"x\"&lt;/script&gt;</title>" in clean
    assert "<title>Edge</title>" in clean
    assert ">Label &lt;b&gt; &amp; more</text>" in clean


def test_only_links_to_the_sites_own_partners_and_conditions_are_kept(clean):
    assert 'href="cs:condition/a"' in clean and 'href="cs:partner/usw-1219"' in clean
    resolved = resolve_links(clean, lambda kind, item: {"condition": f"#condition-{item}",
                                                       "partner": None}[kind])
    assert 'href="#condition-a"' in resolved and "cs:" not in resolved


def test_resolved_links_are_attribute_escaped(clean):
    resolved = resolve_links(clean, lambda kind, item: '../a"b<c>/')
    assert 'href="../a&quot;b&lt;c&gt;/"' in resolved


def test_classes_and_attributes_keep_only_expected_values(clean):
    assert 'class="graph cs-graph"' in clean
    assert 'transform="scale(1 1) rotate(0) translate(4 46)"' in clean
    assert "translate(1 1); x" not in clean
    assert '<polygon stroke="#555555" points="0,0 10,0 10,10"></polygon>' in clean


def test_output_that_is_not_svg_is_an_error_not_a_crash():
    with pytest.raises(RenderError, match="Graphviz produced no SVG"):
        clean_svg("Error: syntax error in line 1")
    with pytest.raises(RenderError, match="cannot be read"):
        clean_svg("<svg><g></svg>")


def test_links_and_tooltips_are_judged_on_every_element_not_remembered():
    # The same link and token on a link and on a group: only the link keeps them, in either order.
    svg = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
    <g href="cs:condition/a" xlink:title="cs-tip-0" class="node"/>
    <a href="cs:condition/a" xlink:title="cs-tip-0" class="node"/>
    <g href="cs:condition/a" xlink:title="cs-tip-0" class="node"/>
    <a xlink:href="cs:condition/a" href="javascript:alert(1)" class="node evil"/>
    </svg>"""
    body = clean_svg(svg, {"cs-tip-0": "Tip"}).body
    assert body == ('<g class="node"></g><a href="cs:condition/a" class="node"><title>Tip</title></a>'
                    '<g class="node"></g><a href="cs:condition/a" class="node"></a>')


def test_a_value_with_a_newline_after_it_is_not_taken_for_an_allowed_one():
    # A pattern's `$` also matches before a final newline: values are matched whole. (XML folds a
    # written newline in an attribute to a space; `&#10;` keeps it.)
    svg = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
    <g class="node&#10;" fill="#555555&#10;" stroke="#555555"/>
    <a xlink:href="cs:condition/a&#10;"/>
    </svg>"""
    # (A class list is split at whitespace: "node" stands on its own.)
    assert clean_svg(svg).body == '<g class="node" stroke="#555555"></g><a></a>'
