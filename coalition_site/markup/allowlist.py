"""The HTML a published page may hold: the sanitiser's allowlist, as vocabulary.

The sanitiser (``render/sanitize.py``) removes everything else from every page after it renders;
``check`` (``load/unsafe_markup.py``) tells a page's author, at the line, what the published page
will leave out. Both read the same lists from here, so that they cannot disagree.

The allowlist keeps what Python-Markdown and Material's extensions produce (admonitions,
details, tables and their column alignment, highlighted code with line anchors, footnotes, task
lists, content tabs, definition lists, abbreviations, links, images, heading permalinks).
"""

from __future__ import annotations

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
