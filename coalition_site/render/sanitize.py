"""Sanitising HTML rendered from partners' Markdown, with nh3 (the Ammonia sanitiser).

The allowlist keeps what Python-Markdown and Material's extensions produce (admonitions,
details, tables, code, footnotes, links, images, heading permalinks) and drops the rest:
scripts, iframes, forms, event handlers, inline styles, and ``javascript:``/``data:`` URLs.
Trusted, post-processed fragments (diagrams, charts) are inserted after this step, never before.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul", "var",
}
_COMMON = {"class", "id", "title", "lang", "dir"}
ALLOWED_ATTRIBUTES = {
    "*": _COMMON,
    "a": _COMMON | {"href", "name"},
    "img": _COMMON | {"src", "alt", "width", "height", "loading"},
    "td": _COMMON | {"align", "colspan", "rowspan"},
    "th": _COMMON | {"align", "colspan", "rowspan", "scope"},
    "col": _COMMON | {"span"},
    "ol": _COMMON | {"start", "type"},
    "details": _COMMON | {"open"},
    "abbr": _COMMON,
}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Partner-written HTML with everything active or off-allowlist removed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        # rel is set by nh3 on every link; noopener keeps a linked page from reaching back.
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
