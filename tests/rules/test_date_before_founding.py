import datetime as dt
from pathlib import Path

from support import invoke

from coalition_site.load.charter import load_charter
from coalition_site.rules import RULES, run_rules

DEMO = Path(__file__).resolve().parents[2] / "content"

CY = "coalition.yml"
SM = "charter/steward-mandate.md"
CP = "charter/conflict-protocol.md"
PS = "charter/problem-statement.md"
JD = "charter/joint-demand.md"
RA = "partners/riders-alliance.md"
TU = "partners/tenants-union.md"
FIX = ("fix the date if its year or month is mistyped, or, if the coalition existed before, move "
       "'founded' back [date-before-founding]")


def founded(index: int) -> str:
    """The middle of every message: `founded`'s value, at ``{index}`` of the template."""
    return "before the coalition was founded on {%d} ('founded' in coalition.yml); " % index


JOINED = "warning: '{0}' joined on {1} ('joined'), " + founded(2) + FIX
STEWARD = "warning: the term of {0} begins on {1} ('since'), " + founded(2) + FIX
RATIFIED = "warning: charter version 1.0.0 was ratified on {0} ('charter.ratified'), " + founded(1) + FIX
HISTORY = "warning: 'history' says version {0} was ratified on {1} ('ratified'), " + founded(2) + FIX
ADOPTED = "warning: the conflict protocol was adopted on {0} ('adopted'), " + founded(1) + FIX
ENDORSED = "warning: '{0}' endorsed the {1} on {2} ('endorsements'), " + founded(3) + FIX
STEPPED = "warning: '{0}' stepped back on {1} ('since'), " + founded(2) + FIX
REVIEW = ("warning: the review was held on {0} ('date'), " + founded(1) + "fix the date (and the "
          "file's name) if its year or month is mistyped, or, if the coalition existed before, "
          "move 'founded' back [date-before-founding]")


def step_back(project, since: str, joined: str = "joined: 2024-03-01") -> None:
    project.edit(RA, "joined: 2024-03-01", f"{joined}\nstatus: stepped-back\nstepped_back:\n"
                                            f"  since: {since}\n  scope: the ordinance campaign")


def test_the_sample_passes_with_its_founding_partners_joined_on_the_founding_day(project):
    assert "founded: 2024-03-01" in project.read(CY)
    assert "joined: 2024-03-01" in project.read(RA) and "joined: 2024-03-01" in project.read(TU)
    assert project.findings(only="date-before-founding") == []


def test_every_date_on_the_founding_day_passes(project):
    project.edit(CY, "ratified: 2025-01-15", "ratified: 2024-03-01")
    project.edit(CY, "review_cadence_days: 31\n",
                 "review_cadence_days: 31\nhistory:\n  - version: 0.9.0\n    ratified: 2024-03-01\n")
    project.edit(SM, "since: 2024-04-01", "since: 2024-03-01")
    project.edit(CP, "adopted: 2024-04-15", "adopted: 2024-03-01")
    for page in (PS, JD):
        project.edit(page, "tenants-union: 2025-01-15", "tenants-union: 2024-03-01")
        project.edit(page, "riders-alliance: 2025-01-16", "riders-alliance: 2024-03-01")
    step_back(project, "2024-03-01")
    project.write("reviews/2024-03-01.md", "---\ndate: 2024-03-01\nattended: [tenants-union]\n---\nNotes.\n")
    assert project.findings(only="date-before-founding") == []


def test_without_founded_nothing_is_compared(project):
    project.edit(CY, "founded: 2024-03-01\n", "")
    project.edit(RA, "joined: 2024-03-01", "joined: 2014-03-01")
    project.edit(SM, "since: 2024-04-01", "since: 2014-04-01")
    project.write("reviews/2014-10-08.md", "---\ndate: 2014-10-08\nattended: [tenants-union]\n---\nNotes.\n")
    assert project.findings(only="date-before-founding") == []


def test_a_partner_joined_before_the_founding(project):
    # The year typed 2014 for 2024: the finding points at `joined`, not at `founded`.
    project.edit(RA, "joined: 2024-03-01", "joined: 2014-03-01")
    assert project.findings() == [
        "content/partners/riders-alliance.md:6:9: " + JOINED.format("riders-alliance", "2014-03-01", "2024-03-01")]


def test_a_partner_joined_the_day_before_the_founding(project):
    project.edit(TU, "joined: 2024-03-01", "joined: 2024-02-29")
    assert project.findings() == [
        "content/partners/tenants-union.md:6:9: " + JOINED.format("tenants-union", "2024-02-29", "2024-03-01")]


def test_a_steward_whose_term_begins_before_the_founding(project):
    project.edit(SM, "since: 2024-04-01", "since: 2014-04-01")
    assert project.findings() == [
        "content/charter/steward-mandate.md:5:12: " + STEWARD.format("Sam Okafor", "2014-04-01", "2024-03-01")]


def test_each_steward_is_checked(project):
    project.edit(SM, "    commitment: 0.4\n",
                 "    commitment: 0.4\n  - name: Lee Park\n    since: 2023-09-01\n")
    assert project.findings() == [
        "content/charter/steward-mandate.md:9:12: " + STEWARD.format("Lee Park", "2023-09-01", "2024-03-01")]


def test_a_charter_version_ratified_before_the_founding(project):
    # The endorsements (2025) are after it: `endorsement-current` has nothing to say.
    project.edit(CY, "ratified: 2025-01-15", "ratified: 2015-01-15")
    assert project.findings() == ["content/coalition.yml:7:13: " + RATIFIED.format("2015-01-15", "2024-03-01")]


def test_a_version_in_the_history_ratified_before_the_founding(project):
    project.edit(CY, "review_cadence_days: 31\n",
                 "review_cadence_days: 31\nhistory:\n  - version: 0.9.0\n    ratified: 2014-06-01\n"
                 "  - version: 0.9.5\n    ratified: 2024-06-01\n")
    assert project.findings() == [
        "content/coalition.yml:11:15: " + HISTORY.format("0.9.0", "2014-06-01", "2024-03-01")]


def test_a_conflict_protocol_adopted_before_the_founding(project):
    project.edit(CP, "adopted: 2024-04-15", "adopted: 2014-04-15")
    assert project.findings() == [
        "content/charter/conflict-protocol.md:2:10: " + ADOPTED.format("2014-04-15", "2024-03-01")]


def test_a_review_held_before_the_founding(project):
    project.write("reviews/2014-10-08.md", "---\ndate: 2014-10-08\nattended: [tenants-union]\n---\nNotes.\n")
    assert project.findings() == [
        "content/reviews/2014-10-08.md:2:7: " + REVIEW.format("2014-10-08", "2024-03-01")]


def test_endorsements_before_the_founding_of_a_charter_without_a_ratified_date(project):
    project.edit(CY, "  ratified: 2025-01-15\n", "")
    project.edit(PS, "riders-alliance: 2025-01-16", "riders-alliance: 2015-01-16")
    project.edit(JD, "tenants-union: 2025-01-15", "tenants-union: 2015-01-15")
    assert project.findings() == [
        "content/charter/joint-demand.md:14:18: "
        + ENDORSED.format("tenants-union", "joint demand", "2015-01-15", "2024-03-01"),
        "content/charter/problem-statement.md:5:20: "
        + ENDORSED.format("riders-alliance", "problem statement", "2015-01-16", "2024-03-01")]


def test_an_endorsement_before_the_version_was_ratified_is_left_to_endorsement_current(project):
    project.edit(JD, "tenants-union: 2025-01-15", "tenants-union: 2015-01-15")
    findings = project.findings()
    assert [finding.rsplit(" [", 1)[1] for finding in findings] == ["endorsement-current]"]
    assert findings[0].startswith("content/charter/joint-demand.md:14:18: warning: 'tenants-union' "
                                  "endorsed the joint demand on 2015-01-15, before charter version")


def test_an_endorsement_after_a_version_ratified_before_the_founding_is_reported_here(project):
    # `endorsement-current` is silent (the endorsement follows the ratification): both dates
    # are before `founded`, and both are reported here.
    project.edit(CY, "ratified: 2025-01-15", "ratified: 2015-01-15")
    project.edit(PS, "tenants-union: 2025-01-15", "tenants-union: 2015-01-15")
    assert project.findings() == [
        "content/charter/problem-statement.md:4:18: "
        + ENDORSED.format("tenants-union", "problem statement", "2015-01-15", "2024-03-01"),
        "content/coalition.yml:7:13: " + RATIFIED.format("2015-01-15", "2024-03-01")]


def test_a_step_back_before_the_founding_of_a_partner_without_a_joined_date(project):
    project.edit(RA, "joined: 2024-03-01", "status: stepped-back\nstepped_back:\n"
                                           "  since: 2014-03-01\n  scope: the ordinance campaign")
    assert project.findings() == [
        "content/partners/riders-alliance.md:8:10: " + STEPPED.format("riders-alliance", "2014-03-01", "2024-03-01")]


def test_a_step_back_before_the_partner_joined_is_left_to_stepped_back_since(project):
    step_back(project, "2014-03-01")
    assert project.findings() == [
        "content/partners/riders-alliance.md:9:10: warning: 'riders-alliance' stepped back on "
        "2014-03-01 ('since'), before it joined on 2024-03-01 ('joined'); correct whichever date "
        "is mistyped [stepped-back-since]"]


def test_a_partner_that_joined_and_stepped_back_before_the_founding_is_reported_at_both_dates(project):
    step_back(project, "2016-05-01", joined="joined: 2014-03-01")
    assert project.findings() == [
        "content/partners/riders-alliance.md:6:9: " + JOINED.format("riders-alliance", "2014-03-01", "2024-03-01"),
        "content/partners/riders-alliance.md:9:10: " + STEPPED.format("riders-alliance", "2016-05-01", "2024-03-01")]


def test_dates_that_lie_ahead_by_nature_are_not_compared(project):
    # A term that ends, or a deadline, before the founding is for other rules to find.
    project.edit(SM, "term_ends: 2027-03-31", "term_ends: 2014-03-31")
    project.edit(JD, "deadline: 2027-06-30", "deadline: 2014-06-30")
    assert project.findings(only="date-before-founding") == []


def test_a_founded_after_today_is_the_one_date_reported(project):
    # `founded` is the slip: `date-after-today` reports it, and no date is compared with it
    # (one finding for every date of the charter would bury the one to correct).
    project.edit(CY, "founded: 2024-03-01", "founded: 2042-03-01")
    project.edit(RA, "joined: 2024-03-01", "joined: 2032-03-01")
    assert project.findings(only="date-after-today") == [
        "content/coalition.yml:4:10: warning: the coalition was founded on 2042-03-01 ('founded'), "
        "after today (2026-11-24); fix the date if its year or month is mistyped [date-after-today]",
        "content/partners/riders-alliance.md:6:9: warning: 'riders-alliance' joined on 2032-03-01 "
        "('joined'), after today (2026-11-24); fix the date if its year or month is mistyped "
        "[date-after-today]"]
    assert project.findings(only="date-before-founding") == []


def test_once_founded_has_passed_the_result_does_not_depend_on_today(project):
    project.edit(RA, "joined: 2024-03-01", "joined: 2014-03-01")
    expected = ["content/partners/riders-alliance.md:6:9: "
                + JOINED.format("riders-alliance", "2014-03-01", "2024-03-01")]
    assert project.findings(only="date-before-founding") == expected
    assert project.findings(today=dt.date(2040, 1, 1), only="date-before-founding") == expected


def test_the_rule_set_to_off_reports_nothing(project):
    project.edit(RA, "joined: 2024-03-01", "joined: 2014-03-01")
    assert project.findings(levels={"date-before-founding": "off"}) == []


def test_the_rule_set_to_error_reports_an_error(project):
    project.edit(RA, "joined: 2024-03-01", "joined: 2014-03-01")
    assert project.findings(levels={"date-before-founding": "error"}) == [
        "content/partners/riders-alliance.md:6:9: "
        + JOINED.format("riders-alliance", "2014-03-01", "2024-03-01").replace("warning: ", "error: ", 1)]


def test_the_rule_is_switched_off_in_the_plugin_config(project):
    project.edit(RA, "joined: 2024-03-01", "joined: 2014-03-01")
    strict = invoke("check", "--strict", project.root)
    assert strict.exit_code == 1
    assert ("content/partners/riders-alliance.md:6:9: "
            + JOINED.format("riders-alliance", "2014-03-01", "2024-03-01")) in strict.output
    mkdocs_yml = project.root / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text().replace(
        "plugins: [search, coalition]",
        "plugins:\n  - search\n  - coalition:\n      rules:\n        date-before-founding: off"))
    result = invoke("check", "--strict", project.root)
    assert (result.exit_code, result.output) == (0, "content: no problems\n")


def test_the_example_coalition_has_no_date_before_its_founding():
    # The demo's founding partners joined on its `founded`, 2019-05-01; every other date is later.
    charter = load_charter(DEMO).charter
    assert charter is not None and charter.coalition.founded == dt.date(2019, 5, 1)
    levels = {rule_id: "off" for rule_id in RULES if rule_id != "date-before-founding"}
    assert run_rules(charter, today=dt.date(2026, 11, 24), levels=levels) == []
