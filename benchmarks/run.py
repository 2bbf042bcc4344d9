"""How much coalition-site costs, as ratios to what the same pages cost without it.

    python benchmarks/run.py                      # the 50-partner, 10-year charter
    python benchmarks/run.py --scale 2            # ... and the charter doubled, to show scaling
    python benchmarks/run.py --partners 5 --years 1 --conditions 8 --repeat 3

For each size, ``generate.py`` writes a synthetic charter and its plain twin, then this prints:

build
    the CPU time of ``mkdocs build`` of the coalition site over that of the plain
    mkdocs-material site of the same Markdown pages: the median of ``--repeat`` builds of
    each, alternated, after one warm-up build of each. Every build is a fresh process (the
    time a user waits for includes the plugin's imports); CPU time rather than wall time,
    so that other work on the machine does not skew the ratio (wall time is printed too).
check
    the time ``coalition-site check`` takes (in-process: the command's own function; and the
    whole command, interpreter start-up included) over merely reading every charter file and
    parsing its YAML with ``yaml.safe_load``.
same output
    the same fresh coalition build over a plain mkdocs-material build of the pages the plugin
    made (``same_output.py``): the same HTML, navigation and files, so that the ratio is what
    coalition-site itself costs, not what showing more costs. Printed beside the issue's
    yardstick, never instead of it.
where the time goes
    the fresh builds of both sites split into phases (see ``timed_build.PHASES``): what the
    coalition site spends beyond the plain one, step by step.
feature shares
    the share of the coalition build spent in each site feature (the Coalition Logic diagrams,
    the vitality dashboard ...): in its own steps, timed by ``timed_build.py``, and all told,
    from builds without it (what its HTML adds to search indexing and writing included);
    ``n/a`` for a feature not merged.

Performance is measured here, never in the test suite. The figures measured on the project's
machine are recorded in ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)

# The features later issues ask the share of; any other registered feature is printed too.
EXPECTED_FEATURES = {"logic": "Coalition Logic diagrams", "vitality": "vitality dashboard"}
TARGET_OVERHEAD = 0.15
TARGET_CHECK_SECONDS = 1.0


@dataclass
class Size:
    partners: int
    years: int
    conditions: int

    def times(self, factor: int) -> "Size":
        return Size(self.partners * factor, self.years * factor, self.conditions * factor)

    def __str__(self) -> str:
        return f"{self.partners} partners, {self.years} years, {self.conditions} conditions"


@dataclass
class Result:
    size: Size
    pages: int
    plain: list[float] = field(default_factory=list)
    """CPU seconds of fresh ``mkdocs build`` processes of the plain site."""
    coalition: list[float] = field(default_factory=list)
    plain_wall: list[float] = field(default_factory=list)
    coalition_wall: list[float] = field(default_factory=list)
    plain_warm: list[float] = field(default_factory=list)
    """CPU seconds of builds in a warmed-up process (imports and templates loaded)."""
    coalition_warm: list[float] = field(default_factory=list)
    features: dict[str, list[float]] = field(default_factory=dict)
    """CPU seconds of each feature's own steps in the fresh coalition builds."""
    without: dict[str, list[float]] = field(default_factory=dict)
    """CPU seconds of fresh coalition builds without each feature."""
    core: list[float] = field(default_factory=list)
    """CPU seconds of fresh coalition builds without any feature: the plugin's own cost."""
    plain_phases: list[dict[str, float]] = field(default_factory=list)
    """CPU seconds of each phase of the fresh builds (``timed_build.py --phases``)."""
    coalition_phases: list[dict[str, float]] = field(default_factory=list)
    same: list[float] = field(default_factory=list)
    """CPU seconds of fresh plain builds of the pages the plugin made (``same_output.py``)."""
    same_phases: list[dict[str, float]] = field(default_factory=list)
    check: float = 0.0
    check_cli: float = 0.0
    yaml_parse: float = 0.0

    @property
    def build_ratio(self) -> float:
        return _median(self.coalition) / _median(self.plain)

    @property
    def same_ratio(self) -> float:
        return _median(self.coalition) / _median(self.same)

    @property
    def warm_ratio(self) -> float:
        return _median(self.coalition_warm) / _median(self.plain_warm)

    @property
    def core_ratio(self) -> float | None:
        return _median(self.core) / _median(self.plain) if self.core else None

    @property
    def check_ratio(self) -> float:
        return self.check / self.yaml_parse

    def share(self, name: str) -> float | None:
        """The share of the build spent in the feature's own steps."""
        if name not in self.features:
            return None
        return _median(self.features[name]) / _median(self.coalition)

    def whole_share(self, name: str) -> float | None:
        """The share of the build the feature costs, all told: 1 - without / with."""
        if name not in self.without:
            return None
        return 1 - _median(self.without[name]) / _median(self.coalition)


# -- measuring -------------------------------------------------------------------------------
def measure(size: Size, work: Path, repeat: int, prune: bool, audience: str) -> Result:
    project = work / f"charter-{size.partners}-{size.years}-{size.conditions}"
    charter = generate.generate(project, partners=size.partners, years=size.years,
                                conditions=size.conditions, prune=prune, audience=audience)
    result = Result(size, len(charter.plain))
    configs = {"plain": project / "plain" / "mkdocs.yml", "coalition": project / "mkdocs.yml",
               "same": project / "same" / "mkdocs.yml"}
    # In its own process, so that this one never imports the plugin before timing it.
    _run([sys.executable, str(HERE / "same_output.py"), str(configs["coalition"]),
          str(configs["same"].parent)])

    def build(*sites: str, repeat: int = 0, without: list[str] = (),
              phases: bool = False) -> tuple[float, float, dict]:
        command = [sys.executable, str(HERE / "timed_build.py"), "--repeat", str(repeat),
                   "--clear", str(project / ".cache")]  # full builds: no cached diagrams
        if phases:
            command.append("--phases")
        for site in sites:
            command += [str(configs[site]), str(work / "sites" / site)]
        if "coalition" in sites:
            command.append("--time-features")
        for name in without:
            command += ["--without", name]
        cpu, wall, output = _run(command)
        return cpu, wall, json.loads(output)

    # Fresh processes, alternated, after a warm-up of each (disk cache, .pyc files). The
    # warm-up tells which features are registered; each is also left out of as many builds.
    build("plain")
    build("same")
    features = sorted(build("coalition")[2]["features"])
    for _ in range(repeat):
        cpu, wall, report = build("plain", phases=True)
        result.plain.append(cpu)
        result.plain_wall.append(wall)
        result.plain_phases += report["phases"][0]
        cpu, wall, report = build("coalition", phases=True)
        result.coalition.append(cpu)
        result.coalition_wall.append(wall)
        result.coalition_phases += report["phases"][0]
        cpu, _, same = build("same", phases=True)
        result.same.append(cpu)
        result.same_phases += same["phases"][0]
        for name, seconds in report["features"].items():
            result.features.setdefault(name, []).extend(seconds)
        for name in features:
            result.without.setdefault(name, []).append(build("coalition", without=[name])[0])
        if features:
            result.core.append(build("coalition", without=features)[0])
    # Builds in one warmed-up process, the two sites in turn.
    result.plain_warm, result.coalition_warm = build("plain", "coalition", repeat=repeat)[2]["builds"]

    result.check, result.yaml_parse = _measure_check(project, repeat)
    result.check_cli = _median([_run([sys.executable, "-m", "coalition_site.cli", "check",
                                      str(project)])[0] for _ in range(repeat)])
    return result


def _run(command: list[str]) -> tuple[float, float, str]:
    """Run ``command``; return its CPU seconds (with its own children), wall seconds, stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # Bytecode allowed: an installed package has its modules compiled (pip does it), so a user's
    # build never compiles them. Under PYTHONDONTWRITEBYTECODE a checkout's modules (an editable
    # install) would be compiled anew in every fresh build, ~0.05 s the plain site never pays.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(command, capture_output=True, text=True,
                          env={**env, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"benchmark: {' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout


def _measure_check(project: Path, repeat: int) -> tuple[float, float]:
    """Medians of ``coalition-site check`` in-process, and of parsing the same YAML."""
    from coalition_site import commands

    texts = [path.read_text(encoding="utf-8") for path in sorted((project / "content").rglob("*"))
             if path.suffix in (".md", ".yml")]

    def check() -> None:
        if commands.check(project, out=io.StringIO()) != 0:
            sys.exit(f"benchmark: the generated charter in {project} does not check clean")

    def parse() -> None:
        for text in texts:
            yaml.safe_load(text.split("---\n", 2)[1] if text.startswith("---\n") else text)

    return _median_time(check, repeat), _median_time(parse, repeat)


def _median_time(function, repeat: int) -> float:
    function()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return _median(times)


# -- reporting ---------------------------------------------------------------------------------
def report(results: list[Result], prune: bool, audience: str) -> str:
    import material
    import mkdocs

    lines = [
        f"coalition-site benchmark: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"MkDocs {mkdocs.__version__}, mkdocs-material {material.__version__}",
        f"the {audience} site" + ("" if prune else ", WITHOUT navigation.prune")
        + ("" if audience == "internal" else " (with the plugin's leak check)"),
        "Medians of CPU seconds. fresh: a new `mkdocs build` process, imports included;",
        "warm: a build in a process that has built once already (as `mkdocs serve` rebuilds).",
        "",
        f"{'charter':<38} {'pages':>5} | {'plain':>6} {'coalit.':>7} {'ratio':>5} | "
        f"{'plain':>6} {'coalit.':>7} {'ratio':>5} | {'check':>6} {'YAML':>6} {'ratio':>5} {'CLI':>6}",
        f"{'':<38} {'':>5} | {'fresh build':^20} | {'warm build':^20} | "
        f"{'check (CLI: start-up incl.)':^27}",
    ]
    for r in results:
        lines.append(
            f"{str(r.size):<38} {r.pages:>5} | {_median(r.plain):>6.2f} {_median(r.coalition):>7.2f} "
            f"{r.build_ratio:>5.2f} | {_median(r.plain_warm):>6.2f} {_median(r.coalition_warm):>7.2f} "
            f"{r.warm_ratio:>5.2f} | {r.check:>6.3f} {r.yaml_parse:>6.3f} {r.check_ratio:>5.2f} "
            f"{r.check_cli:>6.2f}")
    if any(r.core for r in results):
        lines.append("coalition-site without any feature (fresh build, ratio to plain): " + "; ".join(
            f"{_median(r.core):.2f} s, {r.core_ratio:.2f}" for r in results))
    if any(r.same for r in results):
        lines.append("plain mkdocs-material given the pages coalition-site made (same_output.py; "
                     "fresh build, coalition-site's ratio to it): " + "; ".join(
                         f"{_median(r.same):.2f} s, {r.same_ratio:.2f}" for r in results))
    lines.append("(wall seconds of the fresh builds: " + "; ".join(
        f"plain {_median(r.plain_wall):.2f}, coalition {_median(r.coalition_wall):.2f}"
        for r in results) + ")")

    base = results[0]
    if base.coalition_phases:
        lines += ["", f"where the time goes ({base.size}; fresh builds, medians of CPU seconds; "
                      "a phase's time excludes the others'):",
                  f"  {'phase':<52} {'plain':>6} {'coalit.':>7} {'more':>6} {'same output':>11}"]
        phases = list(dict.fromkeys(p for each in base.coalition_phases for p in each))
        for phase in phases:
            plain = _median([p.get(phase, 0.0) for p in base.plain_phases])
            coalition = _median([p.get(phase, 0.0) for p in base.coalition_phases])
            same = _median([p.get(phase, 0.0) for p in base.same_phases])
            lines.append(f"  {phase:<52} {plain:>6.2f} {coalition:>7.2f} {coalition - plain:>+6.2f} "
                         f"{same:>11.2f}")

    lines += ["", "feature shares of the fresh coalition build: its own steps (seconds) / all told, "
                  "what it adds to indexing and writing pages included (1 - without/with):"]
    names = list(EXPECTED_FEATURES) + sorted(
        {n for r in results for n in r.features} - set(EXPECTED_FEATURES))
    for name in names:
        cells = []
        for r in results:
            share, whole = r.share(name), r.whole_share(name)
            cells.append("n/a" if share is None else
                         f"{share:.0%} ({_median(r.features[name]):.2f} s) / {whole:.0%}")
        lines.append(f"  {EXPECTED_FEATURES.get(name, name):<26} " + "   ".join(f"{c:<24}" for c in cells))

    lines += ["", f"targets ({base.size}):"]
    for label, ratio in (("fresh", base.build_ratio), ("warm", base.warm_ratio)):
        lines.append(f"  build overhead within {TARGET_OVERHEAD:.0%} of plain ({label}): "
                     f"{ratio - 1:+.0%} -> {_verdict(ratio - 1 <= TARGET_OVERHEAD)}")
    if base.same:  # information for the planners, not a verdict: the yardstick is plain/
        lines.append(f"  (against the same output, fresh: {base.same_ratio - 1:+.0%})")
    lines.append(f"  check under {TARGET_CHECK_SECONDS:.0f} s: {base.check_cli:.2f} s for the whole "
                 f"command ({base.check:.3f} s of work) -> {_verdict(base.check_cli < TARGET_CHECK_SECONDS)}")
    for bigger in results[1:]:
        factor = bigger.size.partners / base.size.partners
        growth = {
            "plain build": _median(bigger.plain) / _median(base.plain),
            "coalition build": _median(bigger.coalition) / _median(base.coalition),
            "coalition warm build": _median(bigger.coalition_warm) / _median(base.coalition_warm),
            "check": bigger.check / base.check,
            "YAML to parse": bigger.yaml_parse / base.yaml_parse,
        }
        met = max(growth["coalition build"], growth["coalition warm build"], growth["check"]) <= factor
        lines.append(f"  x{factor:g} the charter, at most x{factor:g} the time: "
                     + ", ".join(f"{k} x{v:.2f}" for k, v in growth.items())
                     + f" -> {_verdict(met)}")
    return "\n".join(lines)


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def _median(values) -> float:
    return statistics.median(values)


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partners", type=int, default=50)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--conditions", type=int, default=40)
    parser.add_argument("--scale", type=int, default=1,
                        help="also measure the charter this many times larger (partners, years "
                             "and conditions), to show how the times grow")
    parser.add_argument("--repeat", type=int, default=3, help="timed builds of each site (default 3)")
    parser.add_argument("--no-prune", action="store_true",
                        help="build both sites without Material's navigation.prune")
    parser.add_argument("--audience", choices=generate.AUDIENCES, default="internal",
                        help="the site built: internal (every page, the default) or public "
                             "(the published site, with the plugin's leak check)")
    parser.add_argument("--work", type=Path, help="where to generate the charters (default: a "
                                                  "temporary folder, removed afterwards)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.scale < 1:
        parser.error("--repeat and --scale must be at least 1")

    size = Size(args.partners, args.years, args.conditions)
    sizes = [size] + ([size.times(args.scale)] if args.scale > 1 else [])
    work = args.work or Path(tempfile.mkdtemp(prefix="coalition-bench-"))
    try:
        results = []
        for each in sizes:
            print(f"measuring {each} ...", file=sys.stderr, flush=True)
            results.append(measure(each, work, args.repeat, prune=not args.no_prune,
                                   audience=args.audience))
        print(report(results, prune=not args.no_prune, audience=args.audience))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
