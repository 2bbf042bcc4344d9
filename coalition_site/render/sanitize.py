"""Sanitising HTML rendered from partners' Markdown, with nh3 (the Ammonia sanitiser).

The allowlist keeps what Python-Markdown and Material's extensions produce (admonitions,
details, tables and their column alignment, highlighted code with line anchors, footnotes, task
lists, content tabs, definition lists, abbreviations, links, images, heading permalinks) and
drops the rest: scripts and their text, iframes, forms, event handlers, inline styles (but a
table cell's ``text-align``), comments, and every URL scheme but http, https, mailto and tel
(so ``javascript:`` and ``data:``). Inline SVG is dropped too (it can carry scripts), and with
it Material's ``:material-...:`` icons; emoji still render as images.
Trusted, post-processed fragments (diagrams, charts) are inserted after this step, never before.
"""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul", "var",
    # pymdownx.tasklist and pymdownx.tabbed: a disabled checkbox, radio buttons and their labels
    "input", "label",
}
_COMMON = {"class", "id", "title", "lang", "dir"}
ALLOWED_ATTRIBUTES = {
    "*": _COMMON,
    "a": _COMMON | {"href", "name"},
    "img": _COMMON | {"src", "alt", "width", "height", "loading"},
    "td": _COMMON | {"align", "colspan", "rowspan", "style"},
    "th": _COMMON | {"align", "colspan", "rowspan", "scope", "style"},
    "col": _COMMON | {"span"},
    "ol": _COMMON | {"start", "type"},
    "details": _COMMON | {"open"},
    "abbr": _COMMON,
    "div": _COMMON | {"data-tabs"},  # Material's script finds content tabs by it
    "input": _COMMON | {"checked", "disabled", "name"},
    "label": _COMMON | {"for"},
}
# An input may only be what the Markdown extensions make: no text fields to phish with.
ATTRIBUTE_VALUES = {"input": {"type": {"checkbox", "radio"}}}
# Python-Markdown aligns table columns with `style="text-align: ..."`; nothing else of a style.
STYLE_PROPERTIES = {"text-align"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# nh3 drops a `type` outside ATTRIBUTE_VALUES but keeps the element, which is then a text field.
_UNTYPED_INPUT = re.compile(r"<input\b(?![^>]*\btype=)[^>]*>")


def sanitize_html(html: str) -> str:
    """Partner-written HTML with everything active or off-allowlist removed."""
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values=ATTRIBUTE_VALUES,
        filter_style_properties=STYLE_PROPERTIES,
        url_schemes=URL_SCHEMES,
        # rel is set by nh3 on every link; noopener keeps a linked page from reaching back.
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _UNTYPED_INPUT.sub("", clean)
