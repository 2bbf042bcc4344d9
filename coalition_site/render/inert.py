"""Charter words made safe to print: for a terminal, and as inert Markdown for GitHub.

What partners wrote is untrusted wherever a report shows it (the charter diff, the consent
report, a job summary, a pull-request template): control characters are dropped (an ANSI escape
sequence in an ask must not repaint a steward's terminal), and in Markdown the charter's words
are made inert, so that they cannot add links, images, HTML, formatting, @-mentions or issue
references:

- Markdown's special characters are escaped (``\\*``, ``&lt;`` ...); charter ids go into code
  spans, each fence longer than any run of backticks it holds;
- what GitHub turns into a link or a notification *after* Markdown (``@login``, ``#12``,
  ``GH-12``, ``owner/repo#12``, ``https://``, ``www.``, ``name@example.org``, ``:emoji:``) gets
  an invisible word joiner (U+2060) in the middle, everywhere charter words stand, code included:
  the reader sees the same text, and GitHub finds no reference in it.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..analysis.diff import Id, Name, Part, Quote

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Inside a line (a quote never starts one) only these can start Markdown formatting, a link or
# GitHub's math; `&`, `<` and `>` become entities.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")

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


def clean(text: str) -> str:
    """One line of charter text, without control characters or runs of spaces."""
    return " ".join(_CONTROL.sub("", text).split())


def clean_line(line: str) -> str:
    """A line of prose as written (its indentation kept), without control characters."""
    return _CONTROL.sub("", line.expandtabs(4)).rstrip()


def defuse(text: str) -> str:
    """``text`` with a word joiner inside everything GitHub would link or notify."""
    return _REFERENCES.sub(lambda match: match.group() + JOINER, text)


def escape_markdown(text: str) -> str:
    """Charter text as inert Markdown: no formatting, links, HTML, @-mentions or references."""
    text = _MD_SPECIAL.sub(r"\\\1", defuse(clean(text)))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_line(parts: Iterable[Part]) -> str:
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


def markdown_line(parts: Iterable[Part]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Id):
            out.append(code_span(part.text))
        elif isinstance(part, Quote):
            out.append(f"“{escape_markdown(part.text)}”")
        elif isinstance(part, Name):
            out.append(f"**{escape_markdown(part.text)}**")
        else:
            out.append(part)
    return "".join(out)


def code_span(text: str) -> str:
    text = defuse(clean(text))
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"
