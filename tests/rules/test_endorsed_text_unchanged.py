"""Rule `endorsed-text-unchanged`: an endorsement is of the text as it stands, read from git.

Each test commits charter versions in a fresh git repository (``gitrepo``) with the commit dates
set, then runs `coalition-site check` as a steward would and reads its exact lines.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from hypothesis import given, strategies as st
from pydantic import ValidationError

from coalition_site.model import ProblemStatement
from gitrepo import FIXTURES, GitProject, make_git_project
from support import invoke

RULE = "[endorsed-text-unchanged]"
AGAIN = ("ask '{pid}' to read the {what} as it is now and endorse it again, then record the new "
         "date and revision")


def findings(project) -> list[str]:
    result = invoke("check", project.root)
    return [line for line in result.stdout.splitlines() if line.endswith(RULE)]


def commit_on(project: GitProject, monkeypatch, day: str, message: str) -> str:
    monkeypatch.setenv("GIT_COMMITTER_DATE", f"{day}T12:00:00+00:00")
    monkeypatch.setenv("GIT_AUTHOR_DATE", f"{day}T12:00:00+00:00")
    return project.commit(message)


@pytest.fixture
def project(tmp_path, monkeypatch) -> GitProject:
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-01-10T12:00:00+00:00")
    return make_git_project(tmp_path / "project")


def test_a_charter_committed_after_its_endorsements_is_not_stale(project):
    # The first commit starts the file's history: the charter was endorsed before it lived in git.
    assert findings(project) == []


def test_a_change_committed_after_a_dated_endorsement_makes_it_stale(project, monkeypatch):
    project.edit("charter/joint-demand.md", "along its route.", "near its route.")
    sha = commit_on(project, monkeypatch, "2025-03-02", "Reword the ask")
    assert findings(project) == [
        f"content/charter/joint-demand.md:14:18: warning: 'tenants-union' endorsed the joint demand "
        f"on 2025-01-15, and its text changed after that, in commit {sha[:7]} of 2025-03-02; "
        f"{AGAIN.format(pid='tenants-union', what='joint demand')} {RULE}",
        f"content/charter/joint-demand.md:15:20: warning: 'riders-alliance' endorsed the joint demand "
        f"on 2025-01-16, and its text changed after that, in commit {sha[:7]} of 2025-03-02; "
        f"{AGAIN.format(pid='riders-alliance', what='joint demand')} {RULE}",
    ]


def test_a_change_on_the_day_of_the_endorsement_is_what_was_endorsed(project, monkeypatch):
    project.edit("charter/joint-demand.md", "along its route.", "near its route.")
    commit_on(project, monkeypatch, "2025-01-15", "Reword the ask")
    # tenants-union endorsed that day; riders-alliance the day after.
    assert findings(project) == []


def test_each_file_is_checked_on_its_own(project, monkeypatch):
    project.edit("charter/problem-statement.md", "Rents rise", "Rents soar")
    commit_on(project, monkeypatch, "2025-03-02", "Reword the problem")
    assert [line.split(":")[0] for line in findings(project)] == [
        "content/charter/problem-statement.md", "content/charter/problem-statement.md"]


def test_endorsements_and_the_demands_status_are_not_its_text(project, monkeypatch):
    project.edit("charter/joint-demand.md", "status: campaigning", "status: won")
    project.edit("charter/joint-demand.md", "  riders-alliance: 2025-01-16\n",
                 "  riders-alliance: 2025-03-01\n")
    project.edit("charter/problem-statement.md", "title: The problem we share",
                 "# reworded nothing, only this comment\ntitle: 'The problem we share'")
    commit_on(project, monkeypatch, "2025-03-02", "Log the win and an endorsement")
    assert findings(project) == []


def test_changes_not_committed_count_as_made_today(project):
    project.edit("charter/problem-statement.md", "Rents rise", "Rents soar")
    assert findings(project)[0] == (
        "content/charter/problem-statement.md:4:18: warning: 'tenants-union' endorsed the problem "
        "statement on 2025-01-15, and its text changed after that, by changes not committed yet; "
        f"{AGAIN.format(pid='tenants-union', what='problem statement')} {RULE}")


def test_an_endorsement_of_the_revision_now_in_force_holds(project, monkeypatch):
    project.edit("charter/joint-demand.md", "along its route.", "near its route.")
    sha = commit_on(project, monkeypatch, "2025-03-02", "Reword the ask")
    project.edit("charter/joint-demand.md", "  tenants-union: 2025-01-15\n",
                 f"  tenants-union: {{date: 2025-03-05, revision: {sha[:7]}}}\n")
    commit_on(project, monkeypatch, "2025-03-06", "tenants-union endorses the reworded ask")
    assert [line for line in findings(project) if "'tenants-union'" in line] == []


def test_an_endorsed_revision_whose_text_changed_since_is_stale(project, monkeypatch):
    endorsed = project.git("rev-parse", "HEAD").strip()
    project.edit("charter/joint-demand.md", "  riders-alliance: 2025-01-16\n",
                 f"  riders-alliance:\n    date: 2025-01-16\n    revision: {endorsed}\n")
    commit_on(project, monkeypatch, "2025-01-16", "Record the revision riders-alliance endorsed")
    assert findings(project) == []
    project.edit("charter/joint-demand.md", "along its route.", "near its route.")
    # The date of the change does not matter when the revision is known: the text does.
    commit_on(project, monkeypatch, "2025-01-16", "Reword the ask")
    assert findings(project)[1] == (
        f"content/charter/joint-demand.md:16:5: warning: 'riders-alliance' endorsed the joint "
        f"demand at revision {endorsed}, and its text has changed since; "
        f"{AGAIN.format(pid='riders-alliance', what='joint demand')} {RULE}")


def test_a_revision_the_repository_does_not_have_is_a_finding_at_the_revision(project, monkeypatch):
    project.edit("charter/problem-statement.md", "  riders-alliance: 2025-01-16\n",
                 "  riders-alliance: {date: 2025-01-16, revision: abcdef0}\n")
    commit_on(project, monkeypatch, "2025-01-16", "Record a revision")
    assert findings(project) == [
        "content/charter/problem-statement.md:5:49: warning: 'riders-alliance' endorsed the problem "
        "statement at revision abcdef0, which is not a commit of this repository; write the commit "
        "'riders-alliance' endorsed, as 'git log --oneline' shows it (more characters when several "
        f"commits start with these) {RULE}"]


def test_outside_git_the_rule_cannot_know_and_says_nothing(tmp_path):
    shutil.copytree(FIXTURES / "minimal", tmp_path / "plain")
    (tmp_path / "plain" / "content" / "charter" / "problem-statement.md").write_text(
        "---\nendorsements:\n  tenants-union: {date: 2025-01-15, revision: abcdef0}\n---\nText.\n")
    result = invoke("check", tmp_path / "plain")
    assert RULE not in result.stdout


def test_the_rule_can_be_turned_off(project, monkeypatch):
    project.edit("charter/joint-demand.md", "along its route.", "near its route.")
    commit_on(project, monkeypatch, "2025-03-02", "Reword the ask")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "plugins: [search, coalition]",
        "plugins:\n  - search\n  - coalition:\n      rules: {endorsed-text-unchanged: off}"))
    assert findings(project) == []


# -- the revision is untrusted: it goes to git ----------------------------------------------------
@given(st.one_of(st.text(max_size=50),
                 st.text(alphabet="0123456789abcdefABCDEF-^~:.@{} \n", max_size=45)))
def test_a_revision_is_accepted_only_as_hex_digits_git_cannot_read_as_anything_else(text):
    data = {"endorsements": {"breathe": {"date": dt.date(2026, 2, 11), "revision": text}}}
    try:
        page = ProblemStatement.model_validate(data)
    except ValidationError:
        return
    revision = page.endorsed_revisions["breathe"]
    assert 7 <= len(revision) <= 64 and set(revision) <= set("0123456789abcdef")


def test_the_short_form_keeps_working_beside_the_long_one():
    page = ProblemStatement.model_validate({"endorsements": {
        "usw-1219": dt.date(2026, 2, 10),
        "breathe": {"date": dt.date(2026, 2, 11), "revision": "1a2b3c4"}}})
    assert page.endorsements == {"usw-1219": dt.date(2026, 2, 10), "breathe": dt.date(2026, 2, 11)}
    assert page.endorsed_revisions == {"breathe": "1a2b3c4"}


def test_a_merged_rewording_of_a_stake_fails_a_strict_check(project, monkeypatch):
    # Issue #13: a partner's stake reworded and merged without a new version passed `check --strict`.
    project.git("checkout", "-q", "-b", "reword")
    project.edit("charter/joint-demand.md", "Riders keep living where the buses run.",
                 "Riders keep living near the bus lines.")
    commit_on(project, monkeypatch, "2025-03-02", "Reword the riders' stake")
    project.git("checkout", "-q", "main")
    project.git("merge", "-q", "--no-ff", "-m", "Merge the rewording", "reword")
    result = invoke("check", "--strict", project.root)
    assert result.exit_code == 1
    assert result.stdout.count(RULE) == 2


def test_endorsements_recorded_in_the_pull_request_hold_after_a_later_merge(project, monkeypatch):
    # The change is dated by its own commit, not by the merge that brings it in weeks later.
    project.git("checkout", "-q", "-b", "reword")
    project.edit("charter/joint-demand.md", "along its route.", "near its route.")
    commit_on(project, monkeypatch, "2025-02-01", "Reword the ask")
    project.edit("charter/joint-demand.md", "  tenants-union: 2025-01-15\n  riders-alliance: 2025-01-16",
                 "  tenants-union: 2025-02-03\n  riders-alliance: 2025-02-04")
    commit_on(project, monkeypatch, "2025-02-05", "Both partners endorse the new wording")
    project.git("checkout", "-q", "main")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-03-01T12:00:00+00:00")
    project.git("merge", "-q", "--no-ff", "-m", "Merge the rewording", "reword")
    assert findings(project) == []
