"""The plugin's options as MkDocs validates them: a wrong one stops even a plain mkdocs build."""

from __future__ import annotations

import pytest

from support import COALITION_SITE, MKDOCS, run


def _with_options(sample, options: str) -> None:
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "plugins: [search, coalition]", f"plugins:\n  - search\n  - coalition:\n{options}"))


@pytest.mark.parametrize("options, message", [
    ("      rules: {review-overdue: off}\n", "option 'rules': unknown rule id 'review-overdue'; known rules: "),
    ("      rules: {review-due: warn}\n", "option 'rules': rule 'review-due': unknown level 'warn'; use one "
                                         "of: error, warning, off"),
    ("      rules: {internal-marker: off}\n", "option 'rules': rule 'internal-marker' cannot be set to 'off'"),
    ("      build_date: soon\n", "option 'build_date': 'soon' is not a date; write it as YYYY-MM-DD"),
])
def test_a_wrong_option_stops_a_plain_mkdocs_build_before_it_starts(sample, options, message):
    _with_options(sample, options)
    built = run("build", cwd=sample.root, program=MKDOCS)
    assert built.returncode == 1
    assert f"ERROR   -  Config value 'plugins': Plugin 'coalition' {message}" in built.stderr
    assert not (sample.root / "site").exists()


@pytest.mark.parametrize("program", [MKDOCS, COALITION_SITE])
def test_a_build_date_is_read_quoted_or_not(sample, program):
    # YAML reads `2026-11-24` as a date and `"2026-11-24"` as text: the README writes it unquoted.
    _with_options(sample, "      build_date: 2026-11-24\n")
    built = run("build", cwd=sample.root, program=program, SOURCE_DATE_EPOCH=None,
                COALITION_AUDIENCE="internal")
    assert built.returncode == 0, built.stderr
    dashboard = (sample.root / "site-internal" / "vitality" / "index.html").read_text(encoding="utf-8")
    assert 'as of <time datetime="2026-11-24">24 November 2026</time>' in dashboard
