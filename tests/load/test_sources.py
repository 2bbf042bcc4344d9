"""Locating a problem found after loading, by file and key path."""

from __future__ import annotations

from coalition_site.load.sources import Source, SourceIndex
from coalition_site.load.yaml_source import parse_yaml
from coalition_site.problems import Problem


def index() -> SourceIndex:
    _, smap = parse_yaml("reports_to: [a, b]\nstewards:\n  - name: X\n", line_offset=1)
    return SourceIndex({"charter/steward-mandate.md": Source("content/charter/steward-mandate.md", smap)})


def test_a_problem_points_at_the_key_or_at_the_value():
    sources = index()
    at_key = sources.problem("charter/steward-mandate.md", ("reports_to",), "m", "rule-id")
    at_value = sources.problem("charter/steward-mandate.md", ("reports_to",), "m", "rule-id",
                               "warning", value=True)
    assert at_key == Problem("content/charter/steward-mandate.md", 2, 1, "error", "m", "rule-id", "reports_to")
    assert (at_value.line, at_value.column, at_value.level) == (2, 13, "warning")


def test_a_path_not_in_the_file_points_at_its_nearest_written_ancestor():
    problem = index().problem("charter/steward-mandate.md", ("stewards", 0, "term_ends"), "m", "r")
    assert (problem.line, problem.column, problem.field) == (4, 5, "stewards.0.term_ends")


def test_a_file_not_loaded_is_named_at_its_first_line():
    problem = index().problem("logic.yml", ("conditions",), "m", "r")
    assert problem == Problem("logic.yml", 1, 1, "error", "m", "r", "conditions")
