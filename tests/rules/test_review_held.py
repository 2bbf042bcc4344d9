import datetime as dt

AHEAD = ("warning: the review is dated {0}, after today (2026-11-24); a review is recorded once it "
         "is held: fix the date (and the file's name) if it is mistyped, or add this file after the "
         "review is held [review-held]")


def add_review(project, date: str) -> None:
    project.write(f"reviews/{date}.md", f"---\ndate: {date}\nattended: [tenants-union]\n---\nNotes.\n")


def test_a_review_held_today_passes(project):
    add_review(project, "2026-11-24")
    assert project.findings() == []


def test_a_review_dated_after_today(project):
    add_review(project, "2026-12-09")
    assert project.findings() == ["content/reviews/2026-12-09.md:2:7: " + AHEAD.format("2026-12-09")]


def test_a_review_dated_tomorrow_is_reported_until_its_day(project):
    add_review(project, "2026-11-25")
    assert project.findings() == ["content/reviews/2026-11-25.md:2:7: " + AHEAD.format("2026-11-25")]
    assert project.findings(today=dt.date(2026, 11, 25)) == []


def test_each_review_ahead_is_reported(project):
    add_review(project, "2026-12-09")
    add_review(project, "2027-01-13")
    assert project.findings(only="review-held") == [
        "content/reviews/2026-12-09.md:2:7: " + AHEAD.format("2026-12-09"),
        "content/reviews/2027-01-13.md:2:7: " + AHEAD.format("2027-01-13")]
