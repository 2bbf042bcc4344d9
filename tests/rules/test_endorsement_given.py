import datetime as dt

PS = "charter/problem-statement.md"
JD = "charter/joint-demand.md"
AHEAD = ("warning: '{0}' endorsed the {1} on {2}, after today ({3}); an endorsement is recorded once "
         "it is given: fix the date if it is mistyped, or remove the entry until '{0}' has endorsed "
         "[endorsement-given]")


def test_endorsements_dated_today_or_earlier_pass(project):
    project.edit(JD, "riders-alliance: 2025-01-16", "riders-alliance: 2026-11-24")
    assert project.findings() == []


def test_an_endorsement_of_the_joint_demand_dated_after_today(project):
    project.edit(JD, "riders-alliance: 2025-01-16", "riders-alliance: 2027-01-16")
    assert project.findings() == [
        "content/charter/joint-demand.md:15:20: "
        + AHEAD.format("riders-alliance", "joint demand", "2027-01-16", "2026-11-24")]


def test_an_endorsement_dated_tomorrow_is_reported_until_its_day(project):
    project.edit(PS, "tenants-union: 2025-01-15", "tenants-union: 2026-11-25")
    assert project.findings() == [
        "content/charter/problem-statement.md:4:18: "
        + AHEAD.format("tenants-union", "problem statement", "2026-11-25", "2026-11-24")]
    assert project.findings(today=dt.date(2026, 11, 25)) == []


def test_each_endorsement_ahead_in_each_file_is_reported(project):
    project.edit(PS, "tenants-union: 2025-01-15", "tenants-union: 2026-12-01")
    project.edit(PS, "riders-alliance: 2025-01-16", "riders-alliance: 2026-12-02")
    project.edit(JD, "tenants-union: 2025-01-15", "tenants-union: 2026-12-03")
    assert project.findings(only="endorsement-given") == [
        "content/charter/joint-demand.md:14:18: "
        + AHEAD.format("tenants-union", "joint demand", "2026-12-03", "2026-11-24"),
        "content/charter/problem-statement.md:4:18: "
        + AHEAD.format("tenants-union", "problem statement", "2026-12-01", "2026-11-24"),
        "content/charter/problem-statement.md:5:20: "
        + AHEAD.format("riders-alliance", "problem statement", "2026-12-02", "2026-11-24")]
