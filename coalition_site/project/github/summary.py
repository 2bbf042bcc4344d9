"""Every problem of a check, as Markdown for a GitHub Actions job summary.

GitHub shows at most 10 error and 10 warning annotations per step; the job summary
(``$GITHUB_STEP_SUMMARY``) holds all of them. Paths, messages and field names come from files a
pull request can change: each is escaped, so that it cannot add a link, an image, HTML, a
mention or a row to the table.
"""

from __future__ import annotations

from typing import Iterable

from ...problems import Problem, summary
from ...render.inert import escape_markdown


def step_summary(problems: Iterable[Problem], title: str = "Charter check") -> str:
    """A heading with the count, then a table of every problem, sorted by file and line."""
    ordered = sorted(problems)
    lines = [f"### {title}: {summary(ordered)}", ""]
    if ordered:
        lines += ["| Where | Level | Problem | Rule |", "|---|---|---|---|"]
        # 'path, line 100:5', not 'path:100:5': GitHub would draw ':100:' as an emoji, and
        # the escaped form would carry invisible characters into a copied location.
        lines += [f"| {_cell(p.path)}, line {p.line}:{p.column} | {p.level} | {_cell(p.message)} | "
                  f"{_cell(p.rule)} |" for p in ordered]
        lines.append("")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    # A line break would end the table's row; escape_markdown escapes '|' and all the rest.
    return escape_markdown(" ".join(text.splitlines()))
