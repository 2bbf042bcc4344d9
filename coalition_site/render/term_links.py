"""Linking the glossary's terms from a rendered page: the first time each one appears.

The page's HTML is read with the standard library's parser (as :mod:`coalition_site.markup.html`
reads it), and only its text is changed: a link is inserted around the first occurrence of each
term, matched case-insensitively as whole words (a hyphen joins words). Nothing is linked inside
a link (a link in a link is invalid HTML), code, a heading (its text is the page's outline and
its anchor), a table's header cell, a badge, a form control, ``<summary>``, a drawing (inline
SVG) or its legend; an attribute is never touched. Everything else of the page stays byte for
byte as it was.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Iterable

from ..markup.html import closable
from .glossary import TERMS, Term

# Elements whose text is never linked, and all that is inside them.
_SKIPPED = {"a", "abbr", "button", "code", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "kbd",
            "label", "math", "option", "pre", "samp", "script", "select", "style", "summary",
            "svg", "template", "textarea", "th", "title"}
# A title (of an admonition, of an alert) is a heading by another name.
_SKIPPED_CLASSES = {"admonition-title", "cs-alert__title", "cs-badge", "cs-legend", "headerlink",
                    "cs-no-terms"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr", "param"}


def _pattern(terms: Iterable[Term]) -> re.Pattern[str]:
    alternatives = []
    for index, term in enumerate(terms):
        phrases = "|".join(phrase.replace(" ", r"\s+") for phrase in term.phrases)
        alternatives.append(f"(?P<t{index}>{phrases})")
    # Word boundaries that a hyphen does not make: "HIDDEN-STAKE" and "stake-holders" are
    # other words than "stake".
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


_TERMS_PATTERN = _pattern(TERMS)


class _TextSpans(HTMLParser):
    """The spans (start, end) of the page's text that may carry a link, in page order."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)  # raw text: spans index the source as written
        self.source = source
        self._line, self._line_start = 1, 0  # where the parser's current line starts
        self.spans: list[tuple[int, int]] = []
        self._open: list[tuple[str, bool]] = []  # (tag, skipped) of each open element
        self._opened: dict[str, int] = {}  # how many elements of each tag are open
        self._skipping = 0

    def _offset(self) -> int:
        # The parser tells (line, column), always forward: the line's start is found from the
        # last one's, so a page of a hundred thousand lines allocates no table of them.
        line, column = self.getpos()
        while self._line < line:
            self._line_start = self.source.index("\n", self._line_start) + 1
            self._line += 1
        return self._line_start + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipped = tag in _SKIPPED or bool(classes & _SKIPPED_CLASSES)
        self._open.append((tag, skipped))
        self._opened[tag] = self._opened.get(tag, 0) + 1
        self._skipping += skipped

    def handle_endtag(self, tag: str) -> None:
        # An end tag with no element open is ignored at once: looking for it down the open
        # elements each time would be quadratic on a page of stray end tags.
        if not self._opened.get(tag):
            return
        # Close up to the matching element, as a browser does with a missing end tag: each
        # element is closed once, so the whole page takes linear time.
        while self._open:
            open_tag, skipped = self._open.pop()
            self._opened[open_tag] -= 1
            self._skipping -= skipped
            if open_tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip():
            start = self._offset()
            self.spans.append((start, start + len(data)))


def link_terms(page_html: str, href: str, *, linked: set[str] | None = None) -> str:
    """``page_html`` with the first occurrence of each glossary term linked to its anchor at
    ``href`` (the glossary page's address relative to this page). ``linked`` are the anchors
    already linked (none by default); it is updated."""
    done = linked if linked is not None else set()
    if len(done) == len(TERMS):
        return page_html
    source = closable(page_html)  # the parser reads what a browser reads, in linear time
    reader = _TextSpans(source)
    reader.feed(source)
    reader.close()
    pieces: list[str] = []
    last = 0
    for start, end in reader.spans:
        text = page_html[start:end]
        for match in _TERMS_PATTERN.finditer(text):
            index = int(next(name for name, value in match.groupdict().items() if value)[1:])
            term = TERMS[index]
            if term.anchor in done:
                continue
            done.add(term.anchor)
            pieces.append(page_html[last:start + match.start()])
            pieces.append(f'<a class="cs-term" href="{html.escape(href)}#{term.anchor}">'
                          f"{match.group()}</a>")
            last = start + match.end()
        if len(done) == len(TERMS):
            break
    if not pieces:
        return page_html
    pieces.append(page_html[last:])
    return "".join(pieces)


