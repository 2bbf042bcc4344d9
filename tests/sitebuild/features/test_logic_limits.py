"""No Coalition Logic diagram over the size limits is ever handed to Graphviz, whatever the map.

Random maps (conditions, dependencies, the partners of each, their groups or none) under random
limits: every diagram the build would draw fits them, counted from its DOT text; a map that fits
is drawn whole, as it always was; one that does not is drawn by group or condensed, never whole.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_site.analysis import logic_scale
from coalition_site.audience import for_audience
from coalition_site.load.charter import load_charter
from coalition_site.model import Condition, Dependency, Logic
from coalition_site.sitebuild.features.logic import LogicAnalysis, diagram_sources, split_sources

from leak_grammar import property_settings

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "logic-cycles" / "content"
_NODE = re.compile(r'^\t+("[^"]+"|\w+) \[', re.M)
_EDGE = re.compile(r'^\t+("[^"]+"|\w+) -[->] ("[^"]+"|\w+)', re.M)


def dot_size(source: str) -> tuple[int, int]:
    boxes = [name for name in _NODE.findall(source) if name not in ("graph", "node", "edge")]
    return len(boxes), len(_EDGE.findall(source))


@pytest.fixture(scope="module")
def base():
    return for_audience(load_charter(FIXTURE).charter, "public")


@st.composite
def charters(draw, base):
    pids = list(base.partners)
    groups = draw(st.sampled_from([None, ["North", "South"], ["North", "South", "East", "north"]]))
    partners = {pid: partner.model_copy(update={"group": draw(st.sampled_from(groups + [None])) if groups else None})
                for pid, partner in base.partners.items()}
    count = draw(st.integers(1, 30))
    ids = [f"c{i}" for i in range(count)]
    conditions = [Condition(id=cid, label=f"Condition {cid}",
                            partners=draw(st.lists(st.sampled_from(pids), max_size=3)))
                  for cid in ids]
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids),
                                    st.sampled_from(["requires", "strengthens"])), max_size=60))
    logic = Logic(conditions=conditions,
                  dependencies=[Dependency(**{"from": a, "to": b, "kind": kind}) for a, b, kind in pairs],
                  tensions=base.logic.tensions)
    return dataclasses.replace(base, partners=partners, logic=logic)


@given(data=st.data(), boxes=st.integers(1, 25), arrows=st.integers(0, 25))
@property_settings(200)
def test_no_diagram_over_the_limits_reaches_graphviz(base, data, boxes, arrows):
    charter = data.draw(charters(base))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(logic_scale, "MAX_CONDITIONS", boxes)
        patch.setattr(logic_scale, "MAX_DEPENDENCIES", arrows)
        analysis = LogicAnalysis.of(charter)
        drawn, undrawn = split_sources(analysis)
        assert diagram_sources(analysis).keys() == drawn.keys()
        unfit = {slug for slug, part in (analysis.grouped.groups.items() if analysis.grouped else ()) if not part.fits}
    for name, diagram in drawn.items():
        assert dot_size(diagram.source) == (diagram.boxes, diagram.arrows), name
        assert diagram.boxes <= boxes and diagram.arrows <= arrows, name
    graph = analysis.graph
    if len(graph.conditions) <= boxes and len(graph.dependencies) <= arrows:
        assert analysis.whole and "map" in drawn
        assert analysis.grouped is None and analysis.condensed is None
    else:
        assert not analysis.whole and "map" not in drawn and "map" not in undrawn
        assert (analysis.grouped is None) != (analysis.condensed is None)
        if analysis.grouped is not None:
            # Every condition is on some group's part, and every group's part is drawn or condensed.
            assert set(graph.conditions) == {cid for part in analysis.grouped.groups.values() for cid in part.conditions}
            assert unfit == set(analysis.group_condensed)


def test_a_large_maps_page_lists_its_shortest_cycles_up_to_a_number_of_conditions(base, monkeypatch):
    from coalition_site.sitebuild.features import logic as logic_feature

    assert LogicAnalysis.of(base).cycles_listed == 30  # a map drawn whole lists the 30 shortest, as ever
    monkeypatch.setattr(logic_scale, "MAX_CONDITIONS", 3)
    monkeypatch.setattr(logic_feature, "CYCLE_STEPS_LISTED", 3)
    large = LogicAnalysis.of(base)
    assert [len(c.conditions) for c in large.cycles.cycles] == [2, 3]
    assert large.cycles_listed == 1
    monkeypatch.setattr(logic_feature, "CYCLE_STEPS_LISTED", 1)
    assert large.cycles_listed == 1  # one at least, however long
