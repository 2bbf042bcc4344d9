"""Checking a charter: the format (load) and the pattern (rules), in one list of problems."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from .load.assets import unpublished_assets
from .load.charter import LoadResult, load_charter
from .markup import MarkupReader, Reading
from .model import Charter
from .problems import Problem
from .rules import apply_levels, resolve_levels, run_rules


@dataclass
class CheckResult:
    """The charter as loaded (when it could be) and every problem found, format and pattern."""

    charter: Charter | None
    """``None`` when format errors kept the charter from loading."""
    problems: list[Problem]
    readings: Mapping[str, Reading] = field(default_factory=dict)
    """Each Markdown body as Markdown renders it for the partners, by ``src_uri``."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


def check_charter(docs_dir: Path | str, project_dir: Path | str | None = None, *,
                  today: dt.date, rules: Mapping[str, str] | None = None,
                  named_assets: Iterable[str] = (), reader: MarkupReader | None = None) -> CheckResult:
    """Load and validate the charter in ``docs_dir``, then run the pattern rules on it.

    ``rules`` maps rule ids to ``error``, ``warning`` or ``off``; ``named_assets`` are the
    files of ``docs_dir`` that ``mkdocs.yml`` names (published whatever their kind); ``reader``
    reads Markdown with the site's extensions (:func:`coalition_site.markup.site_reader`).
    """
    reader = reader or MarkupReader()
    docs = Path(docs_dir).resolve()
    project = Path(project_dir or docs.parent).resolve()
    # Every level is checked first (ConfigError), and the key holds the resolved levels: what
    # mkdocs.yml wrote may be a number, a list or a mapping, neither sortable nor hashable.
    key = (docs, project, today, tuple(sorted(resolve_levels(rules).items())), reader.key)
    memo = _checks.get()
    if memo is not None and key in memo:
        charter, found, readings = memo[key]
    else:
        result: LoadResult = load_charter(docs_dir, project_dir, reader=reader)
        charter, readings = result.charter, result.readings
        found = apply_levels(result.problems, rules)
        if charter is not None:
            found += run_rules(charter, today=today, levels=rules)
        if memo is not None:
            memo[key] = (charter, found, readings)
    problems = found + apply_levels(unpublished_assets(docs, project, named_assets), rules)
    return CheckResult(charter, sorted(set(problems)), readings)


# `coalition-site build` checks the charter to print its problems before MkDocs starts, and the
# plugin checks it again in on_config: on a large charter that second check cost as much as the
# first. Within `reusing_checks()`, the charter is loaded and its rules run once per set of
# arguments; which files mkdocs.yml names (the theme adds its own) is still looked at each time.
_checks: ContextVar[dict | None] = ContextVar("coalition_checks", default=None)


@contextmanager
def reusing_checks() -> Iterator[None]:
    """Within this block, checking the same charter again reuses the first check's findings.

    Only for a caller that checks and then builds at once: files edited in between are not seen.
    """
    token = _checks.set({})
    try:
        yield
    finally:
        _checks.reset(token)
