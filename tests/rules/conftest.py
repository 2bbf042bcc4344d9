"""A copy of the minimal sample project to edit, load and check, one per test."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from coalition_site.load.charter import load_charter
from coalition_site.rules import RULES, run_rules

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"
TODAY = dt.date(2026, 11, 24)


class Project:
    """The sample project under ``tmp_path``: edit its files, then read the rules' findings."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"

    def edit(self, src_uri: str, old: str, new: str) -> None:
        path = self.content / src_uri
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not once in {src_uri}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def write(self, src_uri: str, text: str) -> None:
        (self.content / src_uri).write_text(text, encoding="utf-8")

    def remove(self, src_uri: str) -> None:
        (self.content / src_uri).unlink()

    def charter(self):
        result = load_charter(self.content)
        # The edits make pattern findings, never format errors: those would hide the charter.
        assert [str(p) for p in result.problems] == []
        assert result.charter is not None
        return result.charter

    def findings(self, today: dt.date = TODAY, levels=None, only: str | None = None) -> list[str]:
        """Every problem as printed; ``only`` turns every other rule off."""
        if only is not None:
            assert only in RULES
            levels = {rule_id: "off" for rule_id in RULES if rule_id != only}
        return [str(p) for p in run_rules(self.charter(), today=today, levels=levels)]


@pytest.fixture
def project(tmp_path) -> Project:
    shutil.copytree(FIXTURE, tmp_path / "project")
    return Project(tmp_path / "project")
