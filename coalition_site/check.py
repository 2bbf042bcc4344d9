"""Checking a charter: the format (load) and the pattern (rules), in one list of problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from .load.assets import unpublished_assets
from .load.charter import LoadResult, load_charter
from .model import Charter
from .problems import Problem
from .rules import apply_levels, run_rules


@dataclass
class CheckResult:
    """The charter as loaded (when it could be) and every problem found, format and pattern."""

    charter: Charter | None
    """``None`` when format errors kept the charter from loading."""
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


def check_charter(docs_dir: Path | str, project_dir: Path | str | None = None, *,
                  today: dt.date, rules: Mapping[str, str] | None = None,
                  named_assets: Iterable[str] = ()) -> CheckResult:
    """Load and validate the charter in ``docs_dir``, then run the pattern rules on it.

    ``rules`` maps rule ids to ``error``, ``warning`` or ``off``; ``named_assets`` are the
    files of ``docs_dir`` that ``mkdocs.yml`` names (published whatever their kind).
    """
    result: LoadResult = load_charter(docs_dir, project_dir)
    problems = apply_levels(result.problems, rules)
    problems += unpublished_assets(Path(docs_dir).resolve(), Path(project_dir or Path(docs_dir).parent).resolve(),
                                   named_assets)
    if result.charter is not None:
        problems += run_rules(result.charter, today=today, levels=rules)
    return CheckResult(result.charter, sorted(set(problems)))
