CP = "charter/conflict-protocol.md"


def test_a_supermajority_with_threshold_passes(project):
    project.edit(CP, "decision_rule: consensus", "decision_rule: supermajority\nthreshold: 0.75")
    assert project.findings() == []


def test_a_supermajority_without_threshold(project):
    project.edit(CP, "decision_rule: consensus", "decision_rule: supermajority")
    assert project.findings() == [
        "content/charter/conflict-protocol.md:3:16: warning: 'decision_rule' is supermajority but "
        "'threshold' is missing; add 'threshold:' with the share of partners needed, such as 0.75 "
        "[conflict-protocol-complete]"]


def test_no_decision_rule_and_no_fallback(project):
    project.edit(CP, "decision_rule: consensus\nfallback: step-back\n", "")
    assert project.findings() == [
        "content/charter/conflict-protocol.md:2:1: warning: 'decision_rule' is missing; add "
        "'decision_rule:' with consensus, consent, supermajority or majority (agree how to decide "
        "before you disagree) [conflict-protocol-complete]",
        "content/charter/conflict-protocol.md:2:1: warning: 'fallback' is missing; add "
        "'fallback:' with step-back, vote or mediation (what happens when partners do not agree) "
        "[conflict-protocol-complete]"]
