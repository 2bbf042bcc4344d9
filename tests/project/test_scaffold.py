"""``coalition-site new``: a starter project that checks clean and builds for both audiences."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml

from coalition_site.check import check_charter
from coalition_site.model.schema import SCHEMA_MODELS
from coalition_site.project.scaffold import ScaffoldError, create_project
from support import article, invoke, nav_titles, run, site_texts


@pytest.fixture(scope="module")
def starter(tmp_path_factory):
    """A project made by the real command, on the real date, as a new user would."""
    root = tmp_path_factory.mktemp("new") / "my-coalition"
    made = run("new", root, SOURCE_DATE_EPOCH=None)
    assert made.returncode == 0, made.stderr
    return root, made


def test_new_says_what_it_made_and_what_to_do_next(starter):
    root, made = starter
    assert made.stdout == (
        f"Created a starter charter in {root} (33 files), with its GitHub kit in .github/.\n"
        f"Next: cd {root} && coalition-site check && coalition-site serve\n"
        "Keep the repository private: it holds every internal file of the charter (representatives, "
        "internal pages, reviews), and the workflows in .github/ fail when it is public.\n")
    today = dt.date.today().isoformat()
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == [
        ".github/CODEOWNERS", ".github/ISSUE_TEMPLATE/monthly-review.yml",
        ".github/ISSUE_TEMPLATE/reword.yml", ".github/ISSUE_TEMPLATE/step-back.yml",
        ".github/coalition-site-requirements.txt", ".github/pull_request_template.md",
        ".github/workflows/charter-checks.yml", ".github/workflows/charter-comment.yml",
        ".github/workflows/charter-consent.yml", ".github/workflows/charter-publish.yml",
        ".gitignore", "README.md", "content/charter/autonomy.md", "content/charter/conflict-protocol.md",
        "content/charter/joint-demand.md", "content/charter/problem-statement.md",
        "content/charter/steward-mandate.md", "content/coalition.yml", "content/logic.yml",
        "content/partners/clean-water-alliance.md", "content/partners/riverside-tenants.md",
        f"content/reviews/{today}.md", "mkdocs.yml",
        *(f"schemas/{kind}.schema.json" for kind in sorted(SCHEMA_MODELS))]


@pytest.mark.parametrize("name", ["coalition", "logic"])
def test_the_yaml_files_name_their_schema_for_editors_and_it_accepts_them(starter, name):
    """Editors that read the yaml-language-server modeline (VS Code's YAML extension, Neovim,
    JetBrains) complete and check the file against the schema `new` wrote beside it."""
    root, _ = starter
    path = root / "content" / f"{name}.yml"
    first, *_ = path.read_text().split("\n", 1)
    assert first == f"# yaml-language-server: $schema=../schemas/{name}.schema.json"
    schema = json.loads((path.parent / first.split("$schema=", 1)[1]).read_text())
    data = yaml.safe_load(path.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    # YAML's dates are dates; JSON Schema's are text: as an editor's YAML server reads them.
    assert list(jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
                .iter_errors(json.loads(json.dumps(data, default=str)))) == []


def test_the_new_project_checks_clean(starter):
    root, _ = starter
    checked = run("check", root, SOURCE_DATE_EPOCH=None)
    assert (checked.returncode, checked.stdout) == (0, "content: no problems\n")


@pytest.mark.parametrize("audience, site_dir", [("public", "site"), ("internal", "site-internal")])
def test_the_new_project_builds_for_both_audiences(starter, audience, site_dir):
    root, _ = starter
    built = run("build", root, "--audience", audience, SOURCE_DATE_EPOCH=None)
    assert built.returncode == 0, built.stderr
    assert built.stdout == f"Built the site in {root / site_dir}\n"
    assert "Traceback" not in built.stderr
    pages = site_texts(root / site_dir)
    assert "Riverside Coalition" in article(pages["index.html"]).text
    assert {"partners/riverside-tenants/index.html", "partners/clean-water-alliance/index.html",
            "charter/joint-demand/index.html"} <= set(pages)
    # Onboarding comes with the starter, with nothing to write by hand: Start here, first in the
    # navigation, and a page for each partner's new staff that finds why they are allied.
    # (navigation.prune shows a section's pages only inside it.)
    assert nav_titles(pages["index.html"])[:2] == ["Start here", "Home"]
    assert nav_titles(pages["onboarding/index.html"])[:4] == [
        "Start here", "New at Clean Water Alliance", "New at Riverside Tenants Union", "Home"]
    start = article(pages["onboarding/index.html"]).text
    assert "The problem we share" in start and "Where to go next" in start
    staff = " ".join(article(pages["onboarding/riverside-tenants/index.html"]).text.split())
    assert "Why we are allied" in staff and "No dependency ties us" not in staff


def test_the_starter_charter_still_checks_clean_years_from_now(tmp_path):
    # A user who runs `new` in 2030 must not open with warnings about dates in the starter.
    later = dt.date(2030, 3, 1)
    create_project(tmp_path / "p", today=later)
    problems = [str(p) for p in check_charter(tmp_path / "p" / "content", tmp_path / "p", today=later).problems]
    assert problems == [], ("BUG: the starter charter carries fixed dates (steward term, demand "
                            "deadline) that make a project created after them open with warnings")


def test_a_non_empty_folder_is_refused_before_anything_is_written(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "coalition.yml").write_text("name: Mine\n")
    with pytest.raises(ScaffoldError, match="is not empty"):
        create_project(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.rglob("*"))] == [
        "content", "content/coalition.yml"]
    assert (tmp_path / "content" / "coalition.yml").read_text() == "name: Mine\n"


def test_an_empty_folder_is_used(tmp_path):
    created = create_project(tmp_path, today=dt.date(2026, 11, 18))
    assert tmp_path / "content" / "reviews" / "2026-11-18.md" in created
    assert "date: 2026-11-18" in (tmp_path / "content" / "reviews" / "2026-11-18.md").read_text()


def test_a_folder_that_cannot_be_made_is_an_error_not_a_traceback(tmp_path):
    (tmp_path / "notes.md").write_text("mine\n")
    result = invoke("new", tmp_path / "notes.md" / "project")
    assert (result.exit_code, result.output) == (
        1, f"error: cannot create the project in '{tmp_path / 'notes.md' / 'project'}': part of the "
           "path is a file, not a folder; choose another folder\n")
    assert (tmp_path / "notes.md").read_text() == "mine\n"
