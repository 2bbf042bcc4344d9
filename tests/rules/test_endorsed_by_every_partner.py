def test_every_active_partner_endorsed_passes(project):
    assert project.findings(only="endorsed-by-every-partner") == []


def test_a_departed_partner_need_not_endorse(project):
    project.edit("charter/problem-statement.md", "  riders-alliance: 2025-01-16\n", "")
    project.edit("partners/riders-alliance.md", "joined: 2024-03-01", "joined: 2024-03-01\nstatus: departed")
    assert project.findings(only="endorsed-by-every-partner") == []


def test_a_missing_endorsement_of_the_problem_statement(project):
    project.edit("charter/problem-statement.md", "  riders-alliance: 2025-01-16\n", "")
    assert project.findings() == [
        "content/charter/problem-statement.md:3:1: warning: 'endorsements' leaves out the active "
        "partner 'riders-alliance'; once it has endorsed the problem statement, add "
        "'riders-alliance: <the date it endorsed>' (the problem statement belongs to every "
        "partner) [endorsed-by-every-partner]"]


def test_no_endorsements_of_the_joint_demand(project):
    project.edit("charter/joint-demand.md",
                 "endorsements:\n  tenants-union: 2025-01-15\n  riders-alliance: 2025-01-16\n", "")
    message = ("warning: 'endorsements' leaves out the active partner '{0}'; once it has endorsed "
               "the joint demand, add '{0}: <the date it endorsed>' (the joint demand belongs to "
               "every partner) [endorsed-by-every-partner]")
    assert project.findings() == [
        "content/charter/joint-demand.md:2:1: " + message.format(partner)
        for partner in ("riders-alliance", "tenants-union")]
