"""Cleaning generated chart SVG (the vitality dashboard) before it is inlined into a page.

Charts are drawn by a library from data partners wrote (partner names, score names), and the
SVG is inserted into pages as trusted HTML, after the prose was sanitised. So it is cleaned here
like any other output that carries charter text: first shaped (a stable id, an accessible name,
no interactivity left over: scripts, hover-only tooltips, ids that would repeat on a page), then
passed through nh3 with an allowlist of the SVG that charts need: no scripts, event handlers,
links, foreign objects or external references survive, and every text is escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape

import nh3

SVG_NS = "http://www.w3.org/2000/svg"
_S = f"{{{SVG_NS}}}"

SVG_TAGS = {"svg", "defs", "title", "g", "path", "rect", "circle", "ellipse", "line",
            "polyline", "polygon", "text", "tspan"}
SVG_ATTRIBUTES = {
    "*": {"class", "transform", "style"},
    "svg": {"class", "id", "viewBox", "role", "aria-label", "focusable"},
    "path": {"class", "d", "transform", "style"},
    "rect": {"class", "x", "y", "width", "height", "rx", "ry", "transform", "style"},
    "circle": {"class", "cx", "cy", "r", "transform", "style"},
    "ellipse": {"class", "cx", "cy", "rx", "ry", "transform", "style"},
    "line": {"class", "x1", "y1", "x2", "y2", "transform", "style"},
    "polyline": {"class", "points", "transform", "style"},
    "polygon": {"class", "points", "transform", "style"},
    "text": {"class", "x", "y", "dx", "dy", "transform", "text-anchor", "style"},
    "tspan": {"class", "x", "y", "dx", "dy", "style"},
}
STYLE_PROPERTIES = {"stroke", "stroke-width", "stroke-dasharray", "stroke-linecap",
                    "stroke-linejoin", "stroke-opacity", "fill", "fill-opacity", "opacity"}
# Parts of a chart that only work with the library's JavaScript, which is never shipped.
_INTERACTIVE_CLASSES = {"tooltip-overlay", "tooltip"}
_STYLE_SLOT = "cs-chart-stylesheet"
_DESC = _S + "desc"
_DROPPED = (_S + "script", _DESC)


def clean_svg(svg: str, *, label: str) -> str:
    """``svg`` as safe, static markup to inline in a page.

    ``label`` becomes the chart's accessible name (its ``<title>`` and ``aria-label``); the
    root's ``id`` is kept (the library's styles are scoped to it). Each data point's value, which the library keeps for script-driven tooltips, becomes a native
    ``<title>`` tooltip that works without JavaScript.
    """
    return _clean(ET.fromstring(svg), label)


def clean_tree(root: ET.Element, *, label: str) -> str:
    """:func:`clean_svg` for a chart the library hands over as an ElementTree tree, before it
    is written out: the same markup, without writing the SVG only to read it back.

    The library's tree differs from what the parser would give for its text in two ways, both
    undone here: its default namespace is an attribute of the root (its tags are plain names),
    and its comments are elements. A tree of any other kind is written out and read back."""
    elements = list(root.iter())
    if root.get("xmlns") != SVG_NS or any(
            isinstance(element.tag, str) and element.tag.startswith("{") for element in elements):
        return clean_svg(ET.tostring(root, encoding="unicode"), label=label)
    for element in elements:
        if isinstance(element.tag, str):  # not a comment, nor an instruction: they are dropped
            element.tag = _S + element.tag
            for child in [child for child in element if not isinstance(child.tag, str)]:
                element.remove(child)
    del root.attrib["xmlns"]
    return _clean(root, label)


def _clean(root: ET.Element, label: str) -> str:
    """The chart as parsed (tags in the SVG namespace, no comments) → cleaned markup."""
    _shape(root, label)
    # The library's stylesheet is set aside while nh3 cleans the rest (nh3 filters style
    # attributes, not stylesheets), then put back as escaped text. It is generated from our
    # Style, never from charter text.
    css = "\n".join(element.text or "" for element in root.iter(_S + "style"))
    for defs in root.iter(_S + "defs"):
        for element in defs.findall(_S + "style"):
            defs.remove(element)
    root.insert(1, ET.Element(_S + "g", {"class": _STYLE_SLOT}))
    # Inline SVG in HTML needs no namespace (the HTML parser knows <svg>); plain tag names also
    # keep ElementTree from inventing `ns0:` prefixes.
    for element in root.iter():
        element.tag = element.tag.removeprefix(_S)
    markup = ET.tostring(root, encoding="unicode")
    clean = nh3.clean(
        markup,
        tags=SVG_TAGS,
        attributes=SVG_ATTRIBUTES,
        clean_content_tags={"script"},
        url_schemes=set(),
        filter_style_properties=STYLE_PROPERTIES,
        strip_comments=True,
        link_rel=None,
    )
    # Every text and attribute was escaped by nh3, so only the element we inserted matches.
    return clean.replace(f'<g class="{_STYLE_SLOT}"></g>', f"<style>{escape(css, quote=False)}</style>", 1)


def _shape(root: ET.Element, label: str) -> None:
    for parent in list(root.iter()):
        children = list(parent)
        if not children:
            continue
        # pygal keeps each point's value (and optional label) in <desc> for its script.
        value = _desc(children, "value")
        if value is not None and value.text:
            point = _desc(children, "label")
            title = ET.Element(_S + "title")
            title.text = value.text if point is None or not point.text else f"{point.text} ({value.text})"
            parent.insert(0, title)
        for child in children:
            classes = (child.get("class") or "").split()
            if child.tag in _DROPPED or not _INTERACTIVE_CLASSES.isdisjoint(classes):
                parent.remove(child)
    for element in root.iter():
        if element is not root:
            element.attrib.pop("id", None)  # would repeat on a page with several charts
    root.set("role", "img")
    root.set("aria-label", label)
    # The accessible name goes first, where assistive technology looks for an SVG's title.
    for title in root.findall(_S + "title"):
        root.remove(title)
    title = ET.Element(_S + "title")
    title.text = label
    root.insert(0, title)


def _desc(children: list[ET.Element], kind: str) -> ET.Element | None:
    """The first ``<desc class="<kind>">`` among ``children``."""
    return next((child for child in children if child.tag == _DESC and child.get("class") == kind), None)
