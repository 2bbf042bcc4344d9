"""Why two partners are allied, computed from the alliances sample's Coalition Logic map."""

from __future__ import annotations

import datetime as dt

from coalition_site.analysis.alliance import alliance, alliances, chains, one_line_stake, recent_decisions, status_line
from coalition_site.analysis.logic_map import LogicMap
from coalition_site.model import Dependency, Logic


def graph_of(charter) -> LogicMap:
    return LogicMap.build(charter.logic, charter.partners)


def walked(chain_list):
    return [[(link.from_, link.kind, link.to) for link in chain.links] for chain in chain_list]


def test_each_side_needs_the_other_through_the_cycle_of_requires(public_alliances_charter):
    charter = public_alliances_charter
    found = alliance(charter, graph_of(charter), "riders-alliance", "tenants-union")
    assert found.shared == ["just-transition"]
    assert walked(found.we_need) == [[("labor-power", "requires", "community-organizing")]]
    # From the condition both carry, the first of tenants-union's conditions written.
    assert walked(found.they_need) == [[("just-transition", "requires", "labor-power")]]
    assert [chain.kind for chain in found.we_need + found.they_need] == ["requires", "requires"]
    assert found.linked


def test_a_chain_runs_through_conditions_neither_partner_carries(public_alliances_charter):
    charter = public_alliances_charter
    found = alliance(charter, graph_of(charter), "youth-league", "riders-alliance")
    assert walked(found.they_need) == [[("labor-power", "requires", "community-organizing"),
                                        ("community-organizing", "strengthens", "youth-voice")]]
    assert walked(found.we_need) == [[("youth-voice", "strengthens", "community-organizing"),
                                      ("community-organizing", "requires", "community-control"),
                                      ("community-control", "requires", "labor-power")]]
    assert found.we_need[0].through == ["community-organizing", "community-control"]
    assert found.we_need[0].kind == "strengthens"


def test_partners_tied_by_strengthens_alone_say_so(public_alliances_charter):
    charter = public_alliances_charter
    found = alliance(charter, graph_of(charter), "tenants-union", "youth-league")
    assert found.shared == []
    assert walked(found.we_need) == [[("community-organizing", "strengthens", "youth-voice")]]
    assert walked(found.they_need) == [[("youth-voice", "strengthens", "community-organizing")]]
    assert {chain.kind for chain in found.we_need + found.they_need} == {"strengthens"}


def test_a_requires_chain_is_preferred_to_a_shorter_one_that_only_strengthens():
    logic = Logic.model_validate({
        "conditions": [{"id": "a", "label": "A", "partners": ["x"]}, {"id": "b", "label": "B"},
                       {"id": "c", "label": "C", "partners": ["y"]}],
        "dependencies": [{"from": "a", "to": "c", "kind": "strengthens"},
                         {"from": "a", "to": "b"}, {"from": "b", "to": "c"}]})
    graph = LogicMap.build(logic, {})
    assert walked(chains(graph, ["a"], ["c"])) == [[("a", "requires", "b"), ("b", "requires", "c")]]


def test_chains_are_bounded_and_cycles_end_them(public_alliances_charter):
    graph = graph_of(public_alliances_charter)
    # Three links are needed from youth-voice to labor-power: not within two.
    assert chains(graph, ["youth-voice"], ["labor-power"], max_links=2) == []
    # Around the cycle and back to the start is never a chain.
    assert chains(graph, ["labor-power"], ["labor-power"]) == []
    cycle = chains(graph, ["labor-power"], ["community-control"])
    assert walked(cycle) == [[("labor-power", "requires", "community-organizing"),
                              ("community-organizing", "requires", "community-control")]]


def test_a_self_loop_and_a_dense_cycle_are_walked_once():
    ids = [f"c{i}" for i in range(30)]
    logic = Logic.model_validate({
        "conditions": [{"id": cid, "label": cid, "partners": ["x"] if cid == "c0" else ["y"] if cid == "c29" else []}
                       for cid in ids],
        "dependencies": [{"from": a, "to": b} for a in ids for b in ids]})
    graph = LogicMap.build(logic, {})
    assert walked(chains(graph, ["c0"], ["c29"])) == [[("c0", "requires", "c29")]]


def test_the_departed_partner_is_still_on_the_map_and_needed(public_alliances_charter):
    charter = public_alliances_charter
    found = alliance(charter, graph_of(charter), "riders-alliance", "depot-workers")
    assert walked(found.we_need) == [[("just-transition", "requires", "depot-jobs")]]
    assert found.they_need == []
    assert status_line(charter.partners["depot-workers"]) == "Depot Workers Association has left the coalition."
    assert status_line(charter.partners["youth-league"]) == (
        "Riverside Youth League has stepped back from everything since 1 September 2026; it is still a partner.")
    assert status_line(charter.partners["riders-alliance"]) is None
    stepped = charter.partners["youth-league"].model_copy()
    stepped.stepped_back = stepped.stepped_back.model_copy(update={"scope": "Field work"})
    assert "has stepped back from field work since" in status_line(stepped)


def test_a_partner_off_the_map_has_no_link_at_all(public_alliances_charter):
    charter = public_alliances_charter
    found = alliance(charter, graph_of(charter), "newcomers", "tenants-union")
    assert not found.linked and not found.we_are_on_map and found.they_are_on_map
    assert (found.shared, found.we_need, found.they_need) == ([], [], [])


def test_stakes_side_by_side_and_the_tensions_between_us(public_alliances_charter):
    charter = public_alliances_charter
    found = alliance(charter, graph_of(charter), "tenants-union", "riders-alliance")
    assert [(s.ask.id, s.ours, s.theirs) for s in found.stakes] == [
        ("transit-oriented-protections", "Tenants near new lines are not priced out.",
         "Riders keep living where the buses run.")]
    assert [t.id for t in found.tensions] == ["fares-vs-rents"]  # the internal one is not the public's
    assert one_line_stake(charter, "riders-alliance") == "Riders keep living where the buses run."
    assert one_line_stake(charter, "newcomers") is None


def test_the_internal_audience_sees_internal_tensions_and_partners(alliances_charter):
    found = alliance(alliances_charter, graph_of(alliances_charter), "tenants-union", "riders-alliance")
    assert [t.id for t in found.tensions] == ["fares-vs-rents", "secret-tension"]
    others = [a.theirs for a in alliances(alliances_charter, graph_of(alliances_charter), "tenants-union")]
    assert "quiet-funders" in others


def test_every_other_partner_active_first_then_stepped_back_then_departed(public_alliances_charter):
    charter = public_alliances_charter
    assert [a.theirs for a in alliances(charter, graph_of(charter), "tenants-union")] == [
        "newcomers", "riders-alliance", "youth-league", "depot-workers"]


def test_recent_decisions_are_the_latest_reviews_held_with_decisions(alliances_charter, public_alliances_charter):
    today = dt.date(2026, 12, 1)
    assert [r.date for r in recent_decisions(alliances_charter.reviews, today)] == [
        dt.date(2026, 11, 11), dt.date(2026, 10, 14)]
    assert [r.date for r in recent_decisions(public_alliances_charter.reviews, today)] == [dt.date(2026, 10, 14)]
    assert recent_decisions(alliances_charter.reviews, dt.date(2026, 11, 1), count=1)[0].date == dt.date(2026, 10, 14)


def test_a_dependency_from_a_condition_not_on_the_map_is_ignored():
    graph = LogicMap.build(Logic(), {})
    assert chains(graph, ["nowhere"], ["else"]) == []
    assert Dependency.model_validate({"from": "a", "to": "b"}).kind == "requires"


def test_the_nearest_partners_come_first_a_tension_nearest_of_all(alliances_charter):
    """A large coalition's staff page describes the nearest partners (near_partners): named in a
    tension with us, then by how few links of the map separate our conditions from theirs."""
    from coalition_site.analysis.alliance import near_partners

    charter = alliances_charter
    near = near_partners(charter, graph_of(charter), "riders-alliance")
    assert "riders-alliance" not in near and len(near) == len(set(near))
    tension = {pid for t in charter.logic.tensions if "riders-alliance" in t.between
               for pid in t.between if pid in charter.partners} - {"riders-alliance"}
    assert tension and set(near[:len(tension)]) == tension
