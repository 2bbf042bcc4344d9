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

    def position(self) -> int:
        """Where in the page the text not yet reported can start: the reader's position."""
        return self._offset()

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip():
            start = self._offset()
            self.spans.append((start, start + len(data)))


def _loose(term: Term) -> str:
    # The term's phrases without their lookbehinds and without the boundary before them: what
    # comes before a piece of text in the page's source (a tag, an entity) is not what its
    # text starts with, so a phrase that matches in the text matches here at the same place,
    # and more often. The boundary after it holds in the source too: text ends at "<" or "&".
    phrases = [_LOOKBEHIND.sub("", phrase).replace(" ", r"\s+") for phrase in term.phrases]
    return "(?:" + "|".join(phrases) + r")(?![\w-])"


_LOOKBEHIND = re.compile(r"\(\?<[=!][^()]*\)")
# Matched case-insensitively; a page's lowercase copy is read with the phrases as written (all
# lowercase), five times as fast, unless it holds one of the letters that a case-insensitive
# match takes for an ASCII one but lowering does not lower to it ("ſ" for "s", the Kelvin sign
# for "k", the dotted and dotless i; test_term_links checks every other letter of Unicode).
_LOOSE = {term.anchor: re.compile(_loose(term), re.IGNORECASE) for term in TERMS}
_LOOSE_LOWER = {term.anchor: re.compile(_loose(term)) for term in TERMS}
FOLDED_ELSEWHERE = ("\u0130", "\u0131", "\u017f", "\u212a")

FIRST_CHUNK = 4096
"""The characters read before the first look at whether the rest of the page can hold a term."""


Edit = tuple[int, int, str]
"""Text of a page from one index to another, and the HTML that replaces it."""


def link_terms(page_html: str, href: str, *, linked: set[str] | None = None,
               chunk: int | None = FIRST_CHUNK) -> str:
    """``page_html`` with the first occurrence of each glossary term linked to its anchor at
    ``href`` (the glossary page's address relative to this page). ``linked`` are the anchors
    already linked (none by default); it is updated. See :func:`term_edits`."""
    return apply_edits(page_html, term_edits(page_html, href, linked=linked, chunk=chunk))


def apply_edits(page_html: str, edits: list[Edit]) -> str:
    """``page_html`` with each of ``edits`` (in page order, none overlapping) made."""
    if not edits:
        return page_html
    pieces: list[str] = []
    last = 0
    for start, end, replacement in edits:
        pieces.append(page_html[last:start])
        pieces.append(replacement)
        last = end
    pieces.append(page_html[last:])
    return "".join(pieces)


def term_edits(page_html: str, href: str, *, linked: set[str] | None = None,
               chunk: int | None = FIRST_CHUNK) -> list[Edit]:
    """The edits that link the first occurrence of each glossary term in ``page_html``: a few
    numbers and links, where the linked page would be the whole page again (a worker process
    sends them back, and a large build holds them for every page until all are rendered).

    The page is read in growing chunks (``chunk`` characters first, twice as many each time;
    ``None`` reads it whole), and reading stops once every term is linked or the rest of the page
    holds none of the terms not linked yet: most of a large page is lists and tables after the
    last new term. What is linked is exactly what reading the whole page links.
    """
    done = linked if linked is not None else set()
    if len(done) == len(TERMS):
        return []
    last_end = _last_ends(page_html) if chunk is not None else None
    reader = _TextSpans(page_html)
    edits: list[Edit] = []
    read = seen = 0  # characters fed to the reader; spans looked at
    size = chunk or len(page_html)
    while True:
        end = _chunk_end(page_html, read + size)
        # closable() decides each "<" from what follows it up to the next "<": a chunk that
        # ends before a "<" is blanked exactly as the whole page would be.
        reader.feed(closable(page_html, read, end))
        read = end
        if read == len(page_html):
            reader.close()
        for start, stop in reader.spans[seen:]:
            text = page_html[start:stop]
            for match in _TERMS_PATTERN.finditer(text):
                index = int(next(name for name, value in match.groupdict().items() if value)[1:])
                term = TERMS[index]
                if term.anchor in done:
                    continue
                done.add(term.anchor)
                edits.append((start + match.start(), start + match.end(),
                              f'<a class="cs-term" href="{html.escape(href)}#{term.anchor}">'
                              f"{match.group()}</a>"))
            if len(done) == len(TERMS):
                break
        seen = len(reader.spans)
        if read == len(page_html) or len(done) == len(TERMS):
            break
        # Text not yet reported starts at or after the reader's position: when no term left
        # matches in the source from there on, nothing more can be linked.
        if last_end is not None:
            position = reader.position()
            if all(last_end[term.anchor] <= position for term in TERMS if term.anchor not in done):
                break
        size *= 2  # growing chunks: what the reader holds over is read again a bounded number of times
    return edits


def _chunk_end(page_html: str, at: int) -> int:
    """The end of a chunk of the page that reaches ``at``: just before the next ``<``."""
    if at >= len(page_html):
        return len(page_html)
    found = page_html.find("<", at)
    return len(page_html) if found < 0 else found


def _last_ends(page_html: str) -> dict[str, int]:
    """Each term's anchor and where the last match of its loose pattern ends in the page's
    source (-1: nowhere). No match of the term in the page's text starts at or after it."""
    if page_html.isascii() or not any(char in page_html for char in FOLDED_ELSEWHERE):
        source, patterns = page_html.lower(), _LOOSE_LOWER
    else:
        source, patterns = page_html, _LOOSE
    ends = {}
    for anchor, pattern in patterns.items():
        end = -1
        for match in pattern.finditer(source):
            end = match.end()
        ends[anchor] = end
    return ends
