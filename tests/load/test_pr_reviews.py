"""Reading a pull request's reviews in each shape `gh api` prints them."""

from __future__ import annotations

import json

import pytest

from coalition_site.load.pr_reviews import ReviewsFileError, parse_reviews, read_reviews
from support import FIXTURES

REVIEWS = FIXTURES / "consent-reviews"
FIRST, SECOND = "1" * 40, "2" * 40


def recorded(name: str, tmp_path):
    """A recorded payload, its placeholder commit ids (FIRST_PUSH, SECOND_PUSH) filled in."""
    text = (REVIEWS / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(text.replace("FIRST_PUSH", FIRST).replace("SECOND_PUSH", SECOND), encoding="utf-8")
    return read_reviews(path)


def test_one_array_paginated_and_slurped_read_alike(tmp_path):
    first = recorded("first-week.json", tmp_path)
    paginated = recorded("second-week-paginated.json", tmp_path)
    slurped = recorded("all-approve-slurped.json", tmp_path)
    assert [r.login for r in first] == ["jdoe", "breathe-amy", "HousingHal", "cleo", "octocat", None,
                                        "oscar", "pablo", "MChen", "rita"]
    assert paginated[:len(first)] == first and len(paginated) == len(first) + 3
    assert slurped[:len(paginated)] == paginated and len(slurped) == len(paginated) + 1


def test_github_keys_it_does_not_need_are_ignored_and_a_pending_review_has_no_time(tmp_path):
    reviews = recorded("first-week.json", tmp_path)
    breathe, pending = reviews[1], reviews[-1]
    assert breathe.model_dump(mode="json") == {
        "user": {"login": "breathe-amy"}, "state": "APPROVED",
        "submitted_at": "2026-11-12T10:00:00Z", "commit_id": FIRST}
    assert (pending.state, pending.when, pending.commit_id) == ("PENDING", None, SECOND)


def test_pages_printed_with_line_breaks_between_them_are_read():
    page = [{"user": {"login": "a"}, "state": "COMMENTED", "submitted_at": "2026-11-12T09:00:00+01:00"}]
    text = json.dumps(page) + "\n\n" + json.dumps(page) + "\n"
    reviews = parse_reviews(text, "reviews.json")
    assert len(reviews) == 2
    assert reviews[0].when.isoformat() == "2026-11-12T08:00:00+00:00"


def test_a_review_without_a_time_zone_is_refused():
    with pytest.raises(ReviewsFileError, match=r"^reviews.json: review 1: 'submitted_at': "):
        parse_reviews('[{"user": null, "state": "COMMENTED", "submitted_at": "2026-11-12T09:00:00"}]',
                      "reviews.json")


def test_a_login_that_github_would_not_give_is_refused():
    with pytest.raises(ReviewsFileError) as caught:
        parse_reviews('[{"user": {"login": "a b"}, "state": "COMMENTED"}]', "reviews.json")
    assert str(caught.value) == "reviews.json: review 1: 'user.login' is \"a b\", not a GitHub login"
    assert caught.value.exit_code == 2
