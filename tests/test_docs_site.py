"""The documentation builds as a site (`make docs`): strictly, every page in its navigation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _nav_pages(nav) -> list[str]:
    pages = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_the_documentation_builds_strictly_with_every_page_in_its_navigation(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(ROOT / "mkdocs.docs.yml"),
         "-d", str(tmp_path / "docs-site")],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=ROOT)
    assert (built.returncode, built.stderr) == (0, "")
    config = yaml.safe_load((ROOT / "mkdocs.docs.yml").read_text())
    listed = _nav_pages(config["nav"])
    written = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    assert sorted(listed) == written  # no page of docs/ left out of the navigation
    assert listed[:2] == ["index.md", "getting-started.md"]  # the steward's story first
    for page in listed:
        html = tmp_path / "docs-site" / (page.removesuffix(".md").removesuffix("index") + "/index.html"
                                         ).lstrip("/").replace("//", "/")
        assert html.is_file(), page
        assert "fonts.googleapis.com" not in html.read_text(encoding="utf-8")
