"""The table of contents of a rendered page, read from its headings.

Charter pages are mostly rendered by partials, not from Markdown, so MkDocs' own table of
contents (built while converting Markdown) misses their sections. This rebuilds it from the
final HTML, in the token form MkDocs' ``get_toc`` takes.
"""

from __future__ import annotations

import html
import re

_HEADING = re.compile(r'<h([2-3])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)


def toc_tokens(page_html: str) -> list[dict]:
    """Level-2 headings with their level-3 children, as ``{level, id, name, html, children}``."""
    tokens: list[dict] = []
    for level, anchor, inner in _HEADING.findall(page_html):
        name = html.unescape(_TAG.sub("", _PERMALINK.sub("", inner))).strip()
        # Material prints a TOC entry's name as HTML, and headings hold partners' names: escape it.
        token = {"level": int(level), "id": html.unescape(anchor), "name": html.escape(name),
                 "html": html.escape(name), "data-toc-label": "", "children": []}
        if token["level"] == 3 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens
