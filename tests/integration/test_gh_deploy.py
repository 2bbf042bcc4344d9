"""``mkdocs gh-deploy`` never deploys the internal site: it fails before anything is built or
pushed, in a real repository with a real remote, and says what to do instead."""

from __future__ import annotations

import subprocess

import pytest

from gitrepo import GitProject, make_git_project
from support import MKDOCS, run

REFUSED = ("ERROR   -  coalition: 'mkdocs gh-deploy' publishes to GitHub Pages, where anyone can "
           "read it, and this is a build of the internal site ({source}); nothing was built or "
           "pushed. To deploy the public site, {undo}. Build the internal site with "
           "'coalition-site build --audience internal' and host it behind a sign-in.")
FROM_ENV = {"source": "COALITION_AUDIENCE=internal", "undo": "run it without COALITION_AUDIENCE"}
FROM_CONFIG = {"source": "audience: internal in the coalition plugin's options in mkdocs.yml",
               "undo": "set audience: public there"}


def gh_deploy(project: GitProject, **env):
    return run("gh-deploy", "--no-history", cwd=project.root, program=MKDOCS, **env)


def branch(repo, name: str) -> str | None:
    done = subprocess.run(["git", "rev-parse", "--verify", "-q", f"refs/heads/{name}"], cwd=repo,
                          capture_output=True, text=True, check=False)
    return done.stdout.strip() or None


@pytest.fixture
def deployed(tmp_path) -> GitProject:
    """The minimal sample in a repository whose remote already has the public site on gh-pages."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    project = make_git_project(tmp_path / "project")
    project.git("remote", "add", "origin", str(remote))
    project.git("push", "-q", "origin", "main")
    done = gh_deploy(project)
    assert done.returncode == 0, done.stderr
    assert branch(remote, "gh-pages") is not None
    return project


@pytest.mark.parametrize("how, expected", [("env", FROM_ENV), ("config", FROM_CONFIG)])
def test_gh_deploy_of_the_internal_site_fails_before_building_or_pushing(deployed, how, expected):
    remote = deployed.root.parent / "remote.git"
    before = branch(deployed.root, "gh-pages"), branch(remote, "gh-pages")
    if how == "config":
        config = deployed.root / "mkdocs.yml"
        config.write_text(config.read_text().replace(
            "plugins: [search, coalition]", "plugins: [search, {coalition: {audience: internal}}]"))
        done = gh_deploy(deployed)
    else:
        done = gh_deploy(deployed, COALITION_AUDIENCE="internal")
    assert done.returncode == 1
    assert REFUSED.format(**expected) in done.stderr.splitlines()
    assert (branch(deployed.root, "gh-pages"), branch(remote, "gh-pages")) == before
    assert not (deployed.root / "site-internal").exists()


def test_gh_deploy_of_the_internal_site_creates_no_branch(tmp_path):
    project = make_git_project(tmp_path / "project")
    done = gh_deploy(project, COALITION_AUDIENCE="internal")
    assert done.returncode == 1
    assert REFUSED.format(**FROM_ENV) in done.stderr.splitlines()
    assert branch(project.root, "gh-pages") is None
    assert not (project.root / "site-internal").exists()
