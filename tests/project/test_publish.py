"""`coalition-site publish`: each audience's site committed with mike to its own branch.

The scenario runs once per module, in a fresh git repository without a remote: publish 1.0.0 for
the public and for the partners, publish the same build again, then ratify 1.1.0 and publish it.
The tests read the resulting branches with `git ls-tree` and `git show`, as a reviewer would.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass, field

import pytest
from click.testing import CliRunner

from coalition_site.cli import cli
from gitrepo import FIXTURES, GitProject, make_git_project


@dataclass
class Run:
    project: GitProject
    outputs: list = field(default_factory=list)
    gh_pages_before_republish: str = ""
    gh_pages_after_republish: str = ""


def publish(project: GitProject, *args: str):
    return CliRunner().invoke(cli, ["publish", str(project.root), *args])


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    project = make_git_project(tmp_path_factory.mktemp("publish") / "project", "versions")
    scenario = Run(project)
    scenario.outputs.append(publish(project))
    scenario.outputs.append(publish(project, "--audience", "internal"))
    scenario.gh_pages_before_republish = project.git("rev-parse", "gh-pages").strip()
    scenario.outputs.append(publish(project))
    scenario.gh_pages_after_republish = project.git("rev-parse", "gh-pages").strip()
    project.edit("coalition.yml", "version: 1.0.0\n  ratified: 2025-01-15",
                 "version: 1.1.0\n  ratified: 2026-03-01")
    project.edit("charter/joint-demand.md", "along its route.", "within half a mile of its route.")
    project.commit("Charter version 1.1.0", tag="v1.1.0")
    scenario.outputs.append(publish(project, "--message", "Ratified 1.1.0 at the March meeting"))
    return scenario


def tree(project: GitProject, branch: str, path: str = "") -> dict[str, str]:
    """Entry name → mode of one folder of a branch."""
    listing = project.git("ls-tree", branch, *([path] if path else []))
    return {line.split("\t")[1].rsplit("/", 1)[-1]: line.split()[0] for line in listing.splitlines()}


def test_prints_what_it_deployed(run):
    v1_0, v1_1 = (run.project.git("rev-parse", "--short", tag).strip() for tag in ("v1.0.0", "v1.1.0"))
    assert [(r.exit_code, r.stdout.strip()) for r in run.outputs] == [
        (0, "Deployed charter version 1.0.0 (public) to branch gh-pages as 1.0.0 [latest]\n"
            f"Tagged {v1_0} as charter-v1.0.0"),
        # The partners' site of the same charter text: the tag stays where it is.
        (0, "Deployed charter version 1.0.0 (internal) to branch gh-pages-internal as 1.0.0 [latest]"),
        (0, "Charter version 1.0.0 (public) is already deployed to branch gh-pages as 1.0.0 "
            "[latest]; nothing changed"),
        (0, "Deployed charter version 1.1.0 (public) to branch gh-pages as 1.1.0 [latest]\n"
            f"Tagged {v1_1} as charter-v1.1.0"),
    ]
    assert not any("warning:" in r.stderr for r in run.outputs)


def test_each_published_version_is_tagged_at_the_commit_it_was_published_from(run):
    for version, source in (("1.0.0", "v1.0.0"), ("1.1.0", "v1.1.0")):
        tag = f"charter-v{version}"
        assert run.project.git("cat-file", "-t", tag).strip() == "tag"  # annotated
        assert run.project.git("rev-parse", f"{tag}^{{commit}}") == run.project.git("rev-parse", source)
        assert run.project.git("tag", "-l", "--format=%(contents:subject)", tag).strip() == (
            f"Charter version {version}, published from {run.project.git('rev-parse', '--short', source).strip()}")


def test_versions_json_lists_every_version_with_latest_on_the_newest(run):
    assert json.loads(run.project.show("gh-pages", "versions.json")) == [
        {"version": "1.1.0", "title": "1.1.0", "aliases": ["latest"]},
        {"version": "1.0.0", "title": "1.0.0", "aliases": []},
    ]
    assert json.loads(run.project.show("gh-pages-internal", "versions.json")) == [
        {"version": "1.0.0", "title": "1.0.0", "aliases": ["latest"]},
    ]


def test_each_version_keeps_its_own_folder_and_latest_points_to_the_newest(run):
    root = tree(run.project, "gh-pages")
    assert root == {".nojekyll": "100644", "1.0.0": "040000", "1.1.0": "040000",
                    "index.html": "100644", "latest": "120000", "versions.json": "100644"}
    assert run.project.show("gh-pages", "latest") == "1.1.0"  # a symbolic link, as mike makes it
    old = run.project.show("gh-pages", "1.0.0/charter/joint-demand/index.html")
    new = run.project.show("gh-pages", "1.1.0/charter/joint-demand/index.html")
    assert "along its route." in old and "within half a mile of its route." in new


def test_the_site_root_opens_latest(run):
    assert 'href="latest/"' in run.project.show("gh-pages", "index.html")


def test_materials_version_selector_is_on_without_mkdocs_yml_saying_so(run):
    assert "extra" not in (run.project.root / "mkdocs.yml").read_text()
    page = run.project.show("gh-pages", "1.1.0/index.html")
    assert '"version": {"provider": "mike"}' in page


def test_every_version_carries_the_banner_material_shows_on_all_but_the_newest(run):
    # Material's script un-hides it on a version that is not 'latest' (its version.default).
    for version in ("1.0.0", "1.1.0"):
        banner, link = outdated_banner(run.project.show("gh-pages", f"{version}/charter/joint-demand/index.html"))
        assert posixpath.normpath(posixpath.join(f"/{version}/charter/joint-demand/", link)) == "/"  # opens latest
        assert banner == ("This is an earlier version of the charter, kept for the record: what it calls "
                          "in force may no longer be. Read the charter in force now.")


def test_a_site_built_without_mike_has_no_such_banner(tmp_path):
    shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    assert CliRunner().invoke(cli, ["build", str(tmp_path / "p")]).exit_code == 0
    assert 'data-md-component="outdated"' not in (tmp_path / "p" / "site" / "index.html").read_text()


def outdated_banner(page: str) -> tuple[str, str]:
    """The banner's text, and where its link goes."""
    match = re.search(r'<div data-md-color-scheme="default" data-md-component="outdated" hidden>\s*'
                      r'<aside class="md-banner md-banner--warning">(.*?)</aside>', page, re.S)
    assert match, "no outdated banner"
    text = re.sub(r"<script>.*?</script>|<[^>]+>", "", match.group(1), flags=re.S)
    link = re.search(r'<a href="([^"]+)"><strong>Read the charter in force now.', match.group(1))
    return " ".join(text.split()), link.group(1) if link else ""


def test_internal_site_is_on_its_own_branch(run):
    assert "board-notes" in tree(run.project, "gh-pages-internal", "1.0.0/")
    assert "SECRET-PAGE-TEXT" in run.project.show("gh-pages-internal", "1.0.0/board-notes/index.html")
    assert "board-notes" not in tree(run.project, "gh-pages", "1.0.0/")
    assert run.project.git("merge-base", "gh-pages", "gh-pages-internal", check=False) == ""


def test_public_branch_holds_no_internal_text_in_any_file_of_any_version(run):
    found = run.project.git("grep", "-l", "-I", "-E", "SECRET|CONFIDENTIAL", "gh-pages", check=False)
    assert found == ""
    history = run.project.show("gh-pages", "1.1.0/history/index.html")
    assert "Version 1.0.0" in history and "Quiet Fund" not in history


def test_publishing_the_same_build_again_commits_nothing(run):
    assert run.gh_pages_after_republish == run.gh_pages_before_republish


def test_the_commit_names_the_version_and_a_message_can_replace_it(run):
    messages = run.project.git("log", "--format=%s", "gh-pages").splitlines()
    head = run.project.git("rev-parse", "--short", "v1.0.0").strip()
    assert messages == ["Ratified 1.1.0 at the March meeting",
                        "Open latest/ at the root of the site",
                        f"Publish charter version 1.0.0 (public) from {head}"]


# -- failures: nothing is committed, and the message says what to do ------------------------------
@pytest.fixture
def git_project(tmp_path) -> GitProject:
    return make_git_project(tmp_path / "project")


def test_a_charter_with_errors_is_not_published(git_project):
    git_project.edit("coalition.yml", "version: 1.0.0", "version: one")
    git_project.commit("Break the version")
    result = publish(git_project)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "error: the charter has 1 error:",
        "content/coalition.yml:6:12: error: 'version': 'one' is not in the expected form; write a "
        "semantic version such as 1.2.0 [schema]",
    ]
    assert git_project.git("branch", "--list", "gh-pages") == ""


def test_the_charter_is_read_once_for_the_check_and_the_build(git_project, monkeypatch):
    from coalition_site import check

    loads = []
    real = check.load_charter
    monkeypatch.setattr(check, "load_charter",
                        lambda *args, **kwargs: loads.append(args) or real(*args, **kwargs))
    assert publish(git_project).exit_code == 0
    assert len(loads) == 1


def test_outside_git_it_says_how_to_start(tmp_path):
    shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    result = CliRunner().invoke(cli, ["publish", str(tmp_path / "p")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: '{tmp_path / 'p'}' is not in a git repository; publish commits the site to a branch "
        "of the project's repository: run 'git init' there (or use 'coalition-site build' for a "
        "plain folder)\n")


def test_without_a_git_identity_it_stops_before_building(git_project, monkeypatch, tmp_path):
    git_project.git("config", "--unset", "user.name")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_COMMITTER_NAME", raising=False)
    result = publish(git_project)
    assert result.exit_code == 1
    assert result.stderr == ("error: git has no user.name to sign the publishing commit with; set it "
                             "with 'git config user.name \"...\"' (in CI, set GIT_COMMITTER_NAME)\n")


def test_push_sends_the_branch_to_the_remote(git_project, tmp_path):
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git_project.git("remote", "add", "origin", str(remote))
    result = publish(git_project, "--push")
    assert result.exit_code == 0, result.stderr
    head = git_project.git("rev-parse", "--short", "HEAD").strip()
    assert result.stdout.splitlines() == [
        "Deployed charter version 1.0.0 (public) to branch gh-pages as 1.0.0 [latest]",
        f"Tagged {head} as charter-v1.0.0",
        "Pushed gh-pages and tag charter-v1.0.0 to origin",
    ]
    for ref in ("gh-pages", "charter-v1.0.0"):
        local = git_project.git("rev-parse", ref).strip()
        assert subprocess.run(["git", "rev-parse", ref], cwd=remote, capture_output=True,
                              text=True).stdout.strip() == local


def test_strict_stops_on_warnings_before_building(git_project):
    git_project.edit("charter/problem-statement.md", "  tenants-union: 2025-01-15\n", "")
    git_project.commit("Forget an endorsement")
    result = publish(git_project, "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "error: the charter has 1 warning:"
    assert "[endorsed-by-every-partner]" in result.stderr
    assert git_project.git("branch", "--list", "gh-pages") == ""


def test_a_plain_mike_deploy_gets_the_version_menu_too(tmp_path, monkeypatch):
    from coalition_site import commands

    shutil.copytree(FIXTURES / "minimal", tmp_path / "p")
    monkeypatch.setenv("MIKE_DOCS_VERSION", "1.0.0")  # what `mike deploy` sets for its build
    site = commands.build(tmp_path / "p", site_dir=tmp_path / "site")
    assert '"version": {"provider": "mike"}' in (site / "index.html").read_text()
