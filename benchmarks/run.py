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

``--scaling`` measures something else: how the costs grow with the coalition. Partners double
from ``--partners`` (50) up to ``--max`` (2,000: 50, 100 ... 1,600, then 2,000), with
``--years`` (5) of monthly reviews and 0.8 conditions a partner; for each size and both
audiences, one fresh build of each site (``--repeat`` more), printing the build's CPU and wall
seconds and peak memory (the child's ``ru_maxrss``, from ``os.wait4``), the site's size, its
largest page, the check (its work in a process of its own, and the whole command), plain
mkdocs-material given the same pages (``plain/``, the issue's first yardstick: the same page
count) and the same output (``same_output.py``; ``--no-same`` skips it, it costs a build more),
and the growth exponent between sizes: log2 of the ratio per doubling (1 is linear, 2 quadratic).

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


# -- how the costs grow: --scaling -------------------------------------------------------------
SCALING_START, SCALING_MAX, SCALING_YEARS = 50, 2000, 5
CONDITIONS_PER_PARTNER = 0.8  # the default charter's 40 conditions for 50 partners
TARGET_SCALE = {"partners": 2000, "seconds": 60.0, "memory_mb": 1024, "site_mb": 500, "check": 2.0}


def scaling_sizes(start: int, largest: int) -> list[int]:
    """``start`` doubled up to ``largest``; ``largest`` itself last when doubling misses it."""
    sizes = []
    size = start
    while size <= largest:
        sizes.append(size)
        size *= 2
    if sizes[-1] != largest and largest > start:
        sizes.append(largest)
    return sizes


@dataclass
class Run:
    """One process: CPU and wall seconds, peak memory (MB), its stdout."""

    cpu: float
    wall: float
    memory_mb: float
    stdout: str


def run_child(command: list[str], **extra_env: str) -> Run:
    """Run ``command`` and measure it alone: ``os.wait4`` gives this child's own resource use
    (``RUSAGE_CHILDREN`` keeps the largest peak of every child so far)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra_env)
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(command, stdout=out, stderr=err,
                                 env={**env, "NO_MKDOCS_2_WARNING": "1"})
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode != 0:
        sys.exit(f"benchmark: {' '.join(command)} failed:\n{stdout}{stderr}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, stdout)


@dataclass
class SiteFigures:
    """One site built once or more: medians, and what it wrote."""

    cpu: float
    wall: float
    memory_mb: float
    site_mb: float
    largest_kb: float
    largest_page: str
    pages: int


@dataclass
class ScaleRow:
    partners: int
    audience: str
    coalition: SiteFigures
    plain: SiteFigures
    same: SiteFigures | None
    check: float
    check_cli: float
    weights: dict[str, dict[str, int]] | None = None
    check_first: float = 0.0
    """Wall seconds of the whole command with an empty readings cache (a pull request's first
    check, on every core): what the target is judged by."""


@dataclass
class Failed:
    """A size whose build failed: what it said. The larger sizes of its audience are skipped."""

    partners: int
    audience: str
    message: str


def site_figures(site: Path) -> tuple[float, float, str, int]:
    """The site's size (MB), its largest page (KB and where) and its number of pages."""
    total, largest, where, pages = 0, 0, "", 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix == ".html":
            pages += 1
            if size > largest:
                largest, where = size, str(path.parent.relative_to(site)) + "/"
    return total / 1e6, largest / 1e3, where, pages


def measure_site(config: Path, site: Path, cache: Path, repeat: int) -> SiteFigures:
    """Fresh builds of ``config`` into ``site`` (a new process each, the diagram cache cleared)."""
    runs = [run_child([sys.executable, str(HERE / "timed_build.py"), "--clear", str(cache),
                       str(config), str(site)]) for _ in range(repeat)]
    size, largest, where, pages = site_figures(site)
    return SiteFigures(_median([r.cpu for r in runs]), _median([r.wall for r in runs]),
                       max(r.memory_mb for r in runs), size, largest, where, pages)


WEIGH = HERE.parent / "tools" / "a11y" / "weigh.js"
WEIGHED = {"home": "", "partner": None, "dashboard": "vitality/"}
"""The pages weighed: the home page, the largest partner page and the vitality dashboard."""


def page_weights(site: Path) -> dict[str, dict[str, int]] | None:
    """What a first visit downloads for each page of :data:`WEIGHED` (``tools/a11y/weigh.js``,
    headless Chromium), or ``None`` where Node's packages or Chromium are not installed."""
    if not (shutil.which("node") and (WEIGH.parent / "node_modules" / "playwright-core").is_dir()
            and Path("/usr/bin/chromium").exists()):
        return None
    partners = [p for p in (site / "partners").glob("*/index.html")]
    largest = max(partners, key=lambda p: p.stat().st_size)
    pages = {**WEIGHED, "partner": f"partners/{largest.parent.name}/"}
    done = subprocess.run(["node", str(WEIGH), str(site), *pages.values()], capture_output=True,
                          text=True, check=True)
    weights = json.loads(done.stdout)
    return {kind: weights[page] for kind, page in pages.items()}


CHECK_WORK = ("import io, sys, time; from pathlib import Path; from coalition_site import commands; "
              "start = time.process_time(); code = commands.check(Path(sys.argv[1]), out=io.StringIO()); "
              "print(time.process_time() - start); sys.exit(code)")


def measure_scale(partners: int, audience: str, work: Path, *, years: int, repeat: int,
                  same: bool, weigh: bool = True, conditions: int | None = None) -> ScaleRow:
    project = work / f"scale-{partners}-{audience}"
    conditions = conditions or max(1, round(partners * CONDITIONS_PER_PARTNER))
    generate.generate(project, partners=partners, years=years, conditions=conditions,
                      audience=audience)
    sites = work / "sites" / f"{partners}-{audience}"
    cache = project / ".cache"
    coalition = measure_site(project / "mkdocs.yml", sites / "coalition", cache, repeat)
    plain = measure_site(project / "plain" / "mkdocs.yml", sites / "plain", cache, repeat)
    same_figures = None
    if same:
        run_child([sys.executable, str(HERE / "same_output.py"), str(project / "mkdocs.yml"),
                   str(project / "same")])
        same_figures = measure_site(project / "same" / "mkdocs.yml", sites / "same", cache, repeat)
    check = _median([float(run_child([sys.executable, "-c", CHECK_WORK, str(project)]).stdout)
                     for _ in range(repeat)])
    check_cli = _median([run_child([sys.executable, "-m", "coalition_site.cli", "check",
                                    str(project)]).cpu for _ in range(repeat)])
    check_first = _median([_first_check(project) for _ in range(repeat)])
    weights = page_weights(sites / "coalition") if weigh else None
    return ScaleRow(partners, audience, coalition, plain, same_figures, check, check_cli, weights,
                    check_first)


def _first_check(project: Path) -> float:
    """Wall seconds of ``coalition-site check`` with no readings cached (an empty cache folder)."""
    with tempfile.TemporaryDirectory(prefix="coalition-cache-") as cache:
        return run_child([sys.executable, "-m", "coalition_site.cli", "check", str(project)],
                         XDG_CACHE_HOME=cache).wall


def exponent(small: float, large: float, factor: float) -> float:
    """The growth exponent between two sizes: log2 of the ratio per doubling."""
    import math

    return math.log(large / small) / math.log(factor) if small > 0 and large > 0 else float("nan")


def scaling_report(results: list[ScaleRow | Failed], years: int, repeat: int,
                   conditions: int | None = None) -> str:
    import material
    import mkdocs

    load = os.getloadavg()
    rows = [r for r in results if isinstance(r, ScaleRow)]
    lines = [
        f"coalition-site scaling: {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} "
        f"{load[2]:.1f} at the end, Python {platform.python_version()}, MkDocs {mkdocs.__version__}, "
        f"mkdocs-material {material.__version__}",
        f"{years} years of monthly reviews, "
        + (f"{conditions} conditions" if conditions else f"{CONDITIONS_PER_PARTNER:g} conditions a partner")
        + "; "
        f"fresh builds (median of {repeat}), CPU seconds of the build process and what it ran; "
        "memory: the build process's peak (ru_maxrss)",
        "exp: the growth exponent from the size above, log2 of the ratio per doubling "
        "(1 linear, 2 quadratic)",
    ]
    for audience in dict.fromkeys(r.audience for r in results):
        mine = [r for r in rows if r.audience == audience]
        lines += ["", f"the {audience} site:",
                  f"{'partners':>8} {'pages':>5} | {'build':>7} {'exp':>5} {'wall':>6} {'memory':>7} "
                  f"{'site':>8} {'exp':>5} {'largest page':>12} {'exp':>5} | {'check':>6} {'exp':>5} "
                  f"{'CLI':>6} {'first':>6} | {'plain':>7} {'exp':>5} {'site':>8} {'largest':>9} {'ratio':>5} | "
                  f"{'same':>7} {'ratio':>5}"]
        previous = None
        for r in mine:
            c, p = r.coalition, r.plain

            def grow(attribute: str, figures: str = "coalition") -> str:
                if previous is None:
                    return f"{'':>5}"
                before = getattr(getattr(previous, figures), attribute) if figures else getattr(previous, attribute)
                now = getattr(getattr(r, figures), attribute) if figures else getattr(r, attribute)
                return f"{exponent(before, now, r.partners / previous.partners):>5.2f}"

            same = (f"{r.same.cpu:>6.1f}s {c.cpu / r.same.cpu:>5.2f}" if r.same else f"{'n/a':>7} {'':>5}")
            lines.append(
                f"{r.partners:>8} {c.pages:>5} | {c.cpu:>6.1f}s {grow('cpu')} {c.wall:>5.1f}s "
                f"{c.memory_mb:>5.0f}MB {c.site_mb:>6.1f}MB {grow('site_mb')} {c.largest_kb:>10.0f}KB "
                f"{grow('largest_kb')} | {r.check:>5.2f}s {grow('check', '')} {r.check_cli:>5.2f}s "
                f"{r.check_first:>5.2f}s | "
                f"{p.cpu:>6.1f}s {grow('cpu', 'plain')} {p.site_mb:>6.1f}MB {p.largest_kb:>7.0f}KB "
                f"{c.cpu / p.cpu:>5.2f} | {same}")
            previous = r
        lines += [f"{f.partners:>8}  FAILED: {f.message}" for f in results
                  if isinstance(f, Failed) and f.audience == audience]
        lines.append("largest pages: " + "; ".join(f"{r.partners}: {r.coalition.largest_page}"
                                                   for r in mine))
        weighed = [r for r in mine if r.weights]
        if weighed:
            lines += ["what a first visit downloads (KB; headless Chromium, an empty cache): the page's "
                      "HTML / everything, of which the search index",
                      f"{'partners':>8} | {'home':>17} | {'largest partner page':>20} | "
                      f"{'dashboard':>17} | {'search index':>12} | {'CSS + JS + images':>17}"]
            for r in weighed:
                w = r.weights
                lines.append(
                    f"{r.partners:>8} | " + " | ".join(
                        f"{w[kind]['html'] / 1e3:>7.0f} / {w[kind]['total'] / 1e3:>7.0f}"
                        for kind in ("home", "partner", "dashboard"))
                    + f"    | {w['home']['data'] / 1e3:>12.0f} | "
                      f"{(w['home']['css'] + w['home']['js'] + w['home']['image']) / 1e3:>17.0f}")
    largest = [r for r in rows if r.partners >= TARGET_SCALE["partners"]]
    lines += ["", "targets:"]
    if largest:
        for r in largest:
            c = r.coalition
            lines.append(
                # "On these 2 cores, in under a minute": the time a steward waits. A large build
                # uses both cores (coalition_site/parallel.py), so its CPU time is more.
                f"  {r.audience} at {r.partners:,} partners: build {c.wall:.1f} s wall ({c.cpu:.1f} s CPU) under "
                f"{TARGET_SCALE['seconds']:.0f} s -> {_verdict(c.wall < TARGET_SCALE['seconds'])}; "
                f"memory {c.memory_mb:.0f} MB under {TARGET_SCALE['memory_mb']} MB -> "
                f"{_verdict(c.memory_mb < TARGET_SCALE['memory_mb'])}; site {c.site_mb:.0f} MB under "
                f"{TARGET_SCALE['site_mb']} MB -> {_verdict(c.site_mb < TARGET_SCALE['site_mb'])}; "
                f"check, first run (no readings cached; wall) {r.check_first:.2f} s under "
                f"{TARGET_SCALE['check']:.0f} s -> {_verdict(r.check_first < TARGET_SCALE['check'])} "
                f"(checked before: {r.check_cli:.2f} s CPU)")
    for audience in dict.fromkeys(r.audience for r in rows):
        mine = [r for r in rows if r.audience == audience]
        if len(mine) < 2:
            continue
        worst = max(max(exponent(getattr(a.coalition, name), getattr(b.coalition, name),
                                 b.partners / a.partners) for a, b in zip(mine, mine[1:]))
                    for name in ("cpu", "site_mb", "largest_kb"))
        lines.append(f"  {audience}: linear (each doubling at most doubles the build, the site and "
                     f"the largest page: every exponent <= 1): the largest is {worst:.2f} -> "
                     f"{_verdict(worst <= 1.0)}")
    return "\n".join(lines)


def scaling(args) -> int:
    sizes = scaling_sizes(args.partners, args.max)
    audiences = ["internal", "public"] if args.audience == "both" else [args.audience]
    work = args.work or Path(tempfile.mkdtemp(prefix="coalition-scale-"))
    rows: list[ScaleRow | Failed] = []
    failed: set[str] = set()
    try:
        for partners in sizes:
            for audience in audiences:
                if audience in failed:
                    continue
                print(f"measuring {partners} partners, the {audience} site ...", file=sys.stderr,
                      flush=True)
                try:
                    rows.append(measure_scale(partners, audience, work, years=args.years,
                                              repeat=args.repeat, same=not args.no_same,
                                              weigh=not args.no_weights, conditions=args.conditions))
                except SystemExit as exc:  # a build that failed: said in the table, not lost
                    message = str(exc.code).strip().splitlines()[-1]
                    rows.append(Failed(partners, audience, message))
                    failed.add(audience)
                # What was measured so far, should a large size run out of time or memory.
                print(scaling_report(rows, args.years, args.repeat, args.conditions),
                      file=sys.stderr, flush=True)
        print(scaling_report(rows, args.years, args.repeat, args.conditions))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partners", type=int, default=50)
    parser.add_argument("--years", type=int, default=None,
                        help="years of monthly reviews (default 10; 5 with --scaling)")
    parser.add_argument("--conditions", type=int, default=None,
                        help="Coalition Logic conditions (default 40; with --scaling, 0.8 a "
                             "partner, or this many at every size)")
    parser.add_argument("--scale", type=int, default=1,
                        help="also measure the charter this many times larger (partners, years "
                             "and conditions), to show how the times grow")
    parser.add_argument("--repeat", type=int, default=None,
                        help="timed builds of each site (default 3; 1 with --scaling)")
    parser.add_argument("--no-prune", action="store_true",
                        help="build both sites without Material's navigation.prune")
    parser.add_argument("--audience", choices=[*generate.AUDIENCES, "both"], default=None,
                        help="the site built: internal (every page, the default) or public "
                             "(the published site, with the plugin's leak check); both (the "
                             "default with --scaling)")
    parser.add_argument("--scaling", action="store_true",
                        help="the scaling table: partners doubling from --partners to --max")
    parser.add_argument("--max", type=int, default=SCALING_MAX,
                        help=f"with --scaling, the largest number of partners (default {SCALING_MAX})")
    parser.add_argument("--no-weights", action="store_true",
                        help="with --scaling, do not weigh pages in headless Chromium")
    parser.add_argument("--no-same", action="store_true",
                        help="with --scaling, leave out the same-output yardstick (a build more a size)")
    parser.add_argument("--work", type=Path, help="where to generate the charters (default: a "
                                                  "temporary folder, removed afterwards)")
    args = parser.parse_args(argv)
    if args.scaling:
        args.years = args.years or SCALING_YEARS
        args.repeat = args.repeat or 1
        args.audience = args.audience or "both"
        if args.repeat < 1 or args.max < args.partners or args.partners < 2:
            parser.error("--repeat must be at least 1, --partners at least 2 and --max at least --partners")
        return scaling(args)
    args.years = args.years or 10
    args.conditions = args.conditions or 40
    args.repeat = args.repeat or 3
    args.audience = args.audience or "internal"
    if args.audience == "both":
        parser.error("--audience both is for --scaling")
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
