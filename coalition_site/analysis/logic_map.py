"""The Coalition Logic map as a graph: its cycles, each partner's view, and step-back impact.

Pure calculations over an audience-filtered :class:`~coalition_site.model.Charter`: what the
diagrams draw and what the pages say in words comes from here, so both always agree.

Reading a dependency: ``from`` *requires* ``to`` (or *is strengthened by* it). A condition is
*carried* by the active partners whose theory of change centres on it; a partner who steps back
stops carrying its conditions, and a condition nobody else carries then rests on nobody.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from typing import Iterable, Mapping

from ..model import Condition, Dependency, Logic, Partner
from .graph import simple_cycles, strongly_connected_components

MAX_CYCLES = 2000
"""Cycles enumerated at most; a dense hostile map has too many to list, let alone read."""
PARTNER_VIEW_MAX_NODES = 10
"""Above this, a partner's view shows one step out instead of two, to stay readable."""


@dataclass(frozen=True)
class Cycle:
    """An elementary cycle: ``conditions[0]`` requires ``conditions[1]`` ... requires ``conditions[0]``."""

    conditions: tuple[str, ...]
    links: tuple[Dependency, ...]
    """``links[i]`` goes from ``conditions[i]`` to the next one (wrapping round)."""


@dataclass
class CycleReport:
    cycles: list[Cycle]
    """Shortest first, then in the order the conditions are written."""
    complete: bool
    """False when the map has more than :data:`MAX_CYCLES` cycles and only some were listed."""
    edges: set[tuple[str, str]]
    """Every dependency (from, to) that lies on at least one cycle: exactly those to highlight."""
    conditions: set[str]
    """Every condition that lies on at least one cycle."""


@dataclass
class PartnerView:
    """One partner's conditions, what they require, and who requires them, one or two steps out."""

    partner_id: str
    own: list[str]
    """The partner's own conditions, in the order they are written."""
    steps: int
    conditions: list[str]
    """Every condition shown: the partner's own first, then the rest in written order."""
    links: list[Dependency]
    """The dependencies shown, in written order."""
    relied_on_by: dict[str, list[Dependency]]
    """Other partner id → the dependencies by which its conditions require this partner's directly."""
    partners: list[str]
    """Every partner of a condition shown, in the partners' order (for the legend)."""


@dataclass
class StepBackImpact:
    """What would rest on nobody if a partner stepped back (or does, if it has)."""

    partner_id: str
    orphaned: list[str]
    """Conditions of this partner that no other active partner carries."""
    unsupported: list[Dependency]
    """Dependencies on an orphaned condition: they would rest on nobody."""
    dependents: dict[str, list[str]]
    """Other active partner id → the shortest chain of ``requires`` from one of its conditions
    to an orphaned one (condition ids, first is the partner's, last is orphaned)."""

    @property
    def single_points_of_failure(self) -> list[str]:
        """Orphaned conditions that other partners' theories of change require."""
        ends = {chain[-1] for chain in self.dependents.values()}
        return [cid for cid in self.orphaned if cid in ends]


@dataclass
class LogicMap:
    """The map of one audience, indexed for the questions the site answers."""

    conditions: dict[str, Condition]
    """In written order."""
    dependencies: list[Dependency]
    partners: dict[str, Partner]
    out_links: dict[str, list[Dependency]] = field(default_factory=dict)
    in_links: dict[str, list[Dependency]] = field(default_factory=dict)

    @classmethod
    def build(cls, logic: Logic, partners: Mapping[str, Partner]) -> "LogicMap":
        conditions = {c.id: c for c in logic.conditions}
        # The loader refuses unknown ids; skipping them here keeps the analysis total anyway.
        dependencies = [d for d in logic.dependencies if d.from_ in conditions and d.to in conditions]
        graph = cls(conditions, dependencies, dict(partners))
        graph.out_links = {cid: [] for cid in conditions}
        graph.in_links = {cid: [] for cid in conditions}
        for dep in dependencies:
            graph.out_links[dep.from_].append(dep)
            graph.in_links[dep.to].append(dep)
        return graph

    # -- who carries what -------------------------------------------------------------------------
    def partners_of(self, condition_id: str) -> list[str]:
        """The known partners whose theory of change centres on a condition, without repeats.

        The list is shared (asked ~100 000 times on a large map): read it, do not change it."""
        return self._partners_by_condition[condition_id]

    def carriers(self, condition_id: str) -> list[str]:
        """The *active* partners whose theory of change centres on a condition."""
        return [pid for pid in self.partners_of(condition_id) if self.partners[pid].is_active]

    def conditions_of(self, partner_id: str) -> list[str]:
        return list(self._conditions_by_partner.get(partner_id, ()))

    def in_written_order(self, condition_ids: Iterable[str]) -> list[str]:
        """``condition_ids`` (known ones, each once) in the map's written order."""
        return sorted(condition_ids, key=self._position.__getitem__)

    # Asked for every partner, condition and link of every view: indexed once, on first use.
    @cached_property
    def _position(self) -> dict[str, int]:
        return {cid: index for index, cid in enumerate(self.conditions)}

    @cached_property
    def _partners_by_condition(self) -> dict[str, list[str]]:
        return {cid: [pid for pid in dict.fromkeys(condition.partners) if pid in self.partners]
                for cid, condition in self.conditions.items()}

    @cached_property
    def _conditions_by_partner(self) -> dict[str, list[str]]:
        by_partner: dict[str, list[str]] = {}
        for cid, pids in self._partners_by_condition.items():
            for pid in pids:
                by_partner.setdefault(pid, []).append(cid)
        return by_partner

    @property
    def uncarried(self) -> list[str]:
        """Conditions no active partner carries now: they already rest on nobody."""
        return [cid for cid in self.conditions if not self.carriers(cid)]

    def successors(self, kinds: Iterable[str] = ("requires", "strengthens")) -> dict[str, list[str]]:
        kinds = set(kinds)
        return {cid: list(dict.fromkeys(d.to for d in links if d.kind in kinds))
                for cid, links in self.out_links.items()}

    # Each partner's view and step-back impact walks the same graphs: built once, on first use.
    @cached_property
    def _forward(self) -> dict[str, list[str]]:
        return self.successors()

    @cached_property
    def _backward(self) -> dict[str, list[str]]:
        return _reverse(self._forward)

    @cached_property
    def _required_by(self) -> dict[str, list[str]]:
        return _reverse(self.successors(("requires",)))

    def link(self, source: str, target: str) -> Dependency:
        """The dependency from ``source`` to ``target``; ``requires`` wins when both are written."""
        return self._links[source, target]

    # A long cycle of a large map asks for hundreds of links: each pair is looked up once.
    @cached_property
    def _links(self) -> dict[tuple[str, str], Dependency]:
        links: dict[tuple[str, str], Dependency] = {}
        for dep in self.dependencies:
            first = links.setdefault((dep.from_, dep.to), dep)
            if first.kind != "requires" and dep.kind == "requires":
                links[dep.from_, dep.to] = dep
        return links

    # Where each dependency, condition and partner is written: what is shown is put back in
    # that order by sorting what was found, instead of scanning the whole map for each partner
    # (which made a 2,000-partner map's analysis grow with the square of the partners).
    @cached_property
    def _dependency_order(self) -> dict[int, int]:
        return {id(dep): number for number, dep in enumerate(self.dependencies)}

    @cached_property
    def _condition_order(self) -> dict[str, int]:
        return {cid: number for number, cid in enumerate(self.conditions)}

    @cached_property
    def _partner_order(self) -> dict[str, int]:
        return {pid: number for number, pid in enumerate(self.partners)}

    def _in_written_order(self, dependencies: Iterable[Dependency]) -> list[Dependency]:
        order = self._dependency_order
        unique = {id(dep): dep for dep in dependencies}
        return [unique[key] for key in sorted(unique, key=order.__getitem__)]

    # -- cycles -----------------------------------------------------------------------------------
    def cycles(self, limit: int = MAX_CYCLES) -> CycleReport:
        graph = self.successors()
        found = list(islice(simple_cycles(graph), limit + 1))
        complete = len(found) <= limit
        order = {cid: i for i, cid in enumerate(self.conditions)}
        cycles = []
        for nodes in found[:limit]:
            # Start each cycle at its earliest-written condition, so the same loop always reads the same.
            first = min(range(len(nodes)), key=lambda i: order[nodes[i]])
            nodes = nodes[first:] + nodes[:first]
            links = tuple(self.link(a, nodes[(i + 1) % len(nodes)]) for i, a in enumerate(nodes))
            cycles.append(Cycle(tuple(nodes), links))
        cycles.sort(key=lambda c: (len(c.conditions), [order[n] for n in c.conditions]))

        component_of = {}
        for number, component in enumerate(strongly_connected_components(graph)):
            for cid in component:
                component_of[cid] = number
        edges = {(d.from_, d.to) for d in self.dependencies
                 if d.from_ == d.to or component_of[d.from_] == component_of[d.to]}
        on_cycles = {cid for edge in edges for cid in edge}
        return CycleReport(cycles, complete, edges, on_cycles)

    # -- one partner ------------------------------------------------------------------------------
    def partner_view(self, partner_id: str, max_nodes: int = PARTNER_VIEW_MAX_NODES) -> PartnerView:
        """The partner's conditions and their neighbourhood: two steps out, or one if that is too big."""
        own = self.conditions_of(partner_id)
        for steps in (2, 1):
            down = _distances(own, self._forward, steps)
            up = _distances(own, self._backward, steps)
            shown = set(down) | set(up)
            if len(shown) <= max_nodes or steps == 1:
                break
        # A link is drawn when it leads one step further out from a condition shown: only the
        # links of the conditions shown can be, so only those are looked at.
        candidates = [d for cid, distance in down.items() if distance < steps for d in self.out_links[cid]
                      if d.to in down]
        candidates += [d for cid, distance in up.items() if distance < steps for d in self.in_links[cid]
                       if d.from_ in up]
        links = self._in_written_order(candidates)
        own_set = set(own)
        order = self._condition_order
        conditions = own + sorted(shown - own_set, key=order.__getitem__)
        relied: dict[str, list[Dependency]] = {}
        for dep in self._in_written_order(d for cid in own_set for d in self.in_links[cid]):
            for other in self.carriers(dep.from_):
                if other != partner_id and dep not in relied.get(other, []):
                    relied.setdefault(other, []).append(dep)
        partner_order = self._partner_order
        relied = {pid: relied[pid] for pid in sorted(relied, key=partner_order.__getitem__)}
        shown_partners = {pid for cid in conditions for pid in self.partners_of(cid)}
        return PartnerView(partner_id, own, steps, conditions, links, relied,
                           sorted(shown_partners, key=partner_order.__getitem__))

    def step_back(self, partner_id: str) -> StepBackImpact:
        """What rests on ``partner_id`` alone among the active partners."""
        orphaned = [cid for cid in self.conditions_of(partner_id)
                    if not [pid for pid in self.carriers(cid) if pid != partner_id]]
        orphaned_set = set(orphaned)
        unsupported = self._in_written_order(d for cid in orphaned for d in self.in_links[cid]
                                             if d.from_ not in orphaned_set)
        # Breadth-first backwards from the orphaned conditions along `requires`: the first time a
        # condition is reached gives its shortest chain to something that rests on nobody.
        requires = self._required_by
        towards: dict[str, str | None] = {cid: None for cid in orphaned}
        length = {cid: 1 for cid in orphaned}
        queue = deque(orphaned)
        while queue:
            current = queue.popleft()
            for prev in requires[current]:
                if prev not in towards:
                    towards[prev] = current
                    length[prev] = length[current] + 1
                    queue.append(prev)
        # Each other active partner's shortest chain, from the first of its conditions (in
        # written order) that has one that short: read from the conditions reached, not by
        # asking every partner, which grew with the square of a large coalition.
        order = self._condition_order
        best: dict[str, tuple[int, int, str]] = {}
        for cid in towards:
            if cid in orphaned_set:
                continue
            key = (length[cid], order[cid], cid)
            for other in self.partners_of(cid):
                if other != partner_id and self.partners[other].is_active \
                        and (other not in best or key < best[other]):
                    best[other] = key
        dependents: dict[str, list[str]] = {}
        for other in sorted(best, key=self._partner_order.__getitem__):
            chain = [best[other][2]]
            while (step := towards[chain[-1]]) is not None:
                chain.append(step)
            dependents[other] = chain
        return StepBackImpact(partner_id, orphaned, unsupported, dependents)

    def step_backs(self) -> list[StepBackImpact]:
        """The impact of each partner on the map stepping back, in the partners' order."""
        return [self.step_back(pid) for pid in self.partners if self.conditions_of(pid)]


def _reverse(graph: Mapping[str, list[str]]) -> dict[str, list[str]]:
    reverse: dict[str, list[str]] = {node: [] for node in graph}
    for node, successors in graph.items():
        for succ in successors:
            reverse[succ].append(node)
    return reverse


def _distances(sources: list[str], graph: Mapping[str, list[str]], limit: int) -> dict[str, int]:
    distance = {cid: 0 for cid in sources}
    queue = deque(sources)
    while queue:
        current = queue.popleft()
        if distance[current] == limit:
            continue
        for succ in graph[current]:
            if succ not in distance:
                distance[succ] = distance[current] + 1
                queue.append(succ)
    return distance
