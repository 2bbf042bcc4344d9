"""``reviews/<YYYY-MM-DD>.md``: the typical mistakes, each with its exact message and place."""

from __future__ import annotations

import pytest

from coalition_site.load.charter import load_charter
from support import load_problems

F = "content/reviews/2026-10-14.md"


@pytest.mark.parametrize("old, new, expected", [
    pytest.param("date: 2026-10-14", "date: 2026-10-15",
                 [f"{F}:2:7: error: 'date' is 2026-10-15 but the file is named 2026-10-14.md; make "
                  "them the same (the file name is the meeting date) [schema]"],
                 id="name-disagrees-with-date"),
    pytest.param("date: 2026-10-14\n", "",
                 [f"{F}:2:1: error: 'date' is missing; add 'date:' with a value (it is required) "
                  "[schema]"], id="missing-date"),
    pytest.param("date: 2026-10-14", "date: 2026-10-32",
                 [f"{F}:2:7: error: 2026-10-32 is not a date that exists; write a real calendar date "
                  "as YYYY-MM-DD [yaml]"], id="date-that-does-not-exist"),
    pytest.param("policy_progress: advancing", "policy_progress: great",
                 [f"{F}:6:18: error: 'policy_progress': 'great' is not allowed; use 'advancing', "
                  "'stalled', 'regressing', 'won' or 'lost' [schema]"], id="wrong-enum"),
    pytest.param("  riders-alliance: drifting", "  riders-alliance: sorta",
                 [f"{F}:9:20: error: 'riders-alliance': 'sorta' is not allowed; use 'aligned', "
                  "'drifting', 'solo-by-agreement' or 'absent' [schema]"], id="wrong-alignment"),
    pytest.param("  riders-alliance: drifting", "  bus-riders: drifting",
                 [f"{F}:9:3: error: 'bus-riders' is not a known partner id; known partners: "
                  "riders-alliance, tenants-union [reference]"], id="alignment-of-unknown-partner"),
    pytest.param("attended: [tenants-union, riders-alliance]", "attended: [tenants-union, riders]",
                 [f"{F}:5:27: error: 'riders' is not a known partner id; known partners: "
                  "riders-alliance, tenants-union [reference]"], id="attended-unknown-partner"),
    pytest.param("signs_of_life: [shared-language]", "signs_of_life: [good-vibes]",
                 [f"{F}:10:17: error: 'signs_of_life': 'good-vibes' is not allowed; use "
                  "'shared-language', 'resource-flow', 'new-members' or 'conflict-resolved' [schema]"],
                 id="unknown-sign"),
    pytest.param("visibility: public", "visibility: private",
                 [f"{F}:3:13: error: 'visibility: private' is taken for a privacy marker, but "
                  "coalition-site reads only 'visibility: internal' and 'visibility: public', spelt "
                  "exactly so; write 'visibility: internal' to keep it off the public site "
                  "[privacy-marker]"], id="wrong-visibility"),
    pytest.param("visibility: public", "visibilty: public",
                 [f"{F}:3:1: error: unknown key 'visibilty'; did you mean 'visibility'? (unknown keys "
                  "are refused so a typo is never ignored) [schema]"], id="misspelt-visibility"),
    pytest.param("scores: {resilience: 3.5", "scores: {resilience: high",
                 [f"{F}:12:22: error: 'resilience': expected a number, got 'high'; write it without "
                  "quotes [schema]"], id="score-in-words"),
])
def test_a_typical_mistake_in_a_review(sample, old, new, expected):
    sample.edit("reviews/2026-10-14.md", old, new)
    assert load_problems(sample) == expected


def test_a_review_file_must_be_named_by_its_date(sample):
    sample.path("reviews/2026-10-14.md").rename(sample.path("reviews/october.md"))
    assert load_problems(sample) == [
        "content/reviews/october.md:1:1: error: a review's file name must be its meeting date, like "
        "'reviews/2026-10-14.md'; rename the file [schema]"]


def test_reviews_are_internal_unless_marked_and_sorted_by_date(sample):
    charter = load_charter(sample.content).charter
    assert [(r.date.isoformat(), r.visibility) for r in charter.reviews] == [
        ("2026-10-14", "public"), ("2026-11-11", "internal")]


def test_an_index_page_in_reviews_is_an_ordinary_page(sample):
    sample.write("reviews/index.md", "---\ntitle: Our reviews\n---\nHow we review.\n")
    charter = load_charter(sample.content).charter
    assert "reviews/index.md" in charter.pages
    assert len(charter.reviews) == 2


# -- decisions: a plain line, or a mapping the decision register reads ---------------------------
PUBLIC_DECISION = "  - Joint testimony at the November hearing.\n"


@pytest.mark.parametrize("public, internal, expected", [
    pytest.param("  - text: Joint testimony.\n    status: closed\n", None,
                 [f"{F}:15:13: error: 'status': 'closed' is not allowed; use 'open', 'done' or "
                  "'dropped' [schema]"], id="status-not-allowed"),
    pytest.param(PUBLIC_DECISION, "decisions:\n  - text: Meet the mayor.\n    status: finished\n",
                 ["content/reviews/2026-11-11.md:12:13: error: 'status': the value written is not "
                  "allowed; use 'open', 'done' or 'dropped' (the value is internal, so it is never "
                  "printed) [schema]"], id="status-of-an-internal-review-not-printed"),
    pytest.param("  - text: Joint testimony.\n    owner: [tenants-union, rider-alliance]\n", None,
                 [f"{F}:15:28: error: 'rider-alliance' is not a known partner id; did you mean "
                  "'riders-alliance'? [reference]"], id="owner-unknown-partner"),
    pytest.param("  - text: Joint testimony.\n    owner: tenants-union\n", None,
                 [f"{F}:15:12: error: 'owner': expected a list (lines starting with '- ', or [a, b]), "
                  "got 'tenants-union' [schema]"], id="owner-not-a-list"),
    pytest.param("  - text: Joint testimony.\n    id: testimony\n",
                 "decisions:\n  - text: Meet the mayor.\n    supersedes: testimny\n",
                 ["content/reviews/2026-11-11.md:12:17: error: 'testimny' is not a known decision id; "
                  "did you mean 'testimony'? [reference]"], id="supersedes-unknown-decision"),
    pytest.param("  - text: Joint testimony.\n    supersedes: testimony\n", None,
                 [f"{F}:15:17: error: 'testimony' is not a known decision id; no decision has an "
                  "'id:' yet: give the decision it replaces one [reference]"],
                 id="supersedes-when-no-decision-has-an-id"),
    pytest.param("  - text: Joint testimony.\n    id: testimony\n    supersedes: testimony\n", None,
                 [f"{F}:16:17: error: a decision cannot supersede itself; write the id of the "
                  "earlier decision it replaces [reference]"], id="supersedes-itself"),
    pytest.param("  - text: Joint testimony.\n    id: testimony\n",
                 "decisions:\n  - text: Meet the mayor.\n    id: testimony\n",
                 ["content/reviews/2026-11-11.md:12:9: error: the decision id 'testimony' is already "
                  f"used in {F}; give each decision its own id [reference]"], id="id-used-twice"),
    pytest.param("  - text: Joint testimony.\n    id: Testimony 1\n", None,
                 [f"{F}:15:9: error: 'id': 'Testimony 1' is not a valid id; use lowercase letters, "
                  "digits and single hyphens, like 'usw-1219' [schema]"], id="id-not-an-id"),
    pytest.param("  - 42\n", None,
                 [f"{F}:14:5: error: 'decisions': expected a decision: a line of text, or 'key: "
                  "value' lines with 'text:' [schema]"], id="neither-a-line-nor-a-mapping"),
    pytest.param("  - id: testimony\n    status: open\n", None,
                 [f"{F}:14:5: error: 'text' is missing under 'decisions'; add 'text:' with a value "
                  "(it is required) [schema]"], id="mapping-without-text"),
])
def test_a_mistake_in_a_decision(sample, public, internal, expected):
    sample.edit("reviews/2026-10-14.md", PUBLIC_DECISION, public)
    if internal:
        sample.edit("reviews/2026-11-11.md", "decisions: []\n", internal)
    assert load_problems(sample) == expected


def test_plain_lines_and_mappings_load_as_decisions(sample):
    sample.edit("reviews/2026-10-14.md", PUBLIC_DECISION, PUBLIC_DECISION + (
        "  - text: File the joint comment.\n    id: comment\n    status: open\n"
        "    owner: [tenants-union]\n"))
    sample.edit("reviews/2026-11-11.md", "decisions: []\n",
                "decisions:\n  - text: Withdraw the comment.\n    status: done\n    supersedes: comment\n")
    charter = load_charter(sample.content).charter
    assert [d.model_dump() for d in charter.reviews[0].decisions] == [
        {"text": "Joint testimony at the November hearing.", "id": None, "status": None, "owner": [],
         "supersedes": None},
        {"text": "File the joint comment.", "id": "comment", "status": "open",
         "owner": ["tenants-union"], "supersedes": None}]
    assert charter.reviews[1].decisions[0].supersedes == "comment"
