"""Running Graphviz: many DOT sources to SVG in as few ``dot`` processes as possible, cached.

Starting ``dot`` costs about 10 ms, and a build draws a map plus one view per partner, so every
diagram a build needs goes through one ``dot -Tsvg`` process (its input holds several graphs, its
output several SVG documents, in the same order). Each SVG is cached under the hash of its DOT
source: an unchanged diagram costs no process at all on the next build, which is what keeps
``mkdocs serve`` quick. The SVG returned here is Graphviz's raw output: sanitise it
(:mod:`coalition_site.render.svg`) before it goes anywhere near a page.

Time this step on its own with :func:`render_diagrams` and a :class:`RenderStats`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from ..errors import RenderError

log = logging.getLogger("coalition_site.diagrams")

DOT_TIMEOUT_SECONDS = 60.0
"""How long one ``dot`` process may run before the build stops with an error."""
MAX_DOT_BYTES = 1_000_000
"""The largest DOT source drawn; a bigger one is refused before Graphviz sees it."""
CACHE_VERSION = "coalition-site-diagrams-1"
"""Part of every cache key: change it when the cached output's meaning changes."""

MISSING_DOT = (
    "Graphviz's 'dot' program was not found; the Coalition Logic diagrams need it. Install "
    "Graphviz ('apt-get install graphviz' on Debian or Ubuntu, 'brew install graphviz' on macOS, "
    "or see https://graphviz.org/download/) and build again")

_SVG_END = re.compile(r"</svg>\s*")


@dataclass
class RenderStats:
    """What one or more calls of :func:`render_diagrams` cost, for benchmarks and curious users."""

    diagrams: int = 0
    cache_hits: int = 0
    dot_processes: int = 0
    seconds: float = 0.0
    """Wall-clock time spent in :func:`render_diagrams` (cache look-ups included)."""


def cache_key(source: str) -> str:
    return hashlib.sha256(f"{CACHE_VERSION}\n{source}".encode()).hexdigest()


def render_diagrams(sources: Mapping[str, str], *, cache_dir: Path | None = None,
                    stats: RenderStats | None = None, dot: str = "dot",
                    timeout: float = DOT_TIMEOUT_SECONDS) -> dict[str, str]:
    """Each DOT source (one graph each, by name) → Graphviz's SVG for it, by the same name.

    ``cache_dir`` keeps SVGs between builds (``None``: no disk cache). Raises
    :class:`RenderError` with a message fit for a user when ``dot`` is missing, too slow, or fails.
    """
    started = time.perf_counter()
    results: dict[str, str] = {}
    missing: dict[str, str] = {}
    for name, source in sources.items():
        size = len(source.encode())
        if size > MAX_DOT_BYTES:
            raise RenderError(
                f"the diagram '{name}' is too large to draw ({size // 1000} kB of DOT, the limit "
                f"is {MAX_DOT_BYTES // 1000} kB); split the Coalition Logic map or shorten its texts")
        cached = _read_cache(cache_dir, source)
        if cached is not None:
            results[name] = cached
        else:
            missing[name] = source
    if missing:
        drawn = _run_dot(list(missing.values()), dot, timeout, stats)
        if len(drawn) != len(missing):
            # Graphviz stops at the first graph it cannot draw: draw them one by one to name it.
            drawn = [_run_dot([source], dot, timeout, stats, name)[0] for name, source in missing.items()]
        for (name, source), svg in zip(missing.items(), drawn):
            results[name] = svg
            _write_cache(cache_dir, source, svg)
    if stats is not None:
        stats.diagrams += len(sources)
        stats.cache_hits += len(sources) - len(missing)
        stats.seconds += time.perf_counter() - started
    return {name: results[name] for name in sources}


def _run_dot(sources: list[str], dot: str, timeout: float, stats: RenderStats | None,
             name: str | None = None) -> list[str]:
    executable = shutil.which(dot)
    if executable is None:
        raise RenderError(MISSING_DOT)
    what = f"the diagram '{name}'" if name else f"{len(sources)} diagram{'s' * (len(sources) != 1)}"
    if stats is not None:
        stats.dot_processes += 1
    try:
        completed = subprocess.run([executable, "-Tsvg"], input="\n".join(sources).encode(),
                                   capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise RenderError(f"Graphviz took longer than {timeout:g} s to draw {what} and was stopped; "
                          "the Coalition Logic map is probably too large or too dense") from None
    except OSError as exc:
        raise RenderError(f"Graphviz's 'dot' could not be started ({exc.strerror}); {MISSING_DOT}") from None
    output = completed.stdout.decode("utf-8", errors="replace")
    if completed.returncode != 0:
        if name is None and len(sources) > 1:
            return []  # the caller retries graph by graph to say which one failed
        detail = completed.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise RenderError(f"Graphviz could not draw {what}: {detail[0][:300] if detail else 'no reason given'}")
    return [part + "</svg>\n" for part in _SVG_END.split(output) if part.strip()]


def _cache_path(cache_dir: Path, source: str) -> Path:
    return cache_dir / "diagrams" / f"{cache_key(source)}.svg"


def _read_cache(cache_dir: Path | None, source: str) -> str | None:
    if cache_dir is None:
        return None
    try:
        return _cache_path(cache_dir, source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _write_cache(cache_dir: Path | None, source: str, svg: str) -> None:
    """Write atomically, so a build stopped half-way never leaves half an SVG to a later one."""
    if cache_dir is None:
        return
    path = _cache_path(cache_dir, source)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(svg)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only cache only costs speed
        log.debug("could not cache a diagram in %s: %s", path.parent, exc)
