"""What one hostile page costs a build, as a ratio to Python-Markdown's own time on it.

A pull request can add a page made to be slow: 0.96 MB of `a](b) ` once took 47 s to build, 45 s
of it in a link scanner of coalition-site's own. For each pathological text, this builds the
minimal sample with and without such a page (both through `coalition-site build`, public, in
one run) and prints what the page added to the build, divided by what Python-Markdown alone
takes to render it with the same extensions. Issue #11's target: within 2x. Texts on which
Python-Markdown itself is slow (a raw-HTML or code-span pattern repeated) show it: coalition-site
cannot be faster than the parser it builds with.

    python benchmarks/pathological.py [--kb 200]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coalition_site import commands  # noqa: E402
from coalition_site.markup import REQUIRED_EXTENSIONS  # noqa: E402

UNITS = ["a](b) ", "[x]: y\n", "![", "{ .", "&#", "!!!! ", "> ", "http://x.org ", "**a ", "_a ",
         "!!! note\n    x\n"]


def _build(project: Path) -> float:
    started = time.perf_counter()
    commands.build(project, site_dir=project / "site")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=int, default=200, help="size of each hostile page (KB)")
    args = parser.parse_args()
    import logging
    logging.disable(logging.INFO)
    print(f"{'text':<18} {'Markdown':>9} {'page in build':>14} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", project)
        _build(project)  # imports and caches, once
        base = min(_build(project) for _ in range(2))
        for unit in UNITS:
            body = unit * (args.kb * 1000 // len(unit))
            started = time.perf_counter()
            markdown.markdown(body, extensions=list(REQUIRED_EXTENSIONS))
            alone = time.perf_counter() - started
            page = project / "content" / "hostile.md"
            page.write_text("---\ntitle: Hostile\n---\n" + body, encoding="utf-8")
            added = _build(project) - base
            page.unlink()
            print(f"{unit!r:<18} {alone:>8.2f}s {added:>13.2f}s {added / alone:>6.2f}")


if __name__ == "__main__":
    main()
