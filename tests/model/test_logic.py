"""``logic.yml``: the typical mistakes, each with its exact message, line and column."""

from __future__ import annotations

import pytest

from support import load_problems

F = "content/logic.yml"


@pytest.mark.parametrize("old, new, expected", [
    pytest.param("  - id: stable-homes", "  - id: Stable_Homes",
                 [f"{F}:2:9: error: 'id': 'Stable_Homes' is not a valid id; use lowercase letters, "
                  "digits and single hyphens, like 'usw-1219' [schema]"], id="bad-id"),
    pytest.param("kind: strengthens", "kind: supports",
                 [f"{F}:17:11: error: 'kind': 'supports' is not allowed; use 'requires' or "
                  "'strengthens' [schema]"], id="wrong-enum"),
    pytest.param("  - from: organized-riders", "  - frm: organized-riders",
                 [f"{F}:15:5: error: unknown key 'frm'; did you mean 'from'? (it is required; unknown "
                  "keys are refused so a typo is never ignored) [schema]"], id="misspelt-required-key"),
    pytest.param("    between: [tenants-union, riders-alliance]\n    about: Fare",
                 "    between: [tenants-union]\n    about: Fare",
                 [f"{F}:24:14: error: 'between': list should have at least 2 items, not 1 [schema]"],
                 id="tension-between-one"),
    pytest.param("    about: Fare money and rent relief compete for the same city budget line.\n"
                 "    status: open", "    about: Fare money.\n    status: no",
                 [f"{F}:26:13: error: 'status': the bare word no was read as the boolean false; if "
                  "you meant the text, quote it: 'no' [schema]"], id="no-quote-it"),
    pytest.param("    partners: [tenants-union]\n", "    partners: tenants-union\n",
                 [f"{F}:4:15: error: 'partners': expected a list (lines starting with '- ', or "
                  "[a, b]), got 'tenants-union' [schema]"], id="scalar-for-list"),
    pytest.param("    to: stable-homes", "    to: stable-home",
                 [f"{F}:20:9: error: 'stable-home' is not a known condition id; did you mean "
                  "'stable-homes'? [reference]"], id="dependency-to-unknown-condition"),
    pytest.param("    partners: [tenants-union]\n", "    partners: [tenant-union]\n",
                 [f"{F}:4:16: error: 'tenant-union' is not a known partner id; did you mean "
                  "'tenants-union'? [reference]"], id="condition-of-unknown-partner"),
    pytest.param("  - id: secret-tension\n    between: [tenants-union, riders-alliance]",
                 "  - id: secret-tension\n    between: [tenants-union, bus-riders]",
                 [f"{F}:28:30: error: 'bus-riders' is not a known partner id; known partners: "
                  "riders-alliance, tenants-union [reference]"], id="tension-of-unknown-partner"),
    pytest.param("  - id: secret-tension", "  - id: fares-vs-rents",
                 [f"{F}:27:9: error: the tension id 'fares-vs-rents' is used twice; give each one its "
                  "own id [reference]"], id="duplicate-tension-id"),
])
def test_a_typical_mistake_in_the_logic_map(sample, old, new, expected):
    sample.edit("logic.yml", old, new)
    assert load_problems(sample) == expected


def test_cycles_are_never_an_error(sample):
    # The sample's three conditions require each other in a circle, on purpose.
    assert load_problems(sample) == []


def test_the_logic_map_is_optional(sample):
    sample.remove("logic.yml")
    from coalition_site.load.charter import load_charter

    result = load_charter(sample.content, sample.root)
    assert [str(p) for p in result.problems] == []
    assert result.charter.logic.conditions == []
