"""`coalition-site publish` tags each version `charter-v<version>` and never silently replaces a
published version whose charter text changed (issue #13: a partner's stake reworded without
raising the version must not reach the published 1.0.0)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from coalition_site.cli import cli
from coalition_site.errors import ProjectError
from coalition_site.model import CharterVersion
from coalition_site.project.publish import tag_name
from gitrepo import GitProject, make_git_project

STAKE = "Riders keep living where the buses run."
NEW_STAKE = "Riders keep living near the bus lines."


def publish(project: GitProject, *args: str):
    return CliRunner().invoke(cli, ["publish", str(project.root), *args])


def short(project: GitProject, ref: str) -> str:
    return project.git("rev-parse", "--short", f"{ref}^{{commit}}").strip()


@pytest.fixture
def published(tmp_path) -> GitProject:
    """Version 1.0.0 published once, then a partner's stake reworded and merged, version unchanged."""
    project = make_git_project(tmp_path / "project")
    assert publish(project).exit_code == 0
    project.edit("charter/joint-demand.md", STAKE, NEW_STAKE)
    project.commit("Reword the riders' stake")
    return project


def refusal(project: GitProject, files: str) -> str:
    return (
        f"error: charter version 1.0.0 was published from commit {short(project, 'v1.0.0')} (tag "
        f"charter-v1.0.0), and the charter text has changed since in {files}; publishing it again "
        "as 1.0.0 would show partners endorsing text they never saw. Raise 'charter.version' in "
        "coalition.yml (and ask the partners to endorse the new version), or pass --force "
        "\"REASON\" to replace the published 1.0.0 all the same (the reason goes into the "
        "publishing commit)\n")


def test_a_changed_charter_text_is_not_published_over_its_version(published):
    before = published.git("rev-parse", "gh-pages")
    result = publish(published)
    assert result.exit_code == 1
    assert result.stderr == refusal(published, "charter/joint-demand.md")
    assert published.git("rev-parse", "gh-pages") == before
    assert short(published, "charter-v1.0.0") == short(published, "v1.0.0")


def test_every_changed_file_is_named(published):
    published.edit("partners/tenants-union.md", "issue:", "issue: Housing and")
    published.commit("Reword the union's issue")
    assert publish(published).stderr == refusal(
        published, "charter/joint-demand.md, partners/tenants-union.md")


def test_force_replaces_it_with_the_reason_in_the_commit_and_moves_the_tag(published):
    head = short(published, "HEAD")
    result = publish(published, "--force", "Typo fix agreed at the May meeting")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Deployed charter version 1.0.0 (public) to branch gh-pages as 1.0.0 [latest]",
        f"Moved tag charter-v1.0.0 to {head}"]
    assert published.git("log", "-1", "--format=%B", "gh-pages").strip() == (
        f"Publish charter version 1.0.0 (public) from {head}\n\n"
        "Published with --force: Typo fix agreed at the May meeting")
    assert short(published, "charter-v1.0.0") == head
    assert NEW_STAKE in published.show("gh-pages", "1.0.0/charter/joint-demand/index.html")
    # The moved tag is the new reference: publishing the same text again needs no --force.
    assert publish(published).exit_code == 0


def test_force_needs_a_reason(published):
    result = publish(published, "--force", "  ")
    assert result.exit_code == 2
    assert "Invalid value for '--force': give the reason, for example --force \"Typo in the " \
           "problem statement, text agreed at the May meeting\"" in result.stderr


def test_raising_the_version_publishes_it_beside_the_old_one(published):
    published.edit("coalition.yml", "version: 1.0.0", "version: 1.0.1")
    published.commit("Version 1.0.1")
    result = publish(published)
    assert result.exit_code == 0, result.stderr
    assert short(published, "charter-v1.0.1") == short(published, "HEAD")
    assert short(published, "charter-v1.0.0") == short(published, "v1.0.0")


def test_what_is_not_charter_text_is_published_into_the_same_version(tmp_path):
    project = make_git_project(tmp_path / "project")
    assert publish(project).exit_code == 0
    # The monthly review, an endorsement, the campaign's progress, a partner's new staff member,
    # an ordinary page: one command publishes them, the tag stays on the charter text.
    project.write("reviews/2026-12-09.md", "---\ndate: 2026-12-09\n---\nNotes.\n")
    project.edit("charter/problem-statement.md", "  riders-alliance: 2025-01-16\n",
                 "  riders-alliance: {date: 2025-01-16, revision: "
                 f"{project.git('rev-parse', 'HEAD').strip()}}}\n")
    project.edit("charter/joint-demand.md", "status: campaigning", "status: won")
    project.write("onboarding.md", project.read("onboarding.md") + "\nWelcome.\n")
    project.commit("December review")
    result = publish(project)
    assert result.exit_code == 0, result.stderr
    assert "Tagged" not in result.stdout and "Moved" not in result.stdout
    assert short(project, "charter-v1.0.0") == short(project, "v1.0.0")


UNTAGGED = (
    "error: charter version 1.0.0 is already published on branch gh-pages, but no tag "
    "charter-v1.0.0 records the charter text it was published from (it was published before "
    "coalition-site tagged versions), so publish cannot tell whether that text changed. If you "
    "know the commit it was published from, tag it: git tag -a charter-v1.0.0 -m \"Charter "
    "version 1.0.0\" COMMIT; otherwise raise 'charter.version' in coalition.yml, or pass --force "
    "\"REASON\" to replace the published 1.0.0 (the reason goes into the publishing commit)\n")


def test_a_version_published_before_tags_is_not_replaced_without_force(published):
    published.git("tag", "-d", "charter-v1.0.0")
    before = published.git("rev-parse", "gh-pages")
    result = publish(published)
    assert (result.exit_code, result.stderr) == (1, UNTAGGED)
    assert published.git("rev-parse", "gh-pages") == before
    assert published.git("tag", "-l", "charter-v*") == ""
    forced = publish(published, "--force", "Republished after the upgrade")
    assert forced.exit_code == 0, forced.stderr
    assert short(published, "charter-v1.0.0") == short(published, "HEAD")


def test_uncommitted_changes_are_warned_about(tmp_path):
    project = make_git_project(tmp_path / "project")
    project.write("onboarding.md", project.read("onboarding.md") + "\nWelcome.\n")
    result = publish(project)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == (
        "warning: the content folder has uncommitted changes: the site is built from them, but "
        "the commit the publishing commit names (and tag charter-v1.0.0 marks) does not hold "
        "them; commit them and publish again")
    assert project.git("log", "-1", "--format=%s", "gh-pages~1").strip().endswith(
        "with uncommitted changes")


def test_push_sends_a_moved_tag_too(published, tmp_path):
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    published.git("remote", "add", "origin", str(remote))
    published.git("push", "-q", "origin", "gh-pages", "charter-v1.0.0")
    result = publish(published, "--force", "Typo fix", "--push")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "Pushed gh-pages and tag charter-v1.0.0 to origin"
    remote_tag = subprocess.run(["git", "rev-parse", "charter-v1.0.0^{commit}"], cwd=remote,
                                capture_output=True, text=True).stdout.strip()
    assert remote_tag == published.git("rev-parse", "HEAD").strip()


def test_diff_against_the_published_version_shows_what_changed_since(published):
    result = CliRunner().invoke(cli, ["diff", "charter-v1.0.0", "--project", str(published.root)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"Charter changes from charter-v1.0.0 ({short(published, 'v1.0.0')}) to the working tree")
    assert NEW_STAKE in result.stdout


# -- the version names a tag: only ASCII digits reach git -----------------------------------------
@given(st.text(max_size=30))
def test_a_tag_name_is_only_ever_charter_v_and_ascii_digits(version):
    try:
        name = tag_name(version)
    except ProjectError:
        return
    assert name.startswith("charter-v")
    assert set(name.removeprefix("charter-v")) <= set("0123456789.") and name.count(".") == 2


@pytest.mark.parametrize("version", ["١.٢.٣", "1.2.3\n", "-1.2.3", "1.2", "1.2.3-rc1"])
def test_the_charter_version_is_ascii_semver(version):
    with pytest.raises(ValueError):
        CharterVersion(version=version)


def test_without_a_commit_there_is_nothing_to_tag_and_it_says_what_to_do(tmp_path):
    project = make_git_project(tmp_path / "project")
    shutil.rmtree(project.root / ".git")
    project.git("init", "-q", "-b", "main")
    project.git("config", "user.name", "Sam Okafor")
    project.git("config", "user.email", "steward@example.org")
    result = publish(project)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        "warning: the repository has no commit yet, so no tag charter-v1.0.0 marks what was "
        "published; commit the charter as published, then tag that commit: git tag -a "
        "charter-v1.0.0 -m \"Charter version 1.0.0\" HEAD")
    assert project.git("tag", "-l") == ""
