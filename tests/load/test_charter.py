"""Loading a whole content folder: every problem of every file in one run, or the charter."""

from __future__ import annotations

import datetime as dt

import pytest

from coalition_site.errors import ProjectError
from coalition_site.load.charter import REQUIRED_FILES, load_charter
from coalition_site.model import Charter
from support import load_problems

NEEDS_TWO = ("content/partners/:1:1: error: a coalition needs at least 2 partners, found {n}; add a "
             "file partners/<partner-id>.md for each partner organization [file]")


def test_the_sample_loads_clean_into_a_charter(sample):
    result = load_charter(sample.content, sample.root)
    assert result.problems == []
    charter = result.charter
    assert isinstance(charter, Charter)
    assert charter.docs_dir == sample.content.resolve()
    assert charter.coalition.name == "Riverside Tenants and Transit Alliance"
    assert charter.coalition.charter.ratified == dt.date(2025, 1, 15)
    assert list(charter.partners) == ["riders-alliance", "tenants-union"]
    assert [a.id for a in charter.joint_demand.asks] == ["transit-oriented-protections"]
    assert charter.conflict_protocol.steps[0] == "Raise it with the steward within 7 days."
    assert [c.id for c in charter.logic.conditions] == ["stable-homes", "reliable-transit", "organized-riders"]
    assert sorted(charter.pages) == ["board-notes.md", "onboarding.md"]
    assert charter.audience is None  # as written, not yet filtered
    assert set(charter.sources) >= {"coalition.yml", "logic.yml", "charter/joint-demand.md"}


def test_problem_paths_are_relative_to_the_project(sample):
    sample.edit("coalition.yml", "short_name: RTTA", "short_name: 1")
    default = load_charter(sample.content)  # the project is the content folder's parent
    nested = load_charter(sample.content, sample.root.parent)
    assert [p.path for p in default.problems] == ["content/coalition.yml"]
    assert [p.path for p in nested.problems] == ["project/content/coalition.yml"]


def test_a_missing_content_folder_is_a_project_error(tmp_path):
    with pytest.raises(ProjectError) as caught:
        load_charter(tmp_path / "content")
    assert str(caught.value) == (
        f"the content folder '{tmp_path / 'content'}' does not exist; create it, or run "
        "'coalition-site new DIR' for a starter charter")


@pytest.mark.parametrize("src_uri", REQUIRED_FILES)
def test_a_missing_required_file_is_named(sample, src_uri):
    sample.remove(src_uri)
    problems = load_problems(sample)
    assert problems == [
        f"content/{src_uri}:1:1: error: this required file is missing; create it ('coalition-site "
        "new' writes a starter charter with every required file) [file]"]


def test_every_problem_of_every_file_is_reported_in_one_run(sample):
    sample.edit("coalition.yml", "founded: 2024-03-01", "founded: 2026-02-30")
    sample.edit("partners/riders-alliance.md", "issue: Public transit", "isue: Public transit")
    sample.edit("charter/conflict-protocol.md", "decision_rule: consensus", "decision_rule: unanimity")
    sample.edit("logic.yml", "    to: stable-homes", "    to: stable-home")
    sample.edit("board-notes.md", "visibility: internal", "visibilty: internal")
    result = load_charter(sample.content, sample.root)
    assert result.charter is None
    assert [f"{p.path}:{p.line}" for p in result.problems] == [
        "content/board-notes.md:3",
        "content/charter/conflict-protocol.md:3",
        "content/coalition.yml:4",
        "content/logic.yml:20",
        "content/partners/riders-alliance.md:3",  # unknown key 'isue' (and so 'issue' is missing)
    ]


def test_a_coalition_needs_two_partners(sample):
    sample.remove("partners/riders-alliance.md")
    problems = load_problems(sample)
    assert NEEDS_TWO.format(n=1) in problems
    # The partner's id, now unknown, is named wherever it is still used.
    assert ("content/charter/autonomy.md:7:3: error: 'riders-alliance' is not a known partner id; "
            "known partners: tenants-union [reference]") in problems


def test_a_coalition_without_partners_is_told_so(sample):
    sample.remove("partners/riders-alliance.md")
    sample.remove("partners/tenants-union.md")
    assert NEEDS_TWO.format(n=0) in load_problems(sample)


def test_a_broken_partner_file_does_not_make_every_mention_of_it_an_error(sample):
    sample.edit("partners/riders-alliance.md", "issue: Public transit", "issue: [Public transit]")
    assert load_problems(sample) == [
        "content/partners/riders-alliance.md:3:8: error: 'issue': expected text, got a list [schema]"]


def test_other_yaml_files_are_neither_read_nor_checked(sample):
    sample.write("extra.yml", "a: [unclosed\n")
    sample.write("data/numbers.yaml", "a: &x 1\n")
    assert load_problems(sample) == []


def test_an_index_page_in_partners_is_a_page_not_a_partner(sample):
    sample.write("partners/index.md", "---\ntitle: Who we are\n---\nOur partners.\n")
    charter = load_charter(sample.content).charter
    assert list(charter.partners) == ["riders-alliance", "tenants-union"]
    assert charter.pages["partners/index.md"].title == "Who we are"


def test_a_markdown_file_in_a_subfolder_of_partners_is_a_page(sample):
    sample.write("partners/notes/meeting.md", "# Notes\n")
    charter = load_charter(sample.content).charter
    assert "partners/notes/meeting.md" in charter.pages


def test_problems_are_sorted_and_never_repeated(sample):
    sample.edit("charter/joint-demand.md", "  riders-alliance: 2025-01-16", "  riders: 2025-01-16")
    sample.edit("charter/problem-statement.md", "  riders-alliance: 2025-01-16", "  riders: 2025-01-16")
    problems = load_charter(sample.content, sample.root).problems
    assert problems == sorted(set(problems))
    assert len(problems) == 2
