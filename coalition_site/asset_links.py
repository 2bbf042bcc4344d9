"""Which attachments of the content folder only internal content uses.

An attachment (an image, a PDF ...) has no front matter, so no visibility of its own: what makes
one internal is what uses it. An image that only an internal page, an internal review or an
``!!! internal`` block shows must stay out of the public site, or anyone could fetch it at its
address. This module finds the links and images of every Markdown body of the charter (the
bodies the loader already read: no file is read again), resolves them as MkDocs does, and names
the files that internal content uses and no public page does. A site's own nav (mkdocs.yml)
shows a file too, when the public build keeps the entry: the caller passes what it links to.

The two sides err in opposite directions, both toward leaving a file out:

- a public page *shows* a file only through a link or image that its published HTML keeps: not
  in code, not in an HTML comment (the sanitiser removes comments), not in anything that might
  be an internal block, and in raw HTML only through ``<a href>`` and ``<img src>`` (the
  sanitiser drops every other element and attribute that loads a file). A link missed here
  leaves its file out of the public site: the link is broken, and MkDocs warns about it.
- internal content *mentions* a file through anything that looks like a link target, in code
  and comments too.

A file that nothing links to is not internal: files are public unless they say otherwise, and
an attachment cannot say (a site's own templates may use it, too). The charter's data files
(``coalition.yml``, ``logic.yml``) and front matter are shown as plain text, never as links, so
they link to nothing.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from typing import Iterable, Iterator
from urllib.parse import unquote, urlsplit

from .audience import strip_internal_blocks
from .model import Charter


@dataclass(frozen=True)
class BodyLinks:
    """The files one Markdown body links to, as ``src_uri`` of the content folder."""

    shown: frozenset[str]
    """Linked or shown by the rendered page."""
    internal: frozenset[str]
    """Mentioned inside internal blocks, or inside anything that might be one."""


def internal_only_assets(charter: Charter, public_pages: Iterable[str], *,
                         root_relative: bool = False, also_shown: Iterable[str] = ()) -> set[str]:
    """The files that internal content links to or shows and no public page does.

    ``charter`` is the charter as written (not filtered for an audience); ``public_pages`` are
    the ``src_uri`` of the pages the public site builds. ``root_relative``: a link starting with
    ``/`` points into the content folder (MkDocs' ``validation.links.absolute_links:
    relative_to_docs``); otherwise such a link is left as it is by MkDocs, so it shows nothing.
    ``also_shown``: the ``src_uri`` of files the public site links to from outside the charter's
    bodies (the entries of a site's own nav, as the public build keeps them); they are public.
    Targets are not checked to exist: the caller keeps those that are its attachments.
    """
    public_pages = set(public_pages)
    shown: set[str] = set(also_shown)
    internal: set[str] = set()
    for item in _documents(charter):
        if item.src_uri in public_pages:
            # The public page renders the body less its internal blocks, exactly as
            # for_audience() cut it; what was cut is internal content.
            kept, removed = strip_internal_blocks(item.body)
            links = body_links(kept, item.src_uri, root_relative=root_relative)
            shown |= links.shown
            internal |= links.internal
            for block in removed:
                internal |= mentions(block, item.src_uri)
        else:
            internal |= mentions(item.body, item.src_uri)
    return internal - shown


def _documents(charter: Charter) -> Iterator:
    yield from charter.charter_pages
    yield from charter.partners.values()
    yield from charter.reviews
    yield from charter.pages.values()


# -- the blocks of a body: code, internal blocks, text -----------------------------------------
# A fence as Markdown's extensions read one, at any indentation and inside a quote (superfences
# nests them in lists). A fence that is never closed runs to the end: CommonMark reads it so,
# and for the public side "might be code" is enough to not count a link.
_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})(.*)$")
_QUOTE = re.compile(r"^(?:[ \t]{0,3}>[ ]?)+")
# An admonition opener, read more loosely than audience.strip_internal_blocks() reads one:
# inside a quote or a list item, with any other classes or title. Whatever might be an
# internal block is treated as one here.
_ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?:(?:[-*+]|\d+[.)])[ \t]+)*(?:!!!|\?\?\?\+?)[ \t]*(?P<classes>[^"\n]*)')
# md_in_html lets an author write the block as HTML; the internal-blocks extension removes a
# `<div class="admonition internal" markdown>` or `<details class="internal" markdown>` too.
_HTML_INTERNAL = re.compile(
    r"""^[ \t>]*<(?P<tag>div|details)\b[^>]*\bclass\s*=\s*["']?[^"'>]*(?<![\w-])internal(?![\w-])""",
    re.IGNORECASE)


def _indent(text: str) -> int:
    expanded = text.expandtabs(4)  # a tab is 4 columns, as Python-Markdown expands it
    return len(expanded) - len(expanded.lstrip())


def _split(markdown: str) -> tuple[str, str]:
    """The body as two texts of the same lines: what a reader may see (code and internal blocks
    blanked) and what is in internal blocks (everything else blanked)."""
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    text: list[str] = []
    internal: list[str] = []
    fence: str | None = None
    block_indent: int | None = None  # inside an admonition: the indent of its opener
    html_block: tuple[re.Pattern, re.Pattern, int] | None = None  # open tag, close tag, depth
    for line in lines:
        rest = _QUOTE.sub("", line) if ">" in line else line
        if html_block is not None:
            opens, closes, depth = html_block
            depth += len(opens.findall(line)) - len(closes.findall(line))
            html_block = (opens, closes, depth) if depth > 0 else None
            text.append("")
            internal.append(line)
            continue
        if block_indent is not None:
            if not rest.strip() or _indent(rest) > block_indent:
                text.append("")
                internal.append(line)
                continue
            block_indent = None
        # Openers count even inside code: a fence Markdown does not see as one (indented, never
        # closed) would otherwise hide an internal block from this side and publish its images.
        opener = _ADMONITION.match(rest)
        if opener and "internal" in opener.group("classes").lower().split():
            block_indent = _indent(opener.group("indent"))
            text.append("")
            internal.append(line)
            continue
        # An HTML block runs to its closing tag, however far: only outside code, where an
        # example of the syntax would hide the rest of the page.
        tag = _HTML_INTERNAL.match(line) if fence is None else None
        if tag:
            name = tag.group("tag").lower()
            opens = re.compile(rf"<{name}\b", re.IGNORECASE)
            closes = re.compile(rf"</{name}\s*>", re.IGNORECASE)
            depth = len(opens.findall(line)) - len(closes.findall(line))
            html_block = (opens, closes, depth) if depth > 0 else None
            text.append("")
            internal.append(line)
            continue
        internal.append("")
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not match.group(2).strip():
                fence = None
            text.append("")
            continue
        if match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
            fence = match.group(1)
            text.append("")
            continue
        text.append(line)
    return "\n".join(text), "\n".join(internal)


# -- links in Markdown and HTML ------------------------------------------------------------------
# A backslash escape is masked as a private-use character of its own, so that an escaped `[`,
# backtick or `<` starts nothing, and a link's destination gets the plain character back.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MASK = 0xE000


def _mask(match: re.Match) -> str:
    return chr(_MASK + ord(match.group(1)))


def _unmask(text: str) -> str:
    return "".join(chr(ord(c) - _MASK) if _MASK <= ord(c) < _MASK + 128 else c for c in text)


# Code spans: a run of backticks closed by a run of the same length, within a paragraph.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# `](destination "title")`: the destination in <angle brackets>, or up to a space, with balanced
# parentheses inside it.
_DESTINATION = r"""(?:<(?P<angle>[^<>\n]*)>|(?P<bare>(?:[^\s()]|\([^\s()]*\))+))"""
_INLINE = re.compile(r"\]\(\s*" + _DESTINATION + r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)""")
_INLINE_LOOSE = re.compile(r"\]\(\s*" + _DESTINATION)
# `[label]: destination`, also with the destination on the next line. `[^1]:` is a footnote.
_DEFINITION = re.compile(r"^[ \t>]*\[(?!\^)(?P<label>[^\]\n]+)\]:[ \t]*\n?[ \t]*" + _DESTINATION,
                         re.MULTILINE)
_MAX_LINK_TEXT = 4096
_LABEL = re.compile(r"\[([^\[\]\n]+)\](?!\()")  # not the text of an inline link
_SHOWN_TAG = re.compile(r"<(a|img)\b([^<>]*)>", re.IGNORECASE)
_ATTRIBUTE = r"""\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<uq>[^\s"'=<>`]+))"""
_SHOWN_ATTRIBUTE = {"a": re.compile(r"(?:^|\s)href" + _ATTRIBUTE, re.IGNORECASE),
                    "img": re.compile(r"(?:^|\s)src" + _ATTRIBUTE, re.IGNORECASE)}
_ANY_ATTRIBUTE = re.compile(r"(?<!\w)(?P<name>href|src|srcset|poster|data)" + _ATTRIBUTE,
                            re.IGNORECASE)


def body_links(markdown: str, src_uri: str, *, root_relative: bool = False) -> BodyLinks:
    """The files that the page rendered from ``markdown`` shows, and those its internal blocks
    mention; ``src_uri`` is the body's file, which relative links start from."""
    text, internal = _split(markdown)
    return BodyLinks(frozenset(_shown(text, src_uri, root_relative)),
                     frozenset(mentions(internal, src_uri)))


def _shown(text: str, src_uri: str, root_relative: bool) -> set[str]:
    text = _COMMENT.sub("", _CODE_SPAN.sub("", _ESCAPE.sub(_mask, text)))
    found: set[str] = set()

    def add(url: str) -> None:
        target = resolve(_unmask(url), src_uri, root_relative=root_relative)
        if target is not None:
            found.add(target)

    # A definition shows nothing by itself: only when a link uses its label.
    definitions = [(_label(m.group("label")), _destination(m)) for m in _DEFINITION.finditer(text)]
    if definitions:
        used = {_label(label) for label in _LABEL.findall(_DEFINITION.sub("", text))}
        for label, url in definitions:
            if label in used:
                add(url)
    for match in _INLINE.finditer(text):
        if _opened(text, match.start()):
            add(_destination(match))
    for match in _SHOWN_TAG.finditer(text):
        attribute = _SHOWN_ATTRIBUTE[match.group(1).lower()].search(match.group(2))
        if attribute:
            add(_value(attribute))
    return found


def _opened(text: str, close: int) -> bool:
    """Whether the ``]`` at ``close`` ends a bracketed text (``\\[`` is masked, so it opens none)."""
    depth = 0
    for index in range(close, max(close - _MAX_LINK_TEXT, -1), -1):
        char = text[index]
        if char == "]":
            depth += 1
        elif char == "[":
            depth -= 1
            if depth == 0:
                return True
        elif char == "\n" and text.startswith("\n\n", index - 1):
            return False  # a link's text stays within its paragraph
    return False  # longer than any link text: not counted (this side may count too little)


def mentions(text: str, src_uri: str, *, root_relative: bool = True) -> set[str]:
    """Every file that ``text`` names as a link target, in any syntax, wherever it stands (code
    and comments included): what internal content counts as using. A link from the site's
    root (``/images/map.png``) counts as the content folder's file by default: on this side,
    counting too much only keeps a file out."""
    found: set[str] = set()
    # Each pattern only where its punctuation is: most internal text has no link at all.
    urls = [_destination(m) for m in _INLINE_LOOSE.finditer(text)] if "](" in text else []
    urls += [_destination(m) for m in _DEFINITION.finditer(text)] if "]:" in text else []
    for match in _ANY_ATTRIBUTE.finditer(text) if "=" in text else ():
        value = html.unescape(_value(match))
        if match.group("name").lower() == "srcset":
            urls += [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
        else:
            urls.append(value)
    for url in urls:
        for candidate in {url, _ESCAPE.sub(r"\1", url)}:
            target = resolve(candidate, src_uri, root_relative=root_relative)
            if target is not None:
                found.add(target)
    return found


def _destination(match: re.Match) -> str:
    angle = match.group("angle")
    return angle if angle is not None else match.group("bare")


def _value(match: re.Match) -> str:
    return next(v for v in (match.group("dq"), match.group("sq"), match.group("uq")) if v is not None)


def _label(label: str) -> str:
    return " ".join(label.split()).casefold()


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
