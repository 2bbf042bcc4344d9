"""Reading a repository safely: hostile trees never write outside the extraction folder."""

from __future__ import annotations

import os
import subprocess

import pytest

from coalition_site.load.git import GitError, Repository
from gitrepo import GitProject, make_git_project


@pytest.fixture
def git_project(tmp_path) -> GitProject:
    return make_git_project(tmp_path / "project")


def run(project, *args: str, input: str | None = None) -> str:
    return subprocess.run(["git", *args], cwd=project.root, input=input, capture_output=True,
                          text=True, check=True).stdout.strip()


def test_a_tree_with_dot_dot_entries_writes_only_inside(git_project, tmp_path):
    blob = run(git_project, "hash-object", "-w", "--stdin", input="---\ntitle: x\n---\n")
    inner = run(git_project, "mktree", input=f"100644 blob {blob}\tescaped.md\n")
    # content/../../escaped.md: two levels up from the content folder, one above the destination.
    up = run(git_project, "mktree", input=f"040000 tree {inner}\t..\n")
    content = run(git_project, "mktree", input=f"040000 tree {up}\t..\n100644 blob {blob}\tkept.md\n")
    top = run(git_project, "mktree", input=f"040000 tree {content}\tcontent\n")
    commit = run(git_project, "commit-tree", "-m", "hostile", top)
    destination = tmp_path / "out" / "deep"
    destination.mkdir(parents=True)
    written = Repository(git_project.root.resolve()).extract(commit, "content", destination)
    assert written == 1
    out = tmp_path / "out"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "deep/content/kept.md"]
    assert run(git_project, "status", "--porcelain") == ""  # nothing written into the project either


def test_symbolic_links_are_never_extracted(git_project, tmp_path):
    os.symlink("/etc/passwd", git_project.content / "passwd.md")
    git_project.commit("A link")
    Repository(git_project.root.resolve()).extract("HEAD", "content", tmp_path)
    assert not (tmp_path / "content" / "passwd.md").exists()
    assert (tmp_path / "content" / "coalition.yml").read_text() == (git_project.content / "coalition.yml").read_text()


@pytest.mark.parametrize("revision", ["--output=/tmp/x", "-p", "HEAD HEAD", "a\nb", ""])
def test_revisions_that_git_could_read_as_options_are_refused(git_project, revision):
    with pytest.raises(GitError, match="is not a revision; give a branch, a tag or a commit"):
        Repository(git_project.root.resolve()).resolve(revision)


def test_outside_a_repository_there_is_none(tmp_path):
    assert Repository.find(tmp_path) is None
