"""A :class:`~coalition_site.analysis.diff.CharterDiff` as text for a terminal, or as Markdown
for a pull request comment.

What partners wrote is untrusted here too: every charter word goes through :mod:`.inert`
(control characters dropped; in Markdown, no formatting, links, HTML, @-mentions or issue
references), and the lines of a page's prose go into fenced ``diff`` blocks, each fence longer
than any run of backticks it holds. Nothing is shortened: the whole of every quote and every
changed line is shown.
"""

from __future__ import annotations

import re

from ..analysis.diff import SECTION_TITLES, Change, CharterDiff
from .inert import clean, clean_line, code_span, defuse, markdown_line, text_line

FORMATS = ("text", "markdown")

_SYMBOLS = {"added": "+", "removed": "-", "changed": "~", "stale": "!"}

WORKING_TREE = "the working tree"
INTERNAL_TEXT = " (internal)"
INTERNAL_MARKDOWN = " _(internal)_"


def render_diff(diff: CharterDiff, fmt: str, base: str, head: str | None) -> str:
    """``diff`` between the revisions labelled ``base`` and ``head`` (``None``: the working
    tree), in ``fmt``."""
    if fmt == "markdown":
        return render_markdown(diff, base, head)
    if fmt == "text":
        return render_text(diff, base, head)
    raise ValueError(f"unknown format {fmt!r}; use {' or '.join(FORMATS)}")


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
            tag = INTERNAL_TEXT if change.internal else ""
            lines.append(f"  {_SYMBOLS[change.kind]} {text_line(change.describe())}{tag}")
            texts = change.texts()
            if texts:
                lines.append(f"      was: {clean(texts[0])}")
                lines.append(f"      now: {clean(texts[1])}")
            lines += [f"      {clean_line(line)}".rstrip() for line in change.lines() or ()]
    lines += ["", _summary(diff)]
    return "\n".join(lines)


# -- Markdown ------------------------------------------------------------------------------------
def render_markdown(diff: CharterDiff, base: str, head: str | None) -> str:
    span = f"from {code_span(base)} to {code_span(head) if head else WORKING_TREE}"
    if not diff:
        return f"No charter changes {span}."
    lines = [f"### Charter changes {span}"]
    for section, changes in diff.by_section():
        lines += ["", f"#### {SECTION_TITLES[section]}", ""]
        for change in changes:
            bullet = "- [ ] " if change.kind == "stale" else "- "
            tag = INTERNAL_MARKDOWN if change.internal else ""
            lines.append(bullet + _capitalised(markdown_line(change.describe())) + tag)
            texts = change.texts()
            if texts:
                lines += _diff_block([f"- {clean(texts[0])}", f"+ {clean(texts[1])}"])
            lines += _details(change)
    lines += ["", f"_{_summary(diff)}_"]
    return "\n".join(lines)


def _diff_block(lines: list[str]) -> list[str]:
    """Lines of a ``diff`` (each starting with ``+``, ``-``, a space or ``@@``), fenced inside
    a list item; no line can close the fence, which is longer than any backtick run in them."""
    lines = [line if line.startswith("@@ ") else defuse(line) for line in lines]  # (a hunk's header is ours)
    longest = max((len(r) for line in lines for r in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"  {fence}diff", *(f"  {line}".rstrip() for line in lines), f"  {fence}"]


def _details(change: Change) -> list[str]:
    """A page's changed lines, folded: a long edit does not bury the rest of the report."""
    changed = change.lines()
    if not changed:
        return []
    return ["  <details><summary>The changed lines</summary>", "",
            *_diff_block([clean_line(line) for line in changed]), "", "  </details>"]


def _capitalised(line: str) -> str:
    return line[:1].upper() + line[1:] if line[:1].isalpha() else line
