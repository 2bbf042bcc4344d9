"""A large Coalition Logic map in readable parts: by group, and its cycles condensed."""

from __future__ import annotations

import pytest

from coalition_site.analysis import logic_scale
from coalition_site.analysis.logic_map import LogicMap
from coalition_site.analysis.logic_scale import condensed_cycles, fits, group_map
from coalition_site.model import Condition, Dependency, Logic


def _map(conditions: dict[str, list[str]], links: list[tuple[str, str]], partners) -> LogicMap:
    logic = Logic(conditions=[Condition(id=cid, label=cid.replace("-", " "), partners=pids)
                              for cid, pids in conditions.items()],
                  dependencies=[Dependency(**{"from": a, "to": b}) for a, b in links])
    return LogicMap.build(logic, partners)


def test_the_limits_count_boxes_and_arrows_both():
    assert fits(logic_scale.MAX_CONDITIONS, logic_scale.MAX_DEPENDENCIES)
    assert not fits(logic_scale.MAX_CONDITIONS + 1, 0)
    assert not fits(1, logic_scale.MAX_DEPENDENCIES + 1)


def test_a_group_has_the_conditions_of_its_partners_and_stubs_for_the_links_that_leave_it(public_cycles_charter):
    partners = public_cycles_charter.partners  # riders-alliance, tenants-union, youth-league, newcomers
    graph = _map({"a": ["riders-alliance"], "b": ["riders-alliance", "tenants-union"], "c": ["tenants-union"],
                  "d": ["youth-league"], "e": []},
                 [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "d"), ("e", "a")], partners)
    grouped = group_map(graph, {"riders-alliance": "east", "tenants-union": "west", "youth-league": "west",
                                "": "nobody"},
                        {"east": "East", "west": "West", "nobody": "Nobody's"})
    east, west, nobody = grouped.groups.values()
    # b is shared by both groups' partners: it is on both maps, and a -> b / b -> c stay inside.
    assert east.conditions == ["a", "b"] and west.conditions == ["b", "c", "d"]
    assert [(d.from_, d.to) for d in east.links] == [("a", "b")]
    assert [(d.from_, d.to) for d in west.links] == [("b", "c"), ("c", "d")]
    # b -> c leaves East's map (c is West's only), though b is on both.
    assert {slug: [(d.from_, d.to) for d in deps] for slug, deps in east.leaving.items()} == {
        "west": [("b", "c"), ("a", "d")]}
    assert {slug: [(d.from_, d.to) for d in deps] for slug, deps in east.arriving.items()} == {
        "west": [("d", "a")], "nobody": [("e", "a")]}
    assert east.partners == ["riders-alliance"] and east.shown_partners == ["riders-alliance", "tenants-union"]
    assert nobody.conditions == ["e"] and nobody.partners == []
    assert grouped.between == {("east", "west"): 2, ("west", "east"): 1, ("nobody", "east"): 1}
    assert east.stub_links == {("b", "west", "out"), ("a", "west", "out"), ("a", "west", "in"), ("a", "nobody", "in")}


def test_a_group_over_the_limits_is_not_drawn(public_cycles_charter, monkeypatch):
    graph = _map({f"c{i}": ["riders-alliance"] for i in range(4)}, [("c0", "c1"), ("c1", "c2")],
                 public_cycles_charter.partners)
    part = group_map(graph, {"riders-alliance": "r"}, {"r": "R"}).groups["r"]
    assert part.fits
    monkeypatch.setattr(logic_scale, "MAX_CONDITIONS", 3)
    assert not part.fits


def test_small_cycle_groups_are_drawn_whole_and_a_large_one_by_its_shortest_cycles(public_cycles_charter, monkeypatch):
    links = [("a", "b"), ("b", "a"),                       # a cycle of two
             ("c", "d"), ("d", "e"), ("e", "f"), ("f", "c"), ("d", "c"), ("e", "d"),  # a group of four
             ("b", "c"), ("x", "a")]                       # between groups; x is on no cycle
    graph = _map({cid: [] for cid in "abcdefx"}, links, public_cycles_charter.partners)
    whole = condensed_cycles(graph, cycles=graph.cycles().cycles)
    assert [g.conditions for g in whole.groups] == [["a", "b"], ["c", "d", "e", "f"]]
    assert [g.drawn for g in whole.groups] == [True, True]
    assert whole.between == {(1, 2): 1} and whole.on_cycles == 6 and whole.conditions == 7
    # Room for the pair, and for two boxes-worth more: the group of four shows its shortest cycles.
    monkeypatch.setattr(logic_scale, "MAX_CONDITIONS", 5)
    monkeypatch.setattr(logic_scale, "MAX_DEPENDENCIES", 7)
    tight = condensed_cycles(graph, cycles=graph.cycles().cycles)
    pair, four = tight.groups
    assert pair.drawn and not four.drawn
    assert four.loops == 2 and four.loop_conditions == ["c", "d", "e"]
    assert [(d.from_, d.to) for d in four.loop_links] == [("c", "d"), ("d", "c"), ("d", "e"), ("e", "d")]


def test_more_cycle_groups_than_a_picture_holds_are_drawn_up_to_the_limit(public_cycles_charter, monkeypatch):
    links = [(f"a{i}", f"b{i}") for i in range(5)] + [(f"b{i}", f"a{i}") for i in range(5)]
    graph = _map({f"{x}{i}": [] for i in range(5) for x in "ab"}, links, public_cycles_charter.partners)
    monkeypatch.setattr(logic_scale, "MAX_CONDITIONS", 3)
    condensed = condensed_cycles(graph)
    assert len(condensed.groups) == 5 and condensed.shown == 3
    assert [g.drawn for g in condensed.groups] == [False] * 5  # two boxes' room is no pair's


@pytest.mark.parametrize("within, expected", [(None, 2), (["a", "b", "x"], 1), (["x"], 0)])
def test_the_cycles_of_part_of_the_map(public_cycles_charter, within, expected):
    graph = _map({cid: [] for cid in "abcdx"}, [("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"), ("x", "a")],
                 public_cycles_charter.partners)
    assert len(condensed_cycles(graph, within).groups) == expected


def test_the_map_of_groups_draws_the_strongest_links_when_they_are_many(public_cycles_charter, monkeypatch):
    # Three groups, one condition each, linked each to each with 1 to 3 dependencies.
    pids = ["riders-alliance", "tenants-union", "youth-league"]
    links = [("a", "b")] * 3 + [("b", "a")] * 2 + [("a", "c"), ("c", "a"), ("b", "c"), ("c", "b")] * 1
    graph = _map({"a": [pids[0]], "b": [pids[1]], "c": [pids[2]]}, links, public_cycles_charter.partners)
    grouped = group_map(graph, dict(zip(pids, "xyz")), {"x": "X", "y": "Y", "z": "Z"})
    assert len(grouped.between) == 6 and grouped.drawn_between == grouped.between
    monkeypatch.setattr(logic_scale, "GROUP_LINKS", 1)
    assert grouped.drawn_between == {("x", "y"): 3, ("y", "x"): 2, ("x", "z"): 1}
    assert grouped.fits
