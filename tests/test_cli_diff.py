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
  ~ Riverside Riders Alliance's date of stepping back: none → 2026-02-01
  + Riverside Riders Alliance's reason for stepping back added: "A contract fight needs everyone."

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

13 changes; 1 endorsement to renew or version to raise.
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
        "", "_13 changes; 1 endorsement to renew or version to raise._"]


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


# -- issue #13: what a partner's branch changed, all of it -----------------------------------------
def partner_branch(project) -> None:
    """The branch of issue #13: one partner's constituency, body prose, a representative's
    email and its website (to another domain), and the autonomy page's prose."""
    project.edit("partners/tenants-union.md", "constituency: 900 member households",
                 "constituency: 1,200 member households")
    project.edit("partners/tenants-union.md", "The union organizes tenants.",
                 "The union organizes tenants and small landlords.")
    project.edit("partners/tenants-union.md", "email: SECRET-EMAIL-ana@example.org",
                 "email: ana@tenants.example.net")
    project.edit("partners/tenants-union.md", "website: https://tenants.example.org",
                 "website: https://tenants-union.example.net/join")
    project.edit("charter/autonomy.md", "Each partner keeps its own campaigns.",
                 "Each partner keeps its own campaigns and its own press.")


@pytest.fixture(scope="module")
def branch(tmp_path_factory):
    project = make_git_project(tmp_path_factory.mktemp("branch") / "project")
    partner_branch(project)
    project.commit("Tenants union: new website and numbers", tag="partner-branch")
    return project


def test_every_edit_of_a_partners_branch_is_reported(branch):
    result = diff(branch, "v1.0.0", "partner-branch")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "",
        "Partners",
        "  ~ Riverside Tenants Union's website: \"https://tenants.example.org\" → "
        "\"https://tenants-union.example.net/join\"; it now points to another domain: "
        "'tenants.example.org' → 'tenants-union.example.net'",
        "  ~ Riverside Tenants Union's constituency: \"900 member households\" → \"1,200 member households\"",
        "  ~ Riverside Tenants Union's representative Ana Ruiz's email: "
        "\"SECRET-EMAIL-ana@example.org\" → \"ana@tenants.example.net\" (internal)",
        "  ~ Riverside Tenants Union's page text edited",
        "      @@ -1 +1 @@",
        "      -The union organizes tenants.",
        "      +The union organizes tenants and small landlords.",
        "",
        "Autonomy agreements",
        "  ~ the text of the autonomy agreements was edited",
        "      @@ -1 +1 @@",
        "      -Each partner keeps its own campaigns.",
        "      +Each partner keeps its own campaigns and its own press.",
        "",
        "5 changes.",
    ]


def test_the_markdown_report_folds_prose_and_defuses_links(branch):
    result = diff(branch, "v1.0.0", "partner-branch", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    j = "\u2060"
    assert result.stdout.splitlines()[1:] == [
        "",
        "#### Partners",
        "",
        f"- **Riverside Tenants Union**'s website: “https:{j}//tenants.example.org” → "
        f"“https:{j}//tenants-union.example.net/join”; it now points to another domain: "
        "`tenants.example.org` → `tenants-union.example.net`",
        "- **Riverside Tenants Union**'s constituency: “900 member households” → “1,200 member households”",
        "- **Riverside Tenants Union**'s representative **Ana Ruiz**'s email: "
        f"“SECRET-EMAIL-ana@{j}example.org” → “ana@{j}tenants.example.net” _(internal)_",
        "- **Riverside Tenants Union**'s page text edited",
        "  <details><summary>The changed lines</summary>",
        "",
        "  ```diff",
        "  @@ -1 +1 @@",
        "  -The union organizes tenants.",
        "  +The union organizes tenants and small landlords.",
        "  ```",
        "",
        "  </details>",
        "",
        "#### Autonomy agreements",
        "",
        "- The text of the autonomy agreements was edited",
        "  <details><summary>The changed lines</summary>",
        "",
        "  ```diff",
        "  @@ -1 +1 @@",
        "  -Each partner keeps its own campaigns.",
        "  +Each partner keeps its own campaigns and its own press.",
        "  ```",
        "",
        "  </details>",
        "",
        "_5 changes._",
    ]


def test_a_public_changelog_leaves_internal_changes_out(branch):
    result = diff(branch, "v1.0.0", "partner-branch", "--audience", "public")
    assert result.exit_code == 0, result.stderr
    assert "Ana Ruiz" not in result.stdout and "SECRET" not in result.stdout
    assert "representative" not in result.stdout
    assert result.stdout.splitlines()[-1] == "4 changes."


def test_attachments_in_commits_and_in_the_working_tree(tmp_path):
    project = make_git_project(tmp_path / "project")
    images = project.root / "content" / "images"
    images.mkdir()
    (images / "map.png").write_bytes(b"\x89PNG one")
    (images / "ledger.png").write_bytes(b"\x89PNG secret")
    (images / "sources.yml").write_text("map: city data\n")  # never published, shown to partners
    project.edit("board-notes.md", "internal board notes.", "internal board notes. ![l](images/ledger.png)")
    project.commit("Images", tag="images")
    (images / "map.png").write_bytes(b"\x89PNG two")
    (images / ".hidden.png").write_bytes(b"never read")
    assert diff(project, "v1.0.0", "images").stdout.splitlines()[2:] == [
        "Other pages",
        "  ~ page 'board-notes.md': text edited (internal)",
        "      @@ -1 +1 @@",
        "      -SECRET-PAGE-TEXT internal board notes.",
        "      +SECRET-PAGE-TEXT internal board notes. ![l](images/ledger.png)",
        "",
        "Attachments",
        "  + file 'images/ledger.png' added",
        "  + file 'images/map.png' added",
        "  + file 'images/sources.yml' added",
        "",
        "4 changes.",
    ]
    assert diff(project, "images").stdout.splitlines()[2:] == [
        "Attachments", "  ~ file 'images/map.png' replaced (its content changed)", "", "1 change."]
    public = diff(project, "v1.0.0", "images", "--audience", "public").stdout
    assert public.splitlines()[2:] == ["Attachments", "  + file 'images/map.png' added", "", "1 change."]


def test_a_public_changelog_refuses_a_page_whose_internal_block_is_broken(tmp_path):
    project = make_git_project(tmp_path / "project")
    project.edit("partners/riders-alliance.md", "The alliance organizes bus riders.",
                 "The alliance organizes bus riders.\n\n!!! internal\nThe driver's name is Lee.")
    project.commit("A note that Markdown would publish")
    result = diff(project, "v1.0.0", "HEAD", "--audience", "public")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: content/partners/riders-alliance.md:10:1: error: the text right below '!!! internal' is not "
        "indented, so Markdown ends the internal block before it and would publish it; indent every "
        "line of the note by 4 spaces [internal-marker]",
        "a report for the public cannot tell the internal text of this page from its public text; "
        "fix it first ('coalition-site check' lists every such problem)",
    ]
    assert "Lee" not in result.stderr
    assert diff(project, "v1.0.0", "HEAD", "--audience", "everyone").exit_code == 2


def test_an_endorsement_of_another_revision_on_the_same_day_is_reported(tmp_path):
    """The endorsement's date stayed, what it endorsed did not: a reviewer must see it."""
    project = make_git_project(tmp_path / "project")
    project.edit("charter/problem-statement.md", "  tenants-union: 2025-01-15",
                 "  tenants-union: {date: 2025-01-15, revision: 1a2b3c4}")
    project.commit("Record the revision endorsed", tag="with-revision")
    project.edit("charter/problem-statement.md", "revision: 1a2b3c4}", "revision: 5d6e7f8}")
    project.commit("Another revision", tag="other-revision")
    result = diff(project, "with-revision", "other-revision")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[2:] == [
        "Endorsements",
        "  ~ Riverside Tenants Union's endorsement of the problem statement: the revision endorsed: "
        "'1a2b3c4' → '5d6e7f8'",
        "",
        "1 change.",
    ]
