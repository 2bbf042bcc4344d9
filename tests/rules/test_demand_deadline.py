import pytest

JD = "charter/joint-demand.md"


@pytest.mark.parametrize("status", ["won", "partially-won", "lost", "withdrawn"])
def test_a_past_deadline_with_an_outcome_passes(project, status):
    project.edit(JD, "deadline: 2027-06-30\nstatus: campaigning", f"deadline: 2026-06-30\nstatus: {status}")
    assert project.findings() == []


def test_a_deadline_today_passes(project):
    project.edit(JD, "deadline: 2027-06-30", "deadline: 2026-11-24")
    assert project.findings() == []


def test_a_past_deadline_while_still_campaigning(project):
    project.edit(JD, "deadline: 2027-06-30", "deadline: 2026-06-30")
    assert project.findings() == [
        "content/charter/joint-demand.md:4:11: warning: 'deadline' 2026-06-30 has passed but "
        "'status' is still campaigning; set 'status' to won, partially-won, lost or withdrawn, or "
        "agree a new 'deadline' with every partner [demand-deadline]"]
