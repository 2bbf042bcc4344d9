"""What the search index is given: the page, without what it does not need to read.

Search plugins (Material's, MkDocs') parse every byte of a page's HTML in pure Python, tag by
tag. A charter page is mostly HTML the partials generated from data (tables of stakes, lists of
attendees, links to every partner), so indexing it cost more than rendering it. Two things keep
that down, neither changing what a reader finds:

* Drawings and grids of symbols (a diagram's SVG, the alignment grid) are wrapped by the
  partials in :data:`START` … :data:`END` and left out: their words are repeated in the text
  alternative beside them, or mean nothing alone ("✓").
* In the rest of the generated HTML, tags that only style or lay out text (links, spans, table
  cells ...) are dropped and attributes removed, except on headings, whose ids are the search
  results' anchors. Search keeps only text, headings and a few tags (``p``, ``li``, ``code`` ...),
  and dropping an inline or table tag joins exactly the same text. The partner's own prose,
  which the partials print between :data:`PROSE_START` and :data:`PROSE_END`, is passed on
  untouched: it is indexed exactly as a plain MkDocs page would be.

The markers are HTML comments: partner prose cannot forge one (the sanitiser strips comments
before partials run), and :func:`for_page` removes the prose markers from the page itself.
"""

from __future__ import annotations

import html as html_module
import re
from html.parser import HTMLParser
from typing import Callable

from ..markup import text_fragments
from ..render.search_marks import END, PROSE_END, PROSE_START, START

# Attributes as HTML reads them: a quoted value may hold '>' (the sanitiser's output escapes
# '<' and '&' in attribute values, not '>').
_ATTRIBUTES = r"""(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?"""

# Tags whose removal joins the same text for Material's search parser: they are never kept in
# the index, never hold a heading (whose nesting depth the parser tracks), and void ones are
# ignored by it anyway.
_INLINE_OR_TABLE = (
    "a", "abbr", "b", "bdi", "bdo", "br", "caption", "cite", "col", "colgroup", "data", "dd",
    "del", "dfn", "dl", "dt", "em", "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp",
    "small", "span", "strong", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u",
    "var", "wbr",
)


def _alternatives(words: tuple[str, ...]) -> str:
    """A regex matching any of ``words``, grouped by first letter (``a(?:bbr|)|b(?:di|do|r|)``):
    the regex engine tries the alternatives of a group one by one at every ``<`` of a page, and
    grouped it tries only the group of the letter it reads."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):  # longest first: "abbr" before "a"
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


_DROPPED = re.compile(r"</?(?:" + _alternatives(_INLINE_OR_TABLE) + r")\b" + _ATTRIBUTES + ">",
                      re.I)
_ATTRIBUTES_OF = re.compile(r"<(?!h[1-6]\b)([a-zA-Z][\w-]*)(?=\s)" + _ATTRIBUTES + ">")

# Markup whose meaning to search lives in attributes or in a tag this module would drop: a
# page holding any is passed on with only its drawings left out.
_SEARCH_SENSITIVE = ("data-search-", "linenodiv", "headerlink")


def _marked(html: str, start: str, end: str) -> list[str]:
    """``html`` cut around each part from ``start`` to the first ``end`` after it: at odd
    indexes, the marked parts with their marks. Found with str.find rather than a lazy regex,
    which steps through a marked part (a diagram's SVG: most of a large page) a character at
    a time."""
    parts = []
    position = 0
    begin = html.find(start)
    while begin >= 0:
        finish = html.find(end, begin + len(start))
        if finish < 0:
            break  # an unclosed mark marks nothing
        finish += len(end)
        parts += [html[position:begin], html[begin:finish]]
        position = finish
        begin = html.find(start, position)
    parts.append(html[position:])
    return parts


def without_skipped(html: str) -> str:
    """``html`` without the parts marked as not for search."""
    return "".join(_marked(html, START, END)[::2]) if START in html else html


def for_search(html: str) -> str:
    """What a search plugin should index of a page the partials rendered."""
    html = without_skipped(html)
    parts = _marked(html, PROSE_START, PROSE_END)  # odd indexes: the prose, with its markers
    for index in range(0, len(parts), 2):
        if not any(mark in parts[index] for mark in _SEARCH_SENSITIVE):
            parts[index] = _ATTRIBUTES_OF.sub(r"<\1>", _DROPPED.sub("", parts[index]))
    return "".join(parts)


def for_page(html: str) -> str:
    """The page as readers get it: without the prose markers."""
    return html.replace(PROSE_START, "").replace(PROSE_END, "") if PROSE_START in html else html


_TITLE = re.compile(r"<h1\b[^>]*>.*?</h1\s*>", re.S | re.I)
_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p\s*>", re.S | re.I)


def for_brief_search(html: str) -> str:
    """What the search index holds of a large coalition's partner page or review: its title and
    its first paragraph, one entry a page. Material's search worker downloads the whole index
    on a visitor's first page: every partner's full page and every review's lists of partners
    made it tens of megabytes at two thousand partners, and the headings every partner page
    shares ("Theory of change", "Representatives") would answer a search two thousand times.
    The page itself shows everything."""
    html = without_skipped(html)
    title = _TITLE.search(html)
    first = _PARAGRAPH.search(html, title.end() if title is not None else 0)
    return "\n".join(match.group() for match in (title, first) if match is not None)


_HEADING_TAG = re.compile(r"<(/?)h[1-6]\b" + _ATTRIBUTES + ">", re.I)


def readable_by_search(html: str, parser: Callable[[], HTMLParser] | None) -> str:
    """``html``, or a copy of it that the search plugin's ``parser`` reads without failing.

    Material's search parser starts a section at every heading and, leaving a heading nested in
    a block, goes back to an earlier section; with headings nested in quotes, admonitions,
    definitions and footnotes in some orders it goes back to one that never saw the list item it
    is closing, and fails (``ValueError: '<li>' is not in list``), stopping the build of a page
    that is valid Markdown and renders well. Such a page is indexed without its headings (one
    section: its text is all found, its nested headings are not anchors of their own), or,
    should that fail too, as its text alone. The page itself keeps its headings.
    """
    if parser is None or _reads(parser, html):
        return html
    flat = _HEADING_TAG.sub(r"<\1p>", html)
    if _reads(parser, flat):
        return flat
    return "".join(f"<p>{html_module.escape(text)}</p>" for text in text_fragments(html))


def _reads(parser: Callable[[], HTMLParser], html: str) -> bool:
    try:
        reader = parser()
        reader.feed(html)
        reader.close()
    except Exception:  # noqa: BLE001 - a third party's parser: whatever it raises, it failed
        return False
    return True
