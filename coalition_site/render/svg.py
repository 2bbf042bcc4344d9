"""Making Graphviz's SVG safe and fit to inline in a page, or to publish as a file of its own.

Labels and tooltips come from partners' pull requests. They reach Graphviz escaped, so its
output should hold nothing but drawing; this module does not rely on that. The SVG is parsed
and rebuilt from an allowlist: known drawing elements, known attributes with values of the
expected form, and links only to the site's own partners and conditions (written by the DOT
builder as ``cs:partner/<id>``, ``cs:condition/<id>``, ``cs:group/<slug>`` (a group's map) and
``cs:cycle/<number>`` (a group of cycles listed on the page), and resolved per page by
:func:`resolve_links`). Scripts, ``foreignObject``, images, stylesheets, processing
instructions, comments, event handlers and every other link are dropped. Tooltips come back
from the table of texts the DOT builder kept (see :mod:`coalition_site.render.logic_dot`):
Graphviz only ever saw their tokens.

A drawing is cleaned once (:func:`clean_svg`): the ``<svg>`` element of a page and the file of
its own that a reader opens at full size (:meth:`CleanSvg.document`) differ only in the root
element this module writes around it.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Callable, Mapping

from ..errors import RenderError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

ELEMENTS = {"svg", "g", "title", "a", "path", "polygon", "polyline", "ellipse", "circle", "rect",
            "line", "text", "tspan"}

_NUMBER = re.compile(r"^-?[0-9]*\.?[0-9]+(?:pt|px)?$")
_COLOUR = re.compile(r"^(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,20})$")
_PATH = re.compile(r"^[0-9eE.,+\- MmLlHhVvCcSsQqTtAaZz]*$")
_TRANSFORM = re.compile(r"^[a-z]+\([0-9eE.,+\- ]*\)(?: [a-z]+\([0-9eE.,+\- ]*\))*$")
_DASHES = re.compile(r"^[0-9., ]+$")
_FONT = re.compile(r"^[A-Za-z0-9 ,\-]+$")
_CLASS = re.compile(r"^(?:node|edge|graph|cluster|cs-[a-z0-9-]+)$")
_INTERNAL_LINK = re.compile(r"^cs:(partner|condition|group|cycle)/([a-z0-9]+(?:-[a-z0-9]+)*)$")

ATTRIBUTES: dict[str, re.Pattern] = {
    "width": _NUMBER, "height": _NUMBER, "viewBox": re.compile(r"^[0-9eE.+\- ]+$"),
    "x": _NUMBER, "y": _NUMBER, "x1": _NUMBER, "y1": _NUMBER, "x2": _NUMBER, "y2": _NUMBER,
    "cx": _NUMBER, "cy": _NUMBER, "r": _NUMBER, "rx": _NUMBER, "ry": _NUMBER,
    "points": _PATH, "d": _PATH, "transform": _TRANSFORM,
    "fill": _COLOUR, "stroke": _COLOUR, "stroke-width": _NUMBER, "stroke-dasharray": _DASHES,
    "fill-opacity": _NUMBER, "stroke-opacity": _NUMBER,
    "text-anchor": re.compile(r"^(?:start|middle|end)$"),
    "font-family": _FONT, "font-size": _NUMBER,
    "font-weight": re.compile(r"^(?:bold|normal|[1-9]00)$"),
    "font-style": re.compile(r"^(?:italic|normal|oblique)$"),
}
# Links are written as `href` (SVG 2), which every current browser follows in inline SVG.
_HREF_PLACEHOLDER = re.compile(r'href="cs:(partner|condition|group|cycle)/([a-z0-9]+(?:-[a-z0-9]+)*)"')


@dataclass(frozen=True)
class CleanSvg:
    """Graphviz's SVG rebuilt from the allowlist, ready to be given its root element: inline in a
    page (:meth:`inline`) or as a file of its own (:meth:`document`). Both hold the same drawing,
    cleaned once."""

    size: dict[str, str]
    """The root's ``width``, ``height`` and ``viewBox``, where Graphviz gave them as expected."""
    body: str
    """Everything inside the root, already sanitised."""

    @property
    def pixels(self) -> tuple[int, int] | None:
        """The drawing's natural size in CSS pixels (width, height)."""
        width, height = _pixels(self.size.get("width", "")), _pixels(self.size.get("height", ""))
        return (width, height) if width and height else None

    def inline(self, *, title: str, title_id: str, described_by: str | None = None) -> str:
        """An ``<svg>`` element for a page, named by ``title`` and described by the element
        ``described_by`` beside it."""
        # A group, not an image: an image's children are hidden from assistive technology, and
        # the diagram's nodes are links a keyboard can reach.
        attrs = {"role": "group", "aria-labelledby": title_id, "class": "cs-svg"}
        if described_by:
            attrs["aria-describedby"] = described_by
        if self.pixels:
            # On a wide screen the stylesheet keeps a diagram at a legible share of this natural
            # width (past that its canvas scrolls); on a phone it always fits the column.
            attrs["style"] = f"--cs-width: {self.pixels[0]}px"
        return self._root(attrs, title, title_id)

    def document(self, *, title: str, title_id: str) -> str:
        """A standalone ``.svg`` file of the same drawing (no page around it: nothing to
        describe it but its title and tooltips)."""
        attrs = {"role": "group", "aria-labelledby": title_id, "class": "cs-svg"}
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + self._root(attrs, title, title_id, xmlns=True) + "\n"

    def _root(self, attrs: dict[str, str], title: str, title_id: str, xmlns: bool = False) -> str:
        attrs = ({"xmlns": SVG_NS} if xmlns else {}) | self.size | attrs
        return ("<svg" + "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items()) + ">"
                + f'<title id="{html.escape(title_id)}">{html.escape(title, quote=False)}</title>'
                + self.body + "</svg>")


def clean_svg(raw: str, tooltips: Mapping[str, str] | None = None) -> CleanSvg:
    """Graphviz's SVG → its drawing, rebuilt only from allowed parts (see :class:`CleanSvg`).

    A link's tooltip token is replaced by its text from ``tooltips``; an unknown token is dropped.
    """
    start = raw.find("<svg")
    if start < 0:
        raise RenderError("Graphviz produced no SVG")
    # Parsing from `<svg` on leaves the prologue (XML declaration, doctype, stylesheet
    # instructions) behind; the parser drops comments and instructions inside.
    try:
        root = ET.fromstring(raw[start:])
    except ET.ParseError as exc:
        raise RenderError(f"Graphviz produced SVG that cannot be read ({exc})") from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise RenderError("Graphviz produced something other than SVG")
    size: dict[str, str] = {name: root.attrib[name] for name in ("width", "height", "viewBox")
            if name in root.attrib and ATTRIBUTES[name].fullmatch(root.attrib[name])}
    out: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    for child in root:
        _write(child, out, tooltips or {}, seen)
    return CleanSvg(size, "".join(out))


# The elements written, by their qualified name: comments and instructions (whose tag is not a
# string), elements of other namespaces and Graphviz's titles (they name nodes by their internal
# ids; tooltips replace them) are not among them.
_WRITTEN = {f"{{{SVG_NS}}}{tag}": tag for tag in ELEMENTS if tag != "title"}
_XLINK_TITLE = f"{{{XLINK_NS}}}title"
_LINK_NAMES = (f"{{{XLINK_NS}}}href", "href")
_TEXT_ELEMENTS = ("text", "tspan")


def _write(element: ET.Element, out: list[str], tooltips: Mapping[str, str],
           seen: dict[tuple[str, str], str]) -> None:
    """Append ``element``, rebuilt from the allowlist, to ``out``.

    ``seen`` remembers the written form of each (name, value) already judged by the
    allowlist in this drawing (``""``: refused): a drawing repeats its colours, fonts and
    classes on thousands of elements. Links and tooltips are judged every time."""
    tag = _WRITTEN.get(element.tag)
    if tag is None:
        return
    attrs: dict[str, str] = {}
    tooltip = None
    for name, value in element.attrib.items():
        if tag == "a" and name == _XLINK_TITLE:
            tooltip = tooltips.get(value)
        elif tag == "a" and name in _LINK_NAMES:
            if _INTERNAL_LINK.fullmatch(value):
                attrs["href"] = f' href="{html.escape(value)}"'
        else:
            written = seen.get((name, value))
            if written is None:
                written = seen[name, value] = _attribute(name, value)
            if written:
                attrs[name] = written
    out.append(f"<{tag}{''.join(attrs.values())}>")
    if tooltip:
        out.append(f"<title>{html.escape(tooltip, quote=False)}</title>")
    text = tag in _TEXT_ELEMENTS
    if text and element.text:
        out.append(html.escape(element.text, quote=False))
    for child in element:
        _write(child, out, tooltips, seen)
        if text and child.tail:
            out.append(html.escape(child.tail, quote=False))
    out.append(f"</{tag}>")


def _attribute(name: str, value: str) -> str:
    """`` name="value"`` for an allowed attribute of any drawing element, else ``""``."""
    if name == "class":
        classes = [c for c in value.split() if _CLASS.fullmatch(c)]
        return f' class="{html.escape(" ".join(classes))}"' if classes else ""
    # fullmatch: a pattern's `$` would also accept the value with a newline after it.
    if name in ATTRIBUTES and ATTRIBUTES[name].fullmatch(value):
        return f' {name}="{html.escape(value)}"'
    return ""


def _pixels(length: str) -> int | None:
    """An SVG length in pt or px → CSS pixels."""
    match = re.fullmatch(r"([0-9]*\.?[0-9]+)(pt|px)?", length)
    if not match:
        return None
    return round(float(match.group(1)) * (4 / 3 if match.group(2) == "pt" else 1))


def resolve_links(svg: str, href: Callable[[str, str], str | None]) -> str:
    """Replace each ``cs:<kind>/<id>`` link by ``href(kind, id)``; ``None`` removes the link."""
    def replace(match: re.Match) -> str:
        url = href(match.group(1), match.group(2))
        return "" if url is None else f'href="{html.escape(url)}"'
    return _HREF_PLACEHOLDER.sub(replace, svg)
