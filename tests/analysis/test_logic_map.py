"""Cycles, partner views and step-back impact on the logic-cycles sample charter."""

from __future__ import annotations

from coalition_site.analysis.logic_map import LogicMap


def logic_map(charter) -> LogicMap:
    return LogicMap.build(charter.logic, charter.partners)


def test_cycles_are_listed_shortest_first_from_their_earliest_written_condition(public_cycles_charter):
    report = logic_map(public_cycles_charter).cycles()
    assert [c.conditions for c in report.cycles] == [
        ("community-organizing", "youth-voice"),
        ("labor-power", "community-organizing", "community-control"),
    ]
    assert [[link.kind for link in c.links] for c in report.cycles] == [
        ["strengthens", "strengthens"], ["requires", "requires", "requires"]]
    assert report.complete


def test_exactly_the_edges_on_a_cycle_are_highlighted(public_cycles_charter):
    report = logic_map(public_cycles_charter).cycles()
    assert report.edges == {
        ("labor-power", "community-organizing"), ("community-organizing", "community-control"),
        ("community-control", "labor-power"), ("community-organizing", "youth-voice"),
        ("youth-voice", "community-organizing")}
    assert report.conditions == {"labor-power", "community-organizing", "community-control", "youth-voice"}


def test_a_map_with_too_many_cycles_says_the_list_is_incomplete(public_cycles_charter):
    report = logic_map(public_cycles_charter).cycles(limit=1)
    assert len(report.cycles) == 1 and not report.complete


def test_conditions_no_active_partner_carries_rest_on_nobody(public_cycles_charter):
    # youth-voice's only partner has stepped back; green-jobs-fund never had one.
    assert logic_map(public_cycles_charter).uncarried == ["youth-voice", "green-jobs-fund"]


def test_a_partner_view_shows_two_steps_out_and_who_relies_on_the_partner(public_cycles_charter):
    view = logic_map(public_cycles_charter).partner_view("riders-alliance")
    assert view.own == ["climate-action", "just-transition", "labor-power"]
    assert view.steps == 2
    assert view.conditions == ["climate-action", "just-transition", "labor-power", "community-organizing",
                               "community-control", "youth-voice", "green-jobs-fund"]
    assert list(view.relied_on_by) == ["tenants-union"]
    assert [(d.from_, d.to) for d in view.relied_on_by["tenants-union"]] == [
        ("just-transition", "labor-power"), ("community-control", "labor-power")]
    # Two steps out from labor-power reaches youth-voice, but no edge between two far ends is drawn.
    assert ("youth-voice", "community-organizing") not in {(d.from_, d.to) for d in view.links}
    assert view.partners == ["riders-alliance", "tenants-union", "youth-league"]


def test_a_crowded_partner_view_falls_back_to_one_step(public_cycles_charter):
    view = logic_map(public_cycles_charter).partner_view("riders-alliance", max_nodes=5)
    assert view.steps == 1
    assert view.conditions == ["climate-action", "just-transition", "labor-power", "community-organizing",
                               "community-control", "green-jobs-fund"]


def test_step_back_names_what_rests_on_the_partner_alone(public_cycles_charter):
    impact = logic_map(public_cycles_charter).step_back("riders-alliance")
    assert impact.orphaned == ["climate-action", "labor-power"]
    assert [(d.from_, d.to) for d in impact.unsupported] == [
        ("just-transition", "labor-power"), ("community-control", "labor-power")]
    assert impact.dependents == {"tenants-union": ["just-transition", "labor-power"]}
    assert impact.single_points_of_failure == ["labor-power"]


def test_a_shared_condition_is_no_single_point_of_failure(public_cycles_charter):
    impact = logic_map(public_cycles_charter).step_back("tenants-union")
    # just-transition is shared with the riders; community-organizing's other partner stepped back.
    assert impact.orphaned == ["community-organizing", "community-control"]
    assert impact.dependents == {"riders-alliance": ["labor-power", "community-organizing"]}
    assert impact.single_points_of_failure == ["community-organizing"]


def test_strengthening_alone_leaves_no_partner_depending(public_cycles_charter):
    impact = logic_map(public_cycles_charter).step_back("youth-league")
    assert impact.orphaned == ["youth-voice"]
    assert [(d.from_, d.to, d.kind) for d in impact.unsupported] == [
        ("community-organizing", "youth-voice", "strengthens")]
    assert impact.dependents == {} and impact.single_points_of_failure == []


def test_a_partner_whose_file_is_internal_disappears_from_the_public_map(cycles_charter, public_cycles_charter):
    assert logic_map(cycles_charter).partners_of("community-control") == ["tenants-union", "quiet-funders"]
    assert logic_map(public_cycles_charter).partners_of("community-control") == ["tenants-union"]
    assert "quiet-funders" not in {i.partner_id for i in logic_map(public_cycles_charter).step_backs()}
