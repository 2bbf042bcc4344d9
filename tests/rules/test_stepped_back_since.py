import datetime as dt

RA = "partners/riders-alliance.md"
BEFORE = ("warning: 'riders-alliance' stepped back on {0} ('since'), before it joined on 2024-03-01 "
          "('joined'); correct whichever date is mistyped [stepped-back-since]")
AHEAD = ("warning: 'riders-alliance' stepped back on {0} ('since'), after today ({1}); fix the date "
         "if it is mistyped, or, if the partner has given notice, record its stepping back on the "
         "day it steps back [stepped-back-since]")


def step_back(project, since: str, status: str = "stepped-back") -> None:
    project.edit(RA, "joined: 2024-03-01", f"joined: 2024-03-01\nstatus: {status}\nstepped_back:\n"
                                            f"  since: {since}\n  scope: the ordinance campaign")


def test_a_step_back_between_joining_and_today_passes(project):
    step_back(project, "2026-09-01")
    assert project.findings() == []


def test_a_step_back_on_the_day_it_joined_or_today_passes(project):
    step_back(project, "2024-03-01")
    assert project.findings() == []
    assert project.findings(today=dt.date(2024, 3, 1), only="stepped-back-since") == []


def test_a_step_back_before_the_partner_joined(project):
    step_back(project, "2014-03-01")
    assert project.findings() == ["content/partners/riders-alliance.md:9:10: " + BEFORE.format("2014-03-01")]


def test_a_step_back_the_day_before_it_joined(project):
    step_back(project, "2024-02-29")
    assert project.findings() == ["content/partners/riders-alliance.md:9:10: " + BEFORE.format("2024-02-29")]


def test_a_step_back_dated_after_today(project):
    step_back(project, "2026-12-15")
    assert project.findings() == [
        "content/partners/riders-alliance.md:9:10: " + AHEAD.format("2026-12-15", "2026-11-24")]


def test_a_step_back_dated_tomorrow_is_reported_until_its_day(project):
    step_back(project, "2026-11-25")
    assert project.findings() == [
        "content/partners/riders-alliance.md:9:10: " + AHEAD.format("2026-11-25", "2026-11-24")]
    assert project.findings(today=dt.date(2026, 11, 25)) == []


def test_a_partner_without_a_joined_date_is_checked_against_today_only(project):
    project.edit(RA, "joined: 2024-03-01", "status: stepped-back\nstepped_back:\n"
                                           "  since: 2014-03-01\n  scope: the ordinance campaign")
    # Before the coalition was founded all the same: `date-before-founding` reports that.
    assert project.findings(only="stepped-back-since") == []
    project.edit(RA, "since: 2014-03-01", "since: 2027-03-01")
    assert project.findings() == [
        "content/partners/riders-alliance.md:8:10: " + AHEAD.format("2027-03-01", "2026-11-24")]


def test_a_date_before_joining_and_after_today_is_reported_once_as_before_joining(project):
    project.edit(RA, "joined: 2024-03-01", "joined: 2027-06-01")
    project.edit(RA, "joined: 2027-06-01", "joined: 2027-06-01\nstatus: stepped-back\nstepped_back:\n"
                                           "  since: 2027-01-01\n  scope: everything")
    assert project.findings(only="stepped-back-since") == [
        "content/partners/riders-alliance.md:9:10: warning: 'riders-alliance' stepped back on "
        "2027-01-01 ('since'), before it joined on 2027-06-01 ('joined'); correct whichever date "
        "is mistyped [stepped-back-since]"]


def test_the_block_of_a_partner_not_written_stepped_back_is_checked_too(project):
    # `stepped-back-status` reports the block on an active partner; its date is checked all the same.
    step_back(project, "2014-03-01", status="active")
    assert project.findings(only="stepped-back-since") == [
        "content/partners/riders-alliance.md:9:10: " + BEFORE.format("2014-03-01")]
