"""An error about internal content names the field and the line, never the value.

Build logs are public (CI prints them on every pull request). A representative's rejected email
or GitHub name, or a bad value in an internal review, must not reach them: the models mark what
is internal by nature (``representatives``) and the files say their visibility, and the loader's
messages read both.
"""

from __future__ import annotations

import json

import pytest

from coalition_site.model import Partner, Review
from coalition_site.model.base import internal_by_nature_fields
from support import invoke, load_problems, run

T = "content/partners/tenants-union.md"
NOT_PRINTED = "(the value is internal, so it is never printed) [schema]"
EMAIL = "ana.ruiz-at-SECRET-MAILHOST.org"
GITHUB = "@SECRET-HANDLE"


def test_representatives_are_marked_internal_by_nature_in_the_model():
    assert internal_by_nature_fields(Partner) == ["representatives"]
    assert internal_by_nature_fields(Review) == []


@pytest.fixture
def leaky(sample):
    sample.edit("partners/tenants-union.md", "    email: SECRET-EMAIL-ana@example.org", f"    email: {EMAIL}")
    sample.edit("partners/tenants-union.md", "    github: anaruiz", f"    github: '{GITHUB}'")
    return sample


EXPECTED = [
    f"{T}:11:12: error: 'email': the value written is not in the expected form; write an address "
    f"such as name@example.org {NOT_PRINTED}",
    f"{T}:12:13: error: 'github': the value written is not in the expected form; write the GitHub "
    f"user name without '@' {NOT_PRINTED}",
]


def test_a_rejected_email_and_github_name_are_located_but_not_printed(leaky):
    assert load_problems(leaky) == EXPECTED


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_no_output_format_of_check_prints_a_rejected_internal_value(leaky, fmt):
    checked = invoke("check", "--format", fmt, leaky.root)
    assert checked.exit_code == 1
    assert "SECRET" not in checked.output
    if fmt == "json":
        assert [(p["line"], p["column"], p["field"]) for p in json.loads(checked.output)] == [
            (11, 12, "representatives.0.email"), (12, 13, "representatives.0.github")]
    elif fmt == "text":
        assert checked.output == "\n".join(EXPECTED) + "\ncontent: 2 errors\n"


@pytest.mark.parametrize("command", [["build"], ["build", "--audience", "internal"]])
def test_the_build_log_holds_no_rejected_internal_value(leaky, command):
    built = run(*command, leaky.root)
    assert built.returncode == 1
    assert EXPECTED[0] in built.stderr and EXPECTED[1] in built.stderr
    assert "SECRET" not in built.stdout + built.stderr
    assert not (leaky.root / "site").exists()


@pytest.mark.parametrize("old, new, expected", [
    pytest.param("  - name: Ana Ruiz", "  - name: 2026", f"{T}:9:11: error: 'name': expected text, got a "
                 f"number; put it in quotes {NOT_PRINTED}", id="a-number-for-a-name"),
    pytest.param("    role: Organizer", "    role: [SECRET, list]", f"{T}:10:11: error: 'role': expected "
                 f"text, got a list {NOT_PRINTED}", id="a-list-for-a-role"),
    pytest.param("    role: Organizer", "    SECRET@example.org: Organizer",
                 f"{T}:10:5: error: unknown key (not printed: it is internal); the keys allowed here "
                 "are: name, role, email, github (unknown keys are refused so a typo is never "
                 "ignored) [schema]", id="an-address-written-as-a-key"),
    pytest.param("    role: Organizer", "    private: SECRET-WORD",
                 f"{T}:10:5: error: 'private: ...' is taken for a privacy marker, but coalition-site "
                 "only reads 'visibility: internal', and only in a page's front matter or on a "
                 "tension: this part of the charter is always public; remove the key, and keep what "
                 "is internal in an internal page or an '!!! internal' block [privacy-marker]",
                 id="a-privacy-key-among-representatives"),
])
def test_nothing_written_under_representatives_is_printed(sample, old, new, expected):
    sample.edit("partners/tenants-union.md", old, new)
    problems = load_problems(sample)
    assert problems == [expected]
    assert "SECRET" not in problems[0] and "2026" not in problems[0]


def test_the_field_of_an_unprinted_key_is_not_printed_either(sample):
    sample.edit("partners/tenants-union.md", "    role: Organizer", "    SECRET@example.org: Organizer")
    checked = invoke("check", "--format", "json", sample.root)
    assert [p["field"] for p in json.loads(checked.output)] == ["representatives.0.?"]


def test_a_value_of_an_internal_review_is_not_printed(sample):
    # Reviews are internal unless they say otherwise: what their fields hold stays in them.
    sample.edit("reviews/2026-11-11.md", "policy_progress: stalled", "policy_progress: SECRET-STALLING")
    assert load_problems(sample) == [
        "content/reviews/2026-11-11.md:5:18: error: 'policy_progress': the value written is not "
        "allowed; use 'advancing', 'stalled', 'regressing', 'won' or 'lost' "
        f"{NOT_PRINTED}"]


def test_a_value_of_a_public_review_is_printed_to_help(sample):
    sample.edit("reviews/2026-10-14.md", "policy_progress: advancing", "policy_progress: stalling")
    assert load_problems(sample) == [
        "content/reviews/2026-10-14.md:6:18: error: 'policy_progress': 'stalling' is not allowed; use "
        "'advancing', 'stalled', 'regressing', 'won' or 'lost' [schema]"]


def test_a_value_of_an_internal_tension_is_not_printed(sample):
    sample.edit("logic.yml", "    about: CONFIDENTIAL-TENSION-TEXT about a board member.\n    status: open",
                "    about: CONFIDENTIAL-TENSION-TEXT about a board member.\n    status: SECRET-PENDING")
    assert load_problems(sample) == [
        "content/logic.yml:30:13: error: 'status': the value written is not allowed; use 'open', "
        f"'sequenced', 'resolved' or 'dealbreaker' {NOT_PRINTED}"]


def test_a_value_of_an_internal_page_is_not_printed(sample):
    sample.edit("board-notes.md", "title: Board notes", "title: 2026")
    assert load_problems(sample) == [
        f"content/board-notes.md:2:8: error: 'title': expected text, got a number; put it in quotes {NOT_PRINTED}"]
