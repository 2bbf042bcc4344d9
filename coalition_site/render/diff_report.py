"""A :class:`~coalition_site.analysis.diff.CharterDiff` as text for a terminal, or as Markdown
for a pull request comment.

What partners wrote is untrusted here too: control characters are dropped (an ANSI escape
sequence in an ask must not repaint a steward's terminal), and in Markdown the charter's words
are escaped so that they cannot add links, images, HTML or @-mentions to a comment; rewordings
go into fenced ``diff`` blocks whose fence is longer than any run of backticks they contain.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..analysis.diff import SECTION_TITLES, CharterDiff, Id, Name, Part, Quote

FORMATS = ("text", "markdown")
QUOTE_LIMIT = 160
"""Longer quotes are shortened in one-line descriptions (rewordings show the whole text)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Inside a line (a quote never starts one) only these can start Markdown formatting or a link.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_SYMBOLS = {"added": "+", "removed": "-", "changed": "~", "stale": "!"}


WORKING_TREE = "the working tree"


def render_diff(diff: CharterDiff, fmt: str, base: str, head: str | None) -> str:
    """``diff`` between the revisions labelled ``base`` and ``head`` (``None``: the working
    tree), in ``fmt``."""
    if fmt == "markdown":
        return render_markdown(diff, base, head)
    if fmt == "text":
        return render_text(diff, base, head)
    raise ValueError(f"unknown format {fmt!r}; use {' or '.join(FORMATS)}")


def clean(text: str) -> str:
    """One line of charter text, without control characters or runs of spaces."""
    return " ".join(_CONTROL.sub("", text).split())


def _short(text: str) -> str:
    text = clean(text)
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT - 1].rstrip() + "…"


def _summary(diff: CharterDiff) -> str:
    stale = len(diff.stale)
    changes = len(diff.changes) - stale
    line = f"{changes} change{'s' * (changes != 1)}"
    if stale:
        line += f"; {stale} endorsement{'s' * (stale != 1)} to renew or version to raise"
    return line + "."


# -- text ------------------------------------------------------------------------------------------
def render_text(diff: CharterDiff, base: str, head: str | None) -> str:
    base, head = clean(base), clean(head) if head else WORKING_TREE
    if not diff:
        return f"No charter changes from {base} to {head}."
    lines = [f"Charter changes from {base} to {head}"]
    for section, changes in diff.by_section():
        lines += ["", SECTION_TITLES[section]]
        for change in changes:
            lines.append(f"  {_SYMBOLS[change.kind]} {_text_line(change.describe())}")
            texts = change.texts()
            if texts:
                lines.append(f"      was: {clean(texts[0])}")
                lines.append(f"      now: {clean(texts[1])}")
    lines += ["", _summary(diff)]
    return "\n".join(lines)


def _text_line(parts: Iterable[Part]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Id):
            out.append(f"'{clean(part.text)}'")
        elif isinstance(part, Quote):
            out.append(f'"{_short(part.text)}"')
        elif isinstance(part, Name):
            out.append(clean(part.text))
        else:
            out.append(part)
    return "".join(out)


# -- Markdown ------------------------------------------------------------------------------------
def render_markdown(diff: CharterDiff, base: str, head: str | None) -> str:
    span = f"from {_code(base)} to {_code(head) if head else WORKING_TREE}"
    if not diff:
        return f"No charter changes {span}."
    lines = [f"### Charter changes {span}"]
    for section, changes in diff.by_section():
        lines += ["", f"#### {SECTION_TITLES[section]}", ""]
        for change in changes:
            bullet = "- [ ] " if change.kind == "stale" else "- "
            lines.append(bullet + _capitalised(_markdown_line(change.describe())))
            texts = change.texts()
            if texts:
                lines += _diff_block(*texts)
    lines += ["", f"_{_summary(diff)}_"]
    return "\n".join(lines)


def escape_markdown(text: str) -> str:
    """Charter text as inert Markdown: no formatting, links, HTML or @-mentions."""
    text = _MD_SPECIAL.sub(r"\\\1", clean(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("@", "@\u200b")  # a zero-width space keeps '@name' from notifying anyone


def _markdown_line(parts: Iterable[Part]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Id):
            out.append(_code(part.text))
        elif isinstance(part, Quote):
            out.append(f"“{escape_markdown(_short(part.text))}”")
        elif isinstance(part, Name):
            out.append(f"**{escape_markdown(part.text)}**")
        else:
            out.append(part)
    return "".join(out)


def _code(text: str) -> str:
    text = clean(text)
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _diff_block(old: str, new: str) -> list[str]:
    old, new = clean(old), clean(new)
    fence = "`" * max(3, max((len(r) for r in re.findall(r"`+", old + "\n" + new)), default=0) + 1)
    return [f"  {fence}diff", f"  - {old}", f"  + {new}", f"  {fence}"]


def _capitalised(line: str) -> str:
    return line[:1].upper() + line[1:] if line[:1].isalpha() else line
