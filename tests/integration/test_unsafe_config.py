"""mkdocs.yml comes by pull request too: read as data, and never without the coalition plugin.

Through the real ``coalition-site`` (and plain ``mkdocs``) as CI runs them: a tag that would run
code leaves no canary behind, the functions Material's documentation names still build, and a
project MkDocs would build without the plugin is refused before anything is written.
"""

from __future__ import annotations

import socket

import pytest

from gitrepo import make_git_project
from support import MKDOCS, Sample, invoke, run

LISTED = ("docs/publishing.md lists the few functions of Material and PyMdown Extensions that "
          "mkdocs.yml may name")
HEAD = "site_name: RTTA\ndocs_dir: content\ntheme: {name: material}\n"
UNFILTERED = ("MkDocs would publish the content folder as it is (every internal review, internal "
              "block and logic.yml)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def command_line(command: str) -> list[str]:
    """The arguments of ``command`` run in the project's folder (serve on a port of its own)."""
    return [command, "--dev-addr", f"127.0.0.1:{free_port()}"] if command == "serve" else [command]


@pytest.fixture
def project(tmp_path) -> Sample:
    """The minimal sample in a git repository: `publish` needs one, the others do not mind."""
    return make_git_project(tmp_path / "project")


@pytest.fixture
def no_dev_server(monkeypatch):
    """A test that reaches MkDocs' dev server fails, rather than serving until it is killed."""
    def refuse(**options):
        raise AssertionError(f"the dev server was started with {options}")
    monkeypatch.setattr("mkdocs.commands.serve.serve", refuse)


# -- code in mkdocs.yml never runs --------------------------------------------------------------
@pytest.mark.parametrize("command", ["check", "build", "serve", "publish"])
def test_code_in_mkdocs_yml_never_runs(project, command):
    canary = project.root / "canary"
    (project.root / "mkdocs.yml").write_text(
        HEAD + "plugins: [search, coalition]\nextra:\n"
        f'  analytics: !!python/object/apply:os.system ["touch {canary}"]\n')
    done = run(*command_line(command), cwd=project.root)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", (
        "error: mkdocs.yml:6:14: the tag '!!python/object/apply:os.system' runs Python code while "
        f"mkdocs.yml is read; remove it ({LISTED})\n"))
    assert not canary.exists()
    assert sorted(p.name for p in project.root.iterdir()) == [".git", "content", "mkdocs.yml"]
    assert project.git("branch", "--list", "gh-pages") == ""


@pytest.mark.parametrize("command", ["check", "build"])
def test_code_in_the_file_mkdocs_yml_inherits_never_runs(project, command):
    canary = project.root / "canary"
    (project.root / "base.yml").write_text(
        f'theme:\n  name: !!python/object/apply:os.system ["touch {canary}"]\n')
    (project.root / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: Riverside\ndocs_dir: content\n"
                                             "plugins: [search, coalition]\n")
    done = run(command, cwd=project.root)
    assert (done.returncode, done.stderr) == (1, (
        "error: base.yml:2:9: the tag '!!python/object/apply:os.system' runs Python code while "
        f"base.yml is read; remove it ({LISTED})\n"))
    assert not canary.exists()


def test_a_function_a_fence_would_call_is_refused(project):
    (project.root / "mkdocs.yml").write_text(
        HEAD + "plugins: [search, coalition]\nmarkdown_extensions:\n  - pymdownx.superfences:\n"
        "      custom_fences:\n        - name: sh\n          class: sh\n"
        "          format: !!python/name:os.system\n")
    done = run("build", cwd=project.root)
    assert (done.returncode, done.stderr) == (1, (
        "error: mkdocs.yml:10:19: the tag '!!python/name:os.system' hands MkDocs the Python function "
        "'os.system', which an extension then calls (a fence's 'format:' is called with the "
        f"fence's text); remove it ({LISTED})\n"))
    assert not (project.root / "site").exists()


def test_plain_mkdocs_build_runs_it_but_the_plugin_still_refuses_the_build(project):
    # MkDocs reads mkdocs.yml, running the tag, before any plugin is loaded: the limit
    # docs/publishing.md states (CI runs coalition-site, never plain mkdocs, on pull requests).
    canary = project.root / "canary"
    (project.root / "mkdocs.yml").write_text(
        HEAD + "plugins: [search, coalition]\nextra:\n"
        f'  analytics: !!python/object/apply:os.system ["touch {canary}"]\n')
    done = run("build", cwd=project.root, program=MKDOCS)
    assert done.returncode == 1
    assert ("ERROR   -  coalition: mkdocs.yml:6:14: the tag '!!python/object/apply:os.system' runs "
            f"Python code while mkdocs.yml is read; remove it ({LISTED})\n") in done.stderr
    assert canary.exists()
    assert not (project.root / "site").exists()


# -- what Material's documentation tells sites to write still builds --------------------------------
def test_the_functions_materials_documentation_names_build(project):
    (project.root / "mkdocs.yml").write_text(
        HEAD + "plugins: [search, coalition]\n"
        "markdown_extensions:\n"
        "  - attr_list\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
        "  - toc:\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        "  - pymdownx.superfences:\n"
        "      custom_fences:\n"
        "        - name: mermaid\n"
        "          class: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n")
    project.write("onboarding.md", project.read("onboarding.md")
                  + "\n## Grüße aus Über\n\n:smile:\n\n```mermaid\ngraph LR\n  A --> B\n```\n")
    done = run("build", cwd=project.root)
    assert done.returncode == 0, done.stderr
    page = (project.root / "site" / "onboarding" / "index.html").read_text(encoding="utf-8")
    assert 'id="grüße-aus-über"' in page  # slugify, lower case, letters kept
    assert '<pre class="mermaid"><code>' in page  # the fence's format function
    assert "twemoji" in page  # Material's emoji index and generator


def test_env_and_relative_build_as_in_mkdocs(project):
    (project.root / "mkdocs.yml").write_text(
        "site_name: !ENV [RIVERSIDE_NAME, Riverside]\ndocs_dir: content\ntheme: {name: material}\n"
        "plugins: [search, coalition]\nmarkdown_extensions:\n  - pymdownx.snippets:\n"
        "      base_path: !relative $config_dir\n")
    done = run("build", cwd=project.root, RIVERSIDE_NAME="Riverside Alliance")
    assert done.returncode == 0, done.stderr
    assert "<title>Home - Riverside Alliance</title>" in (project.root / "site" / "index.html").read_text()


# -- never without the plugin ----------------------------------------------------------------------
UNPROTECTED = [
    pytest.param(HEAD, "mkdocs.yml:1:1: there is no 'plugins' list, so " + UNFILTERED
                 + "; add one: 'plugins: [search, coalition]'", id="no-plugins"),
    pytest.param(HEAD + "plugins:\n  - search\n", "mkdocs.yml:4:1: 'plugins' does not list coalition, so "
                 + UNFILTERED + "; add it: 'plugins: [search, coalition]'", id="not-listed"),
    pytest.param(HEAD + "plugins:\n  search: {}\n", "mkdocs.yml:4:1: 'plugins' does not list coalition, so "
                 + UNFILTERED + "; add it: 'plugins: [search, coalition]'", id="not-in-the-mapping"),
    pytest.param(HEAD + "plugins:\n  - search\n  - coalition:\n      enabled: false\n",
                 "mkdocs.yml:7:7: 'enabled: false' would turn the coalition plugin off, and " + UNFILTERED
                 + "; remove it: the coalition plugin cannot be turned off", id="disabled"),
    pytest.param(HEAD + "plugins:\n  search: {}\n  coalition: {enabled: !ENV [COALITION_ON, true]}\n",
                 "mkdocs.yml:6:15: 'enabled: false' would turn the coalition plugin off, and " + UNFILTERED
                 + "; remove it: the coalition plugin cannot be turned off", id="disabled-through-env"),
]


@pytest.mark.parametrize("command", ["build", "serve", "publish"])
@pytest.mark.parametrize("config, message", UNPROTECTED)
def test_a_project_without_the_plugin_is_refused_before_mkdocs_runs(project, command, config, message,
                                                                    no_dev_server):
    (project.root / "mkdocs.yml").write_text(config)
    project.commit("Leave the plugin out")
    done = invoke(command, project.root, COALITION_ON="false")
    assert (done.exit_code, done.output) == (1, f"error: {message}\n")
    assert sorted(p.name for p in project.root.iterdir()) == [".git", "content", "mkdocs.yml"]
    assert project.git("branch", "--list", "gh-pages") == ""


@pytest.mark.parametrize("config, message", UNPROTECTED)
def test_check_reports_a_project_without_the_plugin_as_an_error(project, config, message):
    (project.root / "mkdocs.yml").write_text(config)
    done = invoke("check", project.root, COALITION_ON="false")
    assert (done.exit_code, done.output) == (1, f"{message} [plugin-missing]\n".replace(
        ": ", ": error: ", 1) + "content: 1 error\n")


def test_plain_mkdocs_build_refuses_the_plugin_turned_off(project):
    (project.root / "mkdocs.yml").write_text(HEAD + "plugins:\n  - coalition:\n      enabled: false\n")
    done = run("build", cwd=project.root, program=MKDOCS)
    assert done.returncode == 1
    assert ("ERROR   -  Config value 'plugins': Plugin 'coalition' option 'enabled': 'enabled: false' "
            f"would turn the coalition plugin off, and {UNFILTERED}; remove it: the coalition plugin "
            "cannot be turned off\n") in done.stderr
    assert not (project.root / "site").exists()


def test_enabled_true_is_still_accepted(project):
    (project.root / "mkdocs.yml").write_text(HEAD + "plugins:\n  - search\n  - coalition: {enabled: true}\n")
    done = run("build", cwd=project.root)
    assert done.returncode == 0, done.stderr
