"""`coalition-site github`: writes the kit, refreshes what it wrote, keeps what the steward changed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
import yaml

import coalition_site
from support import MINIMAL, invoke, run

KIT = [
    ".github/CODEOWNERS", ".github/ISSUE_TEMPLATE/monthly-review.yml",
    ".github/ISSUE_TEMPLATE/reword.yml", ".github/ISSUE_TEMPLATE/step-back.yml",
    ".github/coalition-site-requirements.txt", ".github/pull_request_template.md",
    ".github/workflows/charter-checks.yml", ".github/workflows/charter-comment.yml",
    ".github/workflows/charter-consent.yml", ".github/workflows/charter-publish.yml",
]
REMINDER = ("The GitHub kit in .github/ is up to date. Keep the repository private: it holds every "
            "internal file of the charter (representatives, internal pages, reviews), and the "
            "workflows in .github/ fail when it is public.\n")


def _kit(root) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / ".github").rglob("*") if p.is_file())


def test_github_writes_every_file_of_the_kit_and_says_so(sample):
    result = invoke("github", sample.root)
    assert result.exit_code == 0, result.output
    assert _kit(sample.root) == KIT
    assert result.output == "".join(f"created {path}\n" for path in [
        ".github/workflows/charter-checks.yml", ".github/workflows/charter-consent.yml",
        ".github/workflows/charter-comment.yml", ".github/workflows/charter-publish.yml",
        ".github/coalition-site-requirements.txt", ".github/CODEOWNERS",
        ".github/pull_request_template.md", ".github/ISSUE_TEMPLATE/step-back.yml",
        ".github/ISSUE_TEMPLATE/monthly-review.yml", ".github/ISSUE_TEMPLATE/reword.yml"]) + REMINDER


def test_github_check_exits_0_when_current_and_1_listing_what_is_out_of_date(sample):
    invoke("github", sample.root)
    current = invoke("github", "--check", sample.root)
    assert (current.exit_code, current.output) == (0, "The GitHub kit in .github/ is up to date (10 files).\n")
    # A new representative changes CODEOWNERS; a deleted workflow is missing.
    sample.edit("partners/riders-alliance.md", "joined: 2024-03-01\n",
                "joined: 2024-03-01\nrepresentatives:\n  - name: Bo Lee\n    github: bo-lee\n")
    (sample.root / ".github/workflows/charter-publish.yml").unlink()
    before = {p: (sample.root / p).read_bytes() for p in KIT if (sample.root / p).exists()}
    stale = invoke("github", "--check", sample.root)
    assert stale.exit_code == 1
    assert stale.output == (
        "The GitHub kit in .github/ is out of date (2 of 10 files):\n"
        "  .github/workflows/charter-publish.yml: missing\n"
        "  .github/CODEOWNERS: coalition-site now writes it differently (the charter or "
        "coalition-site changed)\n"
        "Run 'coalition-site github' to refresh it ('--force' also replaces files changed by hand).\n")
    assert {p: (sample.root / p).read_bytes() for p in before} == before  # --check writes nothing
    refreshed = invoke("github", sample.root)
    assert refreshed.output == ("created .github/workflows/charter-publish.yml\n"
                                "updated .github/CODEOWNERS\n" + REMINDER)
    assert "/content/partners/riders-alliance.md @bo-lee" in (sample.root / ".github/CODEOWNERS").read_text()
    assert invoke("github", "--check", sample.root).exit_code == 0


def test_a_file_changed_by_hand_is_kept_and_reported_until_force(sample):
    invoke("github", sample.root)
    template = sample.root / ".github/pull_request_template.md"
    mine = template.read_text() + "\nOur own note.\n"
    template.write_text(mine)
    # Unchanged generation underneath: kept, reported, and current for --check.
    again = invoke("github", sample.root)
    assert again.output == (".github/pull_request_template.md".join(["kept ", ": changed by hand (what "
                            "coalition-site writes has not changed since)\n"]) + REMINDER)
    assert template.read_text() == mine
    assert invoke("github", "--check", sample.root).exit_code == 0
    # A partner joins: the generated version changes; the hand-edited file is still kept.
    sample.write("partners/new-partner.md", "---\nname: New Partner\nissue: Parks\n"
                 "theory_of_change: Parks need people.\n---\n")
    kept = invoke("github", sample.root)
    assert ("kept .github/pull_request_template.md: you changed it, and coalition-site now writes it "
            "differently; to take the new version (losing your changes) run 'coalition-site github "
            "--force'\n") in kept.output
    assert template.read_text() == mine
    check = invoke("github", "--check", sample.root)
    assert check.exit_code == 1
    assert ("  .github/pull_request_template.md: changed by hand, and coalition-site now writes it "
            "differently\n") in check.output
    forced = invoke("github", "--force", sample.root)
    assert ("replaced .github/pull_request_template.md (the changes it held are overwritten)\n"
            in forced.output)
    assert "Our own note." not in template.read_text()
    assert "New Partner (`new-partner`)" in template.read_text()
    assert invoke("github", "--check", sample.root).exit_code == 0


def test_a_file_coalition_site_did_not_write_is_kept(sample):
    owners = sample.root / ".github/CODEOWNERS"
    owners.parent.mkdir()
    owners.write_text("* @someone\n")
    result = invoke("github", sample.root)
    assert ("kept .github/CODEOWNERS: not written by coalition-site; to replace it with the kit's "
            "version run 'coalition-site github --force'\n") in result.output
    assert owners.read_text() == "* @someone\n"
    check = invoke("github", "--check", sample.root)
    assert (check.exit_code, "  .github/CODEOWNERS: not written by coalition-site\n" in check.output) == (1, True)


def test_the_stewards_own_pin_is_kept_and_never_out_of_date(sample):
    invoke("github", sample.root)
    pin = sample.root / ".github/coalition-site-requirements.txt"
    generated = pin.read_text()
    assert generated.endswith(f"\ncoalition-site=={coalition_site.__version__}\n")
    mine = generated.replace(f"coalition-site=={coalition_site.__version__}",
                             "coalition-site @ git+https://github.com/example/coalition-site@v0.1.0")
    pin.write_text(mine)
    result = invoke("github", sample.root)
    assert result.output == "kept .github/coalition-site-requirements.txt: your own pin of coalition-site\n" + REMINDER
    assert pin.read_text() == mine
    assert invoke("github", "--check", sample.root).exit_code == 0


def test_every_workflow_installs_the_pinned_requirement(sample):
    invoke("github", sample.root)
    for name in ("charter-checks", "charter-consent", "charter-publish"):
        text = (sample.root / f".github/workflows/{name}.yml").read_text()
        assert "pip install --quiet -r .github/coalition-site-requirements.txt" in text
        assert "pip install coalition-site" not in text


def test_github_never_writes_through_a_symbolic_link(sample, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, sample.root / ".github")
    result = invoke("github", sample.root)
    assert (result.exit_code, result.output) == (
        1, "error: '.github' is a symbolic link; coalition-site never writes the GitHub kit through "
           "one: remove the link and run 'coalition-site github' again\n")
    assert list(elsewhere.iterdir()) == []


def test_github_refuses_a_charter_that_does_not_load(sample):
    sample.remove("coalition.yml")
    result = invoke("github", sample.root)
    assert result.exit_code == 1
    assert result.output.startswith("error: the charter has 1 error:\ncontent/coalition.yml")
    assert not (sample.root / ".github").exists()


def test_check_and_force_together_are_wrong_usage(sample):
    result = invoke("github", "--check", "--force", sample.root)
    assert result.exit_code == 2
    assert "Error: --check writes nothing; leave out --force" in result.output


def test_the_workflows_refuse_a_public_repository(sample):
    invoke("github", sample.root)
    for path in (sample.root / ".github/workflows").iterdir():
        jobs = yaml.safe_load(path.read_text())["jobs"]
        for name, job in jobs.items():
            first = job["steps"][0]
            assert first["if"] == "${{ !github.event.repository.private }}", (path.name, name)
            assert "::error title=This repository is public::" in first["run"]
            assert "exit 1" in first["run"]


def test_the_workflows_ask_for_the_least_permissions(sample):
    invoke("github", sample.root)
    permissions = {}
    for path in sorted((sample.root / ".github/workflows").iterdir()):
        workflow = yaml.safe_load(path.read_text())
        assert workflow["permissions"] == {}
        permissions[path.name] = {name: job["permissions"] for name, job in workflow["jobs"].items()}
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False
    assert permissions == {
        "charter-checks.yml": {"check": {"contents": "read"}, "build": {"contents": "read"}},
        "charter-comment.yml": {"comment": {"actions": "read", "pull-requests": "write"}},
        "charter-consent.yml": {"consent": {"contents": "read", "pull-requests": "read"}},
        "charter-publish.yml": {"publish": {"contents": "write"}},
    }


def test_the_comment_workflow_never_checks_out_or_runs_the_pull_requests_code(sample):
    invoke("github", sample.root)
    workflow = yaml.safe_load((sample.root / ".github/workflows/charter-comment.yml").read_text())
    steps = workflow["jobs"]["comment"]["steps"]
    assert [s.get("uses") for s in steps] == [None, None, None]  # no action, no checkout
    commands = re.compile(r"coalition-site (check|build|consent|diff|publish|github)|pip install|git ")
    assert [s["name"] for s in steps if commands.search(s["run"])] == []


def test_the_internal_site_is_never_uploaded(sample):
    invoke("github", sample.root)
    for path in (sample.root / ".github/workflows").iterdir():
        for job in yaml.safe_load(path.read_text())["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/upload-artifact@"):
                    assert "internal" not in step["with"]["path"]
                    assert step["with"]["path"] in ("site/", "${{ runner.temp }}/report/")


def test_new_tells_the_steward_to_keep_the_repository_private(tmp_path):
    made = run("new", tmp_path / "c", SOURCE_DATE_EPOCH=None)
    assert "Keep the repository private" in made.stdout
    assert "## Keep this repository private" in (tmp_path / "c" / "README.md").read_text()
    assert run("github", tmp_path / "c", "--check", SOURCE_DATE_EPOCH=None).returncode == 0


@pytest.mark.parametrize("name", ["step-back.yml", "monthly-review.yml", "reword.yml"])
def test_issue_forms_list_the_charters_partners_and_asks(sample, name):
    invoke("github", sample.root)
    form = yaml.safe_load((sample.root / ".github/ISSUE_TEMPLATE" / name).read_text())
    assert set(form) == {"name", "description", "title", "body"}
    dropdowns = {item["id"]: item["attributes"]["options"] for item in form["body"]
                 if item["type"] == "dropdown"}
    partners = ["riders-alliance: Riverside Riders Alliance", "tenants-union: Riverside Tenants Union"]
    expected = {
        "step-back.yml": {"partner": partners, "change": ["We step back", "We step back in (active again)"]},
        "monthly-review.yml": {"attended": partners,
                               "policy_progress": ["advancing", "stalled", "regressing", "won", "lost"]},
        "reword.yml": {"partner": partners, "ask": dropdowns.get("ask"),
                       "what": ["The ask itself", "Our stake in it"]},
    }[name]
    assert dropdowns == expected
    if name == "reword.yml":
        assert dropdowns["ask"] and all(o.split(":")[0] for o in dropdowns["ask"])


def test_a_project_below_the_repositorys_root_is_told_where_github_reads_the_kit(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copytree(MINIMAL, tmp_path / "charter")
    result = invoke("github", tmp_path / "charter")
    assert result.exit_code == 0
    assert (f"note: the project is inside the git repository '{tmp_path.resolve()}', not at its root; "
            "GitHub reads .github/ and runs the workflows at the repository's root only: make the "
            "project folder a repository of its own\n") in result.output


def test_no_script_expands_an_expression_values_arrive_through_the_environment(sample):
    # A pull request's title or branch name expanded into a script would run as shell code.
    invoke("github", sample.root)
    for path in (sample.root / ".github/workflows").iterdir():
        for job in yaml.safe_load(path.read_text())["jobs"].values():
            for step in job["steps"]:
                assert "${{" not in step.get("run", ""), (path.name, step.get("name"))
                if step.get("uses"):
                    assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
