"""Internal blocks as Python-Markdown reads them: removed while it parses, for the public.

Markdown itself decides what an internal block is, wherever it finds one: at the top of a page,
in a quote, a list, a definition, a tab, a footnote or an ``md_in_html`` element. A block
processor placed just ahead of the admonition and details processors recognises their openers
with *their own* patterns; for the public audience it consumes the whole block (its opener and
every indented line that belongs to it) without parsing what is inside. So nothing inside ever
registers a reference link, a footnote, an abbreviation, a heading or an image: there is nothing
to filter afterwards. ``pymdownx.blocks``' ``/// admonition`` and ``/// details`` of type
``internal`` are read by that extension, told to keep their content raw, and dropped whole.

For the internal audience the blocks render as the admonitions they are, and each is counted,
so that the leak check and the attachment filter can learn what internal content shows.

Whatever looks like the marker without being it is reported (:class:`Finding`), never guessed
at: the reader (``reader.py``) turns findings into located problems, and the MkDocs plugin stops
the build on them.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Callable

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.treeprocessors import Treeprocessor

from .markers import INTERNAL, is_internal, looks_internal, near_miss

Audience = str  # "public" or "internal"

# The openers exactly as the admonition and pymdownx.details extensions read them.
ADMONITION = re.compile(r'(?:^|\n)!!! ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *(?:\n|$)')
DETAILS = re.compile(
    r'(?:^|\n)\?{3}(\+)? ?(?:([\w\-]+(?: +[\w\-]+)*?)?(?: +"(.*?)")|([\w\-]+(?: +[\w\-]+)*?)) *(?:\n|$)')
# What a partner may write for an opener that no extension reads as one (`!!!! internal`,
# `?? private`, `::: internal`, `/// internal`, `[!INTERNAL]`): it becomes a public paragraph.
# A quote's `>` or a list's marker may stand before it when another block took the line as text
# (a definition list takes `> !!! internal` for a term).
_LOOSE_OPENER = re.compile(
    r"^[ \t>*+\-]*(?:\d+[.)][ \t]*)?(?:(?P<punct>[!?/:=%]{2,})\+?[ \t]*|\[!)(?P<word>[\w\-]+)")
_TAG = re.compile(r"<[^<>]*>")
_TEXT_TAGS = {"p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "summary"}


@dataclass(frozen=True)
class Finding:
    """Something that looks like a privacy marker without being one, as the parser met it."""

    kind: str
    """``near-miss``, ``title``, ``unindented``, ``unindented-after``, ``no-body``, ``paragraph``, ``code``,
    ``raw-html`` or ``class`` (see ``reader.py`` for the messages)."""
    snippet: str
    """The text to find in the page's source: the opener's line, or the word."""
    word: str = ""


class AudienceExtension(Extension):
    """Reads internal blocks for one audience: ``public`` drops them, ``internal`` keeps them.

    Add it last to a ``markdown.Markdown``'s extensions (after admonition, details and
    pymdownx.blocks, whose readers it wraps). After each conversion, :attr:`findings` holds
    what looked like a marker and was not one, and :attr:`openers` each internal block's
    opener line, in the order of the document.
    """

    def __init__(self, audience: Audience = "public", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if audience not in ("public", "internal"):
            raise ValueError(f"unknown audience {audience!r}")
        self.audience = audience
        self.reset()

    def reset(self) -> None:
        self.findings: list[Finding] = []
        self.openers: list[str] = []
        # The elements standing for internal blocks: placeholders to remove (public) or the
        # rendered blocks (internal), which the class check must not mistake for imitations.
        self.elements: list[etree.Element] = []
        # Each with the element it was made under: a footnote's text is parsed into an element
        # the footnotes extension attaches to the page only later, so the page's tree cannot
        # be searched for them; each is removed from its own parent instead.
        self.parents: list[etree.Element] = []

    @property
    def public(self) -> bool:
        return self.audience == "public"

    def found(self, kind: str, snippet: str, word: str = "") -> None:
        finding = Finding(kind, snippet.strip("\n"), word)
        if finding not in self.findings:
            self.findings.append(finding)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.registerExtension(self)  # so that md.reset() resets us
        self.reset()
        blocks = md.parser.blockprocessors
        # Just above admonition and details (105): they never see an internal block in a
        # public build, and the nested processors they call see none either.
        if "admonition" in blocks:
            blocks.register(_InternalBlock(md.parser, self, blocks["admonition"], ADMONITION, "!!!",
                                           _admonition_parts), "coalition_internal_admonition", 106)
        if "details" in blocks:
            blocks.register(_InternalBlock(md.parser, self, blocks["details"], DETAILS, "???",
                                           _details_parts), "coalition_internal_details", 106)
        if "blocks" in blocks:
            _wrap_generic_blocks(blocks["blocks"], self)
        # First of all tree processors: the placeholders go before anything reads the tree; and
        # again once the footnotes extension (50) has parsed the footnotes' text.
        md.treeprocessors.register(_RemovePlaceholders(md, self), "coalition_internal_remove", 100)
        md.treeprocessors.register(_RemovePlaceholders(md, self), "coalition_internal_remove_late", 45)
        # Before inline parsing splits a paragraph's text into elements.
        md.treeprocessors.register(_LooseOpeners(md, self), "coalition_loose_openers", 25)
        # After attr_list (8) has set the classes a partner wrote in `{ .internal }`.
        md.treeprocessors.register(_Imitations(md, self), "coalition_imitations", 7)


def _admonition_parts(match: re.Match) -> tuple[list[str], str | None]:
    return match.group(1).lower().split(), match.group(2)


def _details_parts(match: re.Match) -> tuple[list[str], str | None]:
    return (match.group(2) or match.group(4) or "").lower().split(), match.group(3)


class _InternalBlock(BlockProcessor):
    """``!!! internal`` (or ``??? internal``): consumed unparsed for the public, rendered by the
    original processor for the partners. Openers that only resemble one are reported."""

    def __init__(self, parser: BlockParser, ext: AudienceExtension, original: BlockProcessor,
                 pattern: re.Pattern, token: str, parts: Callable):
        super().__init__(parser)
        self.ext, self.original, self.pattern, self.token, self.parts = ext, original, pattern, token, parts

    def test(self, parent: etree.Element, block: str) -> bool:
        if self.token in block:
            match = self.pattern.search(block)
            if match:
                classes, title = self.parts(match)
                if is_internal(classes):
                    return True
                word = near_miss(classes, title)
                if word is not None:
                    self.ext.found("title" if word not in classes else "near-miss", match.group(0), word)
                return False
        # An indented block after a removed one (past a blank line) is still part of it.
        return self.ext.public and block.startswith(" " * self.tab_length) and \
            any(self.lastChild(parent) is e for e in self.ext.elements)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks[0]
        match = self.pattern.search(block)
        if match is not None:
            opener = match.group(0)
            self.ext.openers.append(opener.strip("\n"))
            body, rest = self.detab(block[match.end():])
            if rest:
                self.ext.found("unindented" if not body.strip() else "unindented-after", opener)
            elif not body.strip() and not (len(blocks) > 1 and blocks[1].startswith(" " * self.tab_length)):
                self.ext.found("no-body", opener)
        if not self.ext.public:
            self.original.run(parent, blocks)
            if match is not None and len(parent):
                self.ext.elements.append(parent[-1])
                self.ext.parents.append(parent)
            return
        blocks.pop(0)
        if match is None:
            return  # a continuation of a removed block: dropped with it
        if match.start() > 0:
            self.parser.parseBlocks(parent, [block[:match.start()]])
        # Unindented lines right after the opener are reported above, and dropped too: they
        # are ambiguous, and the build stops on the finding anyway.
        self.ext.elements.append(etree.SubElement(parent, "div"))
        self.ext.parents.append(parent)


def _wrap_generic_blocks(manager: Any, ext: AudienceExtension) -> None:
    """Make ``pymdownx.blocks``' admonition and details blocks of class ``internal`` raw (their
    content unparsed) and removable: the blocks extension still decides where a block ends."""
    from pymdownx.blocks.admonition import Admonition
    from pymdownx.blocks.details import Details

    for name, block_class in list(manager.blocks.items()):
        if issubclass(block_class, (Admonition, Details)) and not getattr(block_class, "_coalition", False):
            manager.blocks[name] = _internal_aware(block_class, ext)


def _internal_aware(block_class: type, ext: AudienceExtension) -> type:
    class InternalAware(block_class):
        _coalition = True

        def on_create(self, parent: etree.Element) -> etree.Element:
            element = super().on_create(parent)
            classes = (element.get("class") or "").lower().split()
            self._internal = is_internal(classes)
            title_element = element.find("./summary") if element.tag == "details" else \
                next((c for c in element if "admonition-title" in (c.get("class") or "")), None)
            title = title_element.text if title_element is not None else None
            if self._internal:
                ext.openers.append(f"/// {self.NAME}")
                ext.elements.append(element)
                ext.parents.append(parent)
            else:
                word = near_miss([c for c in classes if c not in ("admonition",)], None) or \
                    (near_miss([], self.argument) if self.argument else None)
                if word is None and title and self.argument is None:
                    word = near_miss([], title)  # a type's default title, such as "Private"
                if word is not None:
                    ext.found("near-miss" if word.lower() in classes else "title", f"/// {self.NAME}", word)
            return element

        def on_markdown(self) -> str:
            if ext.public and getattr(self, "_internal", False):
                return "raw"  # kept as text, never parsed: it defines and shows nothing
            return super().on_markdown()

        def on_end(self, block: etree.Element) -> None:
            super().on_end(block)
            if ext.public and getattr(self, "_internal", False):
                # Gone the moment the block ends: some text is parsed late (a footnote's, when
                # the footnotes extension builds its list), after any tree processor of ours.
                parent = ext.parents[next(i for i, e in enumerate(ext.elements) if e is block)]
                if any(child is block for child in parent):
                    parent.remove(block)

    InternalAware.__name__ = f"InternalAware{block_class.__name__}"
    return InternalAware


class _RemovePlaceholders(Treeprocessor):
    def __init__(self, md: Markdown, ext: AudienceExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if not self.ext.public:
            return
        for parent, element in zip(self.ext.parents, self.ext.elements):
            if any(child is element for child in parent):
                parent.remove(element)


class _LooseOpeners(Treeprocessor):
    """Paragraphs whose first word is a marker behind punctuation no extension reads as an
    opener (``!!!! internal``, ``:: private``): Markdown made them public text."""

    def __init__(self, md: Markdown, ext: AudienceExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag not in _TEXT_TAGS or not element.text:
                continue
            for line in element.text.split("\n"):
                match = _LOOSE_OPENER.match(line)
                if match and (match.group("word").lower() == INTERNAL or looks_internal(match.group("word"))):
                    self.ext.found("paragraph", line.strip(), match.group("word"))


class _Imitations(Treeprocessor):
    """What imitates an internal block where nothing removes it: an element given the class
    ``internal`` (raw HTML, ``{ .internal }``, ``md_in_html``), and an opener inside code or
    raw HTML, which is published word for word."""

    def __init__(self, md: Markdown, ext: AudienceExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        blocks = {id(e) for e in self.ext.elements}
        for element in root.iter():
            if id(element) not in blocks and is_internal((element.get("class") or "").lower().split()):
                self.ext.found("class", "internal")
            if element.tag == "pre":  # an indented code block (a code span is no block)
                for code in element.iter("code"):
                    self._openers_in(code.text or "", "code")
        for stashed in self.md.htmlStash.rawHtmlBlocks:
            text = stashed if isinstance(stashed, str) else etree.tostring(stashed, encoding="unicode")
            is_code = text.lstrip().startswith(("<pre", "<code", "<div class=\"highlight"))
            if not is_code and INTERNAL in text.lower():
                self._classes_in(text)
            # Code's own text is escaped: its tags are the wrappers (`<pre><code>`), dropped so
            # that an opener on the code's first line starts a line.
            self._openers_in(html.unescape(_TAG.sub("\n", text) if is_code else text),
                             "code" if is_code else "raw-html")

    def _openers_in(self, text: str, kind: str) -> None:
        for pattern, parts in ((ADMONITION, _admonition_parts), (DETAILS, _details_parts)):
            for match in pattern.finditer(text):
                classes, title = parts(match)
                if is_internal(classes) or near_miss(classes, title):
                    self.ext.found(kind, match.group(0))

    def _classes_in(self, text: str) -> None:
        finder = _ClassFinder()
        finder.feed(text)
        finder.close()
        if finder.internal:
            self.ext.found("class", "internal")


class _ClassFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.internal = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if is_internal((dict(attrs).get("class") or "").lower().split()):
            self.internal = True
