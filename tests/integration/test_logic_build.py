"""Building the Coalition Logic diagrams: a 40-condition map, one dot process, the cache, no dot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coalition_site.audience import for_audience
from coalition_site.sitebuild.features.logic import LogicFeature
from coalition_site.load.charter import load_charter
from coalition_site.sitebuild import FEATURES, BuildOptions, SiteBuild

from .conftest import FIXTURES, Site, build_site, diagrams, text_of


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Site:
    return Site(build_site(tmp_path_factory, "logic-large", "public"))


def test_a_forty_condition_map_is_drawn_whole_and_listed_in_words(large):
    page = large.page("logic")
    svg = diagrams(page)[0]
    assert svg.count('class="node cs-condition') == 40
    assert len(text_of(page.split('id="cs-logic-map-text"', 1)[1].split("</ol>", 1)[0], tag="strong")) == 40
    # The page fits it to the column (on a wide screen, not below 70% of this natural width);
    # its own file, linked under it, shows it at full size.
    assert 'style="--cs-width: ' in svg.split(">", 1)[0]
    assert '<a href="map.svg">Open the diagram at full size' in page
    assert (large.root / "logic" / "map.svg").read_text(encoding="utf-8").count('class="node cs-condition') == 40
    cycles = page.split('<ol class="cs-cycles">', 1)[1].split("</ol>", 1)[0]
    assert cycles.count("<li>") == 30
    assert "…and 96 more; the shortest are listed." in text_of(page, tag="p")


def _logic_feature(cache_dir: Path | None) -> LogicFeature:
    charter = for_audience(load_charter(FIXTURES / "logic-large" / "content").charter, "public")
    build = SiteBuild(charter, BuildOptions(cache_dir=cache_dir), features=FEATURES)
    return next(f for f in build.features if isinstance(f, LogicFeature))


def test_one_dot_process_draws_a_build_and_an_unchanged_rebuild_needs_none(tmp_path):
    first = _logic_feature(tmp_path)
    # The map, and the view of each of the six partners (no tensions in this sample).
    assert (first.stats.diagrams, first.stats.dot_processes, first.stats.cache_hits) == (7, 1, 0)
    again = _logic_feature(tmp_path)
    assert (again.stats.diagrams, again.stats.dot_processes, again.stats.cache_hits) == (7, 0, 7)
    assert again.drawings == first.drawings


def test_a_build_without_graphviz_stops_with_how_to_install_it(tmp_path):
    project = tmp_path / "project"
    import shutil

    shutil.copytree(FIXTURES / "logic-cycles", project)
    no_dot = tmp_path / "bin"
    no_dot.mkdir()
    # An empty diagram cache of its own: drawings cached by another test would need no dot.
    env = {k: v for k, v in os.environ.items() if k != "COALITION_AUDIENCE"} | {
        "PATH": str(no_dot), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    cli = Path(sys.executable).with_name("coalition-site")
    result = subprocess.run([str(cli), "build", str(project)], capture_output=True, text=True, env=env,
                            timeout=120, check=False)
    assert result.returncode == 1
    assert ("Graphviz's 'dot' program was not found; the Coalition Logic diagrams need it. Install Graphviz "
            "('apt-get install graphviz' on Debian or Ubuntu, 'brew install graphviz' on macOS, or see "
            "https://graphviz.org/download/) and build again") in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
