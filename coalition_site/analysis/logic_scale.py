"""How much of the Coalition Logic map one diagram may hold, and the parts a large map is drawn in.

Graphviz lays out a map of a few hundred conditions in a fraction of a second, and one of 1,600
in ten minutes: the time grows much faster than the map, and a layout cannot be stopped half-way
with anything to show. So the size of every diagram is decided *before* it is laid out. A map
over :data:`MAX_CONDITIONS` boxes or :data:`MAX_DEPENDENCIES` arrows is drawn in readable parts:

- when the charter gives its partners a ``group`` (a region, a national node), one map per group
  (:func:`group_map`), with the links that leave it drawn as one box per other group, and a map
  of the groups themselves;
- otherwise (and for a group still too large), the cycles condensed (:func:`condensed_cycles`):
  the conditions that lead back to themselves, a cycle drawn whole while it fits, as one box
  ("a cycle of 412 conditions") when it does not. Each partner's page draws its own
  neighbourhood, and every page lists its conditions in words, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from ..model import Dependency
from .graph import strongly_connected_components
from .logic_map import Cycle, LogicMap

LOOPS_SHOWN = 30
"""A cycle group too large to draw whole shows at most this many of its shortest cycles (as
many as the map page lists in words)."""

# `dot -Tsvg` on maps the benchmark generator writes (random dependencies, 1.3 a condition)
# and on random maps of set density, 2 cores shared with other work, 2026-12-07:
#   conditions / dependencies:  100/128 0.06 s, 200/253 0.12 s, 300/394 0.27 s, 400/538 2.5 s,
#   600/813 10.6 s, 800/1069 49 s, 1600/2133 564 s;
#   denser: 40/200 0.28 s, 60/198 0.46 s, 70/199 0.53 s, 80/200 0.44 s, 100/250 0.98 s,
#   100/300 3.0 s, 150/450 15 s, 200/600 50 s.
# Arrows cost more than boxes (crossings), so both are bounded. At 200 of each the slowest map
# measured took 0.53 s: a couple of seconds on a busy machine, and a picture that can still be
# read once opened at full size. A map over either limit is not handed to Graphviz at all.
MAX_CONDITIONS = 200
"""The most boxes one diagram holds (conditions, and the boxes that stand for other groups)."""
MAX_DEPENDENCIES = 200
"""The most arrows one diagram holds."""
GROUP_LINKS = 4
"""The map of groups draws at most this many arrows a group (the strongest links): twenty
groups linked each to each would be 380 arrows, a tangle; 80 can still be followed."""


def fits(conditions: int, dependencies: int) -> bool:
    """Whether a diagram of this many boxes and arrows is drawn (read the limits when called)."""
    return conditions <= MAX_CONDITIONS and dependencies <= MAX_DEPENDENCIES


# -- by group ------------------------------------------------------------------------------------
@dataclass
class GroupPart:
    """One group's part of the map: the conditions its partners centre on."""

    slug: str
    label: str
    partners: list[str]
    """The group's partners on the map, in the partners' order."""
    conditions: list[str]
    """In written order. A condition shared by partners of two groups is in both."""
    links: list[Dependency]
    """The dependencies between two of its conditions, in written order."""
    leaving: dict[str, list[Dependency]] = field(default_factory=dict)
    """Other group's slug → the dependencies from a condition here to one of that group's
    that is not here (a dependency counts once for each group its far end belongs to)."""
    arriving: dict[str, list[Dependency]] = field(default_factory=dict)
    """Other group's slug → the dependencies from a condition of that group, not here, to one here."""
    shown_partners: list[str] = field(default_factory=list)
    """Every partner of one of its conditions, in the partners' order (its map's legend)."""

    @property
    def stub_links(self) -> set[tuple[str, str, str]]:
        """The arrows between a condition and another group's box: (condition, slug, way)."""
        return ({(d.from_, slug, "out") for slug, deps in self.leaving.items() for d in deps}
                | {(d.to, slug, "in") for slug, deps in self.arriving.items() for d in deps})

    @property
    def others(self) -> int:
        """The other groups it is linked to: a box each on its map."""
        return len(set(self.leaving) | set(self.arriving))

    @property
    def boxes(self) -> int:
        return len(self.conditions) + self.others

    @property
    def arrows(self) -> int:
        return len(self.links) + len(self.stub_links)

    @property
    def fits(self) -> bool:
        """Whether its map, other groups' boxes included, is drawn."""
        return fits(self.boxes, self.arrows)


@dataclass
class GroupedMap:
    groups: dict[str, GroupPart]
    """By slug, in the order the site lists the groups."""
    between: dict[tuple[str, str], int]
    """(group, other group) → how many dependencies lead from the first's conditions to the other's."""
    of_partner: dict[str, str] = field(default_factory=dict)
    """Each partner of the map → its group's slug."""

    @property
    def fits(self) -> bool:
        """Whether the map of groups is drawn: with as many groups as a picture has boxes (its
        arrows are bounded by :attr:`drawn_between`)."""
        return fits(len(self.groups), 0)

    @property
    def drawn_between(self) -> dict[tuple[str, str], int]:
        """The links the map of groups draws: all of them, or the strongest (most dependencies
        first, then in the groups' order) when there are more than :data:`GROUP_LINKS` a group
        or than a picture has arrows; the table beside it lists them all."""
        most = min(MAX_DEPENDENCIES, GROUP_LINKS * len(self.groups))
        if len(self.between) <= most:
            return self.between
        order = {slug: number for number, slug in enumerate(self.groups)}
        strongest = sorted(self.between.items(), key=lambda item: (-item[1], order[item[0][0]], order[item[0][1]]))
        return dict(strongest[:most])

    def group_of_partner(self, partner_id: str) -> GroupPart | None:
        """The group a partner of the map belongs to."""
        slug = self.of_partner.get(partner_id)
        return self.groups[slug] if slug is not None else None


def group_map(graph: LogicMap, group_of: Mapping[str, str], labels: Mapping[str, str]) -> GroupedMap:
    """The map in groups: ``group_of`` gives each partner's group (by slug), ``labels`` every
    group's label, in the order the site lists them (a condition no partner of the map carries
    belongs to the group of ``group_of``'s key ``""`` if ``labels`` has one, else to none)."""
    members: dict[str, list[str]] = {slug: [] for slug in labels}
    for pid in graph.partners:
        if graph.conditions_of(pid) and pid in group_of:
            members[group_of[pid]].append(pid)
    groups_of: dict[str, list[str]] = {}
    for cid in graph.conditions:
        found = list(dict.fromkeys(group_of[pid] for pid in graph.partners_of(cid) if pid in group_of))
        groups_of[cid] = found or ([group_of[""]] if "" in group_of else [])
    conditions: dict[str, list[str]] = {slug: [] for slug in labels}
    for cid, slugs in groups_of.items():
        for slug in slugs:
            conditions[slug].append(cid)
    parts = {slug: GroupPart(slug, labels[slug], members[slug], conditions[slug], [])
             for slug in labels if conditions[slug]}
    position = {pid: number for number, pid in enumerate(graph.partners)}
    for part in parts.values():
        shown = {pid for cid in part.conditions for pid in graph.partners_of(cid)}
        part.shown_partners = sorted(shown, key=position.__getitem__)
    between: dict[tuple[str, str], int] = {}
    for dep in graph.dependencies:
        ends_from, ends_to = groups_of[dep.from_], groups_of[dep.to]
        for slug in ends_from:
            if slug in ends_to:
                parts[slug].links.append(dep)
                continue
            for other in ends_to:
                parts[slug].leaving.setdefault(other, []).append(dep)
                parts[other].arriving.setdefault(slug, []).append(dep)
                between[slug, other] = between.get((slug, other), 0) + 1
    return GroupedMap(parts, between, {pid: slug for slug, part in parts.items() for pid in part.partners})


# -- cycles, condensed ---------------------------------------------------------------------------
@dataclass
class CycleGroup:
    """Conditions that all lead to one another (a strongly connected component of the map)."""

    number: int
    """From 1, in the order of their earliest-written condition."""
    conditions: list[str]
    """In written order."""
    links: list[Dependency]
    """The dependencies between two of them, in written order."""
    drawn: bool = False
    """Drawn condition by condition on the condensed map (else as one box, or by its loops)."""
    loops: int = 0
    """Not drawn whole: how many of its shortest cycles are drawn instead (0: one box)."""
    loop_conditions: list[str] = field(default_factory=list)
    loop_links: list[Dependency] = field(default_factory=list)


@dataclass
class CondensedCycles:
    groups: list[CycleGroup]
    between: dict[tuple[int, int], int]
    """(cycle group, other) → the dependencies from the first's conditions to the other's."""
    shown: int
    """How many cycle groups the condensed map draws (the first ones); the rest are listed."""
    conditions: int
    """The conditions looked at (the map's, or a group's)."""

    @property
    def on_cycles(self) -> int:
        return sum(len(group.conditions) for group in self.groups)


def condensed_cycles(graph: LogicMap, conditions: Iterable[str] | None = None,
                     cycles: Iterable[Cycle] = ()) -> CondensedCycles:
    """The cycles among ``conditions`` (default: the whole map), drawn whole while they fit.

    Every cycle group is one box to begin with; then, smallest first, each is drawn condition by
    condition while the diagram stays within the limits: the small loops a reader can follow are
    drawn. A group still too large (hundreds of conditions) shows instead its shortest cycles
    among ``cycles`` (shortest first: the map's :class:`~.logic_map.CycleReport`), as many as fit,
    and is listed in words whole.
    """
    chosen = list(graph.conditions) if conditions is None else list(conditions)
    inside = set(chosen)
    order = {cid: number for number, cid in enumerate(graph.conditions)}
    successors = {cid: [d.to for d in graph.out_links[cid] if d.to in inside] for cid in chosen}
    components = [sorted(c, key=order.__getitem__)
                  for c in strongly_connected_components(successors) if len(c) > 1]
    components.sort(key=lambda c: order[c[0]])
    number_of = {cid: number for number, c in enumerate(components, 1) for cid in c}
    groups = [CycleGroup(number, c, []) for number, c in enumerate(components, 1)]
    between: dict[tuple[int, int], int] = {}
    for cid in sorted(number_of, key=order.__getitem__):
        for dep in graph.out_links[cid]:
            target = number_of.get(dep.to)
            if target is None:
                continue
            if target == number_of[cid]:
                groups[target - 1].links.append(dep)
            else:
                key = (number_of[cid], target)
                between[key] = between.get(key, 0) + 1
    # The first groups that fit as boxes, with the arrows between them.
    arriving_with = [0] * (len(groups) + 1)  # arrows whose later end is group n
    for a, b in between:
        arriving_with[max(a, b)] += 1
    shown = arrows = 0
    while shown < len(groups) and fits(shown + 1, arrows + arriving_with[shown + 1]):
        shown += 1
        arrows += arriving_with[shown]
    boxes = shown
    for group in sorted(groups[:shown], key=lambda g: (len(g.conditions), g.number)):
        more_boxes, more_arrows = len(group.conditions) - 1, len(group.links)
        if fits(boxes + more_boxes, arrows + more_arrows):
            group.drawn = True
            boxes, arrows = boxes + more_boxes, arrows + more_arrows
    for group in groups[:shown]:
        if not group.drawn:
            boxes, arrows = _loops(group, cycles, boxes, arrows, order)
    return CondensedCycles(groups, between, shown, len(chosen))


def _loops(group: CycleGroup, cycles: Iterable[Cycle], boxes: int, arrows: int,
           order: Mapping[str, int]) -> tuple[int, int]:
    """Give ``group`` its shortest cycles while the diagram fits; the diagram's new size."""
    members = set(group.conditions)
    shown: set[str] = set()
    links: dict[int, Dependency] = {}
    for cycle in cycles:
        if group.loops == LOOPS_SHOWN:
            break
        if not members.issuperset(cycle.conditions):
            continue
        new_shown = shown.union(cycle.conditions)
        new_links = {**links, **{id(link): link for link in cycle.links}}
        # The group's box gives way to its loops' conditions.
        if not fits(boxes - (not shown) + len(new_shown) - len(shown), arrows + len(new_links) - len(links)):
            break
        boxes += len(new_shown) - len(shown) - (not shown)
        arrows += len(new_links) - len(links)
        shown, links = new_shown, new_links
        group.loops += 1
    group.loop_conditions = sorted(shown, key=order.__getitem__)
    group.loop_links = sorted(links.values(), key=lambda d: (order[d.from_], order[d.to]))
    return boxes, arrows
