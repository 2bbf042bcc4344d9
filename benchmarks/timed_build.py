"""``mkdocs build`` in this process, with the time each site feature took; prints JSON.

    python benchmarks/timed_build.py MKDOCS_YML SITE_DIR [MKDOCS_YML SITE_DIR ...] [--repeat N]
        [--time-features] [--phases] [--without FEATURE] [--clear DIR]

``run.py`` starts this script for the plain site and the coalition site alike, so that both
are measured the same way. With ``--repeat 0`` (the default) it builds each site once: the
build of a fresh process, imports included. With ``--repeat N`` it builds each site once to
warm up (imports, compiled templates) and then N rounds more, the sites in turn, and reports
those: the steady cost of a build, as ``mkdocs serve`` pays it on every change.

``--time-features`` wraps ``__init__``, ``pages``, ``prepare`` and ``extras`` of every feature class
registered in ``coalition_site.sitebuild.features.FEATURES`` with timers (in this process only: nothing
in the package changes), so a feature's share of the build is measured as soon as the feature
is merged, without touching this script. The output is one JSON object:

``{"builds": [[<CPU seconds>, ...] for each site], "features": {<name>: [<CPU seconds>, ...]},
"phases": [[{<phase>: <CPU seconds>}, ...] for each site]}``

``--phases`` says where each build's time goes, for the plain site and the coalition site alike
(see :data:`PHASES`): each step is timed *exclusive* of the other timed steps it calls (the
plugin's ``on_config`` without the check and the features' steps it runs, say), and ``other``
is the rest of the build (reading and writing files, MkDocs' own work), so the phases add up to
the build. A step absent from a version of a library is left out. The first build of a fresh
process (no ``--repeat``) also has ``start-up``: the process's time before the build. Its
plugins' imports are in ``configuration``: MkDocs imports plugins as it loads the config.

``--without FEATURE`` (repeatable) leaves that feature out of ``FEATURES``, so that the build
with and the build without it give the feature's whole cost: what it adds to search indexing
and to writing pages too, which its own methods' timers cannot see.

``--clear DIR`` removes DIR (the plugin's cache of rendered diagrams) before every build, so
that each one is a full build.

CPU time counts the programs the build runs too (Graphviz's ``dot``, say), so that a feature
that renders in a subprocess is not measured as free.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import logging
import os
import shutil
import sys
from collections import Counter

# What a feature does in a build: set-up work may be done when the build makes it (__init__).
FEATURE_METHODS = ("__init__", "pages", "prepare", "extras")


def cpu_time() -> float:
    """CPU seconds of this process and of the programs it ran and waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def time_features(spent: Counter) -> None:
    """Wrap each registered feature's methods so that their CPU time adds up in ``spent``."""
    from coalition_site.sitebuild.features import FEATURES

    for feature in FEATURES:
        depth = [0]  # count only the outermost call when one method calls another
        for method in FEATURE_METHODS:
            if hasattr(feature, method):
                setattr(feature, method, _timed(getattr(feature, method), feature.name, spent, depth))


def _timed(function, name: str, spent: Counter, depth: list[int]):
    @functools.wraps(function)
    def timed(*args, **kwargs):
        depth[0] += 1
        start = cpu_time()
        try:
            return function(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                spent[name] += cpu_time() - start
    return timed


# Where a build's time goes: (phase, "module:attribute" of each function timed for it). The
# plugin's own functions are patched where the plugin looks them up, its module.
PHASES = (
    ("configuration (imports in a first build)", ("mkdocs.config:load_config",)),
    ("charter: read and check", ("coalition_site.plugin.plugin:check_project",)),
    ("features' own steps", ()),  # each registered feature's FEATURE_METHODS
    ("coalition plugin: its other steps (pages, partials)", ()),  # its events: PLUGIN_PHASES
    ("leak check (public builds)", ("coalition_site.plugin.plugin:internal_values",
                                    "coalition_site.plugin.plugin:scan_site",
                                    "coalition_site.plugin.plugin:site_words")),
    ("Markdown", ("mkdocs.structure.pages:Page.render",)),
    ("theme templates", ("mkdocs.commands.build:_build_template",)),
    ("search index", ()),  # the search plugin's events: PLUGIN_PHASES
)
PLUGIN_PHASES = {
    "coalition_site.": PHASES[3][0],
    "material.plugins.search.": PHASES[7][0],
    "mkdocs.contrib.search": PHASES[7][0],
}
"""A plugin's event methods, by the module its class is defined in, and their phase. MkDocs
keeps the bound methods when it loads the config, so these are wrapped in the loaded config."""
OTHER = "other"
STARTUP = "start-up (the interpreter, MkDocs' imports)"


class PhaseClock:
    """CPU time by phase, each timed call exclusive of the timed calls inside it."""

    def __init__(self):
        self.spent: Counter = Counter()
        self._inner: list[float] = []  # per open call: the time of the timed calls inside it
        self._wrapped: set[str] = set()

    def wrap(self, function, phase: str):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            self._inner.append(0.0)
            start = cpu_time()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = cpu_time() - start
                self.spent[phase] += elapsed - self._inner.pop()
                if self._inner:
                    self._inner[-1] += elapsed
        return timed

    def install(self) -> None:
        """Wrap every step whose module is imported by now and not wrapped yet.

        Never imports a module: the plain site's build must not pay for the plugin's imports.
        Called again once a config is loaded (MkDocs imports the plugins then).
        """
        for phase, targets in PHASES:
            for target in targets:
                module_name, _, path = target.partition(":")
                if module_name not in sys.modules or target in self._wrapped:
                    continue
                self._wrapped.add(target)
                try:
                    owner = sys.modules[module_name]
                    *parents, name = path.split(".")
                    for parent in parents:
                        owner = getattr(owner, parent)
                    function = getattr(owner, name)
                except (ImportError, AttributeError):
                    continue  # not in this version, or not installed
                if not inspect.isfunction(function):
                    continue  # MkDocs' CombinedEvent, say: MkDocs calls its parts, not it
                setattr(owner, name, self.wrap(function, phase))
        features = sys.modules.get("coalition_site.sitebuild.features")
        if features is None or "features" in self._wrapped:
            return
        self._wrapped.add("features")
        feature_phase = PHASES[2][0]
        for feature in features.FEATURES:
            for method in FEATURE_METHODS:
                if method in vars(feature):
                    setattr(feature, method, self.wrap(getattr(feature, method), feature_phase))

    def install_plugins(self, config) -> None:
        """Wrap the event methods of the plugins in :data:`PLUGIN_PHASES` that ``config`` loaded."""
        for methods in config.plugins.events.values():
            for index, method in enumerate(methods):
                module = type(getattr(method, "__self__", None)).__module__
                phase = next((phase for prefix, phase in PLUGIN_PHASES.items()
                              if module.startswith(prefix)), None)
                if phase:
                    methods[index] = self.wrap(method, phase)

    def split(self, total: float) -> dict[str, float]:
        """The phases of a build of ``total`` CPU seconds, ``other`` the rest; then resets."""
        phases = {phase: self.spent.get(phase, 0.0) for phase, _ in PHASES}
        phases[OTHER] = total - sum(phases.values())
        self.spent.clear()
        return phases


def leave_out(names: list[str]) -> None:
    """Remove the features called ``names`` from the registry, for this process only."""
    from coalition_site.sitebuild.features import FEATURES

    FEATURES[:] = [feature for feature in FEATURES if feature.name not in names]


def build(sites: list[tuple[str, str]], *, repeat: int = 0, features: bool = False,
          phases: bool = False, without: list[str] = (), clear: str | None = None) -> dict:
    """Build each (config file, site dir) of ``sites``; return the timings (see the module's doc).

    With ``repeat``, the sites are built in turn, ``repeat`` rounds after a warm-up round, so
    that whatever else the machine does weighs on all of them alike.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    import mkdocs.config
    from mkdocs.commands.build import build as mkdocs_build

    spent: Counter = Counter()
    if without:
        leave_out(list(without))
    clock = PhaseClock() if phases else None
    if clock:
        clock.install()
    features_timed = False
    builds: list[list[float]] = [[] for _ in sites]
    split: list[list[dict[str, float]]] = [[] for _ in sites]
    per_feature: dict[str, list[float]] = {}
    for round_ in range(repeat + 1 if repeat else 1):
        for index, (config_file, site_dir) in enumerate(sites):
            spent.clear()
            if clear:
                shutil.rmtree(clear, ignore_errors=True)
            start = cpu_time()
            # Looked up on its module at each build, so that the phases' timer is called.
            config = mkdocs.config.load_config(config_file=config_file, site_dir=site_dir)
            # Once the config has imported the plugin (so that its imports count in the build):
            # the phases' timers first, so that the features' timers time them too.
            if clock:
                clock.install()
                clock.install_plugins(config)
            if features and not features_timed and "coalition_site.sitebuild.features" in sys.modules:
                time_features(spent)
                features_timed = True
            mkdocs_build(config)
            elapsed = cpu_time() - start
            phase_times = clock.split(elapsed) if clock else None
            if phase_times is not None and not repeat and index == 0:
                # A fresh process's first build: what the process spent before it.
                phase_times = {STARTUP: start, **phase_times}
            if repeat and round_ == 0:
                continue  # the warm-up
            builds[index].append(elapsed)
            if phase_times:
                split[index].append(phase_times)
            for name, seconds in spent.items():
                per_feature.setdefault(name, []).append(seconds)
    return {"builds": builds, "features": per_feature, "phases": split if clock else []}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", metavar="MKDOCS_YML SITE_DIR",
                        help="one or more pairs: a config file and the folder to build it in")
    parser.add_argument("--repeat", type=int, default=0)
    parser.add_argument("--time-features", action="store_true")
    parser.add_argument("--without", action="append", default=[],
                        help="a feature's name: build without it (may be repeated)")
    parser.add_argument("--phases", action="store_true",
                        help="time the phases of each build (see PHASES)")
    parser.add_argument("--clear", help="a folder to remove before every build")
    args = parser.parse_args()
    if len(args.sites) % 2:
        parser.error("give each config file with the folder to build it in")
    sites = list(zip(args.sites[::2], args.sites[1::2]))
    print(json.dumps(build(sites, repeat=args.repeat, features=args.time_features,
                           phases=args.phases, without=args.without, clear=args.clear)))


if __name__ == "__main__":
    main()
