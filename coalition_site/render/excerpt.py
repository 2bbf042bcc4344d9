"""A page's first paragraph, shown on another page: the problem statement on the home page.

The paragraph is taken from the HTML the site already rendered and sanitised for the audience
(internal blocks are gone from a public page's HTML before this reads it), never from the
Markdown again: there is one reader of what is internal. Its links were made relative to the
page it came from; :func:`excerpt` asks ``relink`` for each one, as seen from where it is shown.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Callable

from ..markup.html import closable

# Elements without an end tag: they open nothing the depth count should wait to see closed.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_URL_ATTRIBUTES = {"href", "src"}

SUMMARY_MARK = "<!--cs:problem-summary-->"
"""Where a partial shows the problem statement's first paragraph (the ``problem_summary``
global): filled once every page is rendered, since the page it comes from may be rendered after
the one that shows it. A comment, which the sanitiser strips from partners' prose: only a
partial writes it."""

Relink = Callable[[str], "str | None"]
"""A URL as the original page links it → the same target from where the excerpt is shown
(``None``: it cannot be reached from there; the link is dropped, its text kept)."""


class _Paragraphs(HTMLParser):
    """Finds the first ``<p>`` at the top level of a fragment, and its extent."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self._line_starts.append(index + 1)
        self.depth = 0
        self.start: int | None = None
        self.end: int | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID or self.end is not None:
            return
        if tag == "p" and self.depth == 0 and self.start is None:
            self.start = self._offset()
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or self.end is not None:
            return
        self.depth = max(0, self.depth - 1)
        if tag == "p" and self.depth == 0 and self.start is not None:
            self.end = self._offset() + len("</p>")


class _Relinker(HTMLParser):
    """The fragment again, with each link and source relinked and no ``id`` (the page it is
    shown on has ids of its own)."""

    def __init__(self, relink: Relink) -> None:
        super().__init__(convert_charrefs=False)
        self.relink = relink
        self.out: list[str] = []
        self._dropped: list[str] = []  # open <a> elements whose link was dropped, innermost last

    def handle_starttag(self, tag: str, attrs) -> None:
        kept = []
        for name, value in attrs:
            if name == "id":
                continue
            if name in _URL_ATTRIBUTES and value is not None:
                value = self.relink(value)
                if value is None:
                    if tag == "a":
                        self._dropped.append(tag)
                        return
                    continue
            kept.append((name, value))
        if tag == "a":
            self._dropped.append("")
        self.out.append(f"<{tag}" + "".join(
            f' {name}="{html.escape(value, quote=True)}"' if value is not None else f" {name}"
            for name, value in kept) + ">")

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._dropped:
            if self._dropped.pop():
                return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")


def first_paragraph(fragment: str) -> str | None:
    """The first top-level ``<p>…</p>`` of sanitised HTML, as written (``None``: it has none)."""
    text = closable(fragment)
    finder = _Paragraphs(text)
    finder.feed(text)
    finder.close()
    if finder.start is None or finder.end is None:
        return None
    return text[finder.start:finder.end]


def excerpt(fragment: str, relink: Relink) -> str:
    """The first paragraph of ``fragment`` with its links relinked: ``""`` if it has none."""
    paragraph = first_paragraph(fragment)
    if paragraph is None:
        return ""
    relinker = _Relinker(relink)
    relinker.feed(paragraph)
    relinker.close()
    return "".join(relinker.out)
