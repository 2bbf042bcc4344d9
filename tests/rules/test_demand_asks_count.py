import pytest

JD = "charter/joint-demand.md"
ASK = """  - id: {id}
    ask: Ask number {id}.
    benefits:
      tenants-union: Something for tenants.
      riders-alliance: Something for riders.
"""


def demand(asks: str) -> str:
    return f"---\ntitle: Our joint demand\nstatus: campaigning\n{asks}endorsements:\n" \
           "  tenants-union: 2025-01-15\n  riders-alliance: 2025-01-16\n---\nWhy.\n"


def asks(*ids: str) -> str:
    return "asks:\n" + "".join(ASK.format(id=i) for i in ids)


@pytest.mark.parametrize("ids", [("one",), ("one", "two", "three")])
def test_one_to_three_asks_pass(project, ids):
    project.write(JD, demand(asks(*ids)))
    assert project.findings() == []


def test_four_asks_are_a_bundle(project):
    project.write(JD, demand(asks("one", "two", "three", "four")))
    assert project.findings() == [
        "content/charter/joint-demand.md:4:1: warning: 'asks' lists 4 asks, more than 3: that is "
        "a bundle of separate demands, not one joint demand; keep the one to three tightly linked "
        "asks every partner carries, and drop or merge the rest (from 'four') [demand-asks-count]"]


def test_an_empty_list_of_asks_is_no_demand(project):
    project.write(JD, demand("asks: []\n"))
    assert project.findings() == [
        "content/charter/joint-demand.md:4:1: warning: 'asks' lists no ask, so there is no joint "
        "demand yet; add one to three asks, each with 'id:' and 'ask:' [demand-asks-count]"]


def test_no_asks_key_is_located_at_the_top_of_the_front_matter(project):
    project.write(JD, demand(""))
    assert project.findings() == [
        "content/charter/joint-demand.md:2:1: warning: 'asks' lists no ask, so there is no joint "
        "demand yet; add one to three asks, each with 'id:' and 'ask:' [demand-asks-count]"]
