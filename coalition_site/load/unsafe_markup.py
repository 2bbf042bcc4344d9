"""Finding markup in a charter's Markdown that the published site would refuse to run.

The site never runs it: every page is sanitised after rendering (``render/sanitize.py``). But a
``<script>`` or an ``onclick=`` that silently vanishes is a surprise for its author, and a sign
of something worse when it comes in a pull request. ``check`` reports each one at its line, so
that the author sees it before a reviewer has to.

Rule ``unsafe-html`` (error): script-like elements (``<script>``, ``<iframe>``, ``<object>``,
``<style>``, ``<form>`` ...), event-handler attributes (``onclick=``), ``style=`` attributes, and
``javascript:``, ``vbscript:`` or ``data:`` URLs, and URLs whose host is not public (``localhost``,
``*.local``, ``10.0.0.5``, ``169.254.169.254``: see ``hosts.py``), in raw HTML, in Markdown links
and images, and in attribute lists (``{ onclick="..." }``).
Rule ``removed-html`` (warning): other elements that the published page leaves out.
(An element that says it is internal, ``class="internal"``, is found by Markdown's own reading:
rule ``internal-html`` of :mod:`coalition_site.markup`.)

Code is not markup: fenced code blocks, inline code spans and backslash-escaped ``\\<`` are
left alone. (Indented code blocks are not told apart from indented text: use fences to show
HTML as code.)
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..markup.html import closable
from .hosts import host_refusal, url_host
from ..problems import Level, Problem
from ..markup.allowlist import ALLOWED_TAGS, ATTRIBUTE_VALUES

UNSAFE_ELEMENTS = {
    "script": "runs code in every reader's browser",
    "noscript": "is only meant for scripts",
    "iframe": "embeds another site into the page",
    "frame": "embeds another site into the page",
    "frameset": "embeds another site into the page",
    "object": "embeds active content",
    "embed": "embeds active content",
    "applet": "embeds active content",
    "style": "restyles the whole site",
    "link": "loads files from elsewhere into the page",
    "meta": "changes how browsers treat the page",
    "base": "changes where every link of the page points",
    "form": "sends what readers type to another site",
}
INPUT_TYPES = ATTRIBUTE_VALUES["input"]["type"]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "cite",
                  "background", "longdesc", "srcset", "ping", "manifest", "lowsrc", "dynsrc"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# A code span may wrap onto the next line but never crosses a blank line (a new paragraph).
_CODE_SPAN = re.compile(r"(`+)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
_ESCAPED_LT = re.compile(r"\\<")
_TAG_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_MD_DESTINATION = re.compile(r"\]\(\s*<?([^\s)>]+)")
_MD_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
_MD_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
# Each link pattern with text it cannot match without: Python's regex engine scans a page for
# a code span or a reference definition (starting with a group, or at every line) many times
# slower than `in` rules out one, and most pages have none.
_URL_PATTERNS = ((_MD_DESTINATION, "]("), (_MD_REFERENCE, "]:"), (_MD_AUTOLINK, "<"))
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
# attr_list (`{ .class onclick="..." }` after a heading, link or paragraph) sets any attribute.
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
_ATTR_LIST_ITEM = re.compile(r"(?<![\w.#:-])([A-Za-z_:][\w:.-]*)[ \t]*=[ \t]*(\"[^\"]*\"|'[^']*'|[^\s}]*)")


MARKUP_CHECKS: dict[str, Level] = {"unsafe-html": "error", "removed-html": "warning"}
"""The checks of this module and their default levels; a project sets them like a rule's."""



def find_unsafe_markup(body: str, *, path: str, body_line: int = 1) -> list[Problem]:
    """Problems for the unsafe and removed markup in a Markdown ``body``.

    ``path`` is the file as problems print it; ``body_line`` the file's line where ``body``
    starts, so that each problem points at the line to change.
    """
    masked = _mask_code(body)
    finder = _Finder(path, body_line)
    finder.feed(closable(masked))  # (a `<` that closes nothing is text: see closable)
    finder.close()
    problems = finder.problems
    for match in _ATTR_LIST.finditer(masked):
        for item in _ATTR_LIST_ITEM.finditer(match.group(1)):
            name, value = item.group(1).lower(), item.group(2).strip("\"'")
            message = _attribute_message(name, value)
            if message:
                line, column = _position(masked, match.start(1) + item.start(1))
                problems.append(Problem(path, body_line + line - 1, column, "error", message,
                                        "unsafe-html"))
    for pattern, needed in _URL_PATTERNS:
        if needed not in masked:
            continue
        for match in pattern.finditer(masked):
            scheme = _unsafe_scheme(match.group(1))
            message = _url_message(scheme) if scheme else _private_host_message(match.group(1))
            if message:
                line, column = _position(masked, match.start(1))
                problems.append(Problem(path, body_line + line - 1, column, "error",
                                        message, "unsafe-html"))
    return sorted(set(problems))


def _mask_code(body: str) -> str:
    """``body`` with code blanked out (same length and lines), so that positions still hold."""
    lines = body.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            lines[index] = " " * len(line)
        elif match:
            fence = match.group(1)
            lines[index] = " " * len(line)
    text = "\n".join(lines)
    if "`" in text:  # (see _URL_PATTERNS)
        text = _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return _ESCAPED_LT.sub("  ", text)


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _unsafe_scheme(url: str) -> str | None:
    # Browsers ignore whitespace and control characters inside a scheme and decode entities
    # (`java&#115;cript:`); so must the check.
    bare = _CONTROL.sub("", html.unescape(url)).lower()
    return next((s for s in UNSAFE_SCHEMES if bare.startswith(s)), None)


def _attribute_message(name: str, value: str | None) -> str | None:
    if name.startswith("on"):
        return (f"the {name} attribute runs code in readers' browsers; remove it (the published "
                "page leaves it out)")
    if name == "style":
        return ("style attributes are removed from the published page (they can disguise or hide "
                "content); remove it and use Markdown formatting")
    if name in URL_ATTRIBUTES and value and (scheme := _unsafe_scheme(value)):
        return _url_message(scheme)
    if name in URL_ATTRIBUTES and value:
        # srcset lists candidates, each a URL and its width or density: `a.png 1x, b.png 2x`.
        urls = [c.split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
        return next(filter(None, map(_private_host_message, urls)), None)
    return None


def _url_message(scheme: str) -> str:
    if scheme == "data:":
        return ("a data: URL is removed from the published page; put the file in the content "
                "folder and link to it instead")
    return (f"a {scheme} link runs code when a reader follows it; link to an https:// address "
            "instead")


def _private_host_message(url: str) -> str | None:
    # Material's privacy plugin downloads what pages show (images, scripts, styles) and publishes
    # it with the site: a host of the builder's own network would be fetched from there. A link
    # to one is refused too, since check cannot know which plugins a build enables. The host is
    # not printed: the URL may stand in an internal block, and check's output is often public.
    host = url_host(html.unescape(url))
    refusal = host_refusal(host) if host else None
    if refusal is None:
        return None
    return (f"this URL's host is {refusal}, not a public one: with Material's privacy plugin the "
            "build would fetch it from the builder's own network and publish the answer; use a "
            "public https:// address, or put the file in the content folder")


class _Finder(HTMLParser):
    def __init__(self, path: str, body_line: int):
        super().__init__(convert_charrefs=True)
        self.path, self.body_line = path, body_line
        self.problems: list[Problem] = []

    def _add(self, line: int, column: int, level: Level, message: str, rule: str) -> None:
        self.problems.append(Problem(self.path, self.body_line + line - 1, column, level, message, rule))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not _TAG_NAME.match(tag):
            return  # `<https://...>` and `<a@b.org>` are Markdown autolinks, not elements
        line, offset = self.getpos()
        text = self.get_starttag_text() or ""
        if tag in UNSAFE_ELEMENTS:
            self._add(line, offset + 1, "error",
                      f"<{tag}> {UNSAFE_ELEMENTS[tag]}; remove it (the published page leaves it out)",
                      "unsafe-html")
        elif tag not in ALLOWED_TAGS or (
                tag == "input" and (dict(attrs).get("type") or "").lower() not in INPUT_TYPES):
            self._add(line, offset + 1, "warning",
                      f"<{tag}> is not among the HTML elements charter pages may use, and the "
                      "published page leaves it out; use Markdown instead, or remove it",
                      "removed-html")
        for name, value in attrs:
            message = _attribute_message(name, value)
            if message:
                self._add(*self._attribute_position(text, name, line, offset), "error", message,
                          "unsafe-html")

    def _attribute_position(self, text: str, name: str, line: int, offset: int) -> tuple[int, int]:
        match = re.search(rf"[\s/]({re.escape(name)})\s*(?:=|[\s/>])", text, re.IGNORECASE)
        if match is None:
            return line, offset + 1
        before = text[:match.start(1)]
        newlines = before.count("\n")
        if newlines:
            return line + newlines, len(before) - before.rfind("\n")
        return line, offset + len(before) + 1
