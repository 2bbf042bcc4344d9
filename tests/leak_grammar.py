"""A grammar of page bodies that hide internal blocks wherever Markdown reads one (issue #11's proof).

Hypothesis composes each body from this grammar; the property tests (``tests/markup/`` and
``tests/integration/test_leak_property_builds.py``) then read or build it for both audiences::

    Body        := Piece (blank Piece)* PageEnd
    Piece       := Public | Placement
    Public      := paragraph | heading | table | fence (well-formed, closed)
                 | a paragraph that uses what internal blocks define (a reference, an image by
                   reference, a footnote, an abbreviation): resolved in the internal reading only
    Placement   := Container* Block              (containers outermost first, at most 3)
    Container   := quote (`> `, lazy or not) | list item (`-` `*` `+` `1.`, below the item's
                   own line; lists nest to depth 3) | definition (`:   `, below a public one or
                   on its line) | footnote definition (referenced from a paragraph before it)
                 | `<details markdown>` | `<div markdown>` | `/// note` | `/// details`
                 | public admonition (`!!! note`, `??? tip`, `???+ example`) | tab (`=== "Tab"`)
                 | a paragraph glued before and after | a table or a closed fence before
                 | a "fence" Python-Markdown does not read as one: indented two spaces, an info
                   string it rejects (```` ``` foo bar ````), or never closed
                   (nested only where Python-Markdown reads them so: see ``container_chains``)
    Block       := Opener Slot (blank Slot)*
    Opener      := `!!!` | `???` | `???+`, with or without a space, classes `internal` (any case,
                   or with others: `note internal`, `internal inline end`), with or without a
                   title (an empty one too); the body indented by 4 spaces or a tab
                 | `/// admonition` | `/// details` (3 or 4 slashes, with or without `| Title`)
                   and `    type: internal` (plain or quoted)
                 | a near miss: a type one edit from `internal` or a synonym (`private`, `secret`
                   ...), two spaces after `!!!`, a body that is not indented, `type: private`
    Slot        := text | link (inline, or by reference: the definition glued, apart, or at the
                   bottom of the page) | footnote | abbreviation (`*[ABBR]: ...`) | image (inline,
                   or by reference, as links) | heading (a TOC entry) | table | definition list
    PageEnd     := the reference definitions written at the bottom of the page, if any

Every slot of a block carries canaries: unique words (``zq`` and 18 letters or digits) written
in that block only, where the internal reading shows them (a block's title, a sentence, a link's
URL and title, a footnote's text, an abbreviation's expansion, an image's file name, a heading).
Public text holds no canary, except the bottom-of-page reference definitions, which only an
internal block uses (so no reading of the public text shows them).

Fences get a length each, longest first, so that no two of them pair up across pieces (Python-
Markdown closes a fence with the very same fence; pymdownx.superfences with any longer one).
A footnote defined inside a footnote is never shown by Python-Markdown, so blocks inside a
footnote container define none.

``Body.public_text`` is the body with each block's lines left out: what a public reading must
amount to. The grammar's own tests check that Markdown shows no canary from it, and that
Markdown reads every block of ``Body.text`` (but the near misses) as an internal block.
"""

from __future__ import annotations

import functools
import os
import random
import string
import time
from dataclasses import dataclass, field
from typing import NamedTuple

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

CANARY_PREFIX = "zq"
_ALPHABET = string.ascii_lowercase + string.digits
_INDENT = "\x02"  # one level of indentation: 4 spaces, or a tab where a tab is exactly that
_FENCE = "\x01"   # a fence's placeholder: \x01 <char> <id> \x01, given its length at the end

WORDS = ("the", "partners", "agree", "on", "rent", "buses", "meeting", "plan", "budget",
         "council", "route", "review", "steward", "alliance", "tenants", "riders", "vote",
         "campaign", "hearing", "notes", "ask", "city", "line", "we", "our", "of", "and", "for",
         "a", "homes", "fares", "repairs", "organizers", "members", "report", "next", "month")
MAX_CONTAINERS = 3


class Line(NamedTuple):
    text: str
    internal: bool  # a line of an internal block: left out of the public text


@dataclass(frozen=True)
class Canary:
    value: str
    slot: str  # what it stands in for, to explain a failure: "link title", "footnote text" ...

    def __str__(self) -> str:
        return f"{self.value} ({self.slot})"


@dataclass
class Slot:
    """Something a block shows or defines: its body lines and what they carry."""

    lines: list[str]
    canaries: list[Canary]
    page_end: list[str] = field(default_factory=list)  # definitions written at the page's bottom
    uses: list[str] = field(default_factory=list)      # Markdown that public text may use it by
    images: list[str] = field(default_factory=list)    # file names, under images/


@dataclass
class Block:
    """One internal block (or near miss) as written, and the containers it sits in."""

    opener: str
    containers: list[str]
    canaries: list[Canary]
    well_formed: bool  # False: a near miss, which Markdown reads as public text or a public box

    def __str__(self) -> str:
        where = " in ".join(reversed(self.containers)) or "top level"
        kind = "" if self.well_formed else "near miss "
        return f"{kind}{self.opener!r} at {where}: " + ", ".join(map(str, self.canaries))


@dataclass
class Body:
    text: str
    public_text: str
    blocks: list[Block]
    images: list[str]

    @property
    def canaries(self) -> list[Canary]:
        return [canary for block in self.blocks for canary in block.canaries]

    def explain(self) -> str:
        """The body with line numbers and its blocks: what a failing example prints."""
        lines = self.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        numbered = "\n".join(f"{n:3} | {line!r}" for n, line in enumerate(lines, 1))
        return numbered + "\nblocks:\n" + "\n".join(f"  {block}" for block in self.blocks)


class Names:
    """Unique canaries and labels, and ordinary words, for one body or every body of a project."""

    def __init__(self, salt: str, words: random.Random):
        self.salt = salt
        self.random = words  # drawn once: a draw per word would cost more than the reading
        self.count = 0

    def _next(self) -> int:
        self.count += 1
        return self.count

    def canary(self) -> str:
        # A serial number makes each unique even when Hypothesis shrinks the salt to "000...".
        return f"{CANARY_PREFIX}{self.salt}{_base36(self._next()):0>4}"

    def label(self, kind: str) -> str:
        return f"{kind}-{self._next()}"

    def abbreviation(self) -> str:
        return "QX" + _letters(self._next())

    def fence(self, char: str) -> str:
        return f"{_FENCE}{char}{self._next()}{_FENCE}"

    def words(self, low: int = 1, high: int = 4) -> str:
        return " ".join(self.random.choices(WORDS, k=self.random.randint(low, high)))

    def sentence(self, *middle: str) -> str:
        """Ordinary words around ``middle`` (a canary, a link ...)."""
        parts = [self.words(1, 3), *middle, self.words(0, 3)]
        text = " ".join(part for part in parts if part)
        return text[0].upper() + text[1:] + "."


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, rest = divmod(number, 36)
        digits = _ALPHABET[(rest + 26) % 36] + digits  # 0-9 then a-z
        if not number:
            return digits


def _letters(number: int) -> str:
    out = ""
    while True:
        number, rest = divmod(number, 26)
        out = string.ascii_uppercase[rest] + out
        if not number:
            return out


name_spaces = st.builds(Names, st.text(_ALPHABET, min_size=14, max_size=14),
                        st.randoms(use_true_random=True))


# -- what a block can define or show ----------------------------------------------------------
def _place_definition(draw, use: str, definition: str, *, page_end: bool = True) -> tuple[list[str], list[str]]:
    """Where a definition goes: glued to its use, apart from it, before it, or at the page's bottom."""
    where = draw(st.sampled_from(("glued", "apart", "before", "page end") if page_end
                                 else ("glued", "apart", "before")))
    if where == "page end":
        return [use], [definition]
    if where == "glued":
        return [use, definition], []
    if where == "before":
        return [definition, "", use], []
    return [use, "", definition], []


@st.composite
def texts(draw, names: Names) -> Slot:
    canary = names.canary()
    if draw(st.booleans()):  # a paragraph over two lines, the canary on the second
        return Slot([names.sentence(), names.sentence(canary)], [Canary(canary, "text")])
    return Slot([names.sentence(canary)], [Canary(canary, "text")])


@st.composite
def links(draw, names: Names) -> Slot:
    url, title = names.canary(), names.canary()
    canaries = [Canary(url, "link URL"), Canary(title, "link title")]
    target = f"https://example.org/{url}"
    quoted = draw(st.sampled_from(('"{}"', "'{}'", "({})"))).format(f"{names.words()} {title}")
    if draw(st.booleans()):
        return Slot([names.sentence(f"[{names.words()}]({target} {quoted})")], canaries)
    label = names.label("ref")
    use = draw(st.sampled_from((f"[{names.words()}][{label}]", f"[{label}][]", f"[{label}]")))
    lines, page_end = _place_definition(draw, names.sentence(use), f"[{label}]: {target} {quoted}")
    return Slot(lines, canaries, page_end, uses=[] if page_end else [f"[{names.words()}][{label}]"])


@st.composite
def footnotes(draw, names: Names) -> Slot:
    label, canary = names.label("fn"), names.canary()
    lines, _ = _place_definition(draw, names.sentence(f"{names.words()}[^{label}]"),
                                 f"[^{label}]: {names.sentence(canary)}", page_end=False)
    return Slot(lines, [Canary(canary, "footnote text")], uses=[f"[^{label}]"])


@st.composite
def abbreviations(draw, names: Names) -> Slot:
    abbr, canary = names.abbreviation(), names.canary()
    lines, _ = _place_definition(draw, names.sentence(abbr), f"*[{abbr}]: {names.words()} {canary}",
                                 page_end=False)
    return Slot(lines, [Canary(canary, "abbreviation expansion")], uses=[abbr])


@st.composite
def images(draw, names: Names, prefix: str) -> Slot:
    canary = names.canary()
    file = f"{canary}.png"
    slot = Slot([], [Canary(canary, "image file name")], images=[file])
    if draw(st.booleans()):
        slot.lines = [names.sentence(f"![{names.words()}]({prefix}{file})")]
        return slot
    label = names.label("img")
    slot.lines, slot.page_end = _place_definition(draw, names.sentence(f"![{names.words()}][{label}]"),
                                                  f"[{label}]: {prefix}{file}")
    if not slot.page_end:
        slot.uses = [f"![{names.words()}][{label}]"]
    return slot


@st.composite
def headings(draw, names: Names) -> Slot:
    canary = names.canary()
    level = draw(st.integers(2, 4))
    return Slot([f"{'#' * level} {names.words()} {canary}"], [Canary(canary, "heading")])


@st.composite
def tables(draw, names: Names) -> Slot:
    canary = names.canary()
    rule = draw(st.sampled_from(("| --- | --- |", "|:---|---:|", "--- | ---")))
    return Slot([f"| {names.words(1, 2)} | {names.words(1, 2)} |", rule,
                 f"| {names.words(1, 2)} | {canary} |"], [Canary(canary, "table cell")])


@st.composite
def definition_lists(draw, names: Names) -> Slot:
    canary = names.canary()
    colon = draw(st.sampled_from((":   ", ": ")))
    return Slot([names.words().capitalize(), colon + names.sentence(canary)],
                [Canary(canary, "definition")])


SLOT_KINDS = ("text", "link", "footnote", "abbreviation", "image", "heading", "table", "definition list")


def slots(names: Names, *, footnotes_allowed: bool, image_prefix: str,
          kinds: tuple[str, ...] = SLOT_KINDS) -> st.SearchStrategy[Slot]:
    strategies = {"text": texts(names), "link": links(names), "footnote": footnotes(names),
                  "abbreviation": abbreviations(names), "image": images(names, image_prefix),
                  "heading": headings(names), "table": tables(names),
                  "definition list": definition_lists(names)}
    return st.one_of([strategies[kind] for kind in kinds if kind != "footnote" or footnotes_allowed])


# -- internal blocks ----------------------------------------------------------------------------
NEAR_MISS_TYPES = ("internl", "intenral", "internals", "private", "confidential", "secret",
                   "partners-only")


@st.composite
def admonition_openers(draw, names: Names) -> tuple[str, list[Canary]]:
    """``!!! internal``, ``??? note internal "Title"``, ``???+internal`` ..."""
    marker = draw(st.sampled_from(("!!!", "???", "???+")))
    space = draw(st.sampled_from((" ", " ", "")))
    classes = draw(st.sampled_from(("internal", "internal", "Internal", "INTERNAL", "note internal",
                                    "internal note", "warning  internal", "internal inline end")))
    title, canaries = "", []
    choice = draw(st.sampled_from(("none", "titled", "titled", "empty")))
    if choice == "titled":
        canary = names.canary()
        title, canaries = f' "{names.words()} {canary}"', [Canary(canary, "block title")]
    elif choice == "empty":
        title = ' ""'
    return f"{marker}{space}{classes}{title}", canaries


@st.composite
def blocks_openers(draw, names: Names) -> tuple[list[str], str, list[Canary]]:
    """``/// admonition | Title`` or ``/// details``, then ``    type: internal``: lines and closer."""
    slashes = draw(st.sampled_from(("///", "///", "////")))
    name = draw(st.sampled_from(("admonition", "details")))
    header, canaries = f"{slashes} {name}", []
    if draw(st.booleans()):
        canary = names.canary()
        header += f" | {names.words()} {canary}"
        canaries = [Canary(canary, "block title")]
    options = [" " * 4 + draw(st.sampled_from(("type: internal", "type: internal",
                                                "type: 'internal'", 'type: "internal"')))]
    if name == "details" and draw(st.booleans()):
        options.append("    open: true")
    return [header, *options], slashes, canaries


def _indented(lines: list[str]) -> list[str]:
    return [_INDENT + line if line else "" for line in lines]


@st.composite
def internal_blocks(draw, names: Names, *, footnotes_allowed: bool = True, blocks_allowed: bool = True,
                    image_prefix: str = "images/", near_misses: bool = True,
                    kinds: tuple[str, ...] = SLOT_KINDS) -> tuple[list[Line], Block, list[Slot]]:
    """A block: its lines (all internal), what it is, and its slots."""
    parts = draw(st.lists(slots(names, footnotes_allowed=footnotes_allowed, image_prefix=image_prefix,
                                kinds=kinds), min_size=1, max_size=4))
    body: list[str] = []
    for part in parts:
        body += ([""] if body else []) + part.lines
    # Near misses are refused, and the page with them: 1 block in 11, so that most pages are read.
    style = draw(st.sampled_from(("admonition",) * 6 + ("blocks",) * 4 * blocks_allowed
                                 + ("near miss",) * near_misses))
    well_formed = style != "near miss"
    if style == "admonition":
        opener, canaries = draw(admonition_openers(names))
        gap = [""] if draw(st.booleans()) else []
        lines = [opener, *gap, *_indented(body)]
    elif style == "blocks":
        # A blank line after the options: in some places (a list item's first line) Python-
        # Markdown reads content glued to them as text, a near miss the reader must refuse.
        header, closer, canaries = draw(blocks_openers(names))
        lines = [*header, "", *body, closer]
        opener = "\n".join(header)
    else:
        lines, opener, canaries = draw(near_miss_blocks(names, body, blocks_allowed=blocks_allowed))
    block = Block(opener, [], canaries + [c for part in parts for c in part.canaries], well_formed)
    return [Line(text, True) for text in lines], block, parts


@st.composite
def near_miss_blocks(draw, names: Names, body: list[str], *,
                     blocks_allowed: bool = True) -> tuple[list[str], str, list[Canary]]:
    """What looks like an internal block but is not one to Markdown: public unless refused."""
    kind = draw(st.sampled_from(("type", "spaces", "unindented") + ("blocks type",) * blocks_allowed))
    if kind == "type":
        opener = f"{draw(st.sampled_from(('!!!', '???', '???+')))} {draw(st.sampled_from(NEAR_MISS_TYPES))}"
        return [opener, *_indented(body)], opener, []
    if kind == "spaces":
        opener = "!!!  internal"
        return [opener, *_indented(body)], opener, []
    if kind == "unindented":
        opener = draw(st.sampled_from(("!!! internal", "??? internal", '!!! internal "Notes"')))
        return [opener, *body], opener + " (body not indented)", []
    header = f"/// admonition | Notes\n    type: {draw(st.sampled_from(('private', 'internl', 'secret')))}"
    return [*header.split("\n"), "", *body, "///"], header, []


# -- containers ---------------------------------------------------------------------------------
# Each wraps a placement's lines and returns them with the container's own (public) lines.

def _public(*texts: str) -> list[Line]:
    return [Line(text, False) for text in texts]


def _prefix(prefix: str, lines: list[Line]) -> list[Line]:
    return [Line(prefix + line.text if line.text else prefix.rstrip(), line.internal) for line in lines]


def _indent(lines: list[Line]) -> list[Line]:
    return [Line(_INDENT + line.text if line.text else "", line.internal) for line in lines]


@st.composite
def quotes(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    lead = _public(f"> {names.sentence()}", ">") if draw(st.booleans()) else []
    quoted = _prefix("> ", inner)
    if innermost and draw(st.booleans()):
        # Lazy continuation: the lines right after the first one, up to a blank, lose their `>`.
        for index in range(1, len(inner)):
            if not inner[index].text:
                break
            quoted[index] = inner[index]
    return lead + quoted


@st.composite
def list_items(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    # The placement starts after the item's own line: on the item's first line, Python-Markdown
    # reads an admonition's first paragraph as code and a `///` block as the item's text.
    marker = draw(st.sampled_from(("-", "*", "+", "1.")))
    before = _public(f"{marker} {names.sentence()}", "") if draw(st.booleans()) else []
    item = [*_public(f"{marker} {names.sentence()}", ""), *_indent(inner)]
    after = _public("", f"{marker} {names.sentence()}") if draw(st.booleans()) else []
    return before + item + after


@st.composite
def definitions(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    term = _public(names.words().capitalize())
    if innermost and draw(st.booleans()):  # `:   !!! internal`
        first = inner[0]
        return term + [Line(f":   {first.text}", first.internal), *_indent(inner[1:])]
    return term + _public(f":   {names.sentence()}", "") + _indent(inner)


@st.composite
def footnote_definitions(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    label = names.label("pub")
    reference = _public(names.sentence(f"{names.words()}[^{label}]"), "")
    if innermost and draw(st.booleans()):  # `[^note]: !!! internal`
        first = inner[0]
        return reference + [Line(f"[^{label}]: {first.text}", first.internal), *_indent(inner[1:])]
    return reference + _public(f"[^{label}]: {names.sentence()}", "") + _indent(inner)


@st.composite
def html_details(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    attribute = draw(st.sampled_from(("markdown", 'markdown="1"', 'markdown="block"')))
    return (_public(f"<details {attribute}>", f"<summary>{names.words()}</summary>", "")
            + inner + _public("", "</details>"))


@st.composite
def html_divs(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    attribute = draw(st.sampled_from(("markdown", 'markdown="1"', 'markdown="block"')))
    gap = [""] if draw(st.booleans()) else []
    return _public(f"<div {attribute}>", *gap) + inner + _public(*gap, "</div>")


@st.composite
def public_admonitions(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    opener = draw(st.sampled_from(("!!! note", '!!! warning "Heads up"', "??? tip", '???+ example "More"')))
    return _public(opener, "") + _indent(inner)


@st.composite
def public_blocks(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    opener = draw(st.sampled_from(("/// note | Read this", "/// details | More", "/// tip")))
    return _public(opener, "") + inner + _public("", "///")


@st.composite
def tabs(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    before = _public('=== "First"', "", _INDENT + names.sentence(), "") if draw(st.booleans()) else []
    tab = _public(f'{draw(st.sampled_from(("===", "===+")))} "{names.words()}"', "") + _indent(inner)
    after = _public("", '=== "Last"', "", _INDENT + names.sentence()) if draw(st.booleans()) else []
    return before + tab + after


@st.composite
def paragraphs(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    """Public sentences glued to the block, with no blank line between."""
    before = _public(names.sentence()) if draw(st.booleans()) else []
    after = _public(names.sentence()) if draw(st.booleans()) else []
    return before + inner + after


@st.composite
def tables_before(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    gap = _public("") if draw(st.booleans()) else []
    return _public("| a | b |", "| --- | --- |", f"| {names.words(1, 2)} | {names.words(1, 2)} |") + gap + inner


@st.composite
def fences_before(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    fence = names.fence(draw(st.sampled_from("`~")))
    gap = _public("") if draw(st.booleans()) else []
    return _public(fence + draw(st.sampled_from(("", "text", "python"))), names.words(), fence) + gap + inner


@st.composite
def false_fences(draw, inner: list[Line], names: Names, innermost: bool) -> list[Line]:
    """A "fence" Python-Markdown does not read as one, so what it holds is read as Markdown."""
    fence = names.fence("`")
    # Glued to a block's opener, or apart from what it holds (glued to a list's first line, the
    # two would be one paragraph).
    gap = _public("") if not innermost or draw(st.booleans()) else []
    kind = draw(st.sampled_from(("indented", "info string", "unclosed")))
    if kind == "indented":
        return _public("  " + fence) + gap + inner + gap + _public("  " + fence)
    if kind == "info string":
        info = draw(st.sampled_from(("foo bar", "python extra", "text title")))
        return _public(f"{fence} {info}") + gap + inner + gap + _public(fence)
    return _public(fence) + gap + inner


CONTAINERS = {
    "quote": quotes, "list item": list_items, "definition": definitions,
    "footnote": footnote_definitions, "<details markdown>": html_details,
    "<div markdown>": html_divs, "admonition": public_admonitions, "/// block": public_blocks,
    "tab": tabs, "paragraph": paragraphs, "table before": tables_before,
    "fence before": fences_before, "false fence": false_fences,
}
UNINDENTED = {"<details markdown>", "<div markdown>", "/// block", "false fence"}  # add no prefix
HTML = {"<details markdown>", "<div markdown>"}
GLUED = {"paragraph", "table before", "fence before"}  # glued to the block's opener


@st.composite
def container_chains(draw, max_depth: int = MAX_CONTAINERS) -> list[str]:
    """Container names, outermost first, where Python-Markdown reads each as written.

    Raw HTML, and a `///` block holding more than a block, are read as such only where nothing
    indents or quotes them (pymdownx.blocks reads what they hold as code). A footnote definition
    keeps its indented blocks only at the top level, and a footnote inside one is never shown.
    A definition keeps them only outside lists. For `///` blocks, see ``_blocks_allowed``.
    What is glued to the block's opener (a paragraph, a table, a fence) is the innermost: glued
    to a list or a definition, it would make one paragraph of both.
    """
    depth = draw(st.integers(0, max_depth))
    chain: list[str] = []
    for index in range(depth):
        innermost = index == depth - 1
        allowed = [name for name in CONTAINERS
                   if (name not in HTML or all(outer in UNINDENTED for outer in chain))
                   and (name != "footnote" or index == 0)
                   and (name not in GLUED or innermost)
                   and (name != "definition" or "list item" not in chain)
                   and (name != "/// block" or all(outer in UNINDENTED for outer in chain))]
        chain.append(draw(st.sampled_from(allowed)))
    return chain


def _blocks_allowed(chain: list[str]) -> bool:
    """Whether a `///` block (public or internal) is read as one inside ``chain``: not below a
    definition, nor below a `///` block with anything that indents or quotes in between (pymdownx
    .blocks reads its content as code there)."""
    if "definition" in chain:
        return False
    if "/// block" in chain:
        after = chain[len(chain) - chain[::-1].index("/// block"):]
        return all(name in UNINDENTED for name in after)
    return True


@st.composite
def placements(draw, names: Names, *, image_prefix: str = "images/", near_misses: bool = True,
               max_depth: int = MAX_CONTAINERS, kinds: tuple[str, ...] = SLOT_KINDS) -> tuple[list[Line], Block, list[Slot]]:
    chain = draw(container_chains(max_depth))
    lines, block, parts = draw(internal_blocks(names, footnotes_allowed="footnote" not in chain,
                                               blocks_allowed=_blocks_allowed(chain),
                                               image_prefix=image_prefix, near_misses=near_misses,
                                               kinds=kinds))
    for index, name in reversed(list(enumerate(chain))):
        lines = draw(CONTAINERS[name](lines, names, innermost=index == len(chain) - 1))
    block.containers = chain
    return lines, block, parts


# -- public text --------------------------------------------------------------------------------
@st.composite
def public_pieces(draw, names: Names, uses: list[str]) -> list[Line]:
    """Public Markdown; ``uses`` are what internal blocks define (resolved only internally)."""
    kinds = ("paragraph", "heading", "table", "fence") + ("uses", "uses") * bool(uses)
    kind = draw(st.sampled_from(kinds))
    if kind == "heading":
        return _public(f"{'#' * draw(st.integers(1, 3))} {names.words().capitalize()}")
    if kind == "table":
        return _public("| a | b |", "| --- | --- |", f"| {names.words(1, 2)} | {names.words(1, 2)} |")
    if kind == "fence":
        fence = names.fence(draw(st.sampled_from("`~")))
        return _public(fence, names.words(), fence)
    if kind == "uses":
        return _public(names.sentence(*draw(st.lists(st.sampled_from(uses), min_size=1, max_size=3))))
    return _public(*[names.sentence() for _ in range(draw(st.integers(1, 2)))])


# -- bodies -------------------------------------------------------------------------------------
@st.composite
def bodies(draw, *, names: Names | None = None, max_blocks: int = 3, image_prefix: str = "images/",
           near_misses: bool = True, max_depth: int = MAX_CONTAINERS, kinds: tuple[str, ...] = SLOT_KINDS,
           newlines: tuple[str, ...] = ("\n", "\n", "\r\n", "\r")) -> Body:
    """A page body: public pieces and placements in any order, then the page-end definitions."""
    names = names or draw(name_spaces)
    placed = draw(st.lists(placements(names, image_prefix=image_prefix, near_misses=near_misses,
                                      max_depth=max_depth, kinds=kinds), min_size=1, max_size=max_blocks))
    parts = [part for _, _, block_parts in placed for part in block_parts]
    uses = [use for part in parts for use in part.uses]
    public = draw(st.lists(public_pieces(names, uses), max_size=3))
    pieces = draw(st.permutations([lines for lines, _, _ in placed] + public))
    lines: list[Line] = []
    for piece in pieces:
        lines += (_public("") if lines else []) + piece
    page_end = [definition for part in parts for definition in part.page_end]
    if page_end:
        lines += _public("", *page_end)
    tabs_ok = draw(st.booleans())
    newline = draw(st.sampled_from(newlines))
    finish = _Finisher(lines, tabs_ok)
    return Body(text=newline.join(finish(line) for line in lines),
                public_text="\n".join(finish(line) for line in lines if not line.internal),
                blocks=[block for _, block, _ in placed],
                images=[image for part in parts for image in part.images])


class _Finisher:
    """Turns placeholders into text: fences get lengths, longest first; indentation becomes 4
    spaces, or a tab where a tab is exactly 4 columns (after nothing but whole indents)."""

    def __init__(self, lines: list[Line], tabs: bool):
        ids: list[str] = []
        for line in lines:
            parts = line.text.split(_FENCE)
            ids += [part for part in parts[1::2] if part not in ids]
        self.lengths = {fence: 3 + len(ids) - 1 - index for index, fence in enumerate(ids)}
        self.tabs = tabs

    def __call__(self, line: Line) -> str:
        parts = line.text.split(_FENCE)
        for index in range(1, len(parts), 2):
            parts[index] = parts[index][0] * self.lengths[parts[index]]
        text = "".join(parts)
        out = ""
        for char in text:
            if char == _INDENT:
                whole = not out.strip(" \t") and len(out.expandtabs(4)) % 4 == 0
                char = "\t" if self.tabs and whole else "    "
            out += char
        return out.rstrip()


# -- how many examples, for how long ---------------------------------------------------------
FUZZ_VARIABLE = "COALITION_FUZZ"
"""Set to 1 (`make fuzz`), it selects the ``fuzz`` profile registered in tests/conftest.py."""
FUZZ_SECONDS_VARIABLE = "COALITION_FUZZ_SECONDS"
"""How long each property test fuzzes (600 s unless set)."""


def fuzzing() -> bool:
    return os.environ.get(FUZZ_VARIABLE) == "1"


def property_settings(max_examples: int, **overrides) -> settings:
    """``max_examples`` from a fixed seed, so that `make test` is the same run every time. Under
    the fuzz profile, as many from a fresh random seed: one round of ``for_the_time_given``."""
    if fuzzing():
        return settings(max_examples=max_examples, **overrides)  # and the fuzz profile's others
    return settings(max_examples=max_examples, derandomize=True, deadline=None, print_blob=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                    **overrides)


def for_the_time_given(share: float = 1.0):
    """Under the fuzz profile, run the Hypothesis test round after round, each from a fresh seed,
    until ``share`` of the fuzzing time is spent; a counterexample ends it, shrunk and printed.
    (Hypothesis has no time budget of its own; `timeout` would kill the run without a report.)"""
    def decorate(test):
        if not fuzzing():
            return test

        @functools.wraps(test)
        def rounds(*args, **kwargs):
            stop = time.monotonic() + share * float(os.environ.get(FUZZ_SECONDS_VARIABLE) or 600)
            while True:
                test(*args, **kwargs)
                if time.monotonic() >= stop:
                    return
        return rounds
    return decorate
