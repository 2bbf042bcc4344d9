"""What rendered HTML shows a reader: the files it links to or loads, and its text.

Read with the standard library's HTML parser (linear in the page, forgiving as browsers are),
from the HTML that Markdown produced, so that a link counts exactly when the rendered page has it.
"""

from __future__ import annotations

import bisect
import html
import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

# Attributes through which a page links to or loads a file.
_URL_ATTRIBUTES = {"href", "src", "poster", "data", "xlink:href"}
# Attributes whose text a reader (or a search engine) sees.
_TEXT_ATTRIBUTES = {"title", "alt", "href", "src", "poster", "data", "xlink:href", "srcset", "summary"}
# Elements whose end closes a run of text: a sentence does not run from one into the next.
_BLOCKS = {"p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "div",
           "blockquote", "summary", "details", "figcaption", "caption", "tr", "table", "ul", "ol",
           "dl", "section", "article", "br", "hr", "img"}
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")


# What an extension writes around a partner's words (a footnote's number and its way back):
# the same on every page with a footnote, so never a partner's text.
_GENERATED = {"footnote-ref", "footnote-backref", "headerlink"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.texts: list[str] = []
        self._run: list[str] = []
        self._skipping: list[str] = []  # the open elements of generated text, innermost last

    def _close_run(self) -> None:
        text = " ".join("".join(self._run).split())
        if text:
            self.texts.append(text)
        self._run = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._close_run()
        if self._skipping or _GENERATED & set((dict(attrs).get("class") or "").split()):
            if tag not in _VOID:
                self._skipping.append(tag)
            return
        for name, value in attrs:
            if not value:
                continue
            if name in _URL_ATTRIBUTES:
                self.urls.append(value)
            elif name == "srcset":
                self.urls += [c.split()[0] for c in value.split(",") if c.split()]
            if name in _TEXT_ATTRIBUTES and not value.startswith("#"):  # (an anchor of the page)
                self.texts.append(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self._skipping and self._skipping[-1] == tag and tag not in _VOID:
            self._skipping.pop()

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag in _BLOCKS:
            self._close_run()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._run.append(data)

    def close(self) -> None:
        super().close()
        self._close_run()


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(closable(html))
    reader.close()
    return reader


def closable(html: str, start: int = 0, end: int | None = None) -> str:
    """``html`` with each ``<`` that cannot begin a whole tag or comment made a space.

    The standard library's parser looks for the end of every ``<`` it meets, to the end of the
    text: on a text of many unclosed ``<a `` (a pull request can write one) that is quadratic,
    minutes for a page. A tag ends at a ``>`` before the next ``<``, and a comment at ``-->``;
    a ``<`` that has neither is text to every reader (browsers and Markdown alike), and is
    blanked here, in one pass, keeping every other character where it was.

    With ``start`` and ``end``, only ``html[start:end]``, blanked as the whole text would be:
    ``end`` must be the text's end or the place of a ``<`` (what decides a ``<`` lies before the
    next one, but for a comment's end).
    """
    end = len(html) if end is None else end
    assert end == len(html) or html[end] == "<", "a part of a text ends before a '<'"
    if html.find("<", start, end) < 0:
        return html[start:end] if start or end != len(html) else html
    opens = [m.start() for m in _OPEN.finditer(html, start, end)]
    closes = [m.start() for m in _CLOSE.finditer(html, start, end)]
    last_comment_end: int | None = None  # where the text's last "-->" starts, looked up once
    blanked = []
    for index, at in enumerate(opens):
        if html.startswith("<!--", at):
            if last_comment_end is None:
                last_comment_end = html.rfind("-->")
            whole = last_comment_end >= at + 4
        else:
            after = bisect.bisect_right(closes, at)
            next_open = opens[index + 1] if index + 1 < len(opens) else end
            whole = after < len(closes) and closes[after] < next_open
        if not whole:
            blanked.append(at - start)
    part = html[start:end] if start or end != len(html) else html
    if not blanked:
        return part
    chars = list(part)
    for at in blanked:
        chars[at] = " "
    return "".join(chars)


_OPEN = re.compile("<")
_CLOSE = re.compile(">")


def page_links(html: str) -> list[str]:
    """Every URL the page links to or loads a file from, as written in its HTML."""
    return _read(html).urls


def text_fragments(html: str) -> list[str]:
    """The page's text as a reader sees it, a sentence at a time (and each link, title and
    alternative text): what the leak check looks for when the page is internal."""
    fragments: list[str] = []
    for text in _read(html).texts:
        fragments += [s.strip() for s in _SENTENCE.split(text) if s.strip()]
    return fragments


def resolve(url: str, src_uri: str, *, root_relative: bool = False) -> str | None:
    """The ``src_uri`` a link in the file ``src_uri`` points to, as MkDocs resolves it: from the
    file's folder, ``%20`` decoded, without ``#fragment`` and ``?query``. ``None`` for what does
    not point into the content folder: other sites, ``mailto:`` and other schemes, a link to
    the page itself, ``../`` past the folder's top, and a link from the site's root unless
    ``root_relative``."""
    url = html.unescape(url).strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1].strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # a malformed address (an unclosed IPv6 bracket) points nowhere
        return None
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if posixpath.normpath(path) == ".":
        return None  # the page itself, as MkDocs reads `.` and `./`
    if path.startswith(("/", "\\")):
        if not root_relative:
            return None
        folder, path = "", path.lstrip("/\\")
    else:
        folder = posixpath.dirname(src_uri)
    target = posixpath.normpath(posixpath.join(folder, path))
    if target in (".", "..") or target.startswith(("../", "/")):
        return None
    return target
