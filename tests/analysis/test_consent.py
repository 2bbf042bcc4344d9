"""Counting consent: properties that must hold for any reviews (the CLI tests show the wording)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_site.analysis.consent import decide
from coalition_site.analysis.diff import CharterDiff
from coalition_site.load.charter import load_charter
from coalition_site.load.pr_reviews import PullRequestReview

from support import FIXTURES

HEAD = "a" * 40
EARLIER = "b" * 40
"""A commit of the pull request before the last change to the joint demand."""
CHANGED_SINCE = {HEAD: frozenset(), EARLIER: frozenset({"content/charter/joint-demand.md"})}
FILES = ["content/charter/joint-demand.md", "content/onboarding.md", "content/partners/breathe.md",
         "content/partners/new-partner.md", "mkdocs.yml"]
NOW = dt.datetime(2026, 11, 18, tzinfo=dt.timezone.utc)
START = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
RULES = ["consensus", "consent", "supermajority", "majority"]
STRANGERS = ["octocat", "dependabot[bot]", "Someone-Else"]


@pytest.fixture(scope="module")
def charter():
    result = load_charter(FIXTURES / "consent" / "content")
    assert result.charter is not None
    return result.charter


def logins(charter) -> dict[str, str]:
    """Each representative's login → its partner id."""
    return {person.github: partner.id for partner in charter.partners.values()
            for person in partner.representatives if person.github}


def review(login: str | None, state: str, minutes: int, commit: str | None) -> PullRequestReview:
    return PullRequestReview.model_validate({
        "user": {"login": login} if login else None, "state": state, "commit_id": commit,
        "submitted_at": None if state == "PENDING" else (START + dt.timedelta(minutes=minutes)).isoformat()})


def reviews_of(people: list[str]):
    return st.lists(st.builds(
        review, st.sampled_from(people), st.sampled_from(
            ["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"]),
        st.integers(0, 20_000), st.sampled_from([HEAD, EARLIER, "c" * 40, None])), max_size=12)


def outcome(charter, rule: str, files: list[str], reviews: list[PullRequestReview]):
    protocol = charter.conflict_protocol.model_copy(update={"decision_rule": rule, "threshold": 0.75})
    report = decide(charter.replace(conflict_protocol=protocol), changed=files, docs_prefix="content",
                    diff=CharterDiff("1.0.0", "1.0.0"), reviews=reviews,
                    changed_since=CHANGED_SINCE, opened=START, now=NOW)
    return report.reached, [(d.kind, d.files, d.reached, d.summary()) for d in report.decisions]


files_changed = st.lists(st.sampled_from(FILES), min_size=1, unique=True).map(sorted)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), rule=st.sampled_from(RULES), files=files_changed)
def test_a_reviewer_who_represents_no_partner_never_changes_the_outcome(charter, data, rule, files):
    people = [*logins(charter), None]
    reviews = data.draw(reviews_of(people))
    strangers = data.draw(reviews_of(STRANGERS))
    # Strangers' reviews anywhere among the partners', whose order stays as GitHub lists them:
    # chronological, so that two reviews of one partner in the same second keep their order.
    mixed = list(reviews)
    for stranger in strangers:
        mixed.insert(data.draw(st.integers(0, len(mixed))), stranger)
    assert outcome(charter, rule, files, mixed) == outcome(charter, rule, files, reviews)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), rule=st.sampled_from(RULES), files=files_changed)
def test_more_reviews_from_a_partners_people_before_its_latest_word_change_nothing(charter, data, rule, files):
    """Counting is per organisation: a partner's latest approval or request for changes decides,
    however many of its people reviewed before it, and however their logins are capitalised."""
    people = logins(charter)
    reviews = data.draw(reviews_of([*people, None]))
    decisive = [r for r in reviews if r.login and r.state in ("APPROVED", "CHANGES_REQUESTED")]
    if not decisive:
        return
    latest = max(decisive, key=lambda r: r.when)
    partner = people[latest.login]
    colleagues = [login for login, pid in people.items() if pid == partner]

    def before(login: str, state: str, minutes: int, commit: str | None) -> PullRequestReview:
        moment = latest.when - dt.timedelta(minutes=minutes)
        return review(login, state, int((moment - START).total_seconds() // 60), commit)

    earlier = data.draw(st.lists(st.builds(
        before, st.sampled_from(colleagues + [c.upper() for c in colleagues]),
        st.sampled_from(["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"]),
        st.integers(1, 20_000), st.sampled_from([HEAD, EARLIER, None])), max_size=6))
    assert outcome(charter, rule, files, reviews + earlier) == outcome(charter, rule, files, reviews)


def test_a_login_counts_whatever_its_case(charter):
    files = ["content/charter/joint-demand.md"]
    lower = [review("housinghal", "APPROVED", 10, HEAD)]
    upper = [review("HOUSINGHAL", "APPROVED", 10, HEAD)]
    assert outcome(charter, "consensus", files, lower) == outcome(charter, "consensus", files, upper)
    assert outcome(charter, "consensus", files, lower)[1][0][3][0] == "1 of 6 partners consent; "


@settings(max_examples=100, deadline=None)
@given(data=st.data(), rule=st.sampled_from(RULES), lowered=st.sampled_from(RULES),
       threshold=st.sampled_from([0.51, 0.75, 1.0, None]))
def test_the_rule_a_change_proposes_never_decides_that_change(charter, data, rule, lowered, threshold):
    reviews = data.draw(reviews_of([*logins(charter), *STRANGERS]))
    files = ["content/charter/conflict-protocol.md"]
    protocol = charter.conflict_protocol.model_copy(update={"decision_rule": rule, "threshold": 0.75})
    base = charter.replace(conflict_protocol=protocol)
    proposed = protocol.model_copy(update={"decision_rule": lowered, "threshold": threshold})

    def verdicts(head_protocol):
        report = decide(base, changed=files, docs_prefix="content", diff=CharterDiff("1.0.0", "1.0.0"),
                        reviews=reviews, changed_since=CHANGED_SINCE, opened=START, now=NOW,
                        head_protocol=head_protocol)
        return report.reached, [(d.rule, d.threshold, d.reached, d.summary()) for d in report.decisions]

    assert verdicts(proposed) == verdicts(None)


def test_with_no_counted_partner_nothing_can_be_agreed_and_the_report_says_why(charter):
    gone = {pid: p.model_copy(update={"status": "departed"}) if pid != "puentes" else p
            for pid, p in charter.partners.items()}
    puentes = gone["puentes"]
    gone["puentes"] = puentes.model_copy(update={"stepped_back": puentes.stepped_back.model_copy(
        update={"scope": "everything"})})
    report = decide(charter.replace(partners=gone), changed=["content/logic.yml"], docs_prefix="content",
                    diff=CharterDiff("1.0.0", "1.0.0"), reviews=[review("MChen", "APPROVED", 1, HEAD)],
                    changed_since=CHANGED_SINCE, opened=START, now=NOW)
    assert not report.reached
    assert report.decisions[0].summary() == (
        ("no partner is counted on this change (each has departed or stepped back from it), "
                     "so it cannot be agreed here"), "; ",
        report.decisions[0].notes[0][0], " stepped back from everything and is not counted")
