"""Publishing a charter's site as a version on a git branch, the way mike lays it out.

Each audience has its own branch (``gh-pages`` for the public, ``gh-pages-internal`` for the
partners), so the two sites never share a tree: a public branch cannot hold an internal page even
by mistake. On its branch, each charter version has its own folder, ``latest`` points to the
newest one, ``versions.json`` lists them all for Material's version selector, and the root
redirects to ``latest/``.

Each published version is tagged ``charter-v<version>`` at the commit it was published from
(an annotated tag, shared by both audiences), so that ``coalition-site diff charter-v1.2.0``
shows what changed since, and so that a version is never published again over a changed charter
text (:mod:`coalition_site.load.charter_text` says what that text is): publishing 1.2.0 again is
refused when the text differs from the tag's, unless the steward raises the version or passes
``--force REASON``. A version already on the branch without a tag (published before
coalition-site tagged versions) is refused the same way, since nothing says what text it was.

This module decides *what* to publish and checks that git can take it; ``commands.publish``
does the build and the commit with mike (the only part that needs MkDocs).
"""

from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, MutableMapping

from ..errors import ProjectError
from ..load.charter_text import changed_files, texts_at, texts_on_disk
from ..load.git import GitError, Repository

LATEST = "latest"
INTERNAL_SUFFIX = "-internal"
TAG_PREFIX = "charter-v"
# ASCII digits only, as the model's version: a tag name is made of it.
_VERSION = re.compile(r"[0-9]{1,9}\.[0-9]{1,9}\.[0-9]{1,9}", re.ASCII)
_SHOWN_FILES = 8


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
    uncommitted: bool = False
    """The content folder has changes not committed: the build has them, the source commit not."""


@dataclass(frozen=True)
class TagPlan:
    """What publishing does with the version's tag."""

    name: str
    commit: str | None
    """The commit to tag (the one published from); ``None``: nothing to tag (no commit yet)."""
    action: str
    """``create``, ``move`` (``--force`` over a changed text) or ``keep`` (the text is the tag's)."""


@dataclass(frozen=True)
class PublishResult:
    plan: PublishPlan
    committed: bool
    """False when the branch already held exactly this build (nothing to commit)."""
    pushed: bool = False
    tag: TagPlan | None = None

    def __str__(self) -> str:
        plan = self.plan
        aliases = f" [{', '.join(plan.aliases)}]" if plan.aliases else ""
        if not self.committed:
            line = (f"Charter version {plan.version} ({plan.audience}) is already deployed to "
                    f"branch {plan.branch} as {plan.version}{aliases}; nothing changed")
        else:
            line = (f"Deployed charter version {plan.version} ({plan.audience}) to branch "
                    f"{plan.branch} as {plan.version}{aliases}")
        tag = self.tag
        if tag is not None and tag.commit is not None and tag.action != "keep":
            line += (f"\nMoved tag {tag.name} to {tag.commit[:7]}" if tag.action == "move"
                     else f"\nTagged {tag.commit[:7]} as {tag.name}")
        if self.pushed:
            pushed_tag = f" and tag {tag.name}" if tag is not None and tag.commit is not None else ""
            line += f"\nPushed {plan.branch}{pushed_tag} to {plan.remote}"
        return line

    @property
    def warnings(self) -> list[str]:
        """What the steward should know though the publish went through (printed on stderr)."""
        found = []
        if self.plan.uncommitted:
            found.append(
                f"the content folder has uncommitted changes: the site is built from them, but "
                f"the commit the publishing commit names"
                f"{' (and tag ' + self.tag.name + ' marks)' if self.tag and self.tag.commit else ''}"
                f" does not hold them; commit them and publish again")
        if self.tag is not None and self.tag.commit is None:
            found.append(f"the repository has no commit yet, so no tag {self.tag.name} marks what "
                         f"was published; commit the charter as published, then tag that commit: "
                         f"git tag -a {self.tag.name} -m \"Charter version {self.plan.version}\" HEAD")
        return found


def branch_for(audience: str, public_branch: str) -> str:
    """The branch an audience's site goes to: the public one, or its ``-internal`` twin."""
    return public_branch + INTERNAL_SUFFIX if audience == "internal" else public_branch


def plan_publish(repo: Repository, *, version: str, ratified: bool, audience: str,
                 public_branch: str, remote: str, docs_dir: Path, message: str | None,
                 force: str | None = None) -> PublishPlan:
    """What to publish: the branch for ``audience``, the version's title and the commit message
    (with the reason given to ``--force``, so that the branch's history keeps it)."""
    branch = branch_for(audience, public_branch)
    title = version if ratified else f"{version} (draft)"
    head = repo.head()
    uncommitted = bool(head) and _has_changes(repo, docs_dir)
    if message is None:
        source = f"from {head[:7]}" if head else "from a repository without commits"
        if uncommitted:
            source += " with uncommitted changes"
        message = f"Publish charter version {version} ({audience}) {source}"
    if force is not None:
        message += f"\n\nPublished with --force: {force}"
    return PublishPlan(audience, version, title, branch, remote, message, uncommitted=uncommitted)


def tag_name(version: str) -> str:
    """``charter-v1.2.0``: the tag of a published version (the version is checked again here,
    since a tag name reaches git)."""
    if not _VERSION.fullmatch(version):
        raise ProjectError(f"'{version}' is not a semantic version such as 1.2.0; fix "
                           "'charter.version' in coalition.yml")
    return TAG_PREFIX + version


def plan_tag(repo: Repository, *, version: str, docs_dir: Path, branch: str,
             force: str | None) -> TagPlan:
    """Check that publishing ``version`` does not replace a published version whose charter text
    changed, and say what to do with its tag; a :class:`ProjectError` when it would."""
    name = tag_name(version)
    head = repo.head()
    tagged = _tagged_commit(repo, name)
    if tagged is None:
        if force is None and _on_branch(repo, branch, version):
            raise ProjectError(
                f"charter version {version} is already published on branch {branch}, but no tag "
                f"{name} records the charter text it was published from (it was published before "
                f"coalition-site tagged versions), so publish cannot tell whether that text "
                f"changed. If you know the commit it was published from, tag it: git tag -a {name} "
                f"-m \"Charter version {version}\" COMMIT; otherwise raise 'charter.version' in "
                f"coalition.yml, or pass --force \"REASON\" to replace the published {version} "
                f"(the reason goes into the publishing commit)")
        return TagPlan(name, head, "create")
    changed = changed_files(texts_at(repo, tagged, repo.prefix(docs_dir)), texts_on_disk(Path(docs_dir)))
    if not changed:
        return TagPlan(name, head, "keep")
    if force is None:
        shown = ", ".join(changed[:_SHOWN_FILES]) + (
            f" and {len(changed) - _SHOWN_FILES} more" if len(changed) > _SHOWN_FILES else "")
        raise ProjectError(
            f"charter version {version} was published from commit {tagged[:7]} (tag {name}), and "
            f"the charter text has changed since in {shown}; publishing it again as {version} "
            f"would show partners endorsing text they never saw. Raise 'charter.version' in "
            f"coalition.yml (and ask the partners to endorse the new version), or pass --force "
            f"\"REASON\" to replace the published {version} all the same (the reason goes into "
            f"the publishing commit)")
    return TagPlan(name, head, "move")


def apply_tag(repo: Repository, tag: TagPlan, plan: PublishPlan) -> None:
    """Create or move the version's annotated tag at the commit published from."""
    if tag.commit is None or tag.action == "keep":
        return
    message = f"Charter version {plan.version}, published from {tag.commit[:7]}"
    repo.run("tag", "-a", *(["-f"] if tag.action == "move" else []), "-m", message,
             tag.name, tag.commit)


def push_tag(repo: Repository, tag: TagPlan, remote: str) -> None:
    """Push the version's tag (forced when it moved: the remote's tag is the old one)."""
    if tag.commit is None:
        return
    if remote.startswith("-"):
        raise ProjectError(f"the remote '{remote}' is not a remote name; fix remote_name in mkdocs.yml")
    refspec = f"{'+' if tag.action == 'move' else ''}refs/tags/{tag.name}:refs/tags/{tag.name}"
    try:
        repo.run("push", "--", remote, refspec)
    except GitError as exc:
        raise ProjectError(f"{exc}; the site was pushed, but not the tag {tag.name}: push it with "
                           f"'git push {remote} {tag.name}'") from None


def _tagged_commit(repo: Repository, name: str) -> str | None:
    try:
        return repo.resolve(f"refs/tags/{name}")
    except GitError:
        return None


def _on_branch(repo: Repository, branch: str, version: str) -> bool:
    """Whether mike's ``versions.json`` on ``branch`` lists ``version``."""
    if branch.startswith("-"):
        return False
    blob = repo.read_blobs([f"refs/heads/{branch}:versions.json"])[0]
    try:
        listed = json.loads(blob or b"[]")
    except ValueError:
        return False
    return isinstance(listed, list) and any(
        isinstance(entry, dict) and entry.get("version") == version for entry in listed)


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
