def test_endorsements_on_or_after_ratification_pass(project):
    # The sample's tenants-union endorsed on the day of ratification, riders-alliance the day after.
    assert project.findings(only="endorsement-current") == []


def test_an_unratified_charter_has_no_stale_endorsement(project):
    project.edit("coalition.yml", "  ratified: 2025-01-15\n", "")
    project.edit("charter/joint-demand.md", "riders-alliance: 2025-01-16", "riders-alliance: 2024-12-01")
    assert project.findings() == []


def test_an_endorsement_before_ratification_is_stale(project):
    project.edit("charter/joint-demand.md", "riders-alliance: 2025-01-16", "riders-alliance: 2024-12-01")
    assert project.findings() == [
        "content/charter/joint-demand.md:15:20: warning: 'riders-alliance' endorsed the joint "
        "demand on 2024-12-01, before charter version 1.0.0 was ratified on 2025-01-15; ask "
        "'riders-alliance' to endorse this version and write the new date (an endorsement holds "
        "for one charter version) [endorsement-current]"]
