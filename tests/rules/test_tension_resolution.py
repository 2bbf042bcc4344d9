import pytest

LOGIC = "logic.yml"
FARES = "    status: open\n  - id: secret-tension"


@pytest.mark.parametrize("status", ["sequenced", "resolved"])
def test_a_settled_tension_with_its_resolution_passes(project, status):
    project.edit(LOGIC, FARES, f"    status: {status}\n    resolution: Fares first, rents next "
                 "year.\n  - id: secret-tension")
    assert project.findings() == []


def test_an_open_tension_needs_no_resolution(project):
    assert project.findings(only="tension-resolution") == []


def test_a_resolved_tension_without_resolution(project):
    project.edit(LOGIC, FARES, "    status: resolved\n  - id: secret-tension")
    assert project.findings() == [
        "content/logic.yml:26:13: warning: the tension 'fares-vs-rents' is resolved but has no "
        "'resolution'; add 'resolution:' saying how it was resolved, or set 'status: open' "
        "[tension-resolution]"]
