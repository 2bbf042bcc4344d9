import datetime as dt
import re
import runpy
from pathlib import Path

import pytest
import yaml

from coalition_site.errors import ConfigError
from coalition_site.model.base import ID_PATTERN
from coalition_site.rules import CHECKS, FIXED, LEVELS, RULES, resolve_levels, rules_reference, run_rules
from support import MKDOCS, invoke, run

TODAY = dt.date(2026, 11, 24)
DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
REPORTS_TO = ("content/charter/steward-mandate.md:8:13: {level}: 'reports_to' leaves out the "
              "active partner 'riders-alliance'; add it, or write 'reports_to: all-partners' "
              "(the steward reports to all partners equally) [steward-reports-to-all]")


def test_the_sample_project_has_no_findings(project):
    assert project.findings() == []


def test_levels_default_to_each_rules_default(project):
    project.edit("charter/steward-mandate.md", "reports_to: all-partners", "reports_to: [tenants-union]")
    assert project.findings() == [REPORTS_TO.format(level="warning")]


def test_a_rule_set_to_off_reports_nothing(project):
    project.edit("charter/steward-mandate.md", "reports_to: all-partners", "reports_to: [tenants-union]")
    assert project.findings(levels={"steward-reports-to-all": "off"}) == []


def test_a_rule_set_to_error_reports_errors(project):
    project.edit("charter/steward-mandate.md", "reports_to: all-partners", "reports_to: [tenants-union]")
    assert project.findings(levels={"steward-reports-to-all": "error"}) == [
        REPORTS_TO.format(level="error")]


def test_an_error_rule_can_be_lowered_to_a_warning(project):
    project.edit("partners/riders-alliance.md", "joined: 2024-03-01", "joined: 2024-03-01\nstatus: stepped-back")
    [problem] = project.findings(levels={"stepped-back-explained": "warning"})
    assert problem.startswith("content/partners/riders-alliance.md:7:9: warning: ")


def test_an_unknown_rule_id_is_refused_with_the_known_ones(project):
    charter = project.charter()
    known = ", ".join(sorted([*RULES, *CHECKS, *FIXED]))
    with pytest.raises(ConfigError) as caught:
        run_rules(charter, today=TODAY, levels={"steward-report-to-all": "off"})
    assert str(caught.value) == f"unknown rule id 'steward-report-to-all'; known rules: {known}"


@pytest.mark.parametrize("rule", ["internal-marker", "internal-html", "front-matter", "privacy-marker"])
@pytest.mark.parametrize("level", ["warning", "off", False])
def test_a_privacy_check_cannot_be_lowered(rule, level):
    with pytest.raises(ConfigError) as caught:
        resolve_levels({rule: level})
    shown = "'off'" if level is False else repr(level)
    assert str(caught.value) == (
        f"rule '{rule}' cannot be set to {shown}: it finds privacy markers that are not exactly "
        "one, which a public build would publish; fix the marker the check points at instead")


def test_a_wrong_level_is_an_error_of_the_project_not_a_crash(project):
    # A user's mistake in mkdocs.yml crosses the core as one of coalition-site's errors, which
    # both fronts print as it is; never as a ValueError, which would read as a bug.
    from coalition_site import ProjectError, check_charter

    with pytest.raises(ProjectError, match=r"^rule 'review-due': unknown level 'warn'; "):
        check_charter(project.content, today=TODAY, rules={"review-due": "warn"})


@pytest.mark.parametrize("rule", ["yaml", "schema", "file", "encoding", "reference"])
def test_an_error_of_the_format_cannot_be_lowered(rule):
    with pytest.raises(ConfigError) as caught:
        resolve_levels({rule: "warning"})
    assert str(caught.value) == (
        f"rule '{rule}' cannot be set to 'warning': it finds errors of the charter's format, which "
        "keep the charter from loading; fix the file the check points at instead")


def test_the_missing_plugin_cannot_be_lowered():
    with pytest.raises(ConfigError) as caught:
        resolve_levels({"plugin-missing": "off"})
    assert str(caught.value) == (
        "rule 'plugin-missing' cannot be set to 'off': it finds a project that MkDocs would build "
        "without the coalition plugin, publishing every internal file; add the plugin instead")


@pytest.mark.parametrize("rule", [*FIXED])
def test_a_fixed_id_may_be_set_to_error(rule):
    assert resolve_levels({rule: "error"})[rule] == "error"


def test_every_id_a_problem_carries_is_registered():
    # The ids the package's modules give their problems: each is a rule, a check with a level a
    # project sets, or fixed (always an error).
    from coalition_site.load import privacy_markers, unsafe_markup
    from coalition_site.markup import reader
    from coalition_site.project import config, nav as nav_attachments, risky_extensions

    made = {*unsafe_markup.MARKUP_CHECKS, reader.RULE, *reader.PRIVACY_CHECKS, privacy_markers.RULE,
            risky_extensions.RULE, nav_attachments.RULE, config.PLUGIN_RULE, "unknown-key",
            "unpublished-file", "front-matter", "yaml", "schema", "file", "encoding", "reference"}
    assert made <= {*RULES, *CHECKS, *FIXED}
    assert not set(CHECKS) & set(FIXED) and not set(RULES) & ({*CHECKS} | {*FIXED})


def test_an_unknown_level_is_refused():
    with pytest.raises(ConfigError, match=r"^rule 'review-due': unknown level 'warn'; "
                                         r"use one of: error, warning, off$"):
        resolve_levels({"review-due": "warn"})


def test_a_bare_off_read_by_yaml_as_false_is_off():
    assert resolve_levels(yaml.safe_load("review-due: off"))["review-due"] == "off"


def test_resolve_levels_lists_every_rule():
    levels = resolve_levels({"review-due": "off"})
    assert list(levels) == [*RULES, "unsafe-html", "removed-html", "unknown-key", "unpublished-file",
                            "unsafe-extension", "nav-publishes-attachment", "site-name"]
    assert levels["review-due"] == "off"
    assert levels["unsafe-html"] == "error"
    assert levels["stepped-back-explained"] == "error"


def test_problems_are_sorted_by_file_and_line_and_stable(project):
    project.edit("charter/steward-mandate.md", "reports_to: all-partners", "reports_to: [tenants-union]")
    project.edit("charter/conflict-protocol.md", "fallback: step-back\n", "")
    project.edit("charter/autonomy.md", "    may_step_back: true\n    notice_days: 14\n    keeps_solo: Eviction",
                 "    may_step_back: false\n    notice_days: 14\n    keeps_solo: Eviction")
    charter = project.charter()
    first = run_rules(charter, today=dt.date(2028, 1, 1))
    assert first == run_rules(charter, today=dt.date(2028, 1, 1))
    assert [(p.path, p.line, p.column, p.rule) for p in first] == [
        ("content/charter/autonomy.md", 4, 20, "autonomy-agreement"),
        ("content/charter/conflict-protocol.md", 2, 1, "conflict-protocol-complete"),
        ("content/charter/joint-demand.md", 4, 11, "demand-deadline"),
        ("content/charter/steward-mandate.md", 6, 16, "steward-in-term"),
        ("content/charter/steward-mandate.md", 8, 13, "steward-reports-to-all"),
        ("content/reviews/2026-11-11.md", 2, 7, "review-due"),
    ]
    assert [p.field for p in first] == [
        "agreements.tenants-union.may_step_back", "fallback", "deadline", "stewards.0.term_ends",
        "reports_to", "date"]


def test_a_charter_without_sources_is_located_at_its_files(project):
    # A charter built in code rather than loaded has no line map: findings stand at line 1.
    charter = project.charter()
    charter.steward_mandate.reports_to = ["tenants-union"]
    assert [str(p) for p in run_rules(charter.replace(sources={}), today=TODAY)] == [
        "charter/steward-mandate.md:1:1: warning: 'reports_to' leaves out the active partner "
        "'riders-alliance'; add it, or write 'reports_to: all-partners' (the steward reports to "
        "all partners equally) [steward-reports-to-all]"]


@pytest.mark.parametrize("rule_id", list(RULES))
def test_each_rule_is_a_documented_module(rule_id):
    rule = RULES[rule_id]
    assert re.match(ID_PATTERN, rule.ID) and rule.ID == rule_id
    assert rule.__name__.rsplit(".", 1)[-1] == rule_id.replace("-", "_")
    assert rule.DEFAULT in LEVELS and rule.DEFAULT != "off"
    doc = rule.__doc__
    assert doc and doc.split("\n", 1)[0].endswith(".")
    assert "\nPasses" in doc and "\nFails" in doc
    examples = re.findall(r"```yaml\n(.*?)```", doc, flags=re.S)
    assert len(examples) >= 2
    for example in examples:
        assert isinstance(yaml.safe_load(example), dict)


def test_the_reference_documents_every_rule():
    reference = rules_reference()
    for rule_id, rule in RULES.items():
        assert f"\n## {rule_id}\n\nDefault level: **{rule.DEFAULT}**\n" in reference
        assert f"| [`{rule_id}`](#{rule_id}) | {rule.DEFAULT} |" in reference


def test_docs_rules_md_is_up_to_date():
    assert DOCS.is_file() and DOCS.read_text(encoding="utf-8") == rules_reference(), (
        "docs/rules.md is out of date with the rules' docstrings; regenerate it with "
        "`python -m coalition_site.rules > docs/rules.md`")


def test_python_m_prints_the_reference(capsys):
    runpy.run_module("coalition_site.rules", run_name="__main__")
    assert capsys.readouterr().out == rules_reference()


# -- the checks beyond the rules have levels too -----------------------------------------------
def _with_rules(sample, rules: str) -> None:
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "plugins: [search, coalition]", f"plugins:\n  - search\n  - coalition:\n      rules: {rules}"))


UNKNOWN_KEY = ("content/onboarding.md:2:1: {level}: unknown key 'colour' is not used by MkDocs, "
               "Material or coalition-site; remove it if it is a typo [unknown-key]")


def test_unknown_key_can_be_raised_to_an_error(sample):
    sample.edit("onboarding.md", "title: Why", "colour: blue\ntitle: Why")
    _with_rules(sample, "{unknown-key: error}")
    checked = invoke("check", sample.root)
    assert (checked.exit_code, checked.output) == (
        1, UNKNOWN_KEY.format(level="error") + "\ncontent: 1 error\n")
    built = invoke("build", sample.root)
    assert built.exit_code == 1 and UNKNOWN_KEY.format(level="error") in built.output


def test_unpublished_file_can_be_turned_off(sample):
    sample.write("notes.html", "<p>notes</p>")
    assert "[unpublished-file]" in invoke("check", sample.root).output
    _with_rules(sample, "{unpublished-file: off}")
    checked = invoke("check", sample.root)
    assert (checked.exit_code, checked.output) == (0, "content: no problems\n")


def test_unsafe_extension_can_be_turned_off_in_check_and_build(sample):
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text() + "markdown_extensions: [pymdownx.snippets]\n")
    assert "[unsafe-extension]" in invoke("check", sample.root).output
    assert "pymdownx.snippets" in run("build", sample.root).stderr
    _with_rules(sample, "{unsafe-extension: off}")
    checked = invoke("check", sample.root)
    assert (checked.exit_code, checked.output) == (0, "content: no problems\n")
    built = run("build", sample.root)
    assert built.returncode == 0 and "pymdownx.snippets" not in built.stderr


def test_unsafe_extension_set_to_error_stops_a_plain_mkdocs_build(sample):
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text() + "markdown_extensions: [pymdownx.snippets]\n")
    _with_rules(sample, "{unsafe-extension: error}")
    built = run("build", cwd=sample.root, program=MKDOCS)
    assert built.returncode == 1
    assert ("ERROR   -  coalition: the charter has 1 error; nothing was built:\nmkdocs.yml:8:23: "
            "error: the extension 'pymdownx.snippets' lets a page include any file") in built.stderr
    assert not (sample.root / "site").exists()
