"""`coalition-site consent BASE [HEAD] --reviews FILE`: a pull request's reviews against the
charter's own decision rule, in real git repositories, with reviews recorded in GitHub's shape.

The sample coalition (tests/fixtures/consent) has five active partners, Puentes (stepped back
from the ask `phase-out-coke`) and the Old Guard Union (departed). The pull request rewords
`phase-out-coke` in its first push, and in its second changes the ask's measure again and the
onboarding page. The payloads (tests/fixtures/consent-reviews) name the two pushes FIRST_PUSH and
SECOND_PUSH, which each test replaces with the commits of its repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from coalition_site.cli import cli
from gitrepo import make_git_project
from support import EPOCH, FIXTURES

REVIEWS = FIXTURES / "consent-reviews"
OPENED = "2026-11-10T00:00:00Z"
"""Eight days before the tests' "now" (SOURCE_DATE_EPOCH, 18 November 2026): a seven-day notice
has run out, a fourteen-day one has not."""
JOINT_DEMAND = "content/charter/joint-demand.md"
PUENTES = "Puentes stepped back from this ask and is not counted"


def pull_request(root: Path, rule: str = "consensus", threshold: str = "0.75"):
    """The sample coalition under ``rule`` on main, and a branch ``pr`` with two pushes."""
    project = make_git_project(root, "consent")
    if rule != "consensus" or threshold != "0.75":
        project.edit("charter/conflict-protocol.md", "decision_rule: consensus\nthreshold: 0.75",
                     f"decision_rule: {rule}\nthreshold: {threshold}")
        project.commit(f"Decide by {rule}")
    project.git("checkout", "-q", "-b", "pr")
    project.edit("charter/joint-demand.md", "Phase out coke production at Clairton by 2030.",
                 "Phase out coke production at Clairton by 2029.")
    project.first = project.commit("Phase out coke a year earlier")
    project.edit("charter/joint-demand.md", "Ovens closed and the air permit retired.",
                 "Ovens closed, the air permit retired.")
    project.edit("onboarding.md", "How we work.", "How we work, and when.")
    project.second = project.commit("Reword the measure; onboarding")
    return project


@pytest.fixture(scope="module")
def consensus(tmp_path_factory):
    return pull_request(tmp_path_factory.mktemp("consensus") / "project")


def payload(project, name: str, tmp_path: Path) -> Path:
    """A recorded payload with the pushes' commit ids of ``project``."""
    text = (REVIEWS / name).read_text(encoding="utf-8")
    text = text.replace("FIRST_PUSH", project.first).replace("SECOND_PUSH", project.second)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def consent(project, reviews: Path, *args: str, opened: str | None = OPENED):
    more = ["--opened", opened] if opened else []
    return CliRunner().invoke(
        cli, ["consent", "main", "pr", "--reviews", str(reviews), "--project", str(project.root),
              *more, *args], env={"SOURCE_DATE_EPOCH": EPOCH})


def verdict_line(result) -> str:
    return [line for line in result.stdout.splitlines() if line.startswith("  reached") or
            line.startswith("  not yet")][0].strip()


# -- consensus -------------------------------------------------------------------------------------
def test_consensus_names_who_is_missing_and_who_is_not_counted(consensus, tmp_path):
    result = consent(consensus, payload(consensus, "first-week.json", tmp_path))
    assert result.exit_code == 1, result.output
    base = consensus.git("rev-parse", "--short=7", "main").strip()
    head = consensus.git("rev-parse", "--short=7", "pr").strip()
    assert result.stdout == f"""\
Consent from main ({base}) to pr ({head}): not yet

Shared texts: {JOINT_DEMAND}
  decided by consensus, as the conflict protocol says before this change
  not yet: 1 of 5 partners consent; consensus needs all 5; waiting on Breathe Mon Valley, \
Clean Air Council, Housing Now and Riverside Riders; Breathe Mon Valley's approval came before the \
last change to '{JOINT_DEMAND}', so it must approve again; {PUENTES}

Other pages: content/onboarding.md
  decided by one approval from any counted partner, with no objection
  reached: approved by Puentes and United Steelworkers Local 1219

Reviews
  jdoe (United Steelworkers Local 1219): asked for changes, 2026-11-12 09:00 UTC
  breathe-amy (Breathe Mon Valley): approved, 2026-11-12 10:00 UTC
  HousingHal (Housing Now): commented, 2026-11-12 11:00 UTC
  cleo (Clean Air Council): dismissed, 2026-11-12 12:00 UTC; not counted
  octocat: approved, 2026-11-13 08:00 UTC; not counted: represents no partner
  a deleted account: commented, 2026-11-13 08:30 UTC; not counted: the account was deleted
  oscar (Old Guard Union): approved, 2026-11-13 09:00 UTC; not counted: its partner departed
  pablo (Puentes): approved, 2026-11-13 09:30 UTC
  MChen (United Steelworkers Local 1219): approved, 2026-11-14 09:00 UTC
"""
    # The representatives' names and emails never appear; their logins may.
    assert "REP-" not in result.stdout


def test_consensus_is_reached_when_every_counted_partner_approves(consensus, tmp_path):
    result = consent(consensus, payload(consensus, "all-approve-slurped.json", tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].endswith(": reached")
    assert verdict_line(result) == f"reached: 5 of 5 partners consent; consensus reached; {PUENTES}"


def test_the_later_of_two_people_of_one_partner_decides(consensus, tmp_path):
    # jdoe asked for changes, then MChen (same local, login written mchen in the charter) approved.
    result = consent(consensus, payload(consensus, "first-week.json", tmp_path), "--format", "json")
    report = json.loads(result.stdout)
    standings = {p["partner"]: p["standing"] for p in report["decisions"][0]["counted"]}
    assert standings == {"usw-1219": "approves", "breathe": "stale", "housing-now": "had-its-say",
                         "riders": "waiting", "clean-air": "waiting"}
    # The other way round, the request for changes decides.
    reversed_ = payload(consensus, "first-week.json", tmp_path)
    reviews = json.loads(reversed_.read_text())
    reviews[0]["submitted_at"] = "2026-11-15T09:00:00Z"
    reversed_.write_text(json.dumps(reviews))
    result = consent(consensus, reversed_)
    assert "United Steelworkers Local 1219 asks for changes" in verdict_line(result)


# -- the other rules ---------------------------------------------------------------------------
@pytest.mark.parametrize("reviews, opened, exit_code, line", [
    ("first-week.json", "2026-11-17T12:00:00Z", 1,
     "not yet: 2 of 5 partners consent; consent needs no objection, and each partner's say or its "
     "notice to have run; waiting on Breathe Mon Valley (or its notice runs out 2026-11-24 12:00 UTC), "
     "Clean Air Council (or its notice runs out 2026-11-24 12:00 UTC) and Riverside Riders (it gives "
     "no notice, so it must say); Breathe Mon Valley's approval came before the last change to "
     f"'{JOINT_DEMAND}', so it must approve again; {PUENTES}"),
    # Opened on 2026-11-10: Breathe's and Clean Air's seven days ran out on 2026-11-17.
    ("first-week.json", OPENED, 1,
     "not yet: 4 of 5 partners consent; consent needs no objection, and each partner's say or its "
     "notice to have run; waiting on Riverside Riders (it gives no notice, so it must say); "
     f"{PUENTES}"),
    # Housing Now only commented: it has had its say.
    ("second-week-paginated.json", "2026-11-17T12:00:00Z", 0,
     f"reached: 5 of 5 partners consent; consent reached; {PUENTES}"),
])
def test_consent_counts_a_say_or_a_notice_run_out(tmp_path, reviews, opened, exit_code, line):
    project = pull_request(tmp_path / "project", "consent")
    result = consent(project, payload(project, reviews, tmp_path), opened=opened)
    assert (result.exit_code, verdict_line(result)) == (exit_code, line), result.output


def test_consent_without_opened_counts_notice_from_the_first_commit(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-11-01T00:00:00Z")
    project = pull_request(tmp_path / "project", "consent")
    result = consent(project, payload(project, "first-week.json", tmp_path), opened=None)
    # Breathe's seven days ran out on 2026-11-08: its stale approval no longer holds the change up.
    assert verdict_line(result).startswith("not yet: 4 of 5 partners consent;")
    assert "waiting on Riverside Riders (it gives no notice, so it must say)" in verdict_line(result)


@pytest.mark.parametrize("reviews, exit_code, line", [
    ("first-week.json", 1, "not yet: 1 of 5 partners approve; a supermajority of 0.75 needs 4; "
     "waiting on Breathe Mon Valley, Clean Air Council, Housing Now and Riverside Riders; Breathe "
     f"Mon Valley's approval came before the last change to '{JOINT_DEMAND}', so it must approve "
     f"again; {PUENTES}"),
    ("second-week-paginated.json", 0,
     f"reached: 4 of 5 partners approve; a supermajority of 0.75 is reached; {PUENTES}"),
])
def test_supermajority_needs_its_share_of_the_counted_partners(tmp_path, reviews, exit_code, line):
    project = pull_request(tmp_path / "project", "supermajority")
    result = consent(project, payload(project, reviews, tmp_path))
    assert (result.exit_code, verdict_line(result)) == (exit_code, line), result.output


@pytest.mark.parametrize("reviews, exit_code, line", [
    ("first-week.json", 1, "not yet: 1 of 5 partners approve; a majority needs 3; waiting on "
     "Breathe Mon Valley, Clean Air Council, Housing Now and Riverside Riders; Breathe Mon Valley's "
     f"approval came before the last change to '{JOINT_DEMAND}', so it must approve again; {PUENTES}"),
    ("second-week-paginated.json", 0, f"reached: 4 of 5 partners approve; a majority is reached; {PUENTES}"),
])
def test_majority_needs_more_than_half(tmp_path, reviews, exit_code, line):
    project = pull_request(tmp_path / "project", "majority")
    result = consent(project, payload(project, reviews, tmp_path))
    assert (result.exit_code, verdict_line(result)) == (exit_code, line), result.output


# -- who decides ---------------------------------------------------------------------------------
def test_an_approval_on_a_commit_force_pushed_away_is_stale(consensus, tmp_path):
    result = consent(consensus, payload(consensus, "force-pushed.json", tmp_path))
    assert result.exit_code == 1
    # Breathe Mon Valley's latest approval names a commit the repository does not hold.
    assert verdict_line(result) == (
        "not yet: 4 of 5 partners consent; consensus needs all 5; waiting on Breathe Mon Valley; "
        "Breathe Mon Valley's approval was given on a commit this repository does not hold "
        f"(replaced by a force-push?), so it must approve again; {PUENTES}")


def test_a_change_cannot_lower_the_bar_it_is_judged_by(tmp_path):
    project = pull_request(tmp_path / "project")
    project.edit("charter/conflict-protocol.md", "decision_rule: consensus", "decision_rule: majority")
    project.second = project.commit("Majority will do")
    result = consent(project, payload(project, "second-week-paginated.json", tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[2:6] == [
        f"Shared texts: content/charter/conflict-protocol.md, {JOINT_DEMAND}",
        "  decided by consensus, as the conflict protocol says before this change",
        "  this change edits the decision rule; it is decided by the rule in force before it",
        "  not yet: 5 of 6 partners consent; consensus needs all 6; waiting on Housing Now; Puentes "
        "stepped back from 'phase-out-coke' only, and is counted on the rest of this change",
    ]


def test_a_change_cannot_make_its_author_a_representative(tmp_path):
    project = pull_request(tmp_path / "project")
    project.edit("partners/housing-now.md", "github: HousingHal", "github: HousingHal\n"
                 "  - name: Eve\n    github: octocat")
    project.second = project.commit("Make octocat speak for Housing Now")
    result = consent(project, payload(project, "second-week-paginated.json", tmp_path))
    assert "  octocat: approved, 2026-11-13 08:00 UTC; not counted: represents no partner" in \
        result.stdout.splitlines()
    assert result.stdout.splitlines()[6:9] == [
        "Housing Now's own page: content/partners/housing-now.md",
        "  decided by the partner alone",
        "  not yet: needs the approval of Housing Now",
    ]
    assert result.exit_code == 1


def test_a_partner_decides_its_own_page_and_a_new_partner_is_the_coalitions(tmp_path):
    project = make_git_project(tmp_path / "project", "consent")
    project.git("checkout", "-q", "-b", "pr")
    project.edit("partners/breathe.md", "About Breathe Mon Valley.", "About us, in our words.")
    project.write("partners/unions-together.md", project.read("partners/riders.md").replace(
        "Riverside Riders", "Unions Together").replace("rita", "ursula"))
    project.write("../mkdocs.yml", (project.root / "mkdocs.yml").read_text() + "extra: {}\n")
    project.first = project.second = project.commit("Breathe's page; a new partner; mkdocs.yml")
    reviews = tmp_path / "reviews.json"
    reviews.write_text(json.dumps([
        {"user": {"login": "Breathe-Amy"}, "state": "APPROVED", "submitted_at": "2026-11-12T10:00:00Z",
         "commit_id": project.first},
        {"user": {"login": "ursula"}, "state": "APPROVED", "submitted_at": "2026-11-12T10:00:00Z",
         "commit_id": project.first}]))
    result = consent(project, reviews)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[2:] == [
        "Shared texts: content/partners/unions-together.md",
        "  decided by consensus, as the conflict protocol says before this change",
        "  not yet: 1 of 6 partners consent; consensus needs all 6; waiting on Clean Air Council, "
        "Housing Now, Puentes, Riverside Riders and United Steelworkers Local 1219; Puentes stepped "
        "back from 'phase-out-coke' only, and is counted on the rest of this change; the new partner "
        "'unions-together' is not counted: it joins when this change is merged",
        "",
        "Breathe Mon Valley's own page: content/partners/breathe.md",
        "  decided by the partner alone",
        "  reached: Breathe Mon Valley approves",
        "",
        "Outside the charter: mkdocs.yml",
        "  not part of the charter, so not decided here: it needs the repository's usual review",
        "",
        "Reviews",
        "  Breathe-Amy (Breathe Mon Valley): approved, 2026-11-12 10:00 UTC",
        "  ursula: approved, 2026-11-12 10:00 UTC; not counted: represents no partner",
    ]


def test_a_scope_that_names_no_ask_is_counted_and_says_so(tmp_path):
    project = make_git_project(tmp_path / "project", "consent")
    project.edit("partners/puentes.md", "scope: phase-out-coke", "scope: the coke campaign")
    project.commit("Puentes' scope in words")
    project.git("checkout", "-q", "-b", "pr")
    project.edit("charter/joint-demand.md", "by 2030.", "by 2029.")
    project.first = project.second = project.commit("A year earlier")
    result = consent(project, payload(project, "second-week-paginated.json", tmp_path))
    assert result.exit_code == 1
    assert verdict_line(result) == (
        "not yet: 5 of 6 partners consent; consensus needs all 6; waiting on Housing Now; Puentes "
        "stepped back from \"the coke campaign\", which names no ask of the joint demand, so it is "
        "counted (write the ask's id, or everything, as its scope)")


def test_stepped_back_from_everything_is_never_counted_and_nothing_changed_needs_nobody(tmp_path):
    project = make_git_project(tmp_path / "project", "consent")
    project.edit("partners/puentes.md", "scope: phase-out-coke", "scope: Everything")
    project.commit("Puentes steps back from everything")
    project.git("checkout", "-q", "-b", "pr")
    project.edit("logic.yml", "Good jobs", "Good union jobs")
    project.first = project.second = project.commit("Good union jobs")
    result = consent(project, payload(project, "all-approve-slurped.json", tmp_path))
    assert result.exit_code == 0
    assert verdict_line(result) == ("reached: 5 of 5 partners consent; consensus reached; Puentes "
                                    "stepped back from everything and is not counted")
    result = CliRunner().invoke(cli, ["consent", "pr", "pr", "--reviews",
                                      str(payload(project, "first-week.json", tmp_path)),
                                      "--project", str(project.root)])
    head = project.git("rev-parse", "--short=7", "pr").strip()
    assert (result.exit_code, result.stdout) == (
        0, f"Nothing changed from pr ({head}) to pr ({head}); no consent is needed.\n")


# -- the pull request comment ---------------------------------------------------------------------
def test_markdown_is_the_comment_with_the_diff_and_nothing_in_it_links_or_mentions(tmp_path):
    project = make_git_project(tmp_path / "project", "consent")
    project.edit("partners/housing-now.md", "name: Housing Now",
                 "name: \"@housing-team see https://evil.example www.evil.example #12 GH-7 <b>x</b>\"")
    project.commit("A hostile name")
    project.git("checkout", "-q", "-b", "pr")
    project.edit("charter/joint-demand.md", "by 2030.", "by 2029.")
    project.first = project.second = project.commit("A year earlier")
    result = consent(project, payload(project, "first-week.json", tmp_path), "--format", "markdown")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "<!-- coalition-site:pull-request-report -->"
    assert lines[1].startswith("### Consent from `main (") and lines[1].endswith(": not yet")
    assert lines[2:6] == ["", "#### Shared texts: not yet", "", f"Files: `{JOINT_DEMAND}`  "]
    hostile = next(line for line in lines if line.startswith("2 of 5"))
    j = "\u2060"  # the word joiner render/inert.py puts inside what GitHub would link
    assert (f"**@{j}housing-team see https:{j}//evil.example www{j}.evil.example "
            f"#{j}12 GH-{j}7 &lt;b&gt;x&lt;/b&gt;**") in hostile
    for reference in ("@housing", "https://", "www.", "#12", "GH-7", "<b>"):
        assert reference not in result.stdout.split("### Charter changes")[0]
    assert "- `octocat`: approved, 2026-11-13 08:00 UTC; not counted: represents no partner" in lines
    assert any(line.startswith("### Charter changes from `main (") for line in lines)
    assert "REP-" not in result.stdout


# -- usage ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("content, message", [
    ("", "{path}: empty; a pull request without reviews is '[]'"),
    ('[{"user": {"login": "a"}, "state": "APPROVED"', "{path}:1:46: not valid JSON: Expecting ',' "
     "delimiter; pass what 'gh api repos/OWNER/REPO/pulls/NUMBER/reviews' prints"),
    ('{"message": "Not Found", "documentation_url": "https://docs.github.com"}',
     "{path}: holds a JSON object, not a list of reviews (GitHub said: 'Not Found'); pass what "
     "'gh api repos/OWNER/REPO/pulls/NUMBER/reviews' prints"),
    ('[{"user": {"login": "a"}, "state": "approved"}]', "{path}: review 1: 'state' is \"approved\"; "
     "GitHub's states are APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING"),
    ('[[{"user": null, "state": "COMMENTED"}], [{"state": "APPROVED"}]]',
     "{path}: review 2: 'user' is missing"),
    ('[{"user": {"login": "a"}, "state": "APPROVED", "commit_id": "main"}]',
     "{path}: review 1: 'commit_id' is \"main\", not a commit id (40 hexadecimal digits)"),
    ('[{"user": {"login": "a"}, "state": "APPROVED", "submitted_at": "yesterday"}]',
     "{path}: review 1: 'submitted_at': input should be a valid datetime or date, input is too short"),
])
def test_a_malformed_reviews_file_is_a_usage_error_naming_it(consensus, tmp_path, content, message):
    path = tmp_path / "reviews.json"
    path.write_text(content, encoding="utf-8")
    result = consent(consensus, path)
    assert result.exit_code == 2
    assert result.stderr == f"error: {message.format(path=path)}\n"


def test_a_missing_reviews_file_and_a_wrong_opened_are_usage_errors(consensus, tmp_path):
    result = consent(consensus, tmp_path / "nope.json")
    assert (result.exit_code, result.stderr) == (
        2, f"error: cannot read the reviews file '{tmp_path / 'nope.json'}': no such file or directory\n")
    result = consent(consensus, REVIEWS / "first-week.json", opened="last week")
    assert result.exit_code == 2
    assert "'last week' is not a date and time; write it as GitHub does, e.g. 2026-11-20T09:30:00Z" \
        in result.stderr


def test_the_cli_offers_the_formats_the_consent_report_writes():
    from coalition_site import cli as module
    from coalition_site.render.consent_report import FORMATS

    assert module.CONSENT_FORMATS == FORMATS


def test_what_changed_is_counted_from_where_the_pull_request_branched_off(tmp_path):
    # main moves on after the branch was made: its own change is not the pull request's.
    project = pull_request(tmp_path / "project")
    project.git("checkout", "-q", "main")
    project.edit("partners/riders.md", "About Riverside Riders.", "About the riders.")
    project.commit("The riders' page, on main")
    project.git("checkout", "-q", "pr")
    result = consent(project, payload(project, "all-approve-slurped.json", tmp_path))
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if not line.startswith(" ")][2:5] == [
        f"Shared texts: {JOINT_DEMAND}", "", "Other pages: content/onboarding.md"]


def test_json_is_for_programs(consensus, tmp_path):
    result = consent(consensus, payload(consensus, "second-week-paginated.json", tmp_path),
                     "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["base"], report["head"], report["reached"], report["outside"]) == (
        f"main ({consensus.git('rev-parse', '--short=7', 'main').strip()})",
        f"pr ({consensus.git('rev-parse', '--short=7', 'pr').strip()})", False, [])
    shared, pages = report["decisions"]
    assert {key: shared[key] for key in ("kind", "files", "rule", "threshold", "partner", "reached")} == {
        "kind": "shared", "files": [JOINT_DEMAND], "rule": "consensus", "threshold": None,
        "partner": None, "reached": False}
    assert shared["notes"] == [PUENTES]
    assert shared["counted"][2] == {"partner": "housing-now", "name": "Housing Now",
                                    "standing": "had-its-say", "stale_file": None, "notice_ends": None}
    assert pages["reached"] is True
    assert report["reviews"][4] == {
        "login": "octocat", "state": "APPROVED", "submitted_at": "2026-11-13T08:00:00+00:00",
        "commit_id": consensus.second, "partners": [], "counted": False, "why": "represents no partner"}
    assert "REP-" not in result.stdout
