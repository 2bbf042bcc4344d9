"""Reading a project's git repository: revisions, files as they were, and the log of a few files.

``git`` always runs with an argument list, never through a shell. Revisions come from people and
are refused when git could read them as options; every path read from a tree is checked before
anything is written, so that a hostile tree cannot write outside the folder it is extracted into
(symbolic links and submodules are never extracted).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Sequence

from ..errors import ProjectError

GIT_TIMEOUT = 120
# Modes of regular files in a git tree; links (120000) and submodules (160000) are skipped.
_REGULAR = {"100644", "100755"}
_SHA = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")


class GitError(ProjectError):
    """git refused, or the repository does not hold what was asked for."""


@dataclass(frozen=True)
class Repository:
    """A git work tree, found from any folder inside it."""

    root: Path

    @classmethod
    def find(cls, path: Path | str) -> "Repository | None":
        """The repository that holds ``path``, or ``None`` outside git (or without git)."""
        try:
            out = _git(Path(path), "rev-parse", "--show-toplevel")
        except GitError:
            return None
        return cls(Path(out.decode("utf-8", "surrogateescape").strip()).resolve())

    # -- plumbing ---------------------------------------------------------------------------------
    def run(self, *args: str, input: bytes | None = None) -> bytes:
        return _git(self.root, *args, input=input)

    def prefix(self, path: Path | str) -> str:
        """``path`` relative to the top of the work tree, with forward slashes ('' for the top)."""
        try:
            relative = Path(path).resolve().relative_to(self.root)
        except ValueError:
            raise GitError(f"'{path}' is outside the git repository '{self.root}'") from None
        text = relative.as_posix()
        if "\n" in text:
            raise GitError(f"'{path}': a folder name with a line break cannot be read from git; rename it")
        return "" if text == "." else text

    # -- revisions ----------------------------------------------------------------------------
    def resolve(self, revision: str) -> str:
        """The full commit id ``revision`` names; a clear error when it names nothing."""
        if not revision or revision.startswith("-") or any(ch in revision for ch in "\n\r\0 "):
            raise GitError(f"'{revision}' is not a revision; give a branch, a tag or a commit "
                           "(for example main, v1.0.0 or HEAD~1)")
        try:
            out = self.run("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
        except GitError:
            out = b""
        sha = out.decode().strip()
        if not _SHA.match(sha):
            raise GitError(f"'{revision}' is not a revision of the repository '{self.root}'; give "
                           "a branch, a tag or a commit ('git log --oneline' lists commits, "
                           "'git tag' lists tags)")
        return sha

    def head(self) -> str | None:
        """The commit checked out, or ``None`` in a repository without commits."""
        try:
            return self.resolve("HEAD")
        except GitError:
            return None

    def log(self, paths: Sequence[str], *, revision: str = "HEAD") -> list[str]:
        """Commits of the first-parent line of ``revision`` that changed any of ``paths``,
        newest first (a merged pull request counts once, as its merge)."""
        try:
            out = self.run("log", "--first-parent", "--format=%H", revision, "--", *paths)
        except GitError:
            return []  # no commits yet
        return [line for line in out.decode().split() if _SHA.match(line)]

    def merge_base(self, one: str, other: str) -> str | None:
        """The newest commit both revisions grew from (where a pull request branched off), or
        ``None`` when they share no history."""
        try:
            out = self.run("merge-base", self.resolve(one), self.resolve(other)).decode().strip()
        except GitError:
            return None
        return out if _SHA.match(out) else None

    def known(self, commit: str) -> bool:
        """Whether the repository holds ``commit`` (a commit a force-push replaced may be gone)."""
        try:
            self.resolve(commit)
        except GitError:
            return False
        return True

    def changed_files(self, old: str, new: str) -> list[str]:
        """The files (paths from the top) whose content differs between two revisions, renames
        counted as a removal and an addition: both names change hands."""
        out = self.run("diff", "--name-only", "--no-renames", "-z", self.resolve(old),
                       self.resolve(new), "--")
        return sorted({name.decode("utf-8", "surrogateescape") for name in out.split(b"\0") if name})

    def oldest_commit_time(self, base: str, head: str) -> dt.datetime | None:
        """The committer date of the first commit of ``base..head`` (an aware datetime), or
        ``None`` when ``head`` adds no commit."""
        out = self.run("log", "--format=%cI", f"{self.resolve(base)}..{self.resolve(head)}").decode()
        dates = out.split()
        return dt.datetime.fromisoformat(dates[-1]) if dates else None

    # -- reading files --------------------------------------------------------------------------
    def read_blobs(self, specs: Iterable[str]) -> list[bytes | None]:
        """The content of each object (``<rev>:<path>`` or an object id); ``None`` when missing.

        One ``git cat-file --batch`` for all of them: a long history costs one process, not one
        per file.
        """
        specs = list(specs)
        if not specs:
            return []
        if any("\n" in spec for spec in specs):
            raise GitError("a path with a line break cannot be read from git; rename it")
        out = self.run("cat-file", "--batch", input="".join(f"{s}\n" for s in specs).encode())
        results: list[bytes | None] = []
        position = 0
        for _ in specs:
            end = out.index(b"\n", position)
            header = out[position:end].split()
            position = end + 1
            if len(header) == 3 and header[1] == b"blob":
                size = int(header[2])
                results.append(out[position:position + size])
                position += size + 1
            elif len(header) == 3:  # a tree or a commit: skip its content
                position += int(header[2]) + 1
                results.append(None)
            else:  # "<spec> missing" or "ambiguous"
                results.append(None)
        return results

    def blob_ids(self, revision: str, folder: str) -> dict[str, str]:
        """Every regular file of ``folder`` (relative to the top) as of ``revision``, by its
        path from the top, with its blob id (equal ids, equal content). Files and folders whose
        name starts with a dot are left out, as MkDocs leaves them out."""
        return {path.as_posix(): oid for oid, path in self._files(revision, folder)
                if not any(part.startswith(".") for part in path.parts)}

    def _files(self, revision: str, folder: str) -> list[tuple[str, PurePosixPath]]:
        """(blob id, path from the top) of every regular file of ``folder`` as of ``revision``;
        paths git could hold but a file system should not (``..``, absolute) are left out."""
        sha = self.resolve(revision)
        args = ["ls-tree", "-r", "-z", "--full-tree", sha] + (["--", folder] if folder else [])
        found: list[tuple[str, PurePosixPath]] = []
        for record in self.run(*args).split(b"\0"):
            meta, _, raw_path = record.partition(b"\t")
            if not raw_path:
                continue
            mode, kind, oid = meta.decode().split(" ")
            path = _safe_path(raw_path.decode("utf-8", "surrogateescape"))
            if path is None or kind != "blob" or mode not in _REGULAR:
                continue
            if folder and not path.as_posix().startswith(folder + "/"):
                continue
            found.append((oid, path))
        return found

    def hash_files(self, paths: Sequence[Path]) -> list[str]:
        """The blob id each file would have if committed now (through the repository's filters)."""
        if not paths:
            return []
        out = self.run("hash-object", "--stdin-paths",
                       input="".join(f"{path}\n" for path in paths).encode("utf-8", "surrogateescape"))
        return out.decode().split()

    def extract(self, revision: str, folder: str, destination: Path,
                suffixes: tuple[str, ...] = (".md", ".yml", ".yaml")) -> int:
        """Write the files of ``folder`` (relative to the top) as of ``revision`` under
        ``destination``, keeping their paths from the top; return how many were written."""
        entries = [(oid, path) for oid, path in self._files(revision, folder)
                   if not path.name.startswith(".") and path.name.endswith(suffixes)]
        destination = destination.resolve()
        for (oid, path), data in zip(entries, self.read_blobs(oid for oid, _ in entries)):
            target = destination.joinpath(*path.parts)
            if destination not in target.resolve().parents:  # belt and braces
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data or b"")
        return len(entries)


def _safe_path(text: str) -> PurePosixPath | None:
    """A path from a git tree, or ``None`` when it could escape or confuse a file system."""
    if not text or "\0" in text or text.startswith("/") or "\\" in text:
        return None
    path = PurePosixPath(text)
    if any(part in ("", ".", "..", ".git") for part in path.parts):
        return None
    return path


def _git(cwd: Path, *args: str, input: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=input, capture_output=True,
                              env=env, timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed; install it (apt-get install git) and retry") from None
    except (NotADirectoryError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"git {args[0]} failed: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} failed: {message[-1] if message else 'exit ' + str(done.returncode)}")
    return done.stdout
