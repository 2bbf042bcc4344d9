"""The DOT sources of the Coalition Logic diagrams: the map, each partner's view, the tensions.

Every text a partner wrote (labels, names, ``why``) reaches DOT through :func:`graphviz.escape`
(its backslashes and ``<...>`` stay text) inside a :func:`graphviz.nohtml` value, so nothing in
it can become an HTML-like label, an escape sequence such as ``\\N``, or a second attribute.
Attribute names, colours, classes and links are this module's own; links are placeholders built
from validated ids (``cs:condition/<id>``), resolved per page after sanitising.
"""

from __future__ import annotations

import re
import textwrap
from typing import Iterable, Mapping

import graphviz

from ..analysis.logic_map import CycleReport, LogicMap, PartnerView
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


def label(text: str, width: int = LABEL_WIDTH, limit: int = LABEL_MAX) -> str:
    """A DOT label that wraps ``text`` into lines and can never be read as markup or escapes."""
    lines = textwrap.wrap(clean(text, limit), width) or [""]
    # Each line is escaped on its own, then joined with DOT's own line break `\n`; nohtml keeps
    # a first line starting with `<` and a last ending with `>` from making an HTML label.
    return graphviz.nohtml("\\n".join(graphviz.escape(line) for line in lines))


def text(value: str, limit: int = TOOLTIP_MAX) -> str:
    """A DOT string (tooltip) holding ``value`` as plain text."""
    return graphviz.escape(clean(value, limit))


def _digraph(name: str, rankdir: str = "TB") -> graphviz.Digraph:
    dot = graphviz.Digraph(name=name)
    dot.attr("graph", bgcolor="transparent", rankdir=rankdir, nodesep="0.3", ranksep="0.45",
             fontname=FONT, pad="0.1", **{"class": "cs-graph"})
    dot.attr("node", shape="box", style="filled", fontname=FONT, fontsize="11", margin="0.12,0.06",
             color="#555555", penwidth="1")
    dot.attr("edge", fontname=FONT, fontsize="9", arrowsize="0.7", color="#666666")
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


def _condition_node(dot: graphviz.Digraph, graph: LogicMap, cid: str, colours: Mapping[str, str],
                    classes: list[str], **extra: str) -> None:
    condition = graph.conditions[cid]
    partner_ids = graph.partners_of(cid)
    if not partner_ids:
        classes = classes + ["cs-nobody"]
    tooltip = f"{clean(condition.label, TOOLTIP_MAX)} (centred on by {_names(partner_ids, graph.partners)})"
    dot.node(f"condition-{cid}", label=label(condition.label), tooltip=text(tooltip),
             URL=f"cs:condition/{cid}", **_fill(partner_ids, colours),
             **{"class": " ".join(["cs-condition"] + classes)}, **extra)


def _edge(dot: graphviz.Digraph, graph: LogicMap, dep: Dependency, classes: list[str]) -> None:
    source, target = graph.conditions[dep.from_], graph.conditions[dep.to]
    tooltip = f"{clean(source.label, 120)} {VERBS[dep.kind]} {clean(target.label, 120)}"
    if dep.why:
        tooltip += f": {dep.why}"
    attrs = {"style": "dashed" if dep.kind == "strengthens" else "solid",
             "class": " ".join([f"cs-{dep.kind}"] + classes)}
    if "cs-cycle" in classes:
        attrs["penwidth"] = "2.2"
    dot.edge(f"condition-{dep.from_}", f"condition-{dep.to}", tooltip=text(tooltip), **attrs)


def logic_map_dot(graph: LogicMap, colours: Mapping[str, str], cycles: CycleReport) -> str:
    """The whole map: every condition coloured by its partners, cycles drawn heavier."""
    dot = _digraph("coalition-logic")
    for cid in graph.conditions:
        _condition_node(dot, graph, cid, colours, ["cs-on-cycle"] if cid in cycles.conditions else [])
    for dep in graph.dependencies:
        _edge(dot, graph, dep, ["cs-cycle"] if (dep.from_, dep.to) in cycles.edges else [])
    return dot.source


def partner_view_dot(graph: LogicMap, view: PartnerView, colours: Mapping[str, str],
                     cycles: CycleReport) -> str:
    """One partner's conditions (outlined heavier) and their neighbourhood."""
    dot = _digraph(f"coalition-logic-{view.partner_id}")
    own = set(view.own)
    for cid in view.conditions:
        if cid in own:
            _condition_node(dot, graph, cid, colours, ["cs-own"], penwidth="2.5")
        else:
            _condition_node(dot, graph, cid, colours, [])
    for dep in view.links:
        _edge(dot, graph, dep, ["cs-cycle"] if (dep.from_, dep.to) in cycles.edges else [])
    return dot.source


TENSION_STYLES = {"open": "dashed", "sequenced": "dashed", "resolved": "dotted", "dealbreaker": "bold"}


def tensions_dot(tensions: list[Tension], partners: Mapping[str, Partner], colours: Mapping[str, str]) -> str:
    """The partners in tension, each tension a small node joined to the partners it involves."""
    dot = graphviz.Graph(name="coalition-tensions")
    dot.attr("graph", bgcolor="transparent", rankdir="LR", nodesep="0.3", ranksep="0.5",
             fontname=FONT, pad="0.1", **{"class": "cs-graph"})
    dot.attr("node", fontname=FONT, fontsize="11", margin="0.12,0.06", color="#555555")
    dot.attr("edge", color="#666666", penwidth="1.5")
    involved = [pid for pid in partners if any(pid in t.between for t in tensions)]
    for pid in involved:
        dot.node(f"partner-{pid}", label=label(partners[pid].name), tooltip=text(partners[pid].name),
                 URL=f"cs:partner/{pid}", shape="box", style="filled,rounded",
                 fillcolor=colours[pid], **{"class": "cs-partner"})
    for tension in tensions:
        name = tension.id.replace("-", " ").capitalize()
        tooltip = f"{name} ({tension.status}): {tension.about}"
        if tension.resolution:
            tooltip += f" Resolution: {tension.resolution}"
        dot.node(f"tension-{tension.id}", label=label(f"{name} — {tension.status}", 20),
                 tooltip=text(tooltip), shape="box", style=f"rounded,{TENSION_STYLES[tension.status]}",
                 **{"class": f"cs-tension cs-tension--{tension.status}"})
        for pid in dict.fromkeys(tension.between):
            if pid in partners:
                dot.edge(f"tension-{tension.id}", f"partner-{pid}", tooltip=text(tooltip),
                         style=TENSION_STYLES[tension.status],
                         **{"class": f"cs-tension-link cs-tension--{tension.status}"})
    return dot.source
