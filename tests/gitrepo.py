"""A sample project copied into a fresh git repository, to commit charter versions on.

Imported by the tests of publishing, history and diff (``tests/`` is on ``sys.path``, see
``pythonpath`` in pyproject.toml).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from support import FIXTURES, Sample


class GitProject(Sample):
    """A copy of ``tests/fixtures/<scenario>`` in its own git repository (no remote)."""

    def git(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, check=False)
        if check and done.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
        return done.stdout

    def commit(self, message: str, tag: str | None = None) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        if tag:
            self.git("tag", tag)
        return self.git("rev-parse", "HEAD").strip()

    def show(self, revision: str, path: str) -> str:
        return self.git("show", f"{revision}:{path}")


def make_git_project(root: Path, scenario: str = "minimal") -> GitProject:
    """A copy of ``tests/fixtures/<scenario>`` at ``root``, committed once and tagged v1.0.0."""
    shutil.copytree(FIXTURES / scenario, root)
    project = GitProject(root)
    project.git("init", "-q", "-b", "main")
    # A local identity: the machine's own git config must not matter.
    project.git("config", "user.name", "Sam Okafor")
    project.git("config", "user.email", "steward@example.org")
    project.git("config", "commit.gpgsign", "false")
    project.commit("Charter version 1.0.0", tag="v1.0.0")
    return project

