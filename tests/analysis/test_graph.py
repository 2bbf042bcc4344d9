"""Strongly connected components and elementary cycles, checked against brute force."""

from __future__ import annotations

import random
import time

from coalition_site.analysis.graph import simple_cycles, strongly_connected_components


def canonical(cycle):
    first = cycle.index(min(cycle))
    return tuple(cycle[first:] + cycle[:first])


def brute_force_cycles(graph):
    found = set()

    def walk(start, path):
        for succ in graph[path[-1]]:
            if succ == start:
                found.add(canonical(path))
            elif succ not in path and succ > start:
                walk(start, path + [succ])

    for node in graph:
        walk(node, [node])
    return found


def test_every_elementary_cycle_is_found_once_on_random_graphs():
    rng = random.Random(1219)
    for _ in range(400):
        nodes = [f"n{i}" for i in range(rng.randint(1, 7))]
        graph = {a: [b for b in nodes if rng.random() < 0.35] for a in nodes}
        cycles = [canonical(c) for c in simple_cycles(graph)]
        assert len(cycles) == len(set(cycles)), graph
        assert set(cycles) == brute_force_cycles(graph), graph


def test_the_pattern_example_is_one_cycle_of_three():
    graph = {"climate-action": ["just-transition"], "just-transition": ["labor-power"],
             "labor-power": ["community-organizing"], "community-organizing": ["community-control"],
             "community-control": ["labor-power"]}
    assert [canonical(c) for c in simple_cycles(graph)] == [
        ("community-control", "labor-power", "community-organizing")]
    components = sorted(sorted(c) for c in strongly_connected_components(graph))
    assert components == [["climate-action"], ["community-control", "community-organizing", "labor-power"],
                          ["just-transition"]]


def test_a_self_loop_is_a_cycle_of_one():
    assert list(simple_cycles({"a": ["a", "b"], "b": []})) == [["a"]]


def test_a_long_chain_does_not_exhaust_the_recursion_limit():
    nodes = [f"n{i}" for i in range(5_000)]
    graph = {a: [b] for a, b in zip(nodes, nodes[1:] + nodes[:1])}
    assert [len(c) for c in strongly_connected_components(graph)] == [5_000]
    assert [len(c) for c in simple_cycles(graph)] == [5_000]


def test_the_first_cycles_of_a_dense_map_come_quickly():
    # A complete graph on 14 nodes has billions of cycles; the site only ever takes a few thousand.
    nodes = [f"n{i}" for i in range(14)]
    graph = {a: [b for b in nodes if b != a] for a in nodes}
    started = time.perf_counter()
    cycles = simple_cycles(graph)
    taken = [next(cycles) for _ in range(2000)]
    assert len({canonical(c) for c in taken}) == 2000
    assert time.perf_counter() - started < 2
