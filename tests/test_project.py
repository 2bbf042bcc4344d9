"""Finding a project on disk: its mkdocs.yml, its content folder and the plugin's options."""

from __future__ import annotations

import pytest

from coalition_site.errors import ProjectError
from coalition_site.project import find_project
from support import MINIMAL


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


def test_a_file_is_not_a_project(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ProjectError, match="is not a folder; give the folder that holds mkdocs.yml"):
        find_project(tmp_path / "notes.txt")


@pytest.mark.parametrize("text, message", [
    ("site_name: [unclosed\n", "mkdocs.yml cannot be read: "),
    ("- a list\n", "mkdocs.yml must be a set of 'key: value' lines"),
])
def test_an_unreadable_mkdocs_yml_is_a_project_error(tmp_path, text, message):
    (tmp_path / "mkdocs.yml").write_text(text)
    with pytest.raises(ProjectError) as caught:
        find_project(tmp_path)
    assert str(caught.value).startswith(message)
