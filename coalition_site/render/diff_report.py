"""A :class:`~coalition_site.analysis.diff.CharterDiff` as text for a terminal, or as Markdown
for a pull request comment.

What partners wrote is untrusted here too: control characters are dropped (an ANSI escape
sequence in an ask must not repaint a steward's terminal), and in Markdown the charter's words
are made inert, so that they cannot add links, images, HTML, formatting, @-mentions or issue
references to a comment:

- Markdown's special characters are escaped (``\\*``, ``&lt;`` ...); charter ids go into code
  spans, and the lines of a page's prose into fenced ``diff`` blocks, each fence longer than any
  run of backticks it holds;
- what GitHub turns into a link or a notification *after* Markdown (``@login``, ``#12``,
  ``GH-12``, ``owner/repo#12``, ``https://``, ``www.``, ``name@example.org``, ``:emoji:``) gets
  an invisible word joiner (U+2060) in the middle, everywhere charter words stand, code included:
  the reader sees the same text, and GitHub finds no reference in it.

Nothing is shortened: the whole of every quote and every changed line is shown.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..analysis.diff import SECTION_TITLES, Change, CharterDiff, Id, Name, Part, Quote

FORMATS = ("text", "markdown")

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Inside a line (a quote never starts one) only these can start Markdown formatting, a link or
# GitHub's math; `&`, `<` and `>` become entities.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
_SYMBOLS = {"added": "+", "removed": "-", "changed": "~", "stale": "!"}

JOINER = "\u2060"
"""The word joiner: invisible, and no letter, digit or punctuation to an autolinker."""
# What GitHub links or notifies after rendering, cut by a word joiner at the place shown by `(?=`.
_REFERENCES = re.compile(
    r"@(?=.)"                           # @login, @org/team, name@example.org, repo@sha
    r"|#(?=\d)"                         # #12, owner/repo#12
    r"|gh-(?=\d)"                       # GH-12
    r"|:(?=//)"                         # https://, ftp:// ... (any scheme)
    r"|:(?=[\w+-])"                     # :emoji: shortcodes, mailto:name, xmpp:name
    r"|www(?=\.)",                      # www.example.org
    re.IGNORECASE)

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


def clean(text: str) -> str:
    """One line of charter text, without control characters or runs of spaces."""
    return " ".join(_CONTROL.sub("", text).split())


def clean_line(line: str) -> str:
    """A line of prose as written (its indentation kept), without control characters."""
    return _CONTROL.sub("", line.expandtabs(4)).rstrip()


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
            lines.append(f"  {_SYMBOLS[change.kind]} {_text_line(change.describe())}{tag}")
            texts = change.texts()
            if texts:
                lines.append(f"      was: {clean(texts[0])}")
                lines.append(f"      now: {clean(texts[1])}")
            lines += [f"      {clean_line(line)}".rstrip() for line in change.lines() or ()]
    lines += ["", _summary(diff)]
    return "\n".join(lines)


def _text_line(parts: Iterable[Part]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Id):
            out.append(f"'{clean(part.text)}'")
        elif isinstance(part, Quote):
            out.append(f'"{clean(part.text)}"')
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
            tag = INTERNAL_MARKDOWN if change.internal else ""
            lines.append(bullet + _capitalised(_markdown_line(change.describe())) + tag)
            texts = change.texts()
            if texts:
                lines += _diff_block([f"- {clean(texts[0])}", f"+ {clean(texts[1])}"])
            lines += _details(change)
    lines += ["", f"_{_summary(diff)}_"]
    return "\n".join(lines)


def defuse(text: str) -> str:
    """``text`` with a word joiner inside everything GitHub would link or notify."""
    return _REFERENCES.sub(lambda match: match.group() + JOINER, text)


def escape_markdown(text: str) -> str:
    """Charter text as inert Markdown: no formatting, links, HTML, @-mentions or references."""
    text = _MD_SPECIAL.sub(r"\\\1", defuse(clean(text)))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markdown_line(parts: Iterable[Part]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Id):
            out.append(_code(part.text))
        elif isinstance(part, Quote):
            out.append(f"“{escape_markdown(part.text)}”")
        elif isinstance(part, Name):
            out.append(f"**{escape_markdown(part.text)}**")
        else:
            out.append(part)
    return "".join(out)


def _code(text: str) -> str:
    text = defuse(clean(text))
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


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
