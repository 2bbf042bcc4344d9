"""A copy of the minimal sample project to edit, load and check, one per test."""

from __future__ import annotations

import datetime as dt

import pytest
from support import Sample

from coalition_site.load.charter import load_charter
from coalition_site.rules import RULES, run_rules

TODAY = dt.date(2026, 11, 24)


class Project(Sample):
    """The sample project under ``tmp_path``: edit its files, then read the rules' findings."""

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
    return Project.copy(tmp_path / "project")
