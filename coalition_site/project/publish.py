"""Publishing a charter's site as a version on a git branch, the way mike lays it out.

Each audience has its own branch (``gh-pages`` for the public, ``gh-pages-internal`` for the
partners), so the two sites never share a tree: a public branch cannot hold an internal page even
by mistake. On its branch, each charter version has its own folder, ``latest`` points to the
newest one, ``versions.json`` lists them all for Material's version selector, and the root
redirects to ``latest/``.

This module decides *what* to publish and checks that git can take it; ``commands.publish``
does the build and the commit with mike (the only part that needs MkDocs).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, MutableMapping

from ..errors import ProjectError
from ..load.git import GitError, Repository

LATEST = "latest"
INTERNAL_SUFFIX = "-internal"


@dataclass(frozen=True)
class PublishPlan:
    """Where and as what one build is published."""

    audience: str
    version: str
    title: str
    branch: str
    remote: str
    message: str
    aliases: tuple[str, ...] = (LATEST,)


@dataclass(frozen=True)
class PublishResult:
    plan: PublishPlan
    committed: bool
    """False when the branch already held exactly this build (nothing to commit)."""
    pushed: bool = False

    def __str__(self) -> str:
        plan = self.plan
        aliases = f" [{', '.join(plan.aliases)}]" if plan.aliases else ""
        if not self.committed:
            line = (f"Charter version {plan.version} ({plan.audience}) is already deployed to "
                    f"branch {plan.branch} as {plan.version}{aliases}; nothing changed")
        else:
            line = (f"Deployed charter version {plan.version} ({plan.audience}) to branch "
                    f"{plan.branch} as {plan.version}{aliases}")
        if self.pushed:
            line += f"\nPushed {plan.branch} to {plan.remote}"
        return line


def branch_for(audience: str, public_branch: str) -> str:
    """The branch an audience's site goes to: the public one, or its ``-internal`` twin."""
    return public_branch + INTERNAL_SUFFIX if audience == "internal" else public_branch


def plan_publish(repo: Repository, *, version: str, ratified: bool, audience: str,
                 public_branch: str, remote: str, docs_dir: Path, message: str | None) -> PublishPlan:
    """What to publish: the branch for ``audience``, the version's title and the commit message."""
    branch = branch_for(audience, public_branch)
    title = version if ratified else f"{version} (draft)"
    if message is None:
        head = repo.head()
        source = f"from {head[:7]}" if head else "from a repository without commits"
        if head and _has_changes(repo, docs_dir):
            source += " with uncommitted changes"
        message = f"Publish charter version {version} ({audience}) {source}"
    return PublishPlan(audience, version, title, branch, remote, message)


def require_identity(repo: Repository) -> None:
    """Fail before building when git could not sign the commit (mike needs a committer)."""
    for key, variable in (("user.name", "GIT_COMMITTER_NAME"), ("user.email", "GIT_COMMITTER_EMAIL")):
        if os.environ.get(variable):
            continue
        try:
            repo.run("config", "--", key)
        except GitError:
            raise ProjectError(
                f"git has no {key} to sign the publishing commit with; set it with "
                f"'git config {key} \"...\"' (in CI, set {variable})") from None


def configure_build(config: MutableMapping, plan: PublishPlan) -> None:
    """Adjust a loaded MkDocs config for a versioned build, so ``mkdocs.yml`` need not say it.

    Material's version selector reads ``versions.json`` when ``extra.version.provider`` is
    ``mike``; page URLs (canonical links, the sitemap) gain the version folder, as mike does.
    """
    enable_version_selector(config["extra"])
    if config.get("site_url"):
        config["site_url"] = config["site_url"].rstrip("/") + f"/{plan.version}/"


def enable_version_selector(extra: MutableMapping) -> None:
    """Set ``extra.version.provider: mike``, keeping whatever else the site set there."""
    version = extra.get("version")
    extra["version"] = {**(version if isinstance(version, dict) else {}), "provider": "mike"}


@contextmanager
def working_directory(path: Path) -> Iterator[None]:
    """mike runs git in the current folder: run it in the project's repository."""
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def git_failure(exc: Exception, plan: PublishPlan) -> ProjectError:
    """mike's git errors, with what to do about them."""
    text = str(exc)
    if "diverged" in text:
        fix = (f"the branch {plan.branch} and {plan.remote}/{plan.branch} have both changed; "
               f"run 'git fetch {plan.remote}' and reconcile them, then publish again")
    elif "push" in text:
        fix = (f"check that the remote '{plan.remote}' exists ('git remote -v') and that you may "
               "push to it, or publish without --push")
    else:
        fix = "check the repository with 'git status' and retry"
    return ProjectError(f"{text}; {fix}")


def _has_changes(repo: Repository, docs_dir: Path) -> bool:
    try:
        return bool(repo.run("status", "--porcelain", "--", repo.prefix(docs_dir) or ".").strip())
    except GitError:
        return False
