"""The starter project that ``coalition-site new DIR`` creates: a working two-partner charter.

The files live in ``project/`` beside this module and are copied as they are; every field in
them carries a comment that teaches what it means.
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import ProjectError, os_reason
from ...model.schema import write_schemas

if TYPE_CHECKING:  # importlib.resources.abc is Python 3.11+; only the annotation needs it
    from importlib.resources.abc import Traversable

__all__ = ["ScaffoldError", "create_project"]


class ScaffoldError(ProjectError):
    """The starter project cannot be created where asked."""


def create_project(target: Path, today: dt.date | None = None) -> list[Path]:
    """Copy the starter project into ``target`` and return the files created, in order.

    ``target`` is created if it does not exist. An existing folder must be empty: nothing a
    user already has is ever overwritten, so a non-empty folder is refused before any file is
    written.
    """
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise ScaffoldError(f"'{target}' exists and is not a folder; choose a new folder name")
    if target.is_dir() and any(target.iterdir()):
        raise ScaffoldError(f"the folder '{target}' is not empty; choose a new or empty folder "
                            "(nothing you already have is ever overwritten)")
    created: list[Path] = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        _copy_tree(files(__package__) / "project", target, created)
    except OSError as exc:  # a file where a folder of the path should be, no permission, ...
        raise ScaffoldError(f"cannot create the project in '{target}': {os_reason(exc)}; choose "
                            "another folder") from None
    _date_starter(target, created, today or dt.date.today())
    # The JSON Schemas that coalition.yml's and logic.yml's first lines name, so that an editor
    # completes and checks them (docs/editor.md); `coalition-site schema` refreshes them.
    created += write_schemas(target / "schemas")
    return created


STARTER_REVIEW = "2026-01-14"


# Dates in the starter that must lie ahead of a new charter, however late it is created.
FUTURE_DATES = {
    "content/charter/steward-mandate.md": ("term_ends: 2027-09-30", "term_ends", 2),
    "content/charter/joint-demand.md": ("deadline: 2027-06-30", "deadline", 1),
}


def _date_starter(target: Path, created: list[Path], today: dt.date) -> None:
    # A new charter checks clean the day it is created: its review is dated today, and the
    # steward's term and the demand's deadline lie ahead (a year or two from today).
    for relative, (written, key, years) in FUTURE_DATES.items():
        path = target / relative
        later = _years_later(today, years)
        path.write_text(path.read_text(encoding="utf-8").replace(written, f"{key}: {later.isoformat()}"),
                        encoding="utf-8")
    old = target / "content" / "reviews" / f"{STARTER_REVIEW}.md"
    new = old.with_name(f"{today.isoformat()}.md")
    text = old.read_text(encoding="utf-8").replace(f"date: {STARTER_REVIEW}", f"date: {today.isoformat()}")
    old.unlink()
    new.write_text(text, encoding="utf-8")
    created[created.index(old)] = new


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _copy_tree(source: Traversable, destination: Path, created: list[Path]) -> None:
    # Traversable rather than Path, so the copy also works from a zipped installation.
    for entry in sorted(source.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        path = destination / entry.name
        if entry.is_dir():
            path.mkdir()
            _copy_tree(entry, path, created)
        else:
            path.write_bytes(entry.read_bytes())
            created.append(path)
