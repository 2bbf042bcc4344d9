import datetime as dt

CY = "coalition.yml"
SM = "charter/steward-mandate.md"
CP = "charter/conflict-protocol.md"
RA = "partners/riders-alliance.md"
MISTYPED = "fix the date if its year or month is mistyped"
JOINED = ("warning: '{0}' joined on {1} ('joined'), after today ({2}); " + MISTYPED
          + " [date-after-today]")
FOUNDED = ("warning: the coalition was founded on {0} ('founded'), after today (2026-11-24); "
           + MISTYPED + " [date-after-today]")
RATIFIED = ("warning: charter version 1.0.0 was ratified on {0} ('charter.ratified'), after today "
            "(2026-11-24); " + MISTYPED + ", or leave 'ratified' out until the version is ratified "
            "[date-after-today]")
HISTORY = ("warning: 'history' says version {0} was ratified on {1} ('ratified'), after today "
           "(2026-11-24); " + MISTYPED + " [date-after-today]")
STEWARD = ("warning: the term of {0} begins on {1} ('since'), after today (2026-11-24); " + MISTYPED
           + ", or add the steward once the term has begun [date-after-today]")
ADOPTED = ("warning: the conflict protocol was adopted on {0} ('adopted'), after today (2026-11-24); "
           + MISTYPED + " [date-after-today]")


def test_dates_before_today_pass_and_a_term_ending_after_today_is_not_reported(project):
    # The sample's steward's term ends on 2027-03-31, after today: a term lies ahead by nature.
    assert "term_ends: 2027-03-31" in project.read(SM)
    assert project.findings(only="date-after-today") == []


def test_dates_of_today_pass(project):
    project.edit(CY, "founded: 2024-03-01", "founded: 2026-11-24")
    project.edit(CY, "ratified: 2025-01-15", "ratified: 2026-11-24")
    project.edit(SM, "since: 2024-04-01", "since: 2026-11-24")
    project.edit(CP, "adopted: 2024-04-15", "adopted: 2026-11-24")
    project.edit(RA, "joined: 2024-03-01", "joined: 2026-11-24")
    assert project.findings(only="date-after-today") == []


def test_a_partner_joined_after_today(project):
    project.edit(RA, "joined: 2024-03-01", "joined: 2062-05-01")
    assert project.findings() == [
        "content/partners/riders-alliance.md:6:9: " + JOINED.format("riders-alliance", "2062-05-01", "2026-11-24")]


def test_a_date_of_tomorrow_is_reported_until_its_day(project):
    project.edit(RA, "joined: 2024-03-01", "joined: 2026-11-25")
    assert project.findings(only="date-after-today") == [
        "content/partners/riders-alliance.md:6:9: " + JOINED.format("riders-alliance", "2026-11-25", "2026-11-24")]
    assert project.findings(today=dt.date(2026, 11, 25), only="date-after-today") == []


def test_a_coalition_founded_after_today(project):
    project.edit(CY, "founded: 2024-03-01", "founded: 2042-03-01")
    # Every other date is now before `founded`: `date-before-founding` reports them (see its tests).
    assert project.findings(only="date-after-today") == [
        "content/coalition.yml:4:10: " + FOUNDED.format("2042-03-01")]


def test_a_charter_version_ratified_after_today(project):
    project.edit(CY, "ratified: 2025-01-15", "ratified: 2062-01-15")
    assert project.findings(only="date-after-today") == [
        "content/coalition.yml:7:13: " + RATIFIED.format("2062-01-15")]


def test_a_version_in_the_history_ratified_after_today(project):
    project.edit(CY, "review_cadence_days: 31\n",
                 "review_cadence_days: 31\nhistory:\n  - version: 0.9.0\n    ratified: 2062-06-01\n")
    assert project.findings() == ["content/coalition.yml:11:15: " + HISTORY.format("0.9.0", "2062-06-01")]


def test_a_steward_whose_term_begins_after_today(project):
    project.edit(SM, "    commitment: 0.4\n",
                 "    commitment: 0.4\n  - name: Lee Park\n    since: 2062-04-01\n")
    assert project.findings() == [
        "content/charter/steward-mandate.md:9:12: " + STEWARD.format("Lee Park", "2062-04-01")]


def test_a_conflict_protocol_adopted_after_today(project):
    project.edit(CP, "adopted: 2024-04-15", "adopted: 2042-04-15")
    assert project.findings() == ["content/charter/conflict-protocol.md:2:10: " + ADOPTED.format("2042-04-15")]


def test_each_date_after_today_is_reported_once_at_its_value(project):
    project.edit(CY, "founded: 2024-03-01", "founded: 2042-03-01")
    project.edit(CY, "ratified: 2025-01-15", "ratified: 2052-01-15")
    project.edit(CP, "adopted: 2024-04-15", "adopted: 2042-04-15")
    project.edit(RA, "joined: 2024-03-01", "joined: 2042-03-01")
    project.edit("partners/tenants-union.md", "joined: 2024-03-01", "joined: 2042-03-01")
    assert project.findings(only="date-after-today") == [
        "content/charter/conflict-protocol.md:2:10: " + ADOPTED.format("2042-04-15"),
        "content/coalition.yml:4:10: " + FOUNDED.format("2042-03-01"),
        "content/coalition.yml:7:13: " + RATIFIED.format("2052-01-15"),
        "content/partners/riders-alliance.md:6:9: "
        + JOINED.format("riders-alliance", "2042-03-01", "2026-11-24"),
        "content/partners/tenants-union.md:6:9: "
        + JOINED.format("tenants-union", "2042-03-01", "2026-11-24")]


def test_a_steward_since_after_its_term_ends_and_after_today_is_reported_by_both_rules(project):
    # `steward-term-order` says the two dates disagree; this rule says `since` is the slip.
    project.edit(SM, "since: 2024-04-01", "since: 2062-04-01")
    assert project.findings() == [
        "content/charter/steward-mandate.md:5:12: " + STEWARD.format("Sam Okafor", "2062-04-01"),
        "content/charter/steward-mandate.md:6:16: warning: the term of Sam Okafor ends on "
        "2027-03-31 ('term_ends'), before it begins on 2062-04-01 ('since'); correct whichever "
        "date is mistyped [steward-term-order]"]


def test_dates_other_rules_check_against_today_are_left_to_them(project):
    project.edit(RA, "joined: 2024-03-01", "joined: 2024-03-01\nstatus: stepped-back\nstepped_back:\n"
                                           "  since: 2062-05-01\n  scope: everything\n  reason: A strike.")
    project.edit("charter/joint-demand.md", "riders-alliance: 2025-01-16", "riders-alliance: 2062-01-16")
    project.write("reviews/2062-12-09.md", "---\ndate: 2062-12-09\nattended: [tenants-union]\n---\nNotes.\n")
    findings = project.findings()
    assert [finding.rsplit(" [", 1)[1] for finding in findings] == [
        "endorsement-given]", "stepped-back-since]", "review-held]"]
    assert project.findings(only="date-after-today") == []


def test_a_date_far_ahead_in_a_field_that_lies_ahead_by_nature_passes(project):
    project.edit(SM, "term_ends: 2027-03-31", "term_ends: 2062-03-31")
    project.edit("charter/joint-demand.md", "deadline: 2027-06-30", "deadline: 2062-06-30")
    assert project.findings(only="date-after-today") == []


def test_the_rule_set_to_off_reports_nothing(project):
    project.edit(RA, "joined: 2024-03-01", "joined: 2062-05-01")
    assert project.findings(levels={"date-after-today": "off"}) == []
