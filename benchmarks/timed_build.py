"""``mkdocs build`` in this process, with the time each site feature took; prints JSON.

    python benchmarks/timed_build.py MKDOCS_YML SITE_DIR [MKDOCS_YML SITE_DIR ...] [--repeat N]
        [--time-features] [--without FEATURE] [--clear DIR]

``run.py`` starts this script for the plain site and the coalition site alike, so that both
are measured the same way. With ``--repeat 0`` (the default) it builds each site once: the
build of a fresh process, imports included. With ``--repeat N`` it builds each site once to
warm up (imports, compiled templates) and then N rounds more, the sites in turn, and reports
those: the steady cost of a build, as ``mkdocs serve`` pays it on every change.

``--time-features`` wraps ``__init__``, ``pages``, ``prepare`` and ``extras`` of every feature class
registered in ``coalition_site.features.FEATURES`` with timers (in this process only: nothing
in the package changes), so a feature's share of the build is measured as soon as the feature
is merged, without touching this script. The output is one JSON object:

``{"builds": [[<CPU seconds>, ...] for each site], "features": {<name>: [<CPU seconds>, ...]}}``

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
import json
import logging
import os
import shutil
from collections import Counter

# What a feature does in a build: set-up work may be done when the build makes it (__init__).
FEATURE_METHODS = ("__init__", "pages", "prepare", "extras")


def cpu_time() -> float:
    """CPU seconds of this process and of the programs it ran and waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def time_features(spent: Counter) -> None:
    """Wrap each registered feature's methods so that their CPU time adds up in ``spent``."""
    from coalition_site.features import FEATURES

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


def leave_out(names: list[str]) -> None:
    """Remove the features called ``names`` from the registry, for this process only."""
    from coalition_site.features import FEATURES

    FEATURES[:] = [feature for feature in FEATURES if feature.name not in names]


def build(sites: list[tuple[str, str]], *, repeat: int = 0, features: bool = False,
          without: list[str] = (), clear: str | None = None) -> dict:
    """Build each (config file, site dir) of ``sites``; return the timings (see the module's doc).

    With ``repeat``, the sites are built in turn, ``repeat`` rounds after a warm-up round, so
    that whatever else the machine does weighs on all of them alike.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    spent: Counter = Counter()
    if without:
        leave_out(list(without))
    if features:
        time_features(spent)
    builds: list[list[float]] = [[] for _ in sites]
    per_feature: dict[str, list[float]] = {}
    for round_ in range(repeat + 1 if repeat else 1):
        for index, (config_file, site_dir) in enumerate(sites):
            spent.clear()
            if clear:
                shutil.rmtree(clear, ignore_errors=True)
            start = cpu_time()
            mkdocs_build(load_config(config_file=config_file, site_dir=site_dir))
            if repeat and round_ == 0:
                continue  # the warm-up
            builds[index].append(cpu_time() - start)
            for name, seconds in spent.items():
                per_feature.setdefault(name, []).append(seconds)
    return {"builds": builds, "features": per_feature}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", metavar="MKDOCS_YML SITE_DIR",
                        help="one or more pairs: a config file and the folder to build it in")
    parser.add_argument("--repeat", type=int, default=0)
    parser.add_argument("--time-features", action="store_true")
    parser.add_argument("--without", action="append", default=[],
                        help="a feature's name: build without it (may be repeated)")
    parser.add_argument("--clear", help="a folder to remove before every build")
    args = parser.parse_args()
    if len(args.sites) % 2:
        parser.error("give each config file with the folder to build it in")
    sites = list(zip(args.sites[::2], args.sites[1::2]))
    print(json.dumps(build(sites, repeat=args.repeat, features=args.time_features,
                           without=args.without, clear=args.clear)))


if __name__ == "__main__":
    main()
