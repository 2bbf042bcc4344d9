"""`coalition-site diff BASE [HEAD]`: the charter compared between two git revisions."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from coalition_site.cli import cli
from gitrepo import make_git_project


def amend_to_1_1_0(project) -> None:
    """The changes a coalition might ratify as version 1.1.0, as partners would write them."""
    project.edit("coalition.yml", "version: 1.0.0\n  ratified: 2025-01-15", "version: 1.1.0")
    project.edit("charter/joint-demand.md", "along its route.", "within half a mile of its route.")
    project.edit("charter/joint-demand.md", "endorsements:\n  tenants-union: 2025-01-15", (
        "  - id: fare-freeze\n"
        "    ask: Freeze bus fares for two years.\n"
        "    benefits:\n"
        "      riders-alliance: Riders can afford the bus.\n"
        "endorsements:\n"
        "  tenants-union: 2026-03-01"))
    project.edit("partners/riders-alliance.md", "joined: 2024-03-01", (
        "joined: 2024-03-01\nstatus: stepped-back\nstepped_back:\n"
        "  since: 2026-02-01\n  scope: the fare campaign\n  reason: A contract fight needs everyone."))
    project.edit("logic.yml", "    status: open\n  - id: secret-tension",
                 "    status: resolved\n    resolution: Split the budget line.\n  - id: secret-tension")
    project.edit("charter/conflict-protocol.md", "decision_rule: consensus", "decision_rule: consent")
    project.edit("charter/steward-mandate.md", "term_ends: 2027-03-31", "term_ends: 2028-03-31")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    project = make_git_project(tmp_path_factory.mktemp("diff") / "project")
    amend_to_1_1_0(project)
    project.commit("Charter version 1.1.0 (draft)", tag="v1.1.0-draft")
    return project


def diff(project, *args: str):
    return CliRunner().invoke(cli, ["diff", *args, "--project", str(project.root)])


EXPECTED_TEXT = """\
Charter changes from v1.0.0 ({base}) to v1.1.0-draft ({head})

Version
  ~ charter version: 1.0.0 → 1.1.0
  ~ ratified: 2025-01-15 → not yet

Joint demand
  + ask 'fare-freeze' added: "Freeze bus fares for two years."
  ~ ask 'transit-oriented-protections' reworded
      was: Pair every new bus line with tenant protections along its route.
      now: Pair every new bus line with tenant protections within half a mile of its route.
  + Riverside Riders Alliance's stake in ask 'fare-freeze' added: "Riders can afford the bus."

Partners
  ~ Riverside Riders Alliance stepped back from "the fare campaign"

Steward mandate
  ~ Sam Okafor's term end: 2027-03-31 → 2028-03-31

Conflict protocol
  ~ decision rule: consensus → consent

Coalition Logic map
  ~ tension 'fares-vs-rents': open → resolved
  + resolution of tension 'fares-vs-rents' added: "Split the budget line."

Endorsements
  ~ Riverside Tenants Union endorsed the joint demand again: 2025-01-15 → 2026-03-01

Endorsements to renew
  ! Riverside Tenants Union endorsed the problem statement on 2025-01-15, for version 1.0.0; ask for its endorsement of version 1.1.0 and write the new date

11 changes; 1 endorsement to renew or version to raise.
"""


def test_text_names_each_change_in_the_charters_terms(repo):
    result = diff(repo, "v1.0.0", "v1.1.0-draft")
    assert result.exit_code == 0, result.stderr
    base, head = (repo.git("rev-parse", "--short=7", tag).strip() for tag in ("v1.0.0", "v1.1.0-draft"))
    assert result.stdout == EXPECTED_TEXT.format(base=base, head=head)


def test_markdown_is_for_a_pull_request_comment(repo):
    result = diff(repo, "v1.0.0", "v1.1.0-draft", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("### Charter changes from `v1.0.0 (")
    assert lines[2:6] == ["#### Version", "", "- Charter version: 1.0.0 → 1.1.0",
                          "- Ratified: 2025-01-15 → not yet"]
    assert lines[9:15] == [
        "- Ask `fare-freeze` added: “Freeze bus fares for two years.”",
        "- Ask `transit-oriented-protections` reworded",
        "  ```diff",
        "  - Pair every new bus line with tenant protections along its route.",
        "  + Pair every new bus line with tenant protections within half a mile of its route.",
        "  ```",
    ]
    assert "- **Riverside Riders Alliance** stepped back from “the fare campaign”" in lines
    assert lines[-3:] == [
        "- [ ] **Riverside Tenants Union** endorsed the problem statement on 2025-01-15, for "
        "version 1.0.0; ask for its endorsement of version 1.1.0 and write the new date",
        "", "_11 changes; 1 endorsement to renew or version to raise._"]


def test_without_head_it_compares_with_the_working_tree(repo):
    repo.edit("charter/problem-statement.md", "tenants-union: 2025-01-15", "tenants-union: 2026-03-02")
    try:
        result = diff(repo, "HEAD")
    finally:
        repo.git("checkout", "--", ".")
    head = repo.git("rev-parse", "--short=7", "HEAD").strip()
    assert result.stdout == (
        f"Charter changes from HEAD ({head}) to the working tree\n\n"
        "Endorsements\n"
        "  ~ Riverside Tenants Union endorsed the problem statement again: 2025-01-15 → 2026-03-02\n\n"
        "1 change.\n")


def test_no_changes_says_so(repo):
    assert diff(repo, "v1.1.0-draft", "HEAD").stdout.startswith(
        "No charter changes from v1.1.0-draft (")


def test_an_unknown_revision_is_named(repo):
    result = diff(repo, "v9")
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: 'v9' is not a revision of the repository '{repo.root}'; give a branch, a tag or a "
        "commit ('git log --oneline' lists commits, 'git tag' lists tags)\n")


def test_a_revision_that_looks_like_an_option_is_refused(repo):
    result = diff(repo, "--output=/tmp/x")
    assert result.exit_code == 2  # click: no such option
    result = CliRunner().invoke(cli, ["diff", "--project", str(repo.root), "--", "--output=/tmp/x"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: '--output=/tmp/x' is not a revision; give a branch")


def test_an_invalid_charter_at_a_revision_names_it_and_its_first_problems(tmp_path):
    project = make_git_project(tmp_path / "project")
    project.edit("coalition.yml", "version: 1.0.0", "version: one")
    project.commit("A typo in the version")
    short = project.git("rev-parse", "--short=7", "HEAD").strip()
    result = diff(project, "v1.0.0", "HEAD")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: the charter at HEAD ({short}) has 1 error, so it cannot be compared; the first:",
        "content/coalition.yml:6:12: error: 'version': 'one' is not in the expected form; write a "
        "semantic version such as 1.2.0 [schema]",
        "compare from a revision whose charter is valid; 'coalition-site check' on a checkout of "
        "it lists every problem",
    ]


def test_outside_git_it_says_what_diff_needs(tmp_path):
    (tmp_path / "content").mkdir()
    result = CliRunner().invoke(cli, ["diff", "HEAD", "--project", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: '{tmp_path}' is not in a git repository; diff compares the charter between two "
        "revisions of the project's repository\n")


def test_the_cli_offers_the_formats_the_diff_report_writes():
    # cli.py names them itself, so that no other command loads the diff's analysis.
    from coalition_site import cli as module
    from coalition_site.render.diff_report import FORMATS

    assert module.DIFF_FORMATS == FORMATS
