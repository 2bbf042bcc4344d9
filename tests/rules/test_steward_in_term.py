import datetime as dt

SM = "charter/steward-mandate.md"
LAPSED = ("warning: the term of every steward has ended, the last on {0} ({1}); renew the mandate "
          "with a later 'term_ends', or add the steward now in office (a coalition without a "
          "steward lapses) [steward-in-term]")


def test_a_term_ending_today_passes(project):
    project.edit(SM, "term_ends: 2027-03-31", "term_ends: 2026-11-24")
    assert project.findings() == []


def test_a_term_without_end_passes(project):
    project.edit(SM, "    term_ends: 2027-03-31\n", "")
    assert project.findings(only="steward-in-term") == []


def test_one_steward_in_term_is_enough(project):
    project.edit(SM, "    term_ends: 2027-03-31\n",
                 "    term_ends: 2025-03-31\n  - name: Lee Park\n    term_ends: 2027-03-31\n")
    assert project.findings() == []


def test_an_ended_term(project):
    project.edit(SM, "term_ends: 2027-03-31", "term_ends: 2026-11-23")
    assert project.findings() == [
        "content/charter/steward-mandate.md:6:16: " + LAPSED.format("2026-11-23", "Sam Okafor")]


def test_every_term_ended_points_at_the_last_to_end(project):
    project.edit(SM, "    term_ends: 2027-03-31\n",
                 "    term_ends: 2025-03-31\n  - name: Lee Park\n    term_ends: 2026-09-30\n")
    assert project.findings() == [
        "content/charter/steward-mandate.md:8:16: " + LAPSED.format("2026-09-30", "Lee Park")]


def test_no_steward_at_all(project):
    project.write(SM, "---\nstewards: []\nreports_to: all-partners\n---\nNobody yet.\n")
    assert project.findings() == [
        "content/charter/steward-mandate.md:2:1: warning: 'stewards' names no steward; add the "
        "steward now in office with '- name:' (a coalition without a steward lapses) "
        "[steward-in-term]"]


def test_a_successor_whose_term_has_not_begun_leaves_the_coalition_without_a_steward(project):
    project.edit(SM, "    term_ends: 2027-03-31\n",
                 "    term_ends: 2026-10-31\n  - name: Lee Park\n    since: 2026-12-01\n")
    assert project.findings(only="steward-in-term") == [
        "content/charter/steward-mandate.md:8:12: warning: no steward is in office today "
        "(2026-11-24): the next term, of Lee Park, begins on 2026-12-01 ('since'); extend the "
        "term of the steward in office until then with a later 'term_ends', or correct 'since' "
        "if it is mistyped [steward-in-term]"]
    # On its first day the successor is in office.
    assert project.findings(today=dt.date(2026, 12, 1), only="steward-in-term") == []


def test_a_successor_named_ahead_while_the_steward_is_in_office_passes(project):
    project.edit(SM, "    term_ends: 2027-03-31\n",
                 "    term_ends: 2027-03-31\n  - name: Lee Park\n    since: 2027-04-01\n")
    assert project.findings(only="steward-in-term") == []
