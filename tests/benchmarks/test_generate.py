"""The benchmark's charter generator writes a charter that checks clean, and its plain twin.

Small sizes only: the benchmark itself (benchmarks/run.py) is never part of the test suite.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from coalition_site import commands
from support import benchmark_script

SIZE = ["--partners", "4", "--years", "1", "--conditions", "5"]
PUBLIC_SIZE = ["--partners", "30", "--years", "1", "--conditions", "5", "--audience", "public"]
generate = benchmark_script("generate")


def generated(tmp_path_factory, name: str, size: list[str]) -> Path:
    out = tmp_path_factory.mktemp(name) / "charter"
    assert generate.main([str(out), *size]) == 0
    return out


def assert_checks_with_no_problem(project: Path) -> None:
    out = io.StringIO()
    assert commands.check(project, strict=True, out=out) == 0
    assert out.getvalue() == "content: no problems\n"


@pytest.fixture(scope="module")
def charter(tmp_path_factory) -> Path:
    return generated(tmp_path_factory, "bench", SIZE)


def test_the_generated_charter_checks_with_no_problem(charter):
    assert_checks_with_no_problem(charter)


def test_it_has_the_size_asked_for(charter):
    content = charter / "content"
    assert len(list((content / "partners").glob("*.md"))) == 4
    assert len(list((content / "reviews").glob("*.md"))) == 12  # one a month for a year
    logic = yaml.safe_load((content / "logic.yml").read_text())
    assert len(logic["conditions"]) == 5


def test_the_plain_twin_has_the_same_prose_without_charter_fields(charter):
    review = sorted((charter / "content" / "reviews").glob("*.md"))[-1]
    twin = charter / "plain" / "docs" / "reviews" / review.name
    body = review.read_text().split("---\n", 2)[2]
    assert twin.read_text() == f"---\ntitle: 11 November 2026\n---\n{body}"
    plain = yaml.safe_load((charter / "plain" / "mkdocs.yml").read_text())
    coalition = yaml.safe_load((charter / "mkdocs.yml").read_text())
    assert plain["plugins"] == ["search"]
    assert plain["theme"] == coalition["theme"]
    assert plain["markdown_extensions"] == coalition["markdown_extensions"]
    # The pages coalition-site generates (home, partners, reviews) exist as Markdown in the twin.
    for page in ("index.md", "partners/index.md", "reviews/index.md"):
        assert (charter / "plain" / "docs" / page).is_file()


def test_the_same_arguments_write_the_same_bytes(charter, tmp_path):
    again = tmp_path / "again"
    assert generate.main([str(again), *SIZE]) == 0
    files = sorted(p.relative_to(charter) for p in charter.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert all((charter / f).read_bytes() == (again / f).read_bytes() for f in files)


def test_it_never_empties_a_folder_it_did_not_write(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(SystemExit) as exit_:
        generate.main([str(tmp_path), *SIZE])
    assert exit_.value.code == 2
    assert f"'{tmp_path}' is not empty and was not written by this script" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text() == "keep me"


@pytest.fixture(scope="module")
def public_charter(tmp_path_factory) -> Path:
    return generated(tmp_path_factory, "bench-public", PUBLIC_SIZE)


def test_a_charter_with_partners_that_stepped_back_checks_with_no_problem(public_charter):
    # Thirty partners: two stepped back, one of them after joining late in the year.
    stepped = [p for p in (public_charter / "content" / "partners").glob("*.md")
               if "status: stepped-back" in p.read_text()]
    assert len(stepped) == 2
    assert_checks_with_no_problem(public_charter)


def test_the_public_twin_has_only_the_public_pages(public_charter):
    plain = public_charter / "plain" / "docs"
    reviews = sorted(p.name for p in (plain / "reviews").glob("*.md") if p.name != "index.md")
    assert reviews == ["2025-12-10.md", "2026-04-08.md", "2026-08-12.md"]  # one in four
    assert not (plain / "strategy-notes.md").exists()
    assert "!!! internal" not in "".join(p.read_text() for p in plain.rglob("*.md"))
    partners = sorted(p.name for p in (plain / "partners").glob("*.md"))
    assert len(partners) == 30 and "index.md" in partners  # 29 public partners and the index


def test_a_public_build_of_it_passes_the_leak_check(public_charter):
    # Internal text is written so that it never coincides with public text; otherwise the
    # plugin would rightly refuse to publish, and the benchmark of public builds could not run.
    site = commands.build(public_charter, audience="public")
    assert (site / "index.html").is_file()
    assert not (site / "strategy-notes").exists()


GROUPED_SIZE = ["--partners", "30", "--years", "1", "--conditions", "24", "--groups", "3"]


@pytest.fixture(scope="module")
def grouped_charter(tmp_path_factory) -> Path:
    return generated(tmp_path_factory, "bench-grouped", GROUPED_SIZE)


def test_groups_put_the_partners_in_regional_nodes_and_check_with_no_problem(grouped_charter):
    groups = [yaml.safe_load(p.read_text().split("---\n")[1]).get("group")
              for p in (grouped_charter / "content" / "partners").glob("*.md")]
    assert sorted(set(groups)) == ["Allegheny", "Blue Ridge", "Cumberland"]
    assert sorted(groups.count(g) for g in set(groups)) == [10, 10, 10]
    assert_checks_with_no_problem(grouped_charter)


def test_with_groups_most_dependencies_stay_within_a_node(grouped_charter):
    content = grouped_charter / "content"
    group_of = {p.stem: yaml.safe_load(p.read_text().split("---\n")[1])["group"] for p in (content / "partners").glob("*.md")}
    logic = yaml.safe_load((content / "logic.yml").read_text())
    home = {c["id"]: {group_of[pid] for pid in c["partners"]} for c in logic["conditions"]}
    within = [bool(home[d["from"]] & home[d["to"]]) for d in logic["dependencies"]]
    assert sum(within) >= 0.8 * len(within)


def test_groups_are_deterministic_and_left_out_by_default(grouped_charter, charter, tmp_path):
    again = tmp_path / "again"
    assert generate.main([str(again), *GROUPED_SIZE]) == 0
    files = sorted(p.relative_to(grouped_charter) for p in grouped_charter.rglob("*") if p.is_file())
    assert all((grouped_charter / f).read_bytes() == (again / f).read_bytes() for f in files)
    assert not [p for p in (charter / "content" / "partners").glob("*.md") if "\ngroup: " in p.read_text()]
