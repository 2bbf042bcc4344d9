"""``check`` warns when mkdocs.yml lets a page's text read files or run templates."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from coalition_site import commands
from coalition_site.project.risky_extensions import find_risky
from support import FIXTURES, run

MINIMAL = FIXTURES / "minimal"


def test_check_warns_at_the_line_of_each_risky_extension_and_plugin(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    (project / "mkdocs.yml").write_text(
        "site_name: RTTA\n"
        "docs_dir: content\n"
        "theme: {name: material}\n"
        "# pymdownx.snippets is mentioned in a comment first\n"
        "plugins:\n"
        "  - search\n"
        "  - coalition\n"
        "  - macros:\n"
        "      module_name: main\n"
        "markdown_extensions:\n"
        "  - admonition\n"
        "  - pymdownx.snippets:\n"
        "      base_path: [content]\n")
    out = io.StringIO()
    assert commands.check(project, out=out) == 0  # warnings: the charter itself is fine
    assert out.getvalue().splitlines() == [
        "mkdocs.yml:8:5: warning: the plugin 'macros' runs the text of every page as a template, "
        "with the site's configuration at hand, and charter pages come from every partner; remove "
        "it from 'plugins' in mkdocs.yml (coalition-site never needs it) [unsafe-extension]",
        "mkdocs.yml:12:5: warning: the extension 'pymdownx.snippets' lets a page include any file "
        "of the repository (an internal page into a public one), and charter pages come from "
        "every partner; remove it from 'markdown_extensions' in mkdocs.yml (coalition-site never "
        "needs it) [unsafe-extension]",
        "content: 2 warnings",
    ]
    assert commands.check(project, strict=True, out=io.StringIO()) == 1


def test_the_sites_that_need_none_of_them_get_no_warning():
    assert find_risky(["admonition", "toc", "pymdownx.superfences", "pymdownx.highlight"],
                      ["search", "coalition", "material/tags"]) == []


def test_known_includers_and_template_engines_are_all_named():
    found = find_risky(["markdown_include.include", "mdx_include"],
                       ["include-markdown", "markdownextradata", "material/macros"],
                       config_text="format: !!python/name:markdown_exec.formatter")
    assert [(kind, name) for kind, name, _ in found] == [
        ("extension", "markdown_include.include"), ("extension", "mdx_include"),
        ("extension", "markdown_exec"), ("plugin", "include-markdown"),
        ("plugin", "markdownextradata"), ("plugin", "material/macros")]


HOOKS = ("'hooks' runs the Python files it lists (hooks/stamp.py, hooks/links.py) on the machine "
         "that builds the site, with the whole build at hand, and a pull request can change them; "
         "remove 'hooks' from mkdocs.yml (coalition-site never needs it)")


def _with_hooks(project: Path) -> None:
    shutil.copytree(MINIMAL, project)
    (project / "hooks").mkdir()
    for name in ("stamp.py", "links.py"):
        (project / "hooks" / name).write_text("def on_config(config):\n    return config\n")
    (project / "mkdocs.yml").write_text(
        "site_name: RTTA\ndocs_dir: content\ntheme: {name: material}\n"
        "plugins: [search, coalition]\n"
        "# hooks: [a comment first]\n"
        "hooks:\n  - hooks/stamp.py\n  - hooks/links.py\n")


def test_check_warns_at_the_line_of_hooks(tmp_path):
    _with_hooks(tmp_path / "project")
    out = io.StringIO()
    assert commands.check(tmp_path / "project", out=out) == 0
    assert out.getvalue().splitlines() == [
        f"mkdocs.yml:6:1: warning: {HOOKS} [unsafe-extension]", "content: 1 warning"]


def test_check_warns_at_the_hooks_of_the_file_mkdocs_yml_inherits(tmp_path):
    _with_hooks(tmp_path / "project")
    config = tmp_path / "project" / "mkdocs.yml"
    (tmp_path / "project" / "base.yml").write_text(config.read_text())
    config.write_text("INHERIT: base.yml\nsite_name: RTTA\n")
    out = io.StringIO()
    commands.check(tmp_path / "project", out=out)
    assert out.getvalue().splitlines()[0] == f"base.yml:6:1: warning: {HOOKS} [unsafe-extension]"


def test_the_build_warns_about_hooks_in_its_log(tmp_path):
    _with_hooks(tmp_path / "project")
    built = run("build", cwd=tmp_path / "project")
    assert built.returncode == 0, built.stderr
    assert f"WARNING -  coalition: mkdocs.yml: {HOOKS}\n" in built.stderr


def test_no_hooks_no_warning(tmp_path):
    _with_hooks(tmp_path / "project")
    config = tmp_path / "project" / "mkdocs.yml"
    config.write_text(config.read_text().split("# hooks")[0] + "hooks: []\n")
    out = io.StringIO()
    assert commands.check(tmp_path / "project", out=out) == 0
    assert out.getvalue() == "content: no problems\n"
