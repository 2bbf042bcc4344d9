"""Problems found in a charter, and the ways of printing them.

A problem always says where it stands (file, line, column), what is wrong, how to fix it and
which rule found it, in the spirit of yamllint's ``LintProblem``. The same list feeds the CLI
(text, JSON, GitHub annotations) and the MkDocs plugin (which stops the build on errors).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Iterable, Literal

Level = Literal["error", "warning"]
FORMATS = ("text", "json", "github")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a charter, located in the file where it can be fixed."""

    path: str
    """The file, relative to the project (``content/partners/usw-1219.md``)."""
    line: int
    column: int
    level: Level
    message: str
    """What is wrong and how to fix it, naming the field by its key."""
    rule: str
    """A stable id: ``yaml`` and ``schema`` for format errors, a rule id for pattern findings."""
    field: str = ""
    """The field's dotted path (``asks.0.benefits``), empty when the whole file is meant."""

    def __post_init__(self) -> None:
        # A file name that is not UTF-8 is read with lone surrogates, which no output can encode
        # (JSON, GitHub annotations, a strict UTF-8 terminal): written as escapes instead.
        for name in ("path", "message", "field"):
            object.__setattr__(self, name, _valid_text(getattr(self, name)))

    def __str__(self) -> str:
        return (f"{_one_line(self.path)}:{self.line}:{self.column}: {self.level}: "
                f"{_one_line(self.message)} [{self.rule}]")

    def as_github(self) -> str:
        # GitHub's workflow-command syntax: properties are comma separated, and %, CR, LF and
        # (in properties) ':' and ',' must be escaped or the annotation is cut short.
        def prop(value: str) -> str:
            return _gh_escape(value).replace(":", "%3A").replace(",", "%2C")

        return (
            f"::{self.level} file={prop(self.path)},line={self.line},col={self.column},"
            f"title={prop(self.rule)}::{_gh_escape(self.message)}"
        )


def _valid_text(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def _one_line(text: str) -> str:
    """``text`` with what a terminal would not show as written escaped, as Python writes it:
    a key or file name from a pull request may hold a line break (which would split the
    problem in two) or an escape code (which would recolour or rewrite the terminal)."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _gh_escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def format_problems(problems: Iterable[Problem], fmt: str = "text") -> str:
    """Render problems, sorted by file and line, in one of :data:`FORMATS`."""
    ordered = sorted(problems)
    if fmt == "json":
        return json.dumps([asdict(p) for p in ordered], indent=2, ensure_ascii=False)
    if fmt == "github":
        return "\n".join(p.as_github() for p in ordered)
    return "\n".join(str(p) for p in ordered)


def summary(problems: Iterable[Problem]) -> str:
    """``2 errors, 1 warning`` or ``no problems``."""
    problems = list(problems)
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "no problems"
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' * (errors != 1)}")
    if warnings:
        parts.append(f"{warnings} warning{'s' * (warnings != 1)}")
    return ", ".join(parts)


def has_errors(problems: Iterable[Problem], strict: bool = False) -> bool:
    return any(p.level == "error" or strict for p in problems)
