"""`check --format github` writes every problem to the job summary ($GITHUB_STEP_SUMMARY)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from coalition_site.problems import Problem
from coalition_site.project.github import step_summary
from support import invoke

PARTNER = "---\nname: Partner {n}\ntheory_of_change: Organize.\n---\n"  # no `issue`: an error each


def test_every_problem_reaches_the_job_summary_beyond_githubs_ten_annotations(sample, tmp_path):
    for n in range(12):
        sample.write(f"partners/p{n:02}.md", PARTNER.format(n=n))
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier step's summary.\n")
    result = invoke("check", "--format", "github", sample.root, GITHUB_STEP_SUMMARY=str(summary))
    assert result.exit_code == 1
    annotations = result.output.splitlines()
    assert len(annotations) == 12  # GitHub shows the first 10 of these; the summary has them all
    text = summary.read_text()
    assert text.startswith("Earlier step's summary.\n### Charter check: 12 errors\n\n"
                           "| Where | Level | Problem | Rule |\n|---|---|---|---|\n")
    rows = [line for line in text.splitlines() if line.startswith("| content/")]
    assert len(rows) == 12
    assert rows[0] == ("| content/partners/p00.md, line 2:1 | error | 'issue' is missing; add 'issue:' with a "
                       "value (it is required) | schema |")


def test_a_clean_charter_says_so_in_the_summary(sample, tmp_path):
    summary = tmp_path / "summary.md"
    result = invoke("check", "--format", "github", sample.root, GITHUB_STEP_SUMMARY=str(summary))
    assert (result.exit_code, summary.read_text()) == (0, "### Charter check: no problems\n\n")


def test_without_the_variable_nothing_is_written(sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "--format", "github", sample.root, GITHUB_STEP_SUMMARY="")
    assert result.exit_code == 0
    assert list(tmp_path.iterdir()) == [sample.root]


def test_an_unwritable_summary_is_one_error_line(sample, tmp_path):
    result = invoke("check", "--format", "github", sample.root,
                    GITHUB_STEP_SUMMARY=str(tmp_path / "missing" / "summary.md"))
    assert result.exit_code == 1
    assert result.output == (f"error: cannot write the job summary to '{tmp_path / 'missing' / 'summary.md'}' "
                             "(GITHUB_STEP_SUMMARY): no such file or directory\n")


def test_a_hostile_file_name_cannot_inject_markup_into_the_summary(sample, tmp_path):
    name = "x| <img src=x onerror=alert(1)> @octocat [y](z) `z`"
    sample.write(f"partners/{name}.md", PARTNER.format(n=1))
    summary = tmp_path / "summary.md"
    invoke("check", "--format", "github", sample.root, GITHUB_STEP_SUMMARY=str(summary))
    rows = summary.read_text().splitlines()[4:]
    assert rows[0] == ("| content/partners/x\\| &lt;img src=x onerror=alert(1)&gt; @\u2060octocat "
                       "\\[y\\](z) \\`z\\`.md, line 1:1 | error | the file name 'x\\| &lt;img src=x "
                       "onerror=alert(1)&gt; @\u2060octocat \\[y\\](z) \\`z\\`' is not a valid partner "
                       "id (a partner's id is its file name: lowercase letters, digits and single "
                       "hyphens); rename it to 'x-img-src-x-onerror-alert-1-octocat-y-z-z.md' | schema |")
    assert [len(_cells(row)) for row in rows if row] == [4]


def _cells(row: str) -> list[str]:
    # A row's cells are split by the pipes that are not escaped.
    return re.split(r"(?<!\\)\|", row)[1:-1]


hostile = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["|", "<script>", "@someone", "[a](b)", "![i](x)", "\n| injected | row |", "\\|", "`", "&lt;", "**b**"])


@given(st.lists(st.tuples(hostile, hostile, hostile), min_size=1, max_size=5))
def test_each_problem_is_one_row_of_four_cells_without_html_or_mentions(found):
    problems = [Problem(path, 1, 1, "error", message, rule) for path, message, rule in found]
    lines = step_summary(problems).splitlines()
    rows = [line for line in lines[4:] if line]
    assert len(rows) == len(problems)
    for row in rows:
        assert len(_cells(row)) == 4, row
        assert "<" not in row and ">" not in row
        assert not re.search(r"@[A-Za-z0-9]", row)  # a mention is @ then a login
