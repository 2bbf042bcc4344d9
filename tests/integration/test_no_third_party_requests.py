"""No reader's address goes to a third party: every page of the demo, both audiences, loaded in
headless Chromium with every request beyond the local server refused and listed
(tools/a11y/offline.js). `make test` installs Chromium and the script's packages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from coalition_site import commands
from support import copy_demo

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "a11y" / "offline.js"


def _offline(site: Path) -> subprocess.CompletedProcess:
    assert shutil.which("node") and (ROOT / "tools" / "a11y" / "node_modules" / "playwright-core").is_dir() \
        and Path("/usr/bin/chromium").exists(), "run `make test`: it installs Node's packages and Chromium"
    return subprocess.run(["node", str(SCRIPT), str(site)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    project = tmp_path_factory.mktemp("demo") / "project"
    return copy_demo(project)


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_no_page_of_the_demo_asks_anything_of_another_host(demo, tmp_path, audience):
    site = commands.build(demo, audience=audience, site_dir=tmp_path / "site")
    loaded = _offline(site)
    pages = sum(1 for _ in site.rglob("index.html"))
    assert (loaded.returncode, loaded.stdout) == (0, f"{pages} pages: 0 requests left the site\n")


def test_a_site_that_names_its_fonts_keeps_them_and_the_check_sees_them_leave(demo, tmp_path):
    """Material's fonts come from Google when mkdocs.yml asks for them: the choice is the site's,
    and the check is shown to catch what leaves."""
    config = demo / "mkdocs.yml"
    original = config.read_text()
    try:
        config.write_text(original.replace("  name: material\n", "  name: material\n  font: {text: Roboto}\n", 1))
        site = commands.build(demo, site_dir=tmp_path / "site")
    finally:
        config.write_text(original)
    loaded = _offline(site)
    assert loaded.returncode == 1
    assert loaded.stdout.startswith("/: a request left the site: https://fonts.googleapis.com/css?family=Roboto")
