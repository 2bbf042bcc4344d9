"""Front matter that Markdown would print as text is an error, never a public page.

A blank line before '---', an indented '---', an em dash an editor made of it, '***' or '+++':
any of them and the `visibility: internal` below it is ignored. So are `key: value` lines at
the top of a body without any opener. Each is a located error (rule ``front-matter``) that no
level turns off; a sentence with a colon is not one.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_site.errors import ConfigError
from coalition_site.load.charter import FRONT_MATTER_KEYS, load_charter
from coalition_site.load.files import misplaced_front_matter, split_front_matter
from coalition_site.rules import resolve_levels
from support import invoke, load_problems

PAGE = "content/onboarding.md"
NOT_READ = ("this looks like front matter, but front matter must start on line 1 with exactly "
            "'---': as it is, none of its keys is read (a 'visibility: internal' would be ignored); ")
INTERNAL_PAGE = "visibility: internal\ntitle: Board notes\n{close}\nSECRET-BOARD-NOTES\n"


def misplaced(text: str) -> str | None:
    problem = misplaced_front_matter(split_front_matter(text), keys=FRONT_MATTER_KEYS, path="p.md")
    return None if problem is None else str(problem)


@pytest.mark.parametrize("opener, close, line, column, fix", [
    pytest.param("\n---", "---", 2, 1, "delete the blank line above it", id="blank-line-before"),
    pytest.param("\n\n\n---", "---", 4, 1, "delete the blank lines above it", id="blank-lines-before"),
    pytest.param(" ---", " ---", 1, 2, "remove the spaces before it", id="indented"),
    pytest.param("--", "--", 1, 1, "write '---' instead of '--' (on the closing line too)", id="two-dashes"),
    pytest.param("----", "----", 1, 1, "write '---' instead of '----' (on the closing line too)", id="four-dashes"),
    pytest.param("\u2014", "\u2014", 1, 1, "write '---' instead of '\u2014' (on the closing line too)", id="em-dash"),
    pytest.param("\u2013", "\u2013", 1, 1, "write '---' instead of '\u2013' (on the closing line too)", id="en-dash"),
    pytest.param("***", "***", 1, 1, "write '---' instead of '***' (on the closing line too)", id="asterisks"),
    pytest.param("+++", "+++", 1, 1, "write '---' instead of '+++' (on the closing line too)", id="toml-opener"),
    pytest.param("\n\u2014", "---", 2, 1, "delete the blank line above it and write '---' instead of "
                 "'\u2014' (on the closing line too)", id="blank-line-and-em-dash"),
    pytest.param("\u00a0---", "---", 1, 2, "remove the spaces before it", id="no-break-space"),
    pytest.param("\u200b---", "---", 1, 1, "delete the invisible character in it (it comes with "
                 "text pasted from another program)", id="zero-width-space"),
    pytest.param("\u200b\n---", "---", 2, 1, "delete the blank line above it", id="an-invisible-line-before"),
])
def test_a_near_miss_front_matter_opener_is_an_error(sample, opener, close, line, column, fix):
    sample.write("onboarding.md", f"{opener}\n{INTERNAL_PAGE.format(close=close)}")
    assert load_problems(sample) == [f"{PAGE}:{line}:{column}: error: {NOT_READ}{fix} [front-matter]"]


def test_toml_front_matter_is_told_to_be_yaml(sample):
    sample.write("onboarding.md", '+++\nvisibility = "internal"\n+++\nSECRET\n')
    assert load_problems(sample) == [
        f"{PAGE}:1:1: error: {NOT_READ}write '---' instead of '+++' (on the closing line too) and "
        "write each key as 'key: value' [front-matter]"]


def test_a_charter_page_with_a_blank_line_before_its_front_matter_is_an_error(sample):
    text = sample.read("charter/autonomy.md")
    sample.write("charter/autonomy.md", "\n" + text.replace("---\n", "---\nvisibility: internal\n", 1))
    assert load_problems(sample) == [
        f"content/charter/autonomy.md:2:1: error: {NOT_READ}delete the blank line above it [front-matter]"]


def test_check_exits_1_and_build_stops_on_a_misplaced_front_matter(sample):
    sample.write("board-notes.md", "\n---\n" + INTERNAL_PAGE.format(close="---"))
    expected = f"content/board-notes.md:2:1: error: {NOT_READ}delete the blank line above it [front-matter]"
    checked = invoke("check", sample.root)
    assert (checked.exit_code, checked.output) == (1, f"{expected}\ncontent: 1 error\n")
    built = invoke("build", sample.root)
    assert built.exit_code == 1 and expected in built.output
    assert not (sample.root / "site").exists()


def test_the_front_matter_rule_cannot_be_turned_off():
    # A level of `off` would publish the internal page: the id's level is fixed.
    with pytest.raises(ConfigError) as caught:
        resolve_levels({"front-matter": "off"})
    assert str(caught.value) == (
        "rule 'front-matter' cannot be set to 'off': it finds privacy markers that are not exactly "
        "one, which a public build would publish; fix the marker the check points at instead")


# -- key: value lines at the top of a body --------------------------------------------------------
KEYS_ONE = ("this line looks like front matter, but front matter must start on line 1 with exactly "
            "'---': as it is, its key is not read (a 'visibility: internal' would be ignored); ")
KEYS_MANY = ("these lines look like front matter, but front matter must start on line 1 with "
             "exactly '---': as it is, none of their keys is read (a 'visibility: internal' would "
             "be ignored); ")


@pytest.mark.parametrize("text, expected", [
    pytest.param("visibility: internal\n\nSECRET\n",
                 f"p.md:1:1: error: {KEYS_ONE}put it between two lines '---' (if it is meant as "
                 "text, start the page with a heading or a sentence) [front-matter]", id="visibility"),
    pytest.param("Title: Strategy\n\nText\n",
                 f"p.md:1:1: error: {KEYS_ONE}put it between two lines '---' (if it is meant as "
                 "text, start the page with a heading or a sentence) [front-matter]", id="known-key-any-case"),
    pytest.param("\n\ntitle: Strategy\nvisibility: internal\n\nSECRET\n",
                 f"p.md:3:1: error: {KEYS_MANY}delete the blank lines above them and put them between "
                 "two lines '---' (if they are meant as text, start the page with a heading or a "
                 "sentence) [front-matter]", id="after-blank-lines"),
    pytest.param("Who: tenants\nWhere: the library\n\nText\n",
                 f"p.md:1:1: error: {KEYS_MANY}put them between two lines '---' (if they are meant as "
                 "text, start the page with a heading or a sentence) [front-matter]", id="two-unknown-keys"),
    pytest.param("internal: true\n\nSECRET\n",
                 f"p.md:1:1: error: {KEYS_ONE}put it between two lines '---' (if it is meant as "
                 "text, start the page with a heading or a sentence) [front-matter]", id="privacy-key"),
])
def test_key_value_lines_at_the_top_of_a_body_are_front_matter_meant(text, expected):
    assert misplaced(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("Note: we meet monthly, on Tuesdays.\n\nText\n", id="a-sentence-with-a-colon"),
    pytest.param("Note: we meet monthly.\nBring the minutes.\n", id="a-paragraph-with-a-colon"),
    pytest.param("Agenda:\n- budget: approve\n- rota: next week\n", id="a-list-under-a-label"),
    pytest.param("https://example.org: our site\n", id="a-link"),
    pytest.param("10:30: doors open\n", id="a-time"),
    pytest.param("# Title: a heading\n\nvisibility: internal\n", id="below-a-heading"),
    pytest.param("---\ntitle: X\n---\nStatus: drafting\nOwner: Ana\n", id="after-front-matter"),
    pytest.param("---\ntitle: X\n---\n\n***\n\nThe end.\n", id="a-rule-in-the-body"),
    pytest.param("***\n\nA page that opens with a rule.\n", id="a-rule-then-text"),
    pytest.param("", id="empty"),
])
def test_text_that_only_resembles_front_matter_is_not_refused(text):
    assert misplaced(text) is None


@pytest.mark.parametrize("line, key", [("visibility: internal", "visibility"),
                                       ("Visibility: public", "Visibility"),
                                       ("audience: internal", "audience"), ("private: true", "private")])
def test_a_privacy_marker_below_the_closing_line_is_an_error(sample, line, key):
    sample.write("onboarding.md", f"---\ntitle: Why are we allied?\n---\n{line}\n\nSECRET\n")
    assert load_problems(sample) == [
        f"{PAGE}:4:1: error: '{key}' is a front matter key, but it stands below the line '---' "
        "that closes the front matter, where it is printed as text and ignored; move it above "
        "that line [front-matter]"]


@pytest.mark.parametrize("line", ["Audience: tenants and riders", "Public: everyone is welcome",
                                  "Access: step-free, by the side door"])
def test_a_label_below_the_closing_line_is_text(line):
    assert misplaced(f"---\ntitle: Meeting\n---\n{line}\n\nText.\n") is None


def test_a_sentence_with_a_colon_loads_as_an_ordinary_page(sample):
    sample.write("onboarding.md", "Note: we meet monthly.\n\nBecause rents and buses are one problem.\n")
    result = load_charter(sample.content, sample.root)
    assert result.problems == [] and "onboarding.md" in result.charter.pages


# -- the property: whatever the slip, never a public page -----------------------------------------
OPENERS = ["---", "--", "----", "-----", "\u2014", "\u2014\u2014\u2014", "\u2013", "\u2013\u2013",
           "***", "+++", "___", "- - -", "* * *"]
openers = st.builds(lambda indent, mark, trail: indent + mark + trail,
                    st.sampled_from(["", " ", "  ", "\t", "\u00a0", "\u200b"]), st.sampled_from(OPENERS),
                    st.sampled_from(["", " ", "  "]))
blank_lines = st.lists(st.sampled_from(["", " ", "\t", "\u200b"]), max_size=4).map(lambda lines: "".join(f"{l}\n" for l in lines))
marker = st.sampled_from(["visibility: internal", "visibility: internal  ", "internal: true",
                          "audience: internal", 'visibility = "internal"'])
other_keys = st.lists(st.sampled_from(["title: Board notes", "description: Notes", "tags: [board]"]), max_size=2)


def _slipped(blanks: str, opener: str, keys: list[str], marker_line: str, close: str) -> str:
    return blanks + opener + "\n" + "\n".join([*keys, marker_line]) + f"\n{close}\nSECRET-BODY\n"


def _is_exact_front_matter(blanks: str, opener: str) -> bool:
    return not blanks and opener.rstrip() == "---"


PROPERTY = settings(max_examples=400, derandomize=True, database=None, deadline=None)


@PROPERTY
@given(blank_lines, openers, other_keys, marker, st.sampled_from(["---", "\u2014", "+++", ""]))
def test_any_near_miss_opener_before_a_privacy_marker_is_an_error(blanks, opener, keys, marker_line, close):
    text = _slipped(blanks, opener, keys, marker_line, close)
    if _is_exact_front_matter(blanks, opener):
        return  # real front matter: read, and its visibility (or its unknown key) reported
    problem = misplaced_front_matter(split_front_matter(text), keys=FRONT_MATTER_KEYS, path="p.md")
    assert problem is not None and problem.rule == "front-matter" and problem.level == "error"
    assert problem.line == blanks.count("\n") + 1


@settings(max_examples=60, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blank_lines, openers, marker, st.sampled_from(["ordinary", "charter"]))
def test_a_near_miss_front_matter_never_loads_into_a_charter(sample, blanks, opener, marker_line, kind):
    if _is_exact_front_matter(blanks, opener):
        return
    uri = "board-notes.md" if kind == "ordinary" else "charter/autonomy.md"
    sample.write(uri, _slipped(blanks, opener, ["title: Notes"], marker_line, "---"))
    result = load_charter(sample.content, sample.root)
    # No charter, no build: the build stops on the error before anything is written.
    assert result.charter is None
    assert [p.rule for p in result.problems if p.path == f"content/{uri}"] == ["front-matter"]


@PROPERTY
@given(st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True), st.from_regex(r"[a-z ,.]{0,40}", fullmatch=True),
       st.sampled_from(["", "\nMore text on the next line.", "\n\n# A heading"]))
def test_one_sentence_with_a_colon_is_never_taken_for_front_matter(word, rest, after):
    if word.lower().replace("-", "_") in FRONT_MATTER_KEYS:
        return  # `Title: ...` is front matter meant
    assert misplaced(f"{word}: {rest}{after}\n") is None


def test_a_megabyte_of_blank_lines_before_the_opener_is_read_to_its_end():
    blanks = " \n\t\n\u200b\n" * 100_000
    problem = misplaced_front_matter(split_front_matter(f"{blanks}\u2014\nvisibility: internal\n\u2014\n"),
                                     keys=FRONT_MATTER_KEYS, path="p.md")
    assert (problem.line, problem.column, problem.rule) == (300_001, 1, "front-matter")
