"""``coalition.yml``: the typical mistakes, each with its exact message, line and column."""

from __future__ import annotations

import pytest

from support import load_problems

F = "content/coalition.yml"


@pytest.mark.parametrize("old, new, expected", [
    pytest.param("tagline:", "tagilne:",
                 f"{F}:3:1: error: unknown key 'tagilne'; did you mean 'tagline'? (unknown keys are "
                 "refused so a typo is never ignored) [schema]", id="unknown-key-did-you-mean"),
    pytest.param("review_cadence_days: 31", "review_cadence_days: 31\nmotto: x",
                 f"{F}:9:1: error: unknown key 'motto'; the keys allowed here are: name, short_name, "
                 "tagline, founded, charter, review_cadence_days, commons_assessment, history (unknown keys "
                 "are refused so a typo is never ignored) [schema]", id="unknown-key-listed"),
    pytest.param("name: Riverside Tenants and Transit Alliance\n", "",
                 f"{F}:1:1: error: 'name' is missing; add 'name:' with a value (it is required) [schema]",
                 id="missing-at-start"),
    pytest.param("  version: 1.0.0\n", "",
                 f"{F}:5:1: error: 'version' is missing under 'charter'; add 'version:' with a value "
                 "(it is required) [schema]", id="missing-at-parent"),
    pytest.param("short_name: RTTA", "short_name: 1234",
                 f"{F}:2:13: error: 'short_name': expected text, got 1234; put it in quotes: '1234' "
                 "[schema]", id="number-quote-it"),
    pytest.param("tagline: Homes and buses, won together.", "tagline: yes",
                 f"{F}:3:10: error: 'tagline': the bare word yes was read as the boolean true; if you "
                 "meant the text, quote it: 'yes' [schema]", id="yes-quote-it"),
    pytest.param("version: 1.0.0", "version: 1.2",
                 f"{F}:6:12: error: 'version': 1.2 is not in the expected form; write a semantic "
                 "version such as 1.2.0 [schema]", id="version-as-number"),
    pytest.param("version: 1.0.0", "version: v1",
                 f"{F}:6:12: error: 'version': 'v1' is not in the expected form; write a semantic "
                 "version such as 1.2.0 [schema]", id="version-form"),
    pytest.param("founded: 2024-03-01", "founded: 2026-02-30",
                 f"{F}:4:10: error: 2026-02-30 is not a date that exists; write a real calendar date "
                 "as YYYY-MM-DD [yaml]", id="date-that-does-not-exist"),
    pytest.param("founded: 2024-03-01", "founded: March 2024",
                 f"{F}:4:10: error: 'founded': expected a date, got 'March 2024'; write it as "
                 "YYYY-MM-DD, without quotes [schema]", id="date-in-words"),
    pytest.param("founded: 2024-03-01", "founded: '2024-03-01'",
                 f"{F}:4:10: error: 'founded': expected a date, got '2024-03-01'; write it as "
                 "YYYY-MM-DD, without quotes [schema]", id="quoted-date"),
    pytest.param("review_cadence_days: 31", "review_cadence_days: '31'",
                 f"{F}:8:22: error: 'review_cadence_days': expected a whole number, got '31'; write it "
                 "without quotes [schema]", id="quoted-number"),
    pytest.param("review_cadence_days: 31", "review_cadence_days: 0",
                 f"{F}:8:22: error: 'review_cadence_days': 0 is out of range; it should be greater "
                 "than or equal to 1 [schema]", id="out-of-range"),
    pytest.param("resilience: 3.0", "resilience: 6",
                 f"{F}:10:15: error: 'resilience': 6 is out of range; it should be less than or equal "
                 "to 5 [schema]", id="score-out-of-range"),
    pytest.param("name: Riverside Tenants and Transit Alliance", "name:",
                 f"{F}:1:6: error: 'name' is empty; write a value after 'name:' [schema]", id="empty"),
    pytest.param("charter:\n  version: 1.0.0\n  ratified: 2025-01-15", "charter: 1.0.0",
                 f"{F}:5:10: error: 'charter': expected a set of 'key: value' lines, got '1.0.0' "
                 "[schema]", id="scalar-for-mapping"),
])
def test_a_typical_mistake_is_one_located_error(sample, old, new, expected):
    sample.edit("coalition.yml", old, new)
    assert load_problems(sample) == [expected]


def test_a_list_instead_of_the_coalition_is_refused(sample):
    sample.write("coalition.yml", "- name: X\n")
    assert load_problems(sample) == [
        f"{F}:1:1: error: expected a set of 'key: value' lines at the top of this file's YAML [schema]"]


def test_an_empty_file_misses_both_required_fields(sample):
    sample.write("coalition.yml", "")
    assert load_problems(sample) == [
        f"{F}:1:1: error: 'charter' is missing; add 'charter:' with a value (it is required) [schema]",
        f"{F}:1:1: error: 'name' is missing; add 'name:' with a value (it is required) [schema]",
    ]
