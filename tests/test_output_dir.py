"""Builds go to a fresh folder that replaces the target whole, or to nowhere."""

from __future__ import annotations

import os
import stat

import pytest

from coalition_site.errors import CoalitionSiteError
from coalition_site.output_dir import StagedOutput, internal_site_dir, separate_site_dirs


def test_a_committed_build_replaces_the_old_site_whole(tmp_path):
    site = tmp_path / "site"
    (site / "gone").mkdir(parents=True)
    (site / ".dotfile").write_text("stale")
    os.chmod(site, 0o755)
    staged = StagedOutput(site)
    assert staged.path.parent == tmp_path and staged.path.name.startswith(".site.building-")
    (staged.path / "index.html").write_text("new")
    assert staged.commit() == site
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_version_control_folder_of_a_site_checkout_is_kept(tmp_path):
    # `git worktree add site gh-pages`, then a build into it: the checkout must survive, as it
    # does a plain MkDocs build; every other file of the old site goes.
    site = tmp_path / "site"
    (site / ".git" / "objects").mkdir(parents=True)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (site / ".nojekyll").write_text("")
    (site / "old-page").mkdir()
    staged = StagedOutput(site)
    (staged.path / "index.html").write_text("new")
    staged.commit()
    assert sorted(p.name for p in site.iterdir()) == [".git", "index.html"]
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_first_build_gets_a_folder_others_can_read(tmp_path):
    staged = StagedOutput(tmp_path / "out" / "site")
    staged.commit()
    mode = stat.S_IMODE((tmp_path / "out" / "site").stat().st_mode)
    assert mode == 0o777 & ~_umask()  # as a plain mkdir would make it, not mkdtemp's 0700


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_discarded_build_leaves_the_site_as_it_was(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    staged = StagedOutput(site)
    (staged.path / "half.html").write_text("half")
    staged.discard()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert (site / "index.html").read_text() == "old"


def test_a_file_where_the_site_should_go_is_refused(tmp_path):
    (tmp_path / "site").write_text("not a folder")
    with pytest.raises(CoalitionSiteError, match="is a file, not a folder; remove it or build somewhere else"):
        StagedOutput(tmp_path / "site")


def test_the_internal_site_never_shares_the_public_folder(tmp_path):
    public = tmp_path / "site"
    assert internal_site_dir(public) == tmp_path / "site-internal"
    assert separate_site_dirs(public, public) == tmp_path / "site-internal"
    assert separate_site_dirs(tmp_path / "private", public) == tmp_path / "private"
    for overlapping in (public / "internal", tmp_path):
        with pytest.raises(CoalitionSiteError, match="overlaps"):
            separate_site_dirs(overlapping, public)
