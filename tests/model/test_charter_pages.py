"""The five files under ``charter/``: typical mistakes with their exact message and place."""

from __future__ import annotations

import pytest

from support import load_problems

JD = "content/charter/joint-demand.md"
PS = "content/charter/problem-statement.md"
SM = "content/charter/steward-mandate.md"
AU = "content/charter/autonomy.md"
CP = "content/charter/conflict-protocol.md"
UNKNOWN_KEY = "(unknown keys are refused so a typo is never ignored) [schema]"


@pytest.mark.parametrize("src_uri, old, new, expected", [
    # joint-demand.md
    pytest.param("charter/joint-demand.md", "      riders-alliance: Riders keep", "      riders-aliance: Riders keep",
                 [f"{JD}:12:7: error: 'riders-aliance' is not a known partner id; did you mean "
                  "'riders-alliance'? [reference]"], id="benefit-for-unknown-partner"),
    pytest.param("charter/joint-demand.md", "  - id: transit-oriented-protections\n    ask:", "  - ask:",
                 [f"{JD}:7:5: error: 'id' is missing under 'asks'; add 'id:' with a value (it is "
                  "required) [schema]"], id="ask-without-id"),
    pytest.param("charter/joint-demand.md", "status: campaigning", "status: done",
                 [f"{JD}:5:9: error: 'status': 'done' is not allowed; use 'drafting', 'campaigning', "
                  "'won', 'partially-won', 'lost' or 'withdrawn' [schema]"], id="wrong-status"),
    pytest.param("charter/joint-demand.md", "    benefits:", "    benefit:",
                 [f"{JD}:10:5: error: unknown key 'benefit'; did you mean 'benefits'? {UNKNOWN_KEY}"],
                 id="misspelt-benefits"),
    pytest.param("charter/joint-demand.md", "deadline: 2027-06-30", "deadline: 2027-06-31",
                 [f"{JD}:4:11: error: 2027-06-31 is not a date that exists; write a real calendar "
                  "date as YYYY-MM-DD [yaml]"], id="date-that-does-not-exist"),
    pytest.param("charter/joint-demand.md", "asks:\n",
                 "asks:\n  - id: transit-oriented-protections\n    ask: Again.\n",
                 [f"{JD}:9:9: error: the ask id 'transit-oriented-protections' is used twice; give "
                  "each one its own id [reference]"], id="duplicate-ask-id"),
    pytest.param("charter/joint-demand.md", "    measure: An", "    advances: [stable-homes, nowhere]\n    measure: An",
                 [f"{JD}:9:30: error: 'nowhere' is not a known condition id; known conditions: "
                  "organized-riders, reliable-transit, stable-homes [reference]"],
                 id="advances-unknown-condition"),
    pytest.param("charter/joint-demand.md", "  riders-alliance: 2025-01-16", "  riders-alliance: yes",
                 [f"{JD}:15:20: error: 'riders-alliance': expected a date, got true; write it as "
                  "YYYY-MM-DD, without quotes [schema]"], id="endorsement-not-a-date"),
    # problem-statement.md
    pytest.param("charter/problem-statement.md", "  riders-alliance: 2025-01-16", "  bus-riders: 2025-01-16",
                 [f"{PS}:5:3: error: 'bus-riders' is not a known partner id; known partners: "
                  "riders-alliance, tenants-union [reference]"], id="endorsement-of-unknown-partner"),
    pytest.param("charter/problem-statement.md", "endorsements:", "endorsments:",
                 [f"{PS}:3:1: error: unknown key 'endorsments'; did you mean 'endorsements'? {UNKNOWN_KEY}"],
                 id="misspelt-endorsements"),
    # steward-mandate.md
    pytest.param("charter/steward-mandate.md", "commitment: 0.4", "commitment: 1.5",
                 [f"{SM}:7:17: error: 'commitment': 1.5 is out of range; it should be less than or "
                  "equal to 1 [schema]"], id="commitment-over-full-time"),
    pytest.param("charter/steward-mandate.md", "reports_to: all-partners", "reports_to: [tenants-union, bus]",
                 [f"{SM}:8:29: error: 'bus' is not a known partner id; known partners: "
                  "riders-alliance, tenants-union [reference]"], id="reports-to-unknown-partner"),
    pytest.param("charter/steward-mandate.md", "  - name: Sam Okafor\n    affiliation", "  - affiliation",
                 [f"{SM}:3:5: error: 'name' is missing under 'stewards'; add 'name:' with a value (it "
                  "is required) [schema]"], id="steward-without-name"),
    # autonomy.md
    pytest.param("charter/autonomy.md", "keeps_solo: Eviction defence stays the union's own.", "keeps_solo: no",
                 [f"{AU}:6:17: error: 'keeps_solo': the bare word no was read as the boolean false; if "
                  "you meant the text, quote it: 'no' [schema]"], id="no-quote-it"),
    pytest.param("charter/autonomy.md", "  tenants-union:\n    may_step_back: true", "  tenants-union:\n    may_step_back: maybe",
                 [f"{AU}:4:20: error: 'may_step_back': expected true or false, got 'maybe' [schema]"],
                 id="not-a-boolean"),
    pytest.param("charter/autonomy.md", "  tenants-union:\n    may_step_back: true\n    notice_days: 14",
                 "  tenants-union:\n    may_step_back: true\n    notice_days: two weeks",
                 [f"{AU}:5:18: error: 'notice_days': expected a whole number, got 'two weeks'; write it "
                  "without quotes [schema]"], id="days-in-words"),
    pytest.param("charter/autonomy.md", "  riders-alliance:", "  riders:",
                 [f"{AU}:7:3: error: 'riders' is not a known partner id; known partners: "
                  "riders-alliance, tenants-union [reference]"], id="agreement-of-unknown-partner"),
    # conflict-protocol.md
    pytest.param("charter/conflict-protocol.md", "decision_rule: consensus", "decision_rule: unanimity",
                 [f"{CP}:3:16: error: 'decision_rule': 'unanimity' is not allowed; use 'consensus', "
                  "'consent', 'supermajority' or 'majority' [schema]"], id="wrong-decision-rule"),
    pytest.param("charter/conflict-protocol.md", "decision_rule: consensus",
                 "decision_rule: supermajority\nthreshold: 0.4",
                 [f"{CP}:4:12: error: 'threshold': 0.4 is out of range; it should be greater than 0.5 "
                  "[schema]"], id="threshold-too-low"),
    pytest.param("charter/conflict-protocol.md", "fallback: step-back", "fallback: walk-out",
                 [f"{CP}:4:11: error: 'fallback': 'walk-out' is not allowed; use 'step-back', 'vote' "
                  "or 'mediation' [schema]"], id="wrong-fallback"),
])
def test_a_typical_mistake_in_a_charter_page(sample, src_uri, old, new, expected):
    sample.edit(src_uri, old, new)
    assert load_problems(sample) == expected


@pytest.mark.parametrize("value, column", [("everyone", 13), ("[Tenants-Union]", 14)])
def test_a_wrong_reports_to_is_one_error_that_names_both_forms(sample, value, column):
    # `reports_to` is `all-partners` or a list of ids; a mistake in either form must be one
    # error about what was written, not one error per form it failed to be.
    sample.edit("charter/steward-mandate.md", "reports_to: all-partners", f"reports_to: {value}")
    problems = load_problems(sample)
    assert len(problems) == 1, (
        "BUG: pydantic's union branches each report an error, so a steward reads that a list is "
        f"'not allowed' (it is): {problems}")
    assert problems[0].startswith(f"{SM}:8:{column}: error: 'reports_to")
