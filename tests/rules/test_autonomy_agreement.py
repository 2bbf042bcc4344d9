AU = "charter/autonomy.md"
RIDERS = ("  riders-alliance:\n    may_step_back: true\n    notice_days: 14\n"
          "    keeps_solo: Service-change campaigns stay the alliance's own.\n")


def test_an_agreement_for_every_active_partner_passes(project):
    project.edit(AU, "    may_step_back: true\n    notice_days: 14\n    keeps_solo: Service",
                 "    notice_days: 14\n    keeps_solo: Service")
    assert project.findings() == []


def test_a_stepped_back_partner_needs_no_agreement(project):
    project.edit(AU, RIDERS, "")
    project.edit("partners/riders-alliance.md", "joined: 2024-03-01",
                 "joined: 2024-03-01\nstatus: stepped-back\nstepped_back:\n"
                 "  since: 2026-09-01\n  scope: everything")
    assert project.findings() == []


def test_an_active_partner_without_agreement(project):
    project.edit(AU, RIDERS, "")
    assert project.findings() == [
        "content/charter/autonomy.md:2:1: warning: 'agreements' has no agreement for the active "
        "partner 'riders-alliance'; add 'riders-alliance:' with at least 'may_step_back: true' "
        "(every partner keeps its autonomy) [autonomy-agreement]"]


def test_may_step_back_false(project):
    project.edit(AU, "    may_step_back: true\n    notice_days: 14\n    keeps_solo: Eviction",
                 "    may_step_back: false\n    notice_days: 14\n    keeps_solo: Eviction")
    assert project.findings() == [
        "content/charter/autonomy.md:4:20: warning: 'may_step_back' is false for 'tenants-union'; "
        "write 'may_step_back: true', with 'notice_days' if the coalition needs notice (a partner "
        "can always step back) [autonomy-agreement]"]
