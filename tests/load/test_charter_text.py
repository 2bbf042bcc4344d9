"""What counts as the charter's text, for stale endorsements and for republishing a version."""

from __future__ import annotations

import pytest

from coalition_site.load.charter_text import changed_files, is_charter_text, text_of

PARTNER = """---
name: Riverside Tenants Union
issue: Housing
theory_of_change: Tenants organised win.
status: active
representatives:
  - name: Ana
    email: ana@example.org
---
Who we are.
"""


def same(src_uri: str, old: str, new: str) -> bool:
    return text_of(src_uri, old) == text_of(src_uri, new)


@pytest.mark.parametrize("src_uri, expected", [
    ("coalition.yml", True), ("logic.yml", True), ("charter/joint-demand.md", True),
    ("charter/autonomy.md", True), ("partners/breathe.md", True), ("reviews/2026-10-14.md", False),
    ("onboarding.md", False), ("partners/index.md", True), ("charter/notes.md", False),
    ("partners/Bad\x1b[31m.md", False),
])
def test_which_files_hold_charter_text(src_uri, expected):
    assert is_charter_text(src_uri) is expected


def test_a_partners_staff_and_stepping_back_are_not_its_text():
    stepped_back = PARTNER.replace("status: active", "status: stepped-back\nstepped_back:\n"
                                   "  since: 2026-05-01\n  scope: everything\n  reason: Busy.")
    assert same("partners/tenants-union.md", PARTNER, stepped_back.replace("Ana", "Bo"))
    assert not same("partners/tenants-union.md", PARTNER, PARTNER.replace("organised", "organized"))
    assert not same("partners/tenants-union.md", PARTNER, PARTNER.replace("Who we are.", "Who we are now."))


def test_formatting_and_comments_are_no_change():
    assert same("charter/problem-statement.md", "---\ntitle: The problem\n---\nText.\n",
                "---\n# a comment\ntitle: 'The problem'\n---\nText.\n\n")


def test_coalition_yml_without_what_records_its_life():
    old = "name: C\ncharter:\n  version: 1.0.0\nreview_cadence_days: 31\n"
    ratified = old.replace("31", "28").replace("1.0.0\n", "1.0.0\n  ratified: 2026-01-01\n")
    assert same("coalition.yml", old, ratified + "history:\n  - version: 0.9.0\n")
    assert not same("coalition.yml", old, old.replace("name: C", "name: D"))


def test_a_file_that_does_not_parse_is_compared_as_written():
    assert not same("logic.yml", "conditions: [", "conditions: [ ")
    assert text_of("logic.yml", None) is None


def test_changed_files_names_added_removed_and_edited_files():
    assert changed_files({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "X", "d": "4"}) == ["b", "c", "d"]
