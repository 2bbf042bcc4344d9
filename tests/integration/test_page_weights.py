"""What a visitor downloads stays light: the demo's home page, every partner page and the vitality
dashboard, both audiences, each loaded in headless Chromium with an empty cache and every byte it
fetched counted by kind (tools/a11y/weigh.js), under the budgets of benchmarks/README.md.

Not a timed test: the bytes a page makes a browser fetch are the same on every run.

The budgets start from what plain mkdocs-material makes a browser fetch for a one-page site
(measured with the same script: 303 KB, of which its stylesheet 138 KB, its scripts 154 KB and
its icon 2 KB; it also asks Google for the Roboto fonts, which coalition-site does not):
coalition-site may add its own stylesheet and Material's palette, no script and no font, and
each page's HTML and the search index may hold what the page shows.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from coalition_site import commands
from support import copy_demo

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "a11y" / "weigh.js"
AS_OF = dt.datetime(2026, 11, 24, 12, tzinfo=dt.timezone.utc)
KB = 1024

SHARED = {"css": 176 * KB, "js": 160 * KB, "font": 0, "image": 8 * KB, "data": 192 * KB, "other": 0}
"""What every page loads, the same on every page: Material's stylesheets (main 134 KB, palette
12 KB) and our own (16 KB), Material's scripts (the bundle 111 KB, the search worker 39 KB: we
add none), no font at all (the system's fonts: no download, and no request to Google), the icon,
and the search index (``data``: Material's worker fetches it as the page loads)."""

HTML = {"home": 48 * KB, "partner": 96 * KB, "dashboard": 200 * KB}
"""What each page's own HTML may weigh: plain Material's own page is 10 KB of HTML; a home page
lists the partners and the joint demand, a partner page its stakes, conditions and map, the
dashboard its charts and alignment grid."""

TOTAL = {"home": 512 * KB, "partner": 576 * KB, "dashboard": 640 * KB}
"""Everything a first visit downloads: at most plain Material's 303 KB and the page's share."""


def _weigh(site: Path, pages: list[str]) -> dict[str, dict[str, int]]:
    assert shutil.which("node") and (ROOT / "tools" / "a11y" / "node_modules" / "playwright-core").is_dir() \
        and Path("/usr/bin/chromium").exists(), "run `make test`: it installs Node's packages and Chromium"
    done = subprocess.run(["node", str(SCRIPT), str(site), *pages], capture_output=True, text=True,
                          timeout=300, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    project = tmp_path_factory.mktemp("weights") / "project"
    return copy_demo(project)


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_the_demos_pages_stay_under_their_budgets(demo, tmp_path, audience):
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", str(int(AS_OF.timestamp())))
        env.delenv("COALITION_AUDIENCE", raising=False)
        site = commands.build(demo, audience=audience, site_dir=tmp_path / "site")
    partners = sorted(f"partners/{p.name}/" for p in (site / "partners").iterdir() if p.is_dir())
    kinds = {"": "home", "vitality/": "dashboard", **{p: "partner" for p in partners}}
    weights = _weigh(site, list(kinds))
    assert len(partners) >= 4
    over = []
    for page, kind in kinds.items():
        weight = weights[page]
        assert weight["refused"] == 0, f"/{page} asked another host for something"
        budgets = {**SHARED, "html": HTML[kind], "total": TOTAL[kind]}
        over += [f"/{page}: {name} {weight[name]:,} bytes, over its budget of {budget:,}"
                 for name, budget in budgets.items() if weight[name] > budget]
    assert over == []


def test_the_weigher_counts_every_byte_the_browser_fetched(tmp_path):
    """A page of known bytes: its HTML, a stylesheet, a script and an image it references."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title><link rel="stylesheet" href="../s.css">'
        '<script src="../j.js"></script></head><body><img src="../i.svg" alt="x"></body></html>')
    (tmp_path / "s.css").write_text("body{color:#111}" * 10)
    (tmp_path / "j.js").write_text("var x = 1;\n" * 20)
    (tmp_path / "i.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')
    weight = _weigh(tmp_path, ["a/"])["a/"]
    size = {name: (tmp_path / name).stat().st_size for name in ("a/index.html", "s.css", "j.js", "i.svg")}
    assert {k: weight[k] for k in ("html", "css", "js", "image", "font", "requests")} == \
        {"html": size["a/index.html"], "css": size["s.css"], "js": size["j.js"], "image": size["i.svg"],
         "font": 0, "requests": 4}
    assert weight["total"] == sum(size.values())
