"""Rendered diagrams are cached where only the user can write, not in the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coalition_site.project.user_cache import user_cache_dir
from support import Sample, run


def test_the_cache_is_a_private_folder_under_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert user_cache_dir() == tmp_path / "cache" / "coalition-site"
    assert (tmp_path / "cache" / "coalition-site").stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("mode", [0o777, 0o755])  # others may plant drawings, or read internal ones
def test_a_folder_others_may_write_to_or_read_is_not_used(tmp_path, monkeypatch, mode):
    (tmp_path / "coalition-site").mkdir()
    os.chmod(tmp_path / "coalition-site", mode)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert user_cache_dir() is None


def test_a_symlink_is_not_used(tmp_path, monkeypatch):
    (tmp_path / "elsewhere").mkdir(mode=0o700)
    (tmp_path / "coalition-site").symlink_to(tmp_path / "elsewhere")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert user_cache_dir() is None


def _plant(sample: Sample, marker: str) -> None:
    """Build with a cache in the project, then doctor every drawing in it, as a pull request could."""
    assert run("build", cwd=sample.root).returncode == 0
    drawings = list((sample.root / ".cache" / "coalition" / "diagrams").glob("*.svg"))
    assert drawings
    for drawing in drawings:
        drawing.write_text(drawing.read_text().replace("</svg>", f"<text>{marker}</text></svg>"))


@pytest.mark.parametrize("cache_option, shown", [("", False), ("\n      cache_dir: .cache/coalition", True)])
def test_a_drawing_planted_in_the_project_is_shown_only_if_mkdocs_yml_names_that_folder(
        tmp_path, cache_option, shown):
    sample = Sample.copy(tmp_path / "project")
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "plugins: [search, coalition]", "plugins:\n  - search\n  - coalition:\n      cache_dir: .cache/coalition"))
    _plant(sample, "PLANTED-DRAWING")
    config.write_text(config.read_text().replace("\n      cache_dir: .cache/coalition", cache_option)
                      .replace("  - coalition:\n", "  - coalition:\n" if cache_option else "  - coalition\n"))
    assert run("build", cwd=sample.root).returncode == 0
    logic = (sample.root / "site" / "logic" / "index.html").read_text()
    assert ("PLANTED-DRAWING" in logic) is shown
    assert "<svg" in logic
