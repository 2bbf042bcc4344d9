RA = "partners/riders-alliance.md"
BLOCK = "stepped_back:\n  since: 2026-09-01\n  scope: the ordinance campaign"
STALE = ("warning: 'riders-alliance' has a 'stepped_back' block but its 'status' is {0}; set "
         "'status: stepped-back' if it has stepped back, or remove the 'stepped_back' block if it "
         "no longer holds [stepped-back-status]")


def test_a_stepped_back_partner_with_its_block_passes(project):
    project.edit(RA, "joined: 2024-03-01", f"joined: 2024-03-01\nstatus: stepped-back\n{BLOCK}")
    assert project.findings() == []


def test_a_block_without_any_status_is_a_block_on_an_active_partner(project):
    project.edit(RA, "joined: 2024-03-01", f"joined: 2024-03-01\n{BLOCK}")
    assert project.findings() == ["content/partners/riders-alliance.md:7:1: " + STALE.format("active")]


def test_a_block_on_a_partner_written_active(project):
    project.edit(RA, "joined: 2024-03-01", f"joined: 2024-03-01\n{BLOCK}\nstatus: active")
    assert project.findings() == ["content/partners/riders-alliance.md:7:1: " + STALE.format("active")]


def test_a_block_on_a_departed_partner(project):
    project.edit(RA, "joined: 2024-03-01", f"joined: 2024-03-01\nstatus: departed\n{BLOCK}")
    assert project.findings() == ["content/partners/riders-alliance.md:8:1: " + STALE.format("departed")]
