SM = "charter/steward-mandate.md"
REVERSED = ("warning: the term of {0} ends on {1} ('term_ends'), before it begins on {2} ('since'); "
            "correct whichever date is mistyped [steward-term-order]")


def test_a_term_ending_the_day_it_begins_passes(project):
    # A `since` after today is `date-after-today`'s to report (see its tests).
    project.edit(SM, "since: 2024-04-01", "since: 2027-03-31")
    assert project.findings(only="steward-term-order") == []


def test_a_term_without_a_beginning_or_an_end_passes(project):
    project.edit(SM, "    since: 2024-04-01\n", "")
    project.edit(SM, "  - name: Sam Okafor\n",
                 "  - name: Sam Okafor\n  - name: Lee Park\n    since: 2024-04-01\n")
    assert project.findings() == []


def test_a_term_that_ends_before_it_begins(project):
    project.edit(SM, "since: 2024-04-01", "since: 2027-04-01")
    assert project.findings(only="steward-term-order") == [
        "content/charter/steward-mandate.md:6:16: "
        + REVERSED.format("Sam Okafor", "2027-03-31", "2027-04-01")]


def test_each_steward_is_checked(project):
    project.edit(SM, "    commitment: 0.4\n",
                 "    commitment: 0.4\n  - name: Lee Park\n    since: 2026-01-01\n"
                 "    term_ends: 2025-12-31\n")
    assert project.findings() == [
        "content/charter/steward-mandate.md:10:16: "
        + REVERSED.format("Lee Park", "2025-12-31", "2026-01-01")]
