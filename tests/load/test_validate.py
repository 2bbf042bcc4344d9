"""Turning pydantic's errors into located problems that name the field and the fix."""

from __future__ import annotations

import pytest

from coalition_site.load.validate import dotted, validate_model
from coalition_site.load.yaml_source import parse_yaml
from coalition_site.model import Autonomy, Coalition, JointDemand, Logic, Partner, StewardMandate


def problems(model, text: str, line_offset: int = 0):
    data, smap = parse_yaml(text, line_offset)
    item, found = validate_model(model, data, smap, "f.yml")
    assert (item is None) == bool(found)
    return found


def test_a_valid_file_gives_the_model_and_no_problems():
    data, smap = parse_yaml("name: X\ncharter: {version: 1.0.0}\n")
    item, found = validate_model(Coalition, data, smap, "f.yml")
    assert found == [] and item.name == "X" and item.review_cadence_days == 31


def test_an_empty_document_validates_as_no_fields():
    assert [p.message for p in problems(Coalition, "")] == [
        "'charter' is missing; add 'charter:' with a value (it is required)",
        "'name' is missing; add 'name:' with a value (it is required)"]


def test_each_problem_carries_the_dotted_field_and_the_rule():
    (problem,) = problems(JointDemand, "asks:\n  - id: a\n    ask: b\n    benefits: {usw: 12}\n", 1)
    assert (problem.path, problem.line, problem.column, problem.level) == ("f.yml", 5, 21, "error")
    assert problem.field == "asks.0.benefits.usw"
    assert problem.rule == "schema"
    assert problem.message == "'usw': expected text, got 12; put it in quotes: '12'"


def test_the_did_you_mean_of_a_nested_key_comes_from_its_own_model():
    (problem,) = problems(JointDemand, "asks:\n  - id: a\n    ask: b\n    mesure: c\n")
    assert problem.message == ("unknown key 'mesure'; did you mean 'measure'? (unknown keys are "
                               "refused so a typo is never ignored)")


def test_the_did_you_mean_under_a_partner_id_comes_from_the_model_of_its_value():
    (problem,) = problems(Autonomy, "agreements:\n  usw:\n    notce_days: 14\n")
    assert problem.message.startswith("unknown key 'notce_days'; did you mean 'notice_days'?")


def test_keys_are_suggested_by_the_name_written_in_files_not_the_python_name():
    (problem,) = problems(Logic, "dependencies:\n  - to: a\n    form: b\n    from: c\n")
    assert problem.message.startswith("unknown key 'form'; did you mean 'from'?")


def test_without_a_close_key_the_allowed_keys_are_listed():
    (problem,) = problems(Logic, "dependencies:\n  - from: a\n    to: b\n    colour: red\n")
    assert problem.message == ("unknown key 'colour'; the keys allowed here are: from, to, kind, why "
                               "(unknown keys are refused so a typo is never ignored)")


def test_strict_types_refuse_what_yaml_guessed():
    found = problems(Partner, "name: A\nissue: B\ntheory_of_change: C\njoined: 2019\nstatus: 1\n")
    assert [(p.line, p.message) for p in found] == [
        (4, "'joined': expected a date, got 2019; write it as YYYY-MM-DD, without quotes"),
        (5, "'status': 1 is not allowed; use 'active', 'stepped-back' or 'departed'"),
    ]


def test_a_long_value_is_shortened_in_the_message():
    (problem,) = problems(Coalition, f"name: X\ncharter: {{version: 1.0.0}}\nshort_name: {'x' * 100}\n")
    assert problem.message == "'short_name': string should have at most 40 characters"
    (problem,) = problems(Coalition, f"name: X\ncharter: {{version: {'v' * 100}}}\n")
    assert problem.message == (f"'version': '{'v' * 57}...' is not in the expected form; write a "
                               "semantic version such as 1.2.0")


@pytest.mark.parametrize("loc, expected", [((), ""), (("name",), "name"), (("asks", 0, "id"), "asks.0.id")])
def test_dotted(loc, expected):
    assert dotted(loc) == expected


def test_a_bad_key_whose_value_is_a_mapping_is_one_located_problem_each():
    found = problems(JointDemand, "asks:\n  - id: a\n    ask: b\n    benefits:\n      Bad_Key:\n        x: y\n", 1)
    assert [(p.line, p.column, p.field, p.message) for p in found] == [
        (6, 7, "asks.0.benefits.Bad_Key", "'Bad_Key': 'Bad_Key' is not a valid id; use lowercase letters, "
                                          "digits and single hyphens, like 'usw-1219'"),
        (7, 9, "asks.0.benefits.Bad_Key", "'Bad_Key': expected text, got a set of 'key: value' lines"),
    ]


def test_a_key_with_brackets_is_a_key_not_a_form_of_the_field():
    (problem,) = problems(Coalition, "name: X\ncharter: {version: 1.0.0}\ncommons_assessment:\n  trust[1]: high\n")
    assert (problem.line, problem.column, problem.field) == (4, 13, "commons_assessment.trust[1]")
    assert problem.message == "'trust[1]': expected a number, got 'high'; write it without quotes"


def test_the_form_written_still_decides_which_errors_of_a_union_are_shown():
    (problem,) = problems(StewardMandate, "reports_to: [Tenants_Union]\n")
    assert (problem.line, problem.column) == (1, 14)
    assert problem.message == ("'reports_to': 'Tenants_Union' is not a valid id; use lowercase letters, "
                               "digits and single hyphens, like 'usw-1219'")


def test_binary_data_is_not_text_and_the_fix_is_not_quoting():
    (problem,) = problems(Coalition, "name: !!binary aGVsbG8=\ncharter: {version: 1.0.0}\n")
    assert (problem.line, problem.column) == (1, 7)
    assert problem.message == "'name': expected text, got binary data; remove the '!!binary' tag and write the text"
