"""Printing problems: text for people, JSON for programs, GitHub annotations for Actions."""

from __future__ import annotations

import json

from coalition_site.errors import CharterError
from coalition_site.problems import Problem, format_problems, has_errors, summary

ERROR = Problem("content/logic.yml", 20, 9, "error", "'x' is not a known condition id", "reference", "dependencies.2.to")
WARNING = Problem("content/coalition.yml", 8, 1, "warning", "review overdue", "review-due", "review_cadence_days")


def test_text_is_path_line_column_level_message_rule():
    assert str(ERROR) == "content/logic.yml:20:9: error: 'x' is not a known condition id [reference]"


def test_text_is_one_line_whatever_a_key_or_file_name_holds():
    problem = Problem("content/a\nb.md", 2, 1, "error", "unknown key 'x\ny\x1b[2J\u202e'", "schema")
    assert str(problem) == "content/a\\nb.md:2:1: error: unknown key 'x\\ny\\x1b[2J\\u202e' [schema]"


def test_a_file_name_that_is_not_utf8_prints_in_every_format():
    name = b"content/caf\xe9.md".decode("utf-8", "surrogateescape")  # as os.walk reads it
    problem = Problem(name, 1, 1, "error", f"the file '{name}' is odd", "file")
    assert problem.path == "content/caf\\udce9.md"
    for fmt in ("text", "json", "github"):
        format_problems([problem], fmt).encode("utf-8")  # strict, as a UTF-8 terminal or pipe


def test_problems_print_sorted_by_file_and_line():
    assert format_problems([ERROR, WARNING]) == (
        "content/coalition.yml:8:1: warning: review overdue [review-due]\n"
        "content/logic.yml:20:9: error: 'x' is not a known condition id [reference]")


def test_json_is_a_list_of_objects_with_every_field():
    assert json.loads(format_problems([ERROR], "json")) == [{
        "path": "content/logic.yml", "line": 20, "column": 9, "level": "error",
        "message": "'x' is not a known condition id", "rule": "reference", "field": "dependencies.2.to"}]
    assert json.loads(format_problems([], "json")) == []


def test_github_annotations_escape_what_would_cut_them_short():
    problem = Problem("content/a,b:c.md", 3, 4, "warning", "50% done\nnext line", "rule:x")
    assert problem.as_github() == (
        "::warning file=content/a%2Cb%3Ac.md,line=3,col=4,title=rule%3Ax::50%25 done%0Anext line")


def test_summary():
    assert summary([]) == "no problems"
    assert summary([ERROR]) == "1 error"
    assert summary([WARNING, WARNING]) == "2 warnings"
    assert summary([ERROR, ERROR, WARNING]) == "2 errors, 1 warning"


def test_warnings_fail_only_in_strict_mode():
    assert has_errors([ERROR])
    assert not has_errors([WARNING])
    assert has_errors([WARNING], strict=True)
    assert not has_errors([], strict=True)


def test_a_charter_error_lists_every_problem():
    assert str(CharterError([WARNING, ERROR])) == (
        "the charter has 1 error, 1 warning:\n"
        "content/coalition.yml:8:1: warning: review overdue [review-due]\n"
        "content/logic.yml:20:9: error: 'x' is not a known condition id [reference]")
