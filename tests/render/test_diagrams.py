"""Running Graphviz: one process for many diagrams, a cache that spares it, errors fit to read."""

from __future__ import annotations

import stat

import pytest

from coalition_site.errors import RenderError
from coalition_site.render.diagrams import MAX_DOT_BYTES, RenderStats, render_diagrams

SOURCES = {name: f'digraph "{name}" {{ "{name}-a" -> "{name}-b" }}' for name in ("one", "two", "three")}


def graph_name(svg: str) -> str:
    return svg.split("<title>", 1)[1].split("</title>", 1)[0]


def test_many_diagrams_are_drawn_by_one_dot_process_in_order():
    stats = RenderStats()
    drawn = render_diagrams(SOURCES, stats=stats)
    assert list(drawn) == ["one", "two", "three"]
    assert [graph_name(svg) for svg in drawn.values()] == ["one", "two", "three"]
    assert all(svg.rstrip().endswith("</svg>") and svg.count("<svg") == 1 for svg in drawn.values())
    assert (stats.diagrams, stats.dot_processes, stats.cache_hits) == (3, 1, 0)


def test_an_unchanged_diagram_costs_no_dot_process_on_the_next_build(tmp_path):
    first = render_diagrams(SOURCES, cache_dir=tmp_path)
    stats = RenderStats()
    # A cached build does not even need Graphviz installed.
    again = render_diagrams(SOURCES, cache_dir=tmp_path, stats=stats, dot="no-such-dot-program")
    assert again == first
    assert (stats.dot_processes, stats.cache_hits) == (0, 3)
    changed = dict(SOURCES, two='digraph "two" { changed }')
    stats = RenderStats()
    render_diagrams(changed, cache_dir=tmp_path, stats=stats)
    assert (stats.dot_processes, stats.cache_hits) == (1, 2)


def test_without_a_cache_dir_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    render_diagrams(SOURCES)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_dot_says_how_to_install_graphviz():
    with pytest.raises(RenderError) as caught:
        render_diagrams(SOURCES, dot="no-such-dot-program")
    assert str(caught.value) == (
        "Graphviz's 'dot' program was not found; the Coalition Logic diagrams need it. Install "
        "Graphviz ('apt-get install graphviz' on Debian or Ubuntu, 'brew install graphviz' on macOS, "
        "or see https://graphviz.org/download/) and build again")


def test_a_dot_that_hangs_is_stopped(tmp_path):
    slow = tmp_path / "slow-dot"
    slow.write_text("#!/bin/sh\nsleep 5\n")
    slow.chmod(slow.stat().st_mode | stat.S_IEXEC)
    with pytest.raises(RenderError, match=r"^Graphviz took longer than 0.3 s to draw 3 diagrams and was stopped; "):
        render_diagrams(SOURCES, dot=str(slow), timeout=0.3)


def test_an_oversized_diagram_is_refused_before_graphviz_sees_it():
    huge = 'digraph "big" { a [label="' + "x" * MAX_DOT_BYTES + '"] }'
    with pytest.raises(RenderError, match=r"^the diagram 'big' is too large to draw \(1000 kB of DOT, the limit is 1000 kB\)"):
        render_diagrams({"big": huge}, dot="no-such-dot-program")


def test_the_diagram_graphviz_cannot_draw_is_named():
    sources = dict(SOURCES, broken='digraph "broken" { a -> }')
    with pytest.raises(RenderError, match=r"^Graphviz could not draw the diagram 'broken': .*syntax error"):
        render_diagrams(sources)


def test_a_cache_that_cannot_be_written_only_costs_speed(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    assert len(render_diagrams(SOURCES, cache_dir=blocked)) == 3
