"""Parsing untrusted YAML: plain data, every field's line and column, and clear refusals."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from coalition_site.load.yaml_source import SourceMap, YamlSourceError, parse_yaml


def refusal(text: str, line_offset: int = 0) -> tuple[int, int, str, str]:
    with pytest.raises(YamlSourceError) as caught:
        parse_yaml(text, line_offset)
    exc = caught.value
    return exc.line, exc.column, exc.message, exc.fix


def test_data_and_the_position_of_every_key_and_value():
    data, smap = parse_yaml("name: X\nasks:\n  - id: a\n    ask: b\n")
    assert data == {"name": "X", "asks": [{"id": "a", "ask": "b"}]}
    assert smap.keys[("name",)] == (1, 1)
    assert smap.values[("name",)] == (1, 7)
    assert smap.keys[("asks", 0)] == (3, 5)
    assert smap.keys[("asks", 0, "ask")] == (4, 5)
    assert smap.values[("asks", 0, "ask")] == (4, 10)


def test_front_matter_lines_are_shifted_by_the_offset():
    _, smap = parse_yaml("name: X\n", line_offset=1)
    assert smap.start == (2, 1)
    assert smap.keys[("name",)] == (2, 1)


def test_a_missing_field_is_located_at_its_nearest_written_ancestor():
    _, smap = parse_yaml("charter:\n  ratified: 2025-01-15\n", line_offset=1)
    assert smap.locate(("charter", "version")) == (2, 1)
    assert smap.locate(("name",)) == (2, 1)  # the start of the document
    assert smap.locate(("charter", "ratified"), value=True) == (3, 13)


def test_an_empty_document_is_none_located_at_its_start():
    assert parse_yaml("") == (None, SourceMap(start=(1, 1)))
    data, smap = parse_yaml("# only a comment\n", line_offset=1)
    assert data is None and smap.start == (2, 1)


def test_duplicate_keys_are_refused_at_the_second_one():
    assert refusal("name: A\ntagline: B\nname: C\n") == (
        3, 1, "the key 'name' appears twice (first on line 1)",
        "keep one of them; YAML would silently drop the other")


def test_duplicate_keys_are_refused_in_nested_mappings_too():
    line, column, message, _ = refusal("charter:\n  version: 1.0.0\n  version: 1.1.0\n", line_offset=1)
    assert (line, column, message) == (4, 3, "the key 'version' appears twice (first on line 3)")


def test_anchors_are_refused():
    assert refusal("founded: &day 2024-03-01\n") == (
        1, 10, "the anchor '&day' is not allowed", "remove the anchor and write each value out in full")


def test_an_anchor_is_refused_before_its_alias_is_reached():
    assert refusal("a: &x 1\nb: *x\n")[:3] == (1, 4, "the anchor '&x' is not allowed")


def test_an_alias_is_refused():
    assert refusal("a: 1\nb: *x\n", line_offset=1) == (
        3, 4, "the alias '*x' is not allowed",
        "write the value out in full (anchors and aliases are refused: they can hide content "
        "and expand into huge documents)")


def test_an_alias_bomb_is_refused_at_once():
    lol = ", ".join(["lol"] * 9)
    lines = [f"a: &a [{lol}]"] + [f"{b}: &{b} [{', '.join(['*' + a] * 9)}]"
                                  for a, b in zip("abcdefgh", "bcdefghi")]
    started = time.perf_counter()
    line, column, message, _ = refusal("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 0.5
    assert (line, column, message) == (1, 4, "the anchor '&a' is not allowed")


def test_the_merge_key_is_refused():
    assert refusal("a: 1\n<<: {b: 2}\n")[:3] == (2, 1, "the merge key '<<' is not allowed")


def test_a_key_that_is_not_text_is_refused():
    assert refusal("? [a, b]\n: c\n")[:3] == (1, 3, "a key must be a plain word")


def test_tab_indentation_is_refused_with_the_fix():
    assert refusal("charter:\n\tversion: 1.0.0\n", line_offset=1) == (
        3, 1, "a tab character is used for indentation", "indent with spaces, not tabs")


def test_a_tab_inside_quoted_text_is_text():
    assert parse_yaml('a: "x\ty"\n')[0] == {"a": "x\ty"}


def test_a_colon_in_an_unquoted_value_says_to_quote_it():
    assert refusal("tagline: Homes: and buses\n") == (
        1, 15, "YAML syntax error: mapping values are not allowed here",
        "put quotes around a value that contains ': ', or check the indentation")


def test_a_second_document_is_named_as_such():
    line, column, message, _ = refusal("a: b\n---\nc: d\n")
    assert (line, column) == (2, 1)
    assert message == ("YAML syntax error: expected a single document in the stream, "
                       "but found another document")


@pytest.mark.parametrize("nesting", ["[" * 2000, "{a: " * 2000])
def test_deep_nesting_is_refused_not_crashed(nesting):
    line, _, message, _ = refusal(f"title: {nesting}\n", line_offset=1)
    assert line == 2
    assert message == "the values are nested too deeply to be read"


def test_keys_stay_text():
    data, _ = parse_yaml("no: 1\n2026: x\nnull: y\ntrue: z\n")
    assert list(data) == ["no", "2026", "null", "true"]


def test_bare_boolean_words_are_remembered_as_written():
    data, smap = parse_yaml("a: yes\nb: [on, Off]\nc: {d: no}\ne: true\n")
    assert data == {"a": True, "b": [True, False], "c": {"d": False}, "e": True}
    assert smap.boolean_words == {("a",): "yes", ("b", 0): "on", ("b", 1): "Off", ("c", "d"): "no"}


def test_dates_are_dates_and_quoted_dates_are_text():
    data, _ = parse_yaml('a: 2026-10-14\nb: 2026-1-5\nc: "2026-10-14"\nd: 2024-02-29\n')
    assert data == {"a": dt.date(2026, 10, 14), "b": dt.date(2026, 1, 5), "c": "2026-10-14",
                    "d": dt.date(2024, 2, 29)}


@pytest.mark.parametrize("day", ["2026-02-30", "2026-13-01", "2026-02-29", "2026-04-31"])
def test_a_date_that_does_not_exist_is_refused(day):
    assert refusal(f"date: {day}\n", line_offset=1) == (
        2, 7, f"{day} is not a date that exists", "write a real calendar date as YYYY-MM-DD")


@pytest.mark.parametrize("text, line, column, character", [
    ('title: "\x1b[31mred"\n', 2, 9, "001B"),  # an escape code pasted from a terminal
    ("title: a\x07b\n", 2, 9, "0007"),
    ("title: x\nissue: \x7f\n", 3, 8, "007F"),
    ("title: \ufffe\n", 2, 8, "FFFE"),
])
def test_an_invisible_character_is_refused_where_it_stands(text, line, column, character):
    assert refusal(text, line_offset=1) == (
        line, column, f"the invisible character U+{character} is not allowed in YAML",
        "delete it (it is invisible in most editors, and often comes with text pasted from "
        "another program)")


@pytest.mark.parametrize("text, tag", [
    ("notice_days: !!int soon\n", "!!int"),
    ("notice_days: !!int 1.5\n", "!!int"),
    ("threshold: !!float most\n", "!!float"),
    ("may_step_back: !!bool maybe\n", "!!bool"),
    # A tag before nothing: PyYAML's constructors index the empty text (an IndexError).
    ("notice_days: !!int \n", "!!int"),
    ("notice_days: !!int ''\n", "!!int"),
    ("threshold: !!float\n", "!!float"),
    ("may_step_back: !!bool\n", "!!bool"),
])
def test_a_tagged_value_that_does_not_fit_its_tag_is_refused(text, tag):
    value = text.split(tag)[1].strip().strip("'")
    assert refusal(text, line_offset=1) == (
        2, text.index("!") + 1, f"the value '{value}' cannot be read as {tag}",
        f"remove '{tag}', or write a value of that kind")


def test_a_tagged_date_that_is_no_date_is_refused():
    assert refusal("date: !!timestamp soon\n", line_offset=1) == (
        2, 7, "soon is not a date that exists", "write a real calendar date as YYYY-MM-DD")
    assert refusal("date: !!timestamp\n", line_offset=1) == (
        2, 7, "an empty value is not a date that exists", "write a real calendar date as YYYY-MM-DD")


def test_an_unknown_tag_is_named_on_one_line():
    assert refusal("title: !secret plans\n") == (
        1, 8, "cannot read the value 'plans': could not determine a constructor for the tag '!secret'",
        "quote it if it is meant as text")


@pytest.mark.parametrize("text, column, character", [
    ('title: "a\\x01b"\n', 8, "0001"),
    ('title: "\\e[31mred"\n', 8, "001B"),
    ('title: "\\ud800"\n', 8, "D800"),
    ('"x\\ay": 1\n', 1, "0007"),  # a key too
])
def test_an_invisible_character_written_as_an_escape_is_refused_too(text, column, character):
    assert refusal(text, line_offset=1) == (
        2, column, f"the invisible character U+{character} is not allowed in YAML, even written as an escape",
        "delete the escape (such as '\\x01', '\\e' or '\\u0001') from the quoted text")


def test_escapes_of_visible_characters_and_whitespace_stay():
    assert parse_yaml('a: "tab\\tand\\nline \\u00e9 \\x85"\n')[0] == {"a": "tab\tand\nline é \x85"}


def test_python_tags_never_run_code(tmp_path):
    marker = tmp_path / "ran"
    text = f'a: !!python/object/apply:os.system ["touch {marker}"]\n'
    try:
        parse_yaml(text)
    except YamlSourceError:
        pass
    assert not marker.exists()
