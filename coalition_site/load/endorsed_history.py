"""When the text of each endorsed charter file last changed, read from git.

For ``charter/problem-statement.md`` and ``charter/joint-demand.md``: the commits that changed
the file's charter text (:mod:`.charter_text`: everything but ``endorsements`` and the demand's
``status``), with their dates, and whether the text at each revision a partner endorsed is the
text now. One ``git log`` per file, one ``git cat-file --batch`` for every file's versions (and
their parents') and one ``git cat-file --batch-check`` for the endorsed revisions, however long
the history.

A file's first commit starts its history and is not a change: a charter endorsed on paper and
committed later must not look amended by being committed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ..model.charter_pages import REVISION_PATTERN
from ..model.layout import ENDORSED_FILES
from .charter_text import text_of
from .git import GitError, Repository

_REVISION = re.compile(REVISION_PATTERN)
_LOG_LINE = re.compile(r"^([0-9a-f]{40}(?:[0-9a-f]{24})?) (\d{4}-\d{2}-\d{2})T")


@dataclass(frozen=True)
class TextChange:
    """A change of an endorsed file's charter text."""

    commit: str | None
    """The full commit id; ``None`` for changes not committed yet."""
    date: dt.date
    """The commit's date (as its committer's clock had it); today for uncommitted changes."""


@dataclass(frozen=True)
class EndorsedHistory:
    changes: dict[str, list[TextChange]] = field(default_factory=dict)
    """Endorsed file → the changes of its charter text, oldest first."""
    unchanged_since: dict[tuple[str, str], bool | None] = field(default_factory=dict)
    """(endorsed file, revision) → whether its charter text then is its text now; ``None`` when
    the repository has no such commit."""
    shallow: bool = False
    """The repository is a shallow clone: older commits are not there to be read."""


def endorsed_history(docs_dir: Path, revisions: Mapping[str, set[str]], today: dt.date
                     ) -> EndorsedHistory | None:
    """The history of the endorsed files of ``docs_dir``; ``revisions`` maps each endorsed file
    to the revisions its endorsements name. ``None`` outside a git repository (or without git):
    nothing can then be known about what changed when."""
    repo = Repository.find(docs_dir)
    if repo is None:
        return None
    try:
        prefix = repo.prefix(docs_dir)
        return _read(repo, prefix, Path(docs_dir), revisions, today)
    except GitError:
        return None


def _read(repo: Repository, prefix: str, docs_dir: Path, revisions: Mapping[str, set[str]],
          today: dt.date) -> EndorsedHistory:
    top = f"{prefix}/" if prefix else ""
    # Each commit that changed the file, with its parents: a change is told from the parents'
    # text, so that a pull request's commits keep their own dates (a merge that only brings them
    # in is no change of its own), and git's history simplification leaves out side branches
    # whose changes a merge did not keep.
    logs: dict[str, list[tuple[str, dt.date, list[str]]]] = {}
    for src_uri in ENDORSED_FILES:
        try:
            out = repo.run("log", "--format=%H %cI %P", "HEAD", "--", top + src_uri)
        except GitError:
            out = b""  # a repository without commits
        logs[src_uri] = [(m[1], dt.date.fromisoformat(m[2]), line.split()[2:])
                         for line in out.decode("ascii", "replace").splitlines()
                         if (m := _LOG_LINE.match(line))]
    asked = [(src_uri, rev) for src_uri, revs in revisions.items() for rev in sorted(revs)
             if _REVISION.match(rev)]  # the model allows nothing else: belt and braces
    known = _known_commits(repo, {rev for _, rev in asked})

    specs = []
    for src_uri, log in logs.items():
        specs.append(f"HEAD:{top}{src_uri}")
        for sha, _, parents in log:
            specs += [f"{rev}:{top}{src_uri}" for rev in (sha, *parents)]
    specs += [f"{rev}:{top}{src_uri}" for src_uri, rev in asked]
    blobs = iter(repo.read_blobs(specs))

    changes: dict[str, list[TextChange]] = {}
    for src_uri, log in logs.items():
        path = docs_dir / src_uri
        now = text_of(src_uri, path.read_bytes()) if path.is_file() else None
        committed = text_of(src_uri, next(blobs))
        found = []
        if committed is not None and now != committed:
            found.append(TextChange(None, today))
        for sha, date, parents in log:
            text = text_of(src_uri, next(blobs))
            before = [text_of(src_uri, next(blobs)) for _ in parents]
            # A commit whose parents lacked the file created it: no change of its text (a charter
            # endorsed on paper and committed later keeps its endorsements).
            if before and None not in before and text not in before:
                found.append(TextChange(sha, date))
        changes[src_uri] = sorted(found, key=lambda change: change.date)

    unchanged: dict[tuple[str, str], bool | None] = {}
    for src_uri, rev in asked:
        blob = next(blobs)
        path = docs_dir / src_uri
        now = text_of(src_uri, path.read_bytes()) if path.is_file() else None
        unchanged[(src_uri, rev)] = (text_of(src_uri, blob) == now) if rev in known else None
    shallow = None in unchanged.values() and _shallow(repo)  # only said of unknown revisions
    return EndorsedHistory(changes, unchanged, shallow=shallow)


def _known_commits(repo: Repository, revisions: set[str]) -> set[str]:
    """The revisions that name exactly one commit of the repository."""
    if not revisions:
        return set()
    ordered = sorted(revisions)
    out = repo.run("cat-file", "--batch-check",
                   input="".join(f"{rev}^{{commit}}\n" for rev in ordered).encode())
    lines = out.decode("ascii", "replace").splitlines()
    # "<sha> commit <size>" for a commit; "<rev>^{commit} missing" or "... ambiguous" otherwise.
    return {rev for rev, line in zip(ordered, lines)
            if len(parts := line.split(" ")) == 3 and parts[1] == "commit"}


def _shallow(repo: Repository) -> bool:
    try:
        return repo.run("rev-parse", "--is-shallow-repository").strip() == b"true"
    except GitError:
        return False
