"""Where each loaded file came from, so that any later check can point at a line."""

from __future__ import annotations

from dataclasses import dataclass

from ..problems import Level, Problem
from .validate import dotted
from .yaml_source import SourceMap


@dataclass(frozen=True)
class Source:
    display: str
    """The file's path relative to the project, as problems print it."""
    smap: SourceMap


class SourceIndex(dict):
    """``src_uri`` → :class:`Source`, with a helper that builds located problems."""

    def problem(self, src_uri: str, loc: tuple, message: str, rule: str,
                level: Level = "error", *, value: bool = False) -> Problem:
        source = self.get(src_uri)
        if source is None:
            return Problem(src_uri, 1, 1, level, message, rule, dotted(loc))
        line, column = source.smap.locate(tuple(loc), value=value)
        return Problem(source.display, line, column, level, message, rule, dotted(loc))
