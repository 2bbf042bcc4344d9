RA = "partners/riders-alliance.md"


def test_a_stepped_back_partner_with_its_block_passes(project):
    project.edit(RA, "joined: 2024-03-01", "joined: 2024-03-01\nstatus: stepped-back\nstepped_back:\n"
                 "  since: 2026-09-01\n  scope: the ordinance campaign")
    assert project.findings() == []


def test_a_stepped_back_partner_without_its_block_is_an_error(project):
    project.edit(RA, "joined: 2024-03-01", "joined: 2024-03-01\nstatus: stepped-back")
    assert project.findings() == [
        "content/partners/riders-alliance.md:7:9: error: 'status' of 'riders-alliance' is "
        "stepped-back but there is no 'stepped_back' block; add 'stepped_back:' with 'since:' "
        "(the date) and 'scope:' (what it stepped back from, or 'everything') "
        "[stepped-back-explained]"]
