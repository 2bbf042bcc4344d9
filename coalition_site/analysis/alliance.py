"""Why two partners are allied, computed from the charter: what a new staff member reads.

Pure calculations over an audience-filtered :class:`~coalition_site.model.Charter`, for the
onboarding pages. For a pair of partners (*ours*, *theirs*):

- the conditions both carry on the Coalition Logic map;
- the chains of dependencies by which our conditions need theirs, and theirs need ours: a
  dependency ``from`` *requires* ``to`` (or *is strengthened by* it), so a chain from one of our
  conditions to one of theirs is something we need from them. Chains are followed through
  conditions that belong to neither of us, at most :data:`MAX_LINKS` links long; the map's
  cycles are walked once (a condition is never visited twice). Each of their conditions we reach
  is reached by the shortest chain of ``requires`` alone if there is one, else by the shortest
  chain that needs a ``strengthens`` link;
- each ask of the joint demand, with both stakes side by side;
- the tensions between us, what each of us keeps as its own, and the recent reviews' decisions.

The charter is the audience's: a public build's has no internal tension, review or
representative, so nothing computed here can show one.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Ask, Charter, Dependency, Partner, Review, Tension
from .logic_map import LogicMap

MAX_LINKS = 4
"""The longest chain followed, in dependencies: beyond it, "why" is no longer a reason a new
staff member can hold in mind (and on a dense map everything reaches everything)."""
RECENT_REVIEWS = 3
"""How many of the latest reviews held (with decisions) an onboarding page lists."""


@dataclass(frozen=True)
class Chain:
    """Dependencies end to end: ``links[0].from_`` … ``links[-1].to``."""

    links: tuple[Dependency, ...]

    @property
    def start(self) -> str:
        return self.links[0].from_

    @property
    def end(self) -> str:
        return self.links[-1].to

    @property
    def kind(self) -> str:
        """``requires`` when every link requires, else ``strengthens`` (the chain is as strong
        as its weakest link)."""
        return "requires" if all(link.kind == "requires" for link in self.links) else "strengthens"

    @property
    def through(self) -> list[str]:
        """The conditions between the start and the end."""
        return [link.to for link in self.links[:-1]]


@dataclass(frozen=True)
class Stake:
    """One ask of the joint demand, and what it means to each of the two partners."""

    ask: Ask
    ours: str | None
    theirs: str | None


@dataclass
class Alliance:
    """What ties ``ours`` to ``theirs`` (partner ids), in the audience's charter."""

    ours: str
    theirs: str
    shared: list[str] = field(default_factory=list)
    """Conditions both carry, in written order."""
    we_need: list[Chain] = field(default_factory=list)
    """Chains from one of our conditions to one of theirs: what we need from them."""
    they_need: list[Chain] = field(default_factory=list)
    """Chains from one of their conditions to one of ours: what they need from us."""
    stakes: list[Stake] = field(default_factory=list)
    tensions: list[Tension] = field(default_factory=list)
    we_are_on_map: bool = False
    they_are_on_map: bool = False

    @property
    def linked(self) -> bool:
        """Whether the map ties us at all (a shared condition, or a chain either way)."""
        return bool(self.shared or self.we_need or self.they_need)


def chains(graph: LogicMap, sources: Iterable[str], targets: Iterable[str],
           max_links: int = MAX_LINKS) -> list[Chain]:
    """The shortest chain from any of ``sources`` to each of ``targets`` it reaches, in the
    targets' written order: by ``requires`` alone where possible, else with ``strengthens``.

    A chain ends at the first target it meets and never passes through a source: it says what
    one of ours needs of one of theirs, not what theirs needs of theirs.
    """
    sources = [cid for cid in dict.fromkeys(sources) if cid in graph.conditions]
    wanted = {cid for cid in targets if cid in graph.conditions} - set(sources)
    found: dict[str, Chain] = {}
    for kinds in (("requires",), ("requires", "strengthens")):
        for end, chain in _walk(graph, sources, wanted, kinds, max_links).items():
            found.setdefault(end, chain)
    # Sorted, not picked out of every condition of the map: asked for every pair of partners.
    return [found[cid] for cid in graph.in_written_order(found)]


def _walk(graph: LogicMap, sources: list[str], targets: set[str], kinds: tuple[str, ...],
          max_links: int) -> dict[str, Chain]:
    # Breadth first from every source at once: the first time a condition is reached is by a
    # shortest chain, and a condition reached once is never walked again (cycles end there).
    came: dict[str, Dependency | None] = {cid: None for cid in sources}
    depth = {cid: 0 for cid in sources}
    queue = deque(sources)
    reached: dict[str, Chain] = {}
    while queue:
        current = queue.popleft()
        if depth[current] == max_links:
            continue
        for link in graph.out_links[current]:
            if link.kind not in kinds or link.to in came:
                continue
            came[link.to] = link
            depth[link.to] = depth[current] + 1
            if link.to in targets:
                reached[link.to] = _chain_to(link.to, came)
            else:
                queue.append(link.to)
    return reached


def _chain_to(end: str, came: dict[str, Dependency | None]) -> Chain:
    links: list[Dependency] = []
    step = came[end]
    while step is not None:
        links.append(step)
        step = came[step.from_]
    return Chain(tuple(reversed(links)))


@dataclass(frozen=True)
class Lookup:
    """What the staff pages look up in the charter, indexed once for all of them: a scan of the
    tensions or the partners for each pair would grow with the coalition's square."""

    tensions: dict[str, list[Tension]]
    """Partner id → the tensions that name it, in written order."""
    order: dict[str, int]
    """Partner id → its place in the charter's order of partners."""

    @classmethod
    def of(cls, charter: Charter) -> "Lookup":
        tensions: dict[str, list[Tension]] = {}
        for tension in charter.logic.tensions:
            for pid in dict.fromkeys(tension.between):
                tensions.setdefault(pid, []).append(tension)
        return cls(tensions, {pid: index for index, pid in enumerate(charter.partners)})


def alliance(charter: Charter, graph: LogicMap, ours: str, theirs: str,
             max_links: int = MAX_LINKS, lookup: Lookup | None = None) -> Alliance:
    """Why ``ours`` is allied with ``theirs``, as far as the audience's charter says."""
    lookup = lookup or Lookup.of(charter)
    mine, yours = graph.conditions_of(ours), graph.conditions_of(theirs)
    mine_set, yours_set = set(mine), set(yours)
    found = Alliance(ours, theirs, we_are_on_map=bool(mine), they_are_on_map=bool(yours))
    found.shared = [cid for cid in mine if cid in yours_set]
    found.we_need = chains(graph, mine, yours_set - mine_set, max_links)
    found.they_need = chains(graph, yours, mine_set - yours_set, max_links)
    found.stakes = [Stake(ask, ask.benefits.get(ours), ask.benefits.get(theirs))
                    for ask in charter.joint_demand.asks]
    found.tensions = [t for t in lookup.tensions.get(ours, ()) if theirs in t.between]
    return found


_STATUS_ORDER = {"active": 0, "stepped-back": 1, "departed": 2}


def alliances(charter: Charter, graph: LogicMap, ours: str,
              among: Iterable[str] | None = None, lookup: Lookup | None = None) -> list[Alliance]:
    """``ours`` and every other partner (or those ``among``): the active ones first, then those
    who stepped back, then those who left (a new staff member works with the first), each in the
    partners' order."""
    lookup = lookup or Lookup.of(charter)
    chosen = charter.partners if among is None else dict.fromkeys(among)
    others = sorted((pid for pid in chosen if pid != ours and pid in charter.partners),
                    key=lambda pid: (_STATUS_ORDER.get(charter.partners[pid].status, 0), lookup.order[pid]))
    return [alliance(charter, graph, ours, other, lookup=lookup) for other in others]


def near_partners(charter: Charter, graph: LogicMap, ours: str, max_links: int = MAX_LINKS,
                  lookup: Lookup | None = None) -> list[str]:
    """The partners a chain could tie to ``ours``, nearest first: those named in a tension with
    us, then those whose conditions lie within ``max_links`` dependencies of ours, either way,
    by how few (ties in the partners' order).

    A large coalition's staff page is about the nearest of them: a page about every partner, for
    every partner, would grow with the coalition's square.
    """
    lookup = lookup or Lookup.of(charter)
    distance: dict[str, int] = {}
    for tension in lookup.tensions.get(ours, ()):
        distance.update({pid: 0 for pid in tension.between if pid in charter.partners})
    seen = set(graph.conditions_of(ours))
    frontier = set(seen)
    for step in range(max_links + 1):
        for cid in sorted(frontier):
            for pid in graph.partners_of(cid):
                distance.setdefault(pid, step)
        reached = {dep.to for cid in frontier for dep in graph.out_links.get(cid, ())}
        reached |= {dep.from_ for cid in frontier for dep in graph.in_links.get(cid, ())}
        frontier = reached - seen
        seen |= frontier
    distance.pop(ours, None)
    return sorted(distance, key=lambda pid: (distance[pid], lookup.order[pid]))


def one_line_stake(charter: Charter, partner_id: str) -> str | None:
    """A partner's stake in the joint demand in one line: its stake in the first ask it names one
    for (``None`` when it names none)."""
    return next((ask.benefits[partner_id] for ask in charter.joint_demand.asks
                 if partner_id in ask.benefits), None)


def recent_decisions(reviews: Iterable[Review], today: dt.date, count: int = RECENT_REVIEWS) -> list[Review]:
    """The latest ``count`` reviews held by ``today`` that took decisions, newest first."""
    held = [review for review in reviews if review.date <= today and review.decisions]
    return sorted(held, key=lambda review: review.date, reverse=True)[:count]


def status_line(partner: Partner) -> str | None:
    """A partner's status in plain words when it is not simply active (``None`` if it is)."""
    if partner.status == "departed":
        return f"{partner.name} has left the coalition."
    if partner.status == "stepped-back":
        if partner.stepped_back is None:
            return f"{partner.name} has stepped back."
        since = partner.stepped_back.since
        scope = partner.stepped_back.scope
        if scope[:1].isupper() and not scope[1:2].isupper():  # "Field work", not "USW work"
            scope = scope[0].lower() + scope[1:]
        what = "from everything" if scope.strip().lower() == "everything" else f"from {scope}"
        return f"{partner.name} has stepped back {what} since {since.day} {since:%B %Y}; it is still a partner."
    return None
