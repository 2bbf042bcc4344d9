"""Checking a charter: the format (load) and the pattern (rules), in one list of problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Mapping

from .audience import for_audience
from .load.assets import unpublished_assets
from .load.charter import LoadResult, load_charter
from .load.file_cache import ReadingCache
from .markup import MarkupReader, Reading
from .model import Charter
from .problems import Problem
from .rules import apply_levels, resolve_levels, run_rules
from .parallel import can_fork, map_once


@dataclass
class CheckResult:
    """The charter as loaded (when it could be) and every problem found, format and pattern."""

    charter: Charter | None
    """``None`` when format errors kept the charter from loading."""
    problems: list[Problem]
    readings: Mapping[str, Reading] = field(default_factory=dict)
    """Each Markdown body as Markdown renders it for the partners, by ``src_uri``."""
    inputs: tuple = field(default=(), repr=False, compare=False)
    """What the charter was checked with (its folders, the date, the levels, the reader's kind):
    a check with the same inputs may reuse this one's findings (``check_charter(reuse=...)``)."""
    findings: list[Problem] = field(default_factory=list, repr=False, compare=False)
    """The problems of the charter's own files: :attr:`problems` less those of the files that
    mkdocs.yml names, which each check looks at again (a theme names files of its own)."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @cached_property
    def public(self) -> Charter | None:
        """The charter as the public may see it, filtered once for every reader of it (the public
        build, its leak check, the attachments a site's nav would publish)."""
        return for_audience(self.charter, "public") if self.charter is not None else None


def check_charter(docs_dir: Path | str, project_dir: Path | str | None = None, *,
                  today: dt.date, rules: Mapping[str, str] | None = None,
                  named_assets: Iterable[str] = (), reader: MarkupReader | None = None,
                  reuse: CheckResult | None = None, cache: ReadingCache | None = None) -> CheckResult:
    """Load and validate the charter in ``docs_dir``, then run the pattern rules on it.

    ``rules`` maps rule ids to ``error``, ``warning`` or ``off``; ``named_assets`` are the
    files of ``docs_dir`` that ``mkdocs.yml`` names (published whatever their kind); ``reader``
    reads Markdown with the site's extensions (:func:`coalition_site.markup.site_reader`).
    ``reuse`` is a check made just before (the command's, handed to the plugin that builds next):
    when it was made with the same inputs, its findings are taken rather than every file read and
    validated again. Only for a check made at once before: files edited in between are not seen.
    ``cache`` holds each file's reading by content (load/file_cache.py): a file read before, to
    the byte, is not parsed again.
    """
    reader = reader or MarkupReader()
    docs = Path(docs_dir).resolve()
    project = Path(project_dir or docs.parent).resolve()
    # Every level is checked first (ConfigError), and the inputs hold the resolved levels: what
    # mkdocs.yml wrote may be a number, a list or a mapping, neither sortable nor comparable.
    inputs = (docs, project, today, tuple(sorted(resolve_levels(rules).items())), reader.key)
    if reuse is not None and reuse.inputs == inputs:
        charter, found, readings = reuse.charter, reuse.findings, reuse.readings
    else:
        # The files on every core when workers can be forked (not under serve's threads).
        result: LoadResult = load_charter(docs_dir, project_dir, reader=reader, cache=cache,
                                          map_files=map_once if can_fork() else None)
        charter, readings = result.charter, result.readings
        found = apply_levels(result.problems, rules)
        if charter is not None:
            found += run_rules(charter, today=today, levels=rules)
    problems = found + apply_levels(unpublished_assets(docs, project, named_assets), rules)
    return CheckResult(charter, sorted(set(problems)), readings, inputs, found)
