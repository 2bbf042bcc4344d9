import pytest

SM = "charter/steward-mandate.md"


@pytest.mark.parametrize("reports_to", ["all-partners", "[tenants-union, riders-alliance]"])
def test_reporting_to_every_partner_passes(project, reports_to):
    project.edit(SM, "reports_to: all-partners", f"reports_to: {reports_to}")
    assert project.findings() == []


def test_a_list_leaving_out_an_active_partner(project):
    project.edit(SM, "reports_to: all-partners", "reports_to: [tenants-union]")
    assert project.findings() == [
        "content/charter/steward-mandate.md:8:13: warning: 'reports_to' leaves out the active "
        "partner 'riders-alliance'; add it, or write 'reports_to: all-partners' (the steward "
        "reports to all partners equally) [steward-reports-to-all]"]


def test_a_block_list_is_located_at_its_first_item(project):
    project.edit(SM, "reports_to: all-partners", "reports_to:\n  - riders-alliance")
    assert project.findings() == [
        "content/charter/steward-mandate.md:9:3: warning: 'reports_to' leaves out the active "
        "partner 'tenants-union'; add it, or write 'reports_to: all-partners' (the steward "
        "reports to all partners equally) [steward-reports-to-all]"]
