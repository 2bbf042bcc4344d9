import datetime as dt


def test_a_review_exactly_one_cadence_ago_passes(project):
    assert project.findings(today=dt.date(2026, 12, 12)) == []


def test_a_review_older_than_the_cadence(project):
    assert project.findings(today=dt.date(2026, 12, 13)) == [
        "content/reviews/2026-11-11.md:2:7: warning: the next review was due on 2026-12-12, 31 "
        "days ('review_cadence_days') after the latest one on 2026-11-11; hold it and add "
        "'reviews/<YYYY-MM-DD>.md' with its date [review-due]"]


def test_the_cadence_comes_from_coalition_yml(project):
    project.edit("coalition.yml", "review_cadence_days: 31", "review_cadence_days: 7")
    assert project.findings() == [
        "content/reviews/2026-11-11.md:2:7: warning: the next review was due on 2026-11-18, 7 "
        "days ('review_cadence_days') after the latest one on 2026-11-11; hold it and add "
        "'reviews/<YYYY-MM-DD>.md' with its date [review-due]"]


def test_no_review_at_all(project):
    project.remove("reviews/2026-10-14.md")
    project.remove("reviews/2026-11-11.md")
    assert project.findings() == [
        "content/coalition.yml:8:1: warning: no implementation-honesty review is recorded; hold "
        "one and add 'reviews/<YYYY-MM-DD>.md' (the coalition reviews every 31 days, as "
        "'review_cadence_days' says) [review-due]"]


def test_a_review_dated_after_today_does_not_hide_an_overdue_one(project):
    project.write("reviews/2027-01-13.md", "---\ndate: 2027-01-13\n---\nNot held yet.\n")
    assert project.findings(today=dt.date(2026, 12, 13), only="review-due") == [
        "content/reviews/2026-11-11.md:2:7: warning: the next review was due on 2026-12-12, 31 "
        "days ('review_cadence_days') after the latest one on 2026-11-11; hold it and add "
        "'reviews/<YYYY-MM-DD>.md' with its date [review-due]"]


def test_only_reviews_dated_after_today(project):
    project.remove("reviews/2026-10-14.md")
    project.remove("reviews/2026-11-11.md")
    project.write("reviews/2026-12-09.md", "---\ndate: 2026-12-09\n---\nNot held yet.\n")
    assert project.findings(only="review-due") == [
        "content/coalition.yml:8:1: warning: no implementation-honesty review dated today or "
        "earlier is recorded (every review is dated after today); hold one and add "
        "'reviews/<YYYY-MM-DD>.md' (the coalition reviews every 31 days, as "
        "'review_cadence_days' says) [review-due]"]
