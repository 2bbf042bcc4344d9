"""timed_build.py's phases: they add up to the build, and timing them changes no build.

Run as run.py runs it, in a process of its own; only what it reports is checked, never a time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("timed") / "charter"
    subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), str(out), "--partners", "3",
                    "--years", "1", "--conditions", "4"], check=True, capture_output=True)
    return out


def timed(*arguments: str) -> dict:
    done = subprocess.run([sys.executable, str(BENCHMARKS / "timed_build.py"), *arguments],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def test_a_fresh_builds_phases_add_up_to_the_process_and_the_plain_one_never_loads_the_plugin(project, tmp_path):
    report = timed(str(project / "plain" / "mkdocs.yml"), str(tmp_path / "plain"), "--phases",
                   "--clear", str(project / ".cache"))
    [[phases]] = report["phases"]
    [[build]] = report["builds"]
    assert list(phases)[0] == "start-up (the interpreter, MkDocs' imports)"
    assert sum(phases.values()) - phases["start-up (the interpreter, MkDocs' imports)"] == pytest.approx(build)
    # The plain site's process must not pay for the plugin's imports, nor run any of its steps.
    for phase in ("charter: read and check", "features' own steps",
                  "coalition plugin: its other steps (pages, partials)", "leak check (public builds)"):
        assert phases[phase] == 0, phase
    assert (tmp_path / "plain" / "index.html").exists()


def test_a_warm_coalition_builds_phases_add_up_to_it_and_its_features_are_still_timed(project, tmp_path):
    report = timed(str(project / "mkdocs.yml"), str(tmp_path / "site"), "--phases", "--time-features",
                   "--repeat", "1", "--clear", str(project / ".cache"))
    [[phases]] = report["phases"]  # a warm build: no start-up
    [[build]] = report["builds"]
    assert "start-up (the interpreter, MkDocs' imports)" not in phases
    assert sum(phases.values()) == pytest.approx(build)
    assert set(report["features"]) >= {"logic", "vitality"}
    assert (tmp_path / "site" / "logic" / "index.html").exists()


def test_every_step_the_phases_time_is_where_the_plugin_looks_it_up():
    # The plugin's own functions are patched on the module that calls them: after a move, a
    # target that is no longer there would time nothing, silently.
    import importlib
    import inspect

    sys.path.insert(0, str(BENCHMARKS))
    try:
        timed_build = importlib.import_module("timed_build")
    finally:
        sys.path.remove(str(BENCHMARKS))
    for _phase, targets in timed_build.PHASES:
        for target in targets:
            module_name, _, path = target.partition(":")
            owner = importlib.import_module(module_name)
            for name in path.split("."):
                owner = getattr(owner, name)
            assert inspect.isfunction(owner), target
