LOGIC = "logic.yml"
MESSAGE = ("warning: the partner '{0}' is on no condition of the Coalition Logic map; add '{0}' "
           "to the 'partners' of the condition its theory of change centres on, or add that "
           "condition [partner-in-logic-map]")


def leave_riders_off_the_map(project):
    project.edit(LOGIC, "partners: [riders-alliance]", "partners: [tenants-union]")
    project.edit(LOGIC, "partners: [tenants-union, riders-alliance]", "partners: [tenants-union]")


def test_every_partner_on_a_condition_passes(project):
    assert project.findings(only="partner-in-logic-map") == []


def test_a_departed_partner_may_be_off_the_map(project):
    leave_riders_off_the_map(project)
    project.edit("partners/riders-alliance.md", "joined: 2024-03-01", "joined: 2024-03-01\nstatus: departed")
    assert project.findings() == []


def test_a_partner_on_no_condition_is_located_at_conditions(project):
    leave_riders_off_the_map(project)
    project.edit(LOGIC, "conditions:", "# The map from the Coalition Logic meeting.\n\nconditions:")
    assert project.findings() == ["content/logic.yml:3:1: " + MESSAGE.format("riders-alliance")]


def test_a_stepped_back_partner_must_stay_on_the_map(project):
    leave_riders_off_the_map(project)
    project.edit("partners/riders-alliance.md", "joined: 2024-03-01", "joined: 2024-03-01\n"
                 "status: stepped-back\nstepped_back:\n  since: 2026-09-01\n  scope: everything")
    assert project.findings() == ["content/logic.yml:1:1: " + MESSAGE.format("riders-alliance")]


def test_without_logic_yml_the_file_to_create_is_named(project):
    project.remove(LOGIC)
    assert project.findings() == [
        "content/logic.yml:1:1: " + MESSAGE.format(partner)
        for partner in ("riders-alliance", "tenants-union")]
