"""`history:` in coalition.yml: what the schema cannot say, reported at the line to change."""

from __future__ import annotations

import shutil
from pathlib import Path

from coalition_site.load.charter import load_charter

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"


def problems(tmp_path, history: str) -> list[str]:
    shutil.copytree(FIXTURE, tmp_path / "p")
    path = tmp_path / "p" / "content" / "coalition.yml"
    path.write_text(path.read_text() + history, encoding="utf-8")
    return [str(p) for p in load_charter(tmp_path / "p" / "content").problems]


def test_a_valid_history(tmp_path):
    assert problems(tmp_path, "history:\n  - version: 0.9.0\n    ratified: 2024-06-01\n"
                              "  - version: 1.0.0\n    summary: The first joint demand.\n") == []


def test_a_version_listed_twice(tmp_path):
    assert problems(tmp_path, "history:\n  - version: 0.9.0\n  - version: 0.9.0\n") == [
        "content/coalition.yml:14:14: error: 'history' lists version 0.9.0 twice; keep one entry "
        "per version [schema]"]


def test_a_version_newer_than_the_one_in_force(tmp_path):
    assert problems(tmp_path, "history:\n  - version: 1.10.0\n") == [
        "content/coalition.yml:13:14: error: 'history' lists version 1.10.0, newer than the version "
        "in force (1.0.0); write the version in force under 'charter', and list only earlier "
        "versions (or the one in force, for its summary) under 'history' [schema]"]


def test_a_second_ratification_date_for_the_version_in_force(tmp_path):
    assert problems(tmp_path, "history:\n  - version: 1.0.0\n    ratified: 2025-01-16\n") == [
        "content/coalition.yml:14:15: error: 'history' says version 1.0.0 was ratified on "
        "2025-01-16, but 'charter.ratified' says 2025-01-15; write the date under 'charter' only "
        "and remove it here [schema]"]


def test_unknown_keys_in_an_entry_are_refused(tmp_path):
    assert problems(tmp_path, "history:\n  - version: 0.9.0\n    sumary: Typo.\n") == [
        "content/coalition.yml:14:5: error: unknown key 'sumary'; did you mean 'summary'? (unknown "
        "keys are refused so a typo is never ignored) [schema]"]
