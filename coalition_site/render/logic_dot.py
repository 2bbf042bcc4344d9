"""The DOT sources of the Coalition Logic diagrams: the map, each partner's view, the tensions.

Every label a partner wrote (conditions, partner names) reaches DOT through
:func:`graphviz.escape` (its backslashes and ``<...>`` stay text) inside a :func:`graphviz.nohtml`
value, so nothing in it can become an HTML-like label, an escape sequence such as ``\\N``, or a
second attribute. Tooltips (``why`` texts, tension descriptions) never enter DOT at all: Graphviz
2.43 expands ``\\N``, ``\\G`` and ``\\L`` in tooltips even once escaped, so each tooltip is a
numbered token in DOT and its text is put back by the SVG sanitiser. That also means an edited
``why`` changes no DOT source, and costs no ``dot`` run. Attribute names, colours, classes and
links are this module's own; links are placeholders built from validated ids
(``cs:condition/<id>``), resolved per page after sanitising.
"""

from __future__ import annotations

import functools
import re
import textwrap
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import graphviz

from ..analysis.logic_map import CycleReport, LogicMap, PartnerView
from ..analysis.logic_scale import CondensedCycles, GroupedMap, GroupPart
from ..model import Dependency, Partner, Tension
from .palette import NOBODY

FONT = "Helvetica,Arial,sans-serif"
LABEL_WIDTH = 24
"""Characters per line before a label wraps."""
LABEL_MAX = 110
"""Longer labels are cut in the picture (the text alternative has them whole)."""
TOOLTIP_MAX = 500

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
VERBS = {"requires": "requires", "strengthens": "is strengthened by"}


def clean(text: str, limit: int) -> str:
    """One line of plain text: whitespace collapsed, control characters dropped, cut to ``limit``."""
    text = _CONTROL.sub("", " ".join(text.split()))
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# A condition's label is drawn on the map and again in the view of every partner near it.
@functools.lru_cache(maxsize=4096)
def label(text: str, width: int = LABEL_WIDTH, limit: int = LABEL_MAX) -> str:
    """A DOT label that wraps ``text`` into lines and can never be read as markup or escapes."""
    lines = textwrap.wrap(clean(text, limit), width) or [""]
    # Each line is escaped on its own, then joined with DOT's own line break `\n`; nohtml keeps
    # a first line starting with `<` and a last ending with `>` from making an HTML label.
    return graphviz.nohtml("\\n".join(graphviz.escape(line) for line in lines))


@dataclass
class DotDiagram:
    """A diagram's DOT source, and the tooltip texts its tokens stand for."""

    source: str = ""
    tooltips: dict[str, str] = field(default_factory=dict)
    boxes: int = 0
    """Its nodes (conditions, groups, cycles): what the size limit counts, with :attr:`arrows`."""
    arrows: int = 0

    def tooltip(self, value: str, limit: int = TOOLTIP_MAX) -> str:
        """The token to write as a DOT ``tooltip`` for ``value`` (plain text, cut to ``limit``)."""
        token = f"cs-tip-{len(self.tooltips)}"
        self.tooltips[token] = clean(value, limit)
        return token


# -- statements ----------------------------------------------------------------------------------
# A build writes about a thousand node and edge statements from a few hundred distinct values (a
# condition's label, link and colours recur in the map and in every partner view near it), so the
# statements are written here, in graphviz's own layout, with every value quoted by graphviz's own
# `quote` and each distinct value quoted once. typed=True keeps a label (a `nohtml` string, always
# quoted) apart from a plain string of the same text, which `quote` could leave an HTML-like label.
@functools.lru_cache(maxsize=16384, typed=True)
def _quote(value: str) -> str:
    return graphviz.quoting.quote(value)


@functools.lru_cache(maxsize=4096)
def _quote_edge(name: str) -> str:
    return graphviz.quoting.quote_edge(name)


def _statement(left: str, label: str | None, attrs: Mapping[str, str]) -> str:
    """``\t<left> [label=... key=value ...]\n`` as graphviz's ``node`` and ``edge`` write it: the
    label first, then the other attributes sorted by name."""
    parts = [f"label={_quote(label)}"] if label is not None else []
    parts += [f"{_quote(key)}={_quote(value)}" for key, value in sorted(attrs.items()) if value is not None]
    return f"\t{left} [{' '.join(parts)}]\n" if parts else f"\t{left}\n"


def _node(dot: graphviz.Graph | graphviz.Digraph, name: str, label: str | None = None, **attrs: str) -> None:
    """``dot.node(name, label, **attrs)``, quoting through the cache."""
    dot.body.append(_statement(_quote(name), label, attrs))


def _edge_statement(dot: graphviz.Graph | graphviz.Digraph, tail: str, head: str, **attrs: str) -> None:
    """``dot.edge(tail, head, **attrs)``, quoting through the cache."""
    arrow = "->" if dot.directed else "--"
    dot.body.append(_statement(f"{_quote_edge(tail)} {arrow} {_quote_edge(head)}", None, attrs))


def _defaults(dot: graphviz.Graph | graphviz.Digraph, kind: str, **attrs: str) -> None:
    """``dot.attr(kind, **attrs)`` (``kind``: ``graph``, ``node`` or ``edge``), quoting through the cache."""
    dot.body.append(_statement(kind, None, attrs))


def _finish(dot: graphviz.Graph | graphviz.Digraph, out: DotDiagram) -> DotDiagram:
    """``out`` with the DOT source of ``dot`` and the number of its nodes and edges, counted from
    the statements written: a statement's head (before its attributes, where a label could say
    anything) is an edge, a node, or a default (``graph``, ``node``, ``edge``) or a cluster's brace."""
    arrow = " -> " if dot.directed else " -- "
    for statement in dot.body:
        head = statement.strip().split(" [", 1)[0]
        if not head or head in ("graph", "node", "edge", "}") or head.startswith("subgraph"):
            continue
        if arrow in head:
            out.arrows += 1
        else:
            out.boxes += 1
    out.source = dot.source
    return out


def _digraph(name: str, rankdir: str = "TB") -> graphviz.Digraph:
    dot = graphviz.Digraph(name=name)
    _defaults(dot, "graph", bgcolor="transparent", rankdir=rankdir, nodesep="0.3", ranksep="0.45",
              fontname=FONT, pad="0.1", **{"class": "cs-graph"})
    _defaults(dot, "node", shape="box", style="filled", fontname=FONT, fontsize="11", margin="0.12,0.06",
              color="#555555", penwidth="1")
    _defaults(dot, "edge", fontname=FONT, fontsize="9", arrowsize="0.7", color="#666666")
    return dot


def _fill(partners: list[str], colours: Mapping[str, str]) -> dict[str, str]:
    if not partners:
        return {"fillcolor": NOBODY, "style": "filled,dashed"}
    if len(partners) == 1:
        return {"fillcolor": colours[partners[0]], "style": "filled"}
    # Graphviz's stripes split a box between the partners, one colour each, left to right.
    return {"fillcolor": ":".join(colours[pid] for pid in partners), "style": "filled,striped"}


def _names(partner_ids: Iterable[str], partners: Mapping[str, Partner]) -> str:
    names = [partners[pid].name for pid in partner_ids if pid in partners]
    return ", ".join(names) if names else "no partner"


def _condition_node(dot: graphviz.Digraph, out: DotDiagram, graph: LogicMap, cid: str,
                    colours: Mapping[str, str], classes: list[str], **extra: str) -> None:
    condition = graph.conditions[cid]
    partner_ids = graph.partners_of(cid)
    if not partner_ids:
        classes = classes + ["cs-nobody"]
    tooltip = f"{clean(condition.label, TOOLTIP_MAX)} (centred on by {_names(partner_ids, graph.partners)})"
    attrs = {**_fill(partner_ids, colours), **extra}
    _node(dot, f"condition-{cid}", label=label(condition.label), tooltip=out.tooltip(tooltip),
             URL=f"cs:condition/{cid}", **{"class": " ".join(["cs-condition"] + classes)}, **attrs)


def _edge(dot: graphviz.Digraph, out: DotDiagram, graph: LogicMap, dep: Dependency, classes: list[str]) -> None:
    source, target = graph.conditions[dep.from_], graph.conditions[dep.to]
    tooltip = f"{clean(source.label, 120)} {VERBS[dep.kind]} {clean(target.label, 120)}"
    if dep.why:
        tooltip += f": {dep.why}"
    attrs = {"style": "dashed" if dep.kind == "strengthens" else "solid",
             "class": " ".join([f"cs-{dep.kind}"] + classes)}
    if "cs-cycle" in classes:
        attrs["penwidth"] = "2.2"
    _edge_statement(dot, f"condition-{dep.from_}", f"condition-{dep.to}", tooltip=out.tooltip(tooltip),
                    **attrs)


def logic_map_dot(graph: LogicMap, colours: Mapping[str, str], cycles: CycleReport) -> DotDiagram:
    """The whole map: every condition coloured by its partners, cycles drawn heavier."""
    dot, out = _digraph("coalition-logic"), DotDiagram()
    for cid in graph.conditions:
        _condition_node(dot, out, graph, cid, colours, ["cs-on-cycle"] if cid in cycles.conditions else [])
    for dep in graph.dependencies:
        _edge(dot, out, graph, dep, ["cs-cycle"] if (dep.from_, dep.to) in cycles.edges else [])
    return _finish(dot, out)


def partner_view_dot(graph: LogicMap, view: PartnerView, colours: Mapping[str, str],
                     cycles: CycleReport) -> DotDiagram:
    """One partner's conditions (outlined heavier) and their neighbourhood."""
    dot, out = _digraph(f"coalition-logic-{view.partner_id}"), DotDiagram()
    own = set(view.own)
    for cid in view.conditions:
        if cid in own:
            # Striped even with one partner: Graphviz then draws the heavy outline as a box of
            # its own over the fill (as it does for several partners), which the stylesheet
            # keeps; a single filled box carries its outline on the fill, whose stroke it hides.
            fill = _fill(graph.partners_of(cid), colours)
            if graph.partners_of(cid):
                fill["style"] = "filled,striped"
            _condition_node(dot, out, graph, cid, colours, ["cs-own"], penwidth="2.5", **fill)
        else:
            _condition_node(dot, out, graph, cid, colours, [])
    for dep in view.links:
        _edge(dot, out, graph, dep, ["cs-cycle"] if (dep.from_, dep.to) in cycles.edges else [])
    return _finish(dot, out)


TENSION_STYLES = {"open": "dashed", "sequenced": "dashed", "resolved": "dotted", "dealbreaker": "bold"}


def tensions_dot(tensions: list[Tension], partners: Mapping[str, Partner],
                 colours: Mapping[str, str]) -> DotDiagram:
    """The partners in tension, each tension a small node joined to the partners it involves."""
    dot, out = graphviz.Graph(name="coalition-tensions"), DotDiagram()
    _defaults(dot, "graph", bgcolor="transparent", rankdir="LR", nodesep="0.3", ranksep="0.5",
              fontname=FONT, pad="0.1", **{"class": "cs-graph"})
    _defaults(dot, "node", fontname=FONT, fontsize="11", margin="0.12,0.06", color="#555555")
    _defaults(dot, "edge", color="#666666", penwidth="1.5")
    involved = [pid for pid in partners if any(pid in t.between for t in tensions)]
    for pid in involved:
        _node(dot, f"partner-{pid}", label=label(partners[pid].name), tooltip=out.tooltip(partners[pid].name),
                 URL=f"cs:partner/{pid}", shape="box", style="filled,rounded",
                 fillcolor=colours[pid], **{"class": "cs-partner"})
    for tension in tensions:
        name = tension.id.replace("-", " ").capitalize()
        tooltip = f"{name} ({tension.status}): {tension.about}"
        if tension.resolution:
            tooltip += f" Resolution: {tension.resolution}"
        token = out.tooltip(tooltip)
        _node(dot, f"tension-{tension.id}", label=label(f"{name} — {tension.status}", 20), tooltip=token, shape="box", style=f"rounded,{TENSION_STYLES[tension.status]}",
                 **{"class": f"cs-tension cs-tension--{tension.status}"})
        for pid in dict.fromkeys(tension.between):
            if pid in partners:
                _edge_statement(dot, f"tension-{tension.id}", f"partner-{pid}", tooltip=token,
                         style=TENSION_STYLES[tension.status],
                         **{"class": f"cs-tension-link cs-tension--{tension.status}"})
    return _finish(dot, out)


# -- a large map, in parts (analysis/logic_scale.py) ---------------------------------------------
def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


def group_map_dot(graph: LogicMap, part: GroupPart, grouped: GroupedMap, colours: Mapping[str, str],
                  cycles: CycleReport) -> DotDiagram:
    """One group's conditions, and a box for each other group its conditions link to or from."""
    dot, out = _digraph(f"coalition-logic-group-{part.slug}"), DotDiagram()
    for cid in part.conditions:
        _condition_node(dot, out, graph, cid, colours, ["cs-on-cycle"] if cid in cycles.conditions else [])
    for dep in part.links:
        _edge(dot, out, graph, dep, ["cs-cycle"] if (dep.from_, dep.to) in cycles.edges else [])
    others = [slug for slug in grouped.groups if slug in part.leaving or slug in part.arriving]
    for slug in others:
        other = grouped.groups[slug]
        count = len(part.leaving.get(slug, ())) + len(part.arriving.get(slug, ()))
        _node(dot, f"group-{slug}", label=label(f"{other.label}: {_count(count, 'link')}"),
              tooltip=out.tooltip(f"{other.label}: {_count(count, 'dependency', 'dependencies')} "
                                  f"with {part.label}; select to open its map"),
              URL=f"cs:group/{slug}", shape="box", style="rounded,dashed", fillcolor="transparent",
              **{"class": "cs-group-stub"})
    # One arrow per condition and other group, however many dependencies it stands for.
    position = {cid: number for number, cid in enumerate(part.conditions)}
    for cid, slug, way in sorted(part.stub_links, key=lambda link: (position[link[0]], others.index(link[1]), link[2])):
        deps = part.leaving.get(slug, []) if way == "out" else part.arriving.get(slug, [])
        deps = [d for d in deps if (d.from_ if way == "out" else d.to) == cid]
        name = graph.conditions[cid].label
        far = grouped.groups[slug].label
        tooltip = (f"{clean(name, 120)} depends on {_count(len(deps), 'condition')} of {far}" if way == "out"
                   else f"{_count(len(deps), 'condition')} of {far} depend on {clean(name, 120)}")
        ends = (f"condition-{cid}", f"group-{slug}") if way == "out" else (f"group-{slug}", f"condition-{cid}")
        _edge_statement(dot, *ends, tooltip=out.tooltip(tooltip), style="dashed",
                        **{"class": "cs-group-link"})
    return _finish(dot, out)


CIRCLE_GROUPS = 20
"""Up to this many groups, the map of groups is laid out in a circle (Graphviz's ``circo``): every
group links to many others, which ``dot``'s ranks draw as a tangle of long arrows. ``circo`` is
slower on dense graphs (2 cores, busy: 12 groups and 60 arrows 0.15 s, 20 and 190 1.4 s, 30 and
200 2.7 s, 60 and 200 6.4 s), so more groups are ranked by ``dot`` as other diagrams are."""


def groups_dot(grouped: GroupedMap) -> DotDiagram:
    """The map of groups: a box per group, an arrow labelled with how many of its conditions'
    dependencies lead to another group's."""
    dot, out = _digraph("coalition-logic-groups", rankdir="LR"), DotDiagram()
    if len(grouped.groups) <= CIRCLE_GROUPS:
        _defaults(dot, "graph", layout="circo")
    for slug, part in grouped.groups.items():
        text = f"{part.label}: {_count(len(part.conditions), 'condition')}"
        _node(dot, f"group-{slug}", label=label(text), tooltip=out.tooltip(f"{text}; select to open its map"),
              URL=f"cs:group/{slug}", shape="box", style="rounded,filled", fillcolor="#eeeeee",
              **{"class": "cs-group"})
    for (source, target), count in grouped.drawn_between.items():
        text = (f"{_count(count, 'dependency', 'dependencies')} from {grouped.groups[source].label}'s "
                f"conditions to {grouped.groups[target].label}'s")
        _edge_statement(dot, f"group-{source}", f"group-{target}", label=graphviz.nohtml(str(count)),
                        tooltip=out.tooltip(text), **{"class": "cs-group-link"})
    return _finish(dot, out)


def _cycle_cluster(dot: graphviz.Digraph, out: DotDiagram, graph: LogicMap, colours: Mapping[str, str],
                   number: int, title: str, conditions: Sequence[str], links: Sequence[Dependency]) -> None:
    """A group of conditions on cycles drawn in a dashed box of its own (all of it, or its
    shortest cycles)."""
    with dot.subgraph(name=f"cluster_cycle_{number}") as cluster:
        _defaults(cluster, "graph", label=title, fontsize="10", color="#888888", style="dashed",
                  **{"class": "cs-cycle-group"})
        for cid in conditions:
            _condition_node(cluster, out, graph, cid, colours, ["cs-on-cycle"])
        for dep in links:
            _edge(cluster, out, graph, dep, ["cs-cycle"])


def cycles_dot(graph: LogicMap, condensed: CondensedCycles, colours: Mapping[str, str],
               name: str = "coalition-logic-cycles") -> DotDiagram:
    """The cycles condensed: each group of conditions that lead to one another, drawn whole when
    it fits, else one box; an arrow where one group's conditions depend on another's."""
    dot, out = _digraph(name), DotDiagram()
    shown = condensed.groups[:condensed.shown]
    ends: dict[int, tuple[str, str]] = {}
    for group in shown:
        if group.drawn:
            _cycle_cluster(dot, out, graph, colours, group.number, f"Cycle group {group.number}",
                           group.conditions, group.links)
            ends[group.number] = (f"condition-{group.conditions[0]}",) * 2
        elif group.loops:
            _cycle_cluster(dot, out, graph, colours, group.number, label(
                f"Cycle group {group.number}: {_count(len(group.conditions), 'condition')}; "
                + ("its shortest cycle drawn" if group.loops == 1 else f"its {group.loops} shortest cycles drawn"),
                60), group.loop_conditions, group.loop_links)
            ends[group.number] = (f"condition-{group.loop_conditions[0]}",) * 2
        else:
            text = (f"Cycle group {group.number}: {_count(len(group.conditions), 'condition')}, "
                    f"from {clean(graph.conditions[group.conditions[0]].label, 60)}")
            _node(dot, f"cycle-{group.number}", label=label(text, 28),
                  tooltip=out.tooltip(f"{text}; select for the list of its conditions"),
                  URL=f"cs:cycle/{group.number}", shape="box", style="rounded,filled,bold",
                  fillcolor="#eeeeee", **{"class": "cs-cycle-box"})
            ends[group.number] = (f"cycle-{group.number}",) * 2
    for (source, target), count in condensed.between.items():
        if source in ends and target in ends:
            _edge_statement(dot, ends[source][0], ends[target][1], label=graphviz.nohtml(str(count)),
                            tooltip=out.tooltip(f"{_count(count, 'dependency', 'dependencies')} from "
                                                f"cycle group {source} to cycle group {target}"),
                            style="dashed", **{"class": "cs-group-link"})
    return _finish(dot, out)
