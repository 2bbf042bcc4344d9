"""``partners/<partner-id>.md``: the typical mistakes, each with its exact message and place."""

from __future__ import annotations

import pytest

from support import load_problems

F = "content/partners/riders-alliance.md"
T = "content/partners/tenants-union.md"


@pytest.mark.parametrize("old, new, expected", [
    pytest.param("joined: 2024-03-01", "joined: 2024-03-01\nstatus: paused",
                 [f"{F}:7:9: error: 'status': 'paused' is not allowed; use 'active', 'stepped-back' "
                  "or 'departed' [schema]"], id="wrong-enum"),
    pytest.param("issue: Public transit", "issue: on",
                 [f"{F}:3:8: error: 'issue': the bare word on was read as the boolean true; if you "
                  "meant the text, quote it: 'on' [schema]"], id="on-quote-it"),
    pytest.param("issue: Public transit", "issue: 1219",
                 [f"{F}:3:8: error: 'issue': expected text, got 1219; put it in quotes: '1219' "
                  "[schema]"], id="number-quote-it"),
    pytest.param("joined: 2024-03-01", "joined: 2024-02-30",
                 [f"{F}:6:9: error: 2024-02-30 is not a date that exists; write a real calendar date "
                  "as YYYY-MM-DD [yaml]"], id="date-that-does-not-exist"),
    pytest.param("joined: 2024-03-01", "joined: 2024-03-01\nwebsite: riders.example.org",
                 [f"{F}:7:10: error: 'website': 'riders.example.org' is not in the expected form; "
                  "write a full address starting with https:// [schema]"], id="website"),
    pytest.param("theory_of_change:", "theory_of_chnage:",
                 # One typo, one error: the missing field is the unknown key's fix.
                 [f"{F}:4:1: error: unknown key 'theory_of_chnage'; did you mean 'theory_of_change'? "
                  "(it is required; unknown keys are refused so a typo is never ignored) [schema]"],
                 id="misspelt-required-key"),
    pytest.param("joined: 2024-03-01", "joined: 2024-03-01\nstepped_back:\n  scope: everything",
                 [f"{F}:7:1: error: 'since' is missing under 'stepped_back'; add 'since:' with a "
                  "value (it is required) [schema]"], id="missing-nested"),
])
def test_a_typical_mistake_in_a_partner_file(sample, old, new, expected):
    sample.edit("partners/riders-alliance.md", old, new)
    assert load_problems(sample) == expected


@pytest.mark.parametrize("old, new, expected", [
    pytest.param("    email: SECRET-EMAIL-ana@example.org", "    emial: ana@example.org",
                 f"{T}:11:5: error: unknown key 'emial'; did you mean 'email'? (unknown keys are "
                 "refused so a typo is never ignored) [schema]", id="unknown-key-in-list-item"),
    pytest.param("    email: SECRET-EMAIL-ana@example.org", "    email: ana at example.org",
                 f"{T}:11:12: error: 'email': the value written is not in the expected form; write "
                 "an address such as name@example.org (the value is internal, so it is never "
                 "printed) [schema]", id="email"),
    pytest.param("    github: anaruiz", "    github: '@anaruiz'",
                 f"{T}:12:13: error: 'github': the value written is not in the expected form; write "
                 "the GitHub user name without '@' (the value is internal, so it is never printed) "
                 "[schema]", id="github"),
    pytest.param("  - name: Ana Ruiz\n    role", "  - role",
                 f"{T}:9:5: error: 'name' is missing under 'representatives'; add 'name:' with a "
                 "value (it is required) [schema]", id="missing-in-list-item"),
])
def test_a_typical_mistake_in_representatives(sample, old, new, expected):
    sample.edit("partners/tenants-union.md", old, new)
    assert load_problems(sample) == [expected]


def test_a_partner_file_without_front_matter_is_one_error_at_line_1(sample):
    sample.write("partners/riders-alliance.md", "The alliance organizes bus riders.\n")
    assert load_problems(sample) == [
        f"{F}:1:1: error: line 1 must be '---': a partner file starts with its fields (such as "
        "'name', 'issue' and 'theory_of_change') between two lines '---'; add a line '---' above "
        "line 1 and another after the last key [front-matter]"]


def test_front_matter_whose_opening_line_is_missing_is_one_error_naming_the_closing_line(sample):
    """Not three "'name' is missing" errors for fields that are visibly there."""
    text = sample.read("partners/riders-alliance.md")
    assert text.startswith("---\n")
    sample.write("partners/riders-alliance.md", text.removeprefix("---\n"))
    closing = text.removeprefix("---\n").split("\n").index("---") + 1
    assert load_problems(sample) == [
        f"{F}:1:1: error: line 1 must be '---': a partner file starts with its fields (such as "
        "'name', 'issue' and 'theory_of_change') between two lines '---'; add a line '---' above "
        f"line 1 (the '---' on line {closing} then closes it) [front-matter]"]


def test_a_review_or_charter_page_without_front_matter_names_its_own_fields(sample):
    sample.write("reviews/2026-05-12.md", "We met.\n")
    problems = load_problems(sample)
    assert ("content/reviews/2026-05-12.md:1:1: error: line 1 must be '---': a review starts with "
            "its fields (such as 'date') between two lines '---'; add a line '---' above line 1 and "
            "another after the last key [front-matter]") in problems


def test_front_matter_that_is_never_closed_is_an_error(sample):
    sample.write("partners/riders-alliance.md", "---\nname: Riders\nissue: Transit\n")
    assert load_problems(sample) == [
        f"{F}:1:1: error: the front matter that starts on line 1 is never closed; add a line "
        "'---' after its last key [yaml]"]


def test_a_file_name_that_is_not_an_id_is_refused(sample):
    text = sample.read("partners/riders-alliance.md")
    sample.remove("partners/riders-alliance.md")
    sample.write("partners/Riders_Alliance.md", text)
    problems = load_problems(sample)
    # One error, the rename; the references to 'riders-alliance' are right and stay quiet
    # (not "did you mean 'Riders_Alliance'?" at each of them).
    assert problems == [
        "content/partners/Riders_Alliance.md:1:1: error: the file name 'Riders_Alliance' is not a "
        "valid partner id (a partner's id is its file name: lowercase letters, digits and single "
        "hyphens); rename it to 'riders-alliance.md' [schema]"]


def test_a_file_name_no_id_can_be_made_of_gets_the_general_fix(sample):
    sample.write("partners/---.md", sample.read("partners/riders-alliance.md"))
    assert ("content/partners/---.md:1:1: error: the file name '---' is not a valid partner id (a "
            "partner's id is its file name: lowercase letters, digits and single hyphens); rename the "
            "file using lowercase letters, digits and single hyphens, like 'usw-1219.md' [schema]"
            ) in load_problems(sample)


def test_the_id_is_the_file_name_and_the_body_is_kept(sample):
    from coalition_site.load.charter import load_charter

    charter = load_charter(sample.content).charter
    riders = charter.partners["riders-alliance"]
    assert (riders.id, riders.name, riders.status) == ("riders-alliance", "Riverside Riders Alliance", "active")
    assert riders.body == "The alliance organizes bus riders.\n"
    assert riders.body_line == 8
    assert list(charter.partners) == ["riders-alliance", "tenants-union"]


@pytest.mark.parametrize("group, expected", [
    pytest.param("Pennsylvania", [], id="a-label"),
    pytest.param("'  '", [f"{F}:7:8: error: 'group': string should have at least 1 character [schema]"], id="blank"),
    pytest.param("x" * 81, [f"{F}:7:8: error: 'group': string should have at most 80 characters [schema]"], id="too-long"),
    pytest.param("[Ohio, Labour]", [f"{F}:7:8: error: 'group': expected text, got a list [schema]"],
                 id="one-group-only"),
])
def test_a_partners_group_is_one_short_label(sample, group, expected):
    sample.edit("partners/riders-alliance.md", "joined: 2024-03-01", f"joined: 2024-03-01\ngroup: {group}")
    assert load_problems(sample) == expected
