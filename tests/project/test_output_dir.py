"""Builds go to a fresh folder that replaces the target whole, or to nowhere; and a build
replaces only a folder that a build made (output_dir.py)."""

from __future__ import annotations

import ctypes
import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from coalition_site.project import output_dir
from coalition_site.errors import CoalitionSiteError
from coalition_site.project.output_dir import (MARKER, MARKER_TEXT, StagedOutput, check_place,
                                       internal_site_dir, separate_site_dirs)

ELSEWHERE = "build somewhere else with --site-dir (or site_dir in mkdocs.yml)"


def built_site(path: Path, *pages: str) -> Path:
    """A folder as an earlier build left it: pages and the marker."""
    path.mkdir(parents=True, exist_ok=True)
    (path / MARKER).write_text(MARKER_TEXT)
    for page in pages:
        (path / page).parent.mkdir(parents=True, exist_ok=True)
        (path / page).write_text(f"old {page}")
    return path


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every entry under ``folder``: a file's bytes, ``None`` for a folder."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


# -- replacing a site ------------------------------------------------------------------------------
def test_a_committed_build_replaces_the_old_site_whole(tmp_path):
    site = built_site(tmp_path / "site", "gone/index.html", ".dotfile")
    os.chmod(site, 0o755)
    staged = StagedOutput(site)
    assert staged.path.parent == tmp_path and staged.path.name.startswith(".site.building-")
    (staged.path / "index.html").write_text("new")
    assert staged.commit() == site
    assert sorted(p.name for p in site.iterdir()) == [MARKER, "index.html"]
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_every_build_leaves_the_marker_in_its_folder(tmp_path):
    staged = StagedOutput(tmp_path / "site")
    (staged.path / "index.html").write_text("new")
    site = staged.commit()
    assert (site / MARKER).read_text() == MARKER_TEXT
    assert MARKER_TEXT.count("\n") == 1 and "coalition-site" in MARKER_TEXT
    staged = StagedOutput(site)  # and the next build may replace it
    (staged.path / MARKER).unlink()  # even when a plugin removed the new one
    assert (staged.commit() / MARKER).read_text() == MARKER_TEXT


def test_an_empty_folder_is_built_into(tmp_path):
    (tmp_path / "site").mkdir()
    staged = StagedOutput(tmp_path / "site")
    (staged.path / "index.html").write_text("new")
    staged.commit()
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [MARKER, "index.html"]


def test_the_version_control_folder_of_a_site_checkout_is_kept(tmp_path):
    # `git worktree add site gh-pages`, then builds into it: the checkout must survive, as it
    # does a plain MkDocs build; every other file of the old (marked) site goes.
    site = built_site(tmp_path / "site", ".nojekyll", "old-page/index.html")
    (site / ".git" / "objects").mkdir(parents=True)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    staged = StagedOutput(site)
    (staged.path / "index.html").write_text("new")
    staged.commit()
    assert sorted(p.name for p in site.iterdir()) == [MARKER, ".git", "index.html"]
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_fresh_checkout_that_holds_only_version_control_is_built_into(tmp_path):
    # `git worktree add site gh-pages` of an empty branch: a `.git` file and nothing else. Nothing
    # would be deleted, so nothing is refused.
    site = tmp_path / "site"
    site.mkdir()
    (site / ".git").write_text("gitdir: /repo/.git/worktrees/site\n")
    staged = StagedOutput(site)
    (staged.path / "index.html").write_text("new")
    staged.commit()
    assert sorted(p.name for p in site.iterdir()) == [MARKER, ".git", "index.html"]
    assert (site / ".git").read_text() == "gitdir: /repo/.git/worktrees/site\n"


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
    site = built_site(tmp_path / "site", "index.html")
    before = snapshot(site)
    staged = StagedOutput(site)
    (staged.path / "half.html").write_text("half")
    staged.discard()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert snapshot(site) == before


# -- a folder that a build did not make --------------------------------------------------------------
def test_a_folder_of_someones_files_is_refused_and_left_byte_for_byte(tmp_path):
    notes = tmp_path / "notes"
    (notes / ".ssh").mkdir(parents=True)
    (notes / ".ssh" / "id_ed25519").write_bytes(b"-----BEGIN OPENSSH PRIVATE KEY-----\n\x00\xff")
    (notes / ".bashrc").write_text("alias ll='ls -l'\n")
    (notes / "notes.txt").write_text("call Ana\n")
    (notes / "taxes").mkdir()
    (notes / "taxes" / "2025.pdf").write_bytes(b"%PDF-1.7")
    before = snapshot(notes)
    with pytest.raises(CoalitionSiteError) as refused:
        StagedOutput(notes)
    assert str(refused.value) == (
        f"'{notes}' holds 4 files and folders that coalition-site did not build (.bashrc, .ssh, "
        f"notes.txt, ...); remove them or {ELSEWHERE}. A site built by an earlier coalition-site "
        "has no '.coalition-site' file: if this is one, delete the folder yourself, once")
    assert snapshot(notes) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes"]  # no staging folder either


def test_an_old_site_without_the_marker_is_refused_once(tmp_path):
    # Built by a coalition-site that left no marker: refused, not guessed; the user deletes it.
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    with pytest.raises(CoalitionSiteError) as refused:
        StagedOutput(site)
    assert str(refused.value) == (
        f"'{site}' holds 1 file or folder that coalition-site did not build (index.html); "
        f"remove it or {ELSEWHERE}. A site built by an earlier coalition-site has no "
        "'.coalition-site' file: if this is one, delete the folder yourself, once")
    assert (site / "index.html").read_text() == "old"


def test_a_marker_that_is_not_a_file_does_not_mark(tmp_path):
    site = tmp_path / "site"
    (site / MARKER).mkdir(parents=True)
    (site / "notes.txt").write_text("mine")
    with pytest.raises(CoalitionSiteError, match="holds 2 files and folders that coalition-site did not build"):
        StagedOutput(site)


def test_files_that_appear_during_the_build_stop_the_swap(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    staged = StagedOutput(site)  # empty: fine
    (site / "notes.txt").write_text("written while the site was building")
    with pytest.raises(CoalitionSiteError, match="holds 1 file or folder that coalition-site did not build"):
        staged.commit()
    staged.discard()
    assert snapshot(site) == {"notes.txt": b"written while the site was building"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_file_where_the_site_should_go_is_refused(tmp_path):
    (tmp_path / "site").write_text("not a folder")
    with pytest.raises(CoalitionSiteError) as refused:
        StagedOutput(tmp_path / "site")
    assert str(refused.value) == f"'{tmp_path / 'site'}' is a file, not a folder; remove it or {ELSEWHERE}"


# -- places that are never a site's folder ------------------------------------------------------------
@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project in a home folder of its own: home/coalition/{mkdocs.yml, content/}."""
    home = tmp_path / "home"
    root = home / "coalition"
    (root / "content").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: X\n")
    monkeypatch.setenv("HOME", str(home))
    return root


def refusal(target, project: Path) -> str:
    with pytest.raises(CoalitionSiteError) as refused:
        check_place(target, project_dir=project, docs_dir=project / "content")
    return str(refused.value)


def test_the_root_of_the_file_system_is_refused(project):
    assert refusal("/", project) == ("'/' is the root of the file system: a build there would "
                                     f"replace every file on this computer; {ELSEWHERE}")


def test_the_home_folder_is_refused(project):
    home = project.parent
    assert refusal(home, project) == (f"'{home}' is your home folder: a build there would "
                                      f"replace all your files; {ELSEWHERE}")


def test_a_version_control_folder_is_refused(project):
    git = project / ".git"
    assert refusal(git, project) == (f"'{git}' is a version control folder: a build there would "
                                     f"replace the repository's history; {ELSEWHERE}")
    assert refusal(project / ".hg", project).startswith(f"'{project / '.hg'}' is a version control folder")
    # `.GIT` is `.git` on the file systems of macOS and Windows
    assert refusal(project / ".GIT", project).startswith(f"'{project / '.GIT'}' is a version control folder")


@pytest.mark.parametrize("inside", [".git/site", ".git/refs/heads", ".svn/x"])
def test_a_folder_inside_a_version_control_folder_is_refused(project, inside):
    target = project / inside
    vcs = project / inside.split("/")[0]
    assert refusal(target, project) == (
        f"'{target}' is inside the version control folder '{vcs}': a build there would damage "
        f"the repository's history; {ELSEWHERE}")


def test_a_symlink_to_a_version_control_folder_is_refused(project):
    (project / ".git").mkdir()
    (project / "site").symlink_to(project / ".git")
    assert refusal(project / "site", project).startswith(f"'{project / '.git'}' is a version control folder")


def test_the_project_folder_is_refused(project):
    assert refusal(project, project) == (
        f"'{project}' is the project folder (it holds mkdocs.yml): a build there would replace "
        f"the project; {ELSEWHERE}")


def test_a_folder_that_holds_the_project_is_refused(project, monkeypatch):
    monkeypatch.setenv("HOME", str(project / "elsewhere"))
    parent = project.parent
    assert refusal(parent, project) == (
        f"'{parent}' holds the project folder '{project}': a build there would replace the "
        f"project; {ELSEWHERE}")


def test_the_content_folder_is_refused(project):
    content = project / "content"
    assert refusal(content, project) == (
        f"'{content}' is the content folder (docs_dir): a build there would replace the "
        f"charter; {ELSEWHERE}")


def test_a_folder_that_holds_the_content_folder_is_refused(project, tmp_path):
    # docs_dir outside the project folder (docs_dir: ../shared/content)
    shared = tmp_path / "shared"
    (shared / "content").mkdir(parents=True)
    with pytest.raises(CoalitionSiteError) as refused:
        check_place(shared, project_dir=project, docs_dir=shared / "content")
    assert str(refused.value) == (
        f"'{shared}' holds the content folder '{shared / 'content'}': a build there would "
        f"replace the charter; {ELSEWHERE}")


def test_a_folder_inside_the_content_folder_is_refused(project):
    target = project / "content" / "site"
    assert refusal(target, project) == (
        f"'{target}' is inside the content folder '{project / 'content'}': the site would be "
        f"read back as part of the charter; {ELSEWHERE}")


def test_a_site_folder_beside_the_content_is_fine(project, tmp_path):
    assert check_place(project / "site", project_dir=project, docs_dir=project / "content") == project / "site"
    assert check_place(tmp_path / "out", project_dir=project, docs_dir=project / "content") == tmp_path / "out"


def test_staged_output_checks_the_place_before_it_makes_anything(project):
    git = project / ".git"
    (git / "objects").mkdir(parents=True)
    (git / "HEAD").write_text("ref: refs/heads/main\n")
    before = snapshot(project)
    with pytest.raises(CoalitionSiteError, match="is a version control folder"):
        StagedOutput(git, project_dir=project, docs_dir=project / "content")
    assert snapshot(project) == before


# -- the swap -----------------------------------------------------------------------------------
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_on_linux_the_two_folders_are_exchanged_in_one_step(tmp_path, monkeypatch):
    assert output_dir._renameat2 is not None, "glibc 2.28 or later has renameat2"
    site = built_site(tmp_path / "site", "index.html")
    exchanged = []
    real = output_dir._exchange
    monkeypatch.setattr(output_dir, "_exchange", lambda a, b: exchanged.append((a, b)) or real(a, b))
    monkeypatch.setattr(output_dir.os, "rename", _no_rename)  # not a single rename of a folder
    staged = StagedOutput(site)
    (staged.path / "index.html").write_text("new")
    staged.commit()
    assert exchanged == [(staged.path, site)]
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def _no_rename(*args):
    raise AssertionError(f"os.rename{args}: the swap must be one exchange")


@pytest.mark.parametrize("code", [errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP])
def test_without_the_exchange_the_build_is_renamed_in(tmp_path, monkeypatch, code):
    # An old kernel (ENOSYS), a file system without RENAME_EXCHANGE (EINVAL): two renames.
    def renameat2(*args):
        ctypes.set_errno(code)
        return -1

    monkeypatch.setattr(output_dir, "_renameat2", renameat2)
    site = built_site(tmp_path / "site", "index.html", "gone.html")
    (site / ".git").mkdir()
    staged = StagedOutput(site)
    (staged.path / "index.html").write_text("new")
    staged.commit()
    assert snapshot(site) == {MARKER: MARKER_TEXT.encode(), ".git": None, "index.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_other_errors_of_the_exchange_are_errors(tmp_path, monkeypatch):
    def renameat2(*args):
        ctypes.set_errno(errno.EBUSY)
        return -1

    monkeypatch.setattr(output_dir, "_renameat2", renameat2)
    with pytest.raises(OSError) as raised:
        output_dir._exchange(tmp_path / "a", tmp_path / "b")
    assert raised.value.errno == errno.EBUSY


def test_a_folder_that_cannot_be_renamed_has_its_contents_replaced(tmp_path, monkeypatch):
    # A mount point (EBUSY): emptied and refilled, marker first, version control kept.
    def busy(a, b):
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(output_dir, "_exchange", busy)
    site = built_site(tmp_path / "site", "old/index.html")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref\n")
    staged = StagedOutput(site)
    (staged.path / "index.html").write_text("new")
    staged.commit()
    assert snapshot(site) == {MARKER: MARKER_TEXT.encode(), ".git": None, ".git/HEAD": b"ref\n",
                              "index.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_replacing_contents_respects_the_marker_too(tmp_path):
    mount = tmp_path / "mount"
    mount.mkdir()
    (mount / "notes.txt").write_text("mine")
    new = built_site(tmp_path / "new", "index.html")
    with pytest.raises(CoalitionSiteError, match="did not build"):
        output_dir._replace_contents(mount, new)
    assert snapshot(mount) == {"notes.txt": b"mine"}


# -- what killed builds left ----------------------------------------------------------------------
def test_the_next_build_removes_what_killed_builds_left(tmp_path):
    site = built_site(tmp_path / "site", "index.html")
    built_site(tmp_path / ".site.building-k1ll3d", "half/index.html")
    built_site(tmp_path / ".site.old-12345678", "index.html")
    staged = StagedOutput(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == [staged.path.name, "site"]
    staged.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_leftover_without_the_marker_is_left_alone(tmp_path):
    # Named like a leftover, but nothing says a build made it.
    mine = tmp_path / ".site.building-mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    StagedOutput(tmp_path / "site").commit()
    assert snapshot(mine) == {"notes.txt": b"mine"}


def test_a_running_build_is_not_taken_for_a_leftover(tmp_path):
    first = StagedOutput(tmp_path / "site")
    (first.path / "index.html").write_text("first")
    second = StagedOutput(tmp_path / "site")  # starts while the first is still building
    assert (first.path / "index.html").read_text() == "first"
    first.commit()
    second.commit()
    assert snapshot(tmp_path / "site") == {MARKER: MARKER_TEXT.encode()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_version_control_that_a_killed_build_moved_out_goes_back(tmp_path):
    # Killed between moving `.git` into its new folder and the exchange.
    site = built_site(tmp_path / "site", "index.html")
    leftover = built_site(tmp_path / ".site.building-k1ll3d", "index.html")
    (leftover / ".git").mkdir()
    (leftover / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    staged = StagedOutput(site)
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert not leftover.exists()
    staged.commit()
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"


def test_a_leftover_whose_version_control_the_site_has_again_is_kept(tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(output_dir.log, "warning", warned.append)
    site = built_site(tmp_path / "site", "index.html")
    (site / ".git").mkdir()
    leftover = built_site(tmp_path / ".site.building-k1ll3d")
    (leftover / ".git").mkdir()
    StagedOutput(site).commit()
    assert (leftover / ".git").is_dir() and (site / ".git").is_dir()
    assert warned == [
        f"coalition: '{leftover}' holds version control (.git) that a stopped build moved out of "
        f"'{site}', which has its own now; look at both, then delete the one you do not need"]


def test_the_old_site_that_a_build_killed_between_two_renames_left_goes_back(tmp_path):
    # Where the exchange is missing: killed after the old site was renamed aside.
    old = built_site(tmp_path / ".site.old-12345678", "index.html")
    built_site(tmp_path / ".site.building-k1ll3d", "index.html")
    staged = StagedOutput(tmp_path / "site")
    assert not old.exists()
    assert snapshot(tmp_path / "site") == {MARKER: MARKER_TEXT.encode(), "index.html": b"old index.html"}
    staged.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# -- the internal site's folder ---------------------------------------------------------------------
def test_the_internal_site_never_shares_the_public_folder(tmp_path):
    public = tmp_path / "site"
    assert internal_site_dir(public) == tmp_path / "site-internal"
    assert separate_site_dirs(public, public) == tmp_path / "site-internal"
    assert separate_site_dirs(tmp_path / "private", public) == tmp_path / "private"
    for overlapping in (public / "internal", tmp_path):
        with pytest.raises(CoalitionSiteError, match="overlaps"):
            separate_site_dirs(overlapping, public)
