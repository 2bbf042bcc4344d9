"""Finding a project on disk: its mkdocs.yml, its content folder and the plugin's options."""

from __future__ import annotations

import pytest

from coalition_site.errors import ProjectError
from coalition_site.project.config import find_project, relative_to_docs
from support import MINIMAL, Sample


def test_the_sample_project():
    project = find_project(MINIMAL)
    assert project.root == MINIMAL
    assert project.config_file == MINIMAL / "mkdocs.yml"
    assert project.docs_dir == MINIMAL / "content"
    assert project.plugin_options == {}


def test_plugin_options_and_extensions_are_read(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\ndocs_dir: charter\nplugins:\n  - search\n  - coalition:\n      audience: internal\n"
        "      rules: {review-due: error}\nmarkdown_extensions:\n  - toc: {permalink: true}\n  - admonition\n")
    project = find_project(tmp_path)
    assert project.docs_dir == tmp_path / "charter"
    assert project.plugin_options == {"audience": "internal", "rules": {"review-due": "error"}}
    assert project.markdown_extensions == ["toc", "admonition"]


def test_mkdocs_tags_are_understood(tmp_path, monkeypatch):
    monkeypatch.setenv("CHARTER_DIR", "charter")
    (tmp_path / "mkdocs.yml").write_text("site_name: X\ndocs_dir: !ENV CHARTER_DIR\n")
    assert find_project(tmp_path).docs_dir == tmp_path / "charter"


def test_relative_is_understood_as_mkdocs_understands_it(tmp_path):
    # MkDocs' loader understands `!relative` only while it builds; read without a build, it failed.
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nplugins: [coalition]\nmarkdown_extensions:\n  - pymdownx.snippets:\n"
        "      base_path: !relative $config_dir/snippets\n")
    assert find_project(tmp_path).markdown_extensions == ["pymdownx.snippets"]


def test_inherit_is_followed(tmp_path):
    (tmp_path / "base.yml").write_text("docs_dir: charter\nplugins: [search, coalition]\n")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: X\n")
    project = find_project(tmp_path)
    assert (project.docs_dir, project.plugins, project.plugin_problem) == (
        tmp_path / "charter", ["search", "coalition"], None)


def test_a_tag_that_runs_code_is_refused_before_anything_else_reads_the_file(tmp_path):
    canary = tmp_path / "canary"
    (tmp_path / "mkdocs.yml").write_text(f'site_name: !!python/object/apply:os.system ["touch {canary}"]\n')
    with pytest.raises(ProjectError, match=r"^mkdocs.yml:1:12: the tag '!!python/object/apply:os.system' "
                                           r"runs Python code while mkdocs.yml is read; remove it"):
        find_project(tmp_path)
    assert not canary.exists()


def test_without_mkdocs_yml_a_content_folder_is_enough(tmp_path):
    (tmp_path / "content").mkdir()
    project = find_project(tmp_path)
    assert (project.config_file, project.docs_dir) == (None, tmp_path / "content")


def test_without_either_the_error_says_what_to_do(tmp_path):
    with pytest.raises(ProjectError) as caught:
        find_project(tmp_path)
    assert str(caught.value) == (
        f"no mkdocs.yml in '{tmp_path}'; run this in a coalition-site project, give its folder, or "
        "create one with 'coalition-site new DIR'")


def test_run_in_the_content_folder_the_project_above_is_found(tmp_path):
    """`check` run in content/ (or deeper) reads the project's mkdocs.yml, as git finds its repository."""
    sample = Sample.copy(tmp_path / "project")
    (sample.root / ".git").mkdir()  # the search stops at a repository's root
    for folder in (sample.content, sample.content / "partners"):
        project = find_project(folder)
        assert (project.root, project.config_file, project.docs_dir) == (
            sample.root, sample.root / "mkdocs.yml", sample.content)


def test_a_folder_of_the_project_outside_its_content_is_not_taken_for_it(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    (sample.root / "theme").mkdir()
    with pytest.raises(ProjectError, match="^no mkdocs.yml in "):
        find_project(sample.root / "theme")


def test_the_search_for_a_project_stops_at_the_repository_root(tmp_path):
    sample = Sample.copy(tmp_path / "outer")
    inner = sample.content / "nested"
    (inner / ".git").mkdir(parents=True)
    (inner / "notes").mkdir()
    with pytest.raises(ProjectError, match="^no mkdocs.yml in "):
        find_project(inner / "notes")


def test_a_file_is_not_a_project(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ProjectError, match="is not a folder; give the folder that holds mkdocs.yml"):
        find_project(tmp_path / "notes.txt")


@pytest.mark.parametrize("text, message", [
    ("site_name: [unclosed\n", "mkdocs.yml:2:1: YAML syntax error: expected ',' or ']', but got "
                               "'<stream end>'; check the indentation and quoting on this line and the "
                               "one above"),
    ("site_name: X\n\tdocs_dir: content\n", "mkdocs.yml:2:1: a tab character is used for indentation; "
                                            "indent with spaces, not tabs"),
    ("- a list\n", "mkdocs.yml must be a set of 'key: value' lines"),
    ("42\n", "mkdocs.yml must be a set of 'key: value' lines"),
    ("true\n", "mkdocs.yml must be a set of 'key: value' lines"),
    ("site_name: X\ndocs_dir: [content]\n", "mkdocs.yml: 'docs_dir' must name a folder, like 'docs_dir: content'"),
    ("site_name: X\ndocs_dir: \"con\\0tent\"\n", "mkdocs.yml: 'docs_dir' must name a folder, like 'docs_dir: content'"),
    ("site_name: X\nextra_css:\n  - a.css\n  - path: b.css\n", "mkdocs.yml: 'extra_css' lists {'path': 'b.css'}; "
                                                           "list the paths of stylesheets, like 'extra_css: "
                                                           "[styles/extra.css]'"),
    ("site_name: X\nplugins:\n  - coalition\n  - coalition: {audience: internal}\n",
     "mkdocs.yml: 'plugins' lists coalition 2 times; keep one entry (its options decide what check "
     "and build do)"),
    ("site_name: X\nmarkdown_extensions:\n  - toc\n  - {}\n", "mkdocs.yml: 'markdown_extensions' has an "
                                                        "empty entry ('- {}'); remove it, or write the name of an extension"),
])
def test_an_unreadable_mkdocs_yml_is_a_project_error(tmp_path, text, message):
    (tmp_path / "mkdocs.yml").write_text(text)
    with pytest.raises(ProjectError) as caught:
        find_project(tmp_path)
    assert str(caught.value) == message


def test_plugins_written_as_one_mapping_are_read_as_mkdocs_reads_them(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nplugins:\n  search: {}\n  coalition:\n    rules: {review-due: error}\n"
        "markdown_extensions:\n  toc: {permalink: true}\n  admonition: {}\n")
    project = find_project(tmp_path)
    assert project.plugin_options == {"rules": {"review-due": "error"}}
    assert project.plugins == ["search", "coalition"]
    assert project.markdown_extensions == ["toc", "admonition"]


def test_entries_mkdocs_refuses_are_left_to_the_build_to_name(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nplugins: [{}, 7, {a: 1, b: 2}, coalition]\nmarkdown_extensions: [7, toc]\n"
        "extra_css: 1\nextra_javascript: x.js\n")
    project = find_project(tmp_path)
    assert (project.plugins, project.markdown_extensions, project.named_assets) == (["coalition"], ["toc"], [])


@pytest.mark.parametrize("validation, nav, links", [
    (None, False, False),
    ({"absolute_links": "relative_to_docs"}, True, True),  # MkDocs gives it to every section
    ({"nav": {"absolute_links": "relative_to_docs"}}, True, False),
    ({"absolute_links": "relative_to_docs", "links": {"absolute_links": "warn"}}, True, False),
    ({"links": "relative_to_docs"}, False, False),  # not a section: MkDocs refuses it
])
def test_where_a_slash_path_points_is_read_as_mkdocs_reads_it(validation, nav, links):
    config = {"validation": validation}
    assert (relative_to_docs(config, "nav"), relative_to_docs(config, "links")) == (nav, links)
