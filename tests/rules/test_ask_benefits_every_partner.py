JD = "charter/joint-demand.md"
RIDERS_BENEFIT = "      riders-alliance: Riders keep living where the buses run.\n"


def test_a_benefit_for_every_active_partner_passes(project):
    assert project.findings(only="ask-benefits-every-partner") == []


def test_a_stepped_back_partner_needs_no_benefit(project):
    project.edit(JD, RIDERS_BENEFIT, "")
    project.edit("partners/riders-alliance.md", "joined: 2024-03-01",
                 "joined: 2024-03-01\nstatus: stepped-back\nstepped_back:\n"
                 "  since: 2026-09-01\n  scope: the ordinance campaign")
    assert project.findings() == []


def test_a_missing_benefit_is_located_at_benefits(project):
    project.edit(JD, RIDERS_BENEFIT, "")
    assert project.findings() == [
        "content/charter/joint-demand.md:10:5: warning: the ask 'transit-oriented-protections' "
        "states no benefit for the active partner 'riders-alliance'; add 'riders-alliance: <what "
        "this ask wins for it, in its own words>' under 'benefits' (every ask serves every "
        "partner's own issue) [ask-benefits-every-partner]"]


def test_an_ask_without_benefits_is_located_at_the_ask(project):
    project.edit(JD, "    benefits:\n      tenants-union: Tenants near new lines are not priced out.\n"
                 + RIDERS_BENEFIT, "")
    message = ("states no benefit for the active partner '{0}'; add '{0}: <what this ask wins for "
               "it, in its own words>' under 'benefits' (every ask serves every partner's own "
               "issue) [ask-benefits-every-partner]")
    assert project.findings() == [
        "content/charter/joint-demand.md:7:5: warning: the ask 'transit-oriented-protections' "
        + message.format(partner) for partner in ("riders-alliance", "tenants-union")]
