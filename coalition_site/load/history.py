"""Checks on ``history:`` in ``coalition.yml`` that a schema cannot express.

A version listed twice, or one newer than the version in force, would make the history page
contradict the charter; each is reported at the line to change.
"""

from __future__ import annotations

from ..model import Coalition
from ..model.layout import COALITION, version_key
from ..problems import Problem
from .sources import SourceIndex


def check_history(coalition: Coalition, sources: SourceIndex, problems: list[Problem]) -> None:
    """Append a located problem for every contradiction between ``history`` and ``charter``."""
    current = coalition.charter
    seen: set[str] = set()
    for index, entry in enumerate(coalition.history):
        loc = ("history", index, "version")
        if entry.version in seen:
            problems.append(sources.problem(
                COALITION, loc, f"'history' lists version {entry.version} twice; keep one entry "
                "per version", "schema", value=True))
        seen.add(entry.version)
        if version_key(entry.version) > version_key(current.version):
            problems.append(sources.problem(
                COALITION, loc, f"'history' lists version {entry.version}, newer than the "
                f"version in force ({current.version}); write the version in force under "
                "'charter', and list only earlier versions (or the one in force, for its "
                "summary) under 'history'", "schema", value=True))
        elif (entry.version == current.version and entry.ratified is not None
              and entry.ratified != current.ratified):
            problems.append(sources.problem(
                COALITION, ("history", index, "ratified"),
                f"'history' says version {entry.version} was ratified on "
                f"{entry.ratified.isoformat()}, but 'charter.ratified' says "
                f"{current.ratified.isoformat() if current.ratified else 'not yet'}; write the "
                "date under 'charter' only and remove it here", "schema", value=True))
