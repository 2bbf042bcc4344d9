"""Loading the charter as it was at a git revision, for comparing two versions of it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import ProjectError
from .git import Repository
from ..model import Charter
from ..problems import format_problems
from .charter import load_charter
from ..model.layout import DATA_FILES

FIRST_PROBLEMS = 5
"""How many of a broken revision's problems an error shows (``check`` lists them all)."""


def load_at_revision(repo: Repository, revision: str, docs_dir: Path, project_dir: Path) -> Charter:
    """The charter of ``docs_dir`` as committed at ``revision``.

    The content folder is extracted into a temporary folder (paths checked, links skipped) and
    loaded like any other; problems are reported with the project's own paths.
    """
    sha = repo.resolve(revision)
    label = describe(repo, revision)
    docs_prefix, project_prefix = repo.prefix(docs_dir), repo.prefix(project_dir)
    with tempfile.TemporaryDirectory(prefix="coalition-rev-") as tmp:
        root = Path(tmp)
        if repo.extract(sha, docs_prefix, root) == 0:
            raise ProjectError(f"the content folder '{docs_prefix or '.'}' holds no charter files at "
                               f"{label}; compare revisions made after the charter was added")
        result = load_charter(root / docs_prefix, root / project_prefix)
        return _loaded(result, label, "compare from a revision whose charter is valid; "
                       "'coalition-site check' on a checkout of it lists every problem")


def load_working_tree(docs_dir: Path, project_dir: Path) -> Charter:
    """The charter as it is on disk, with the same error as a broken revision."""
    return _loaded(load_charter(docs_dir, project_dir), "the working tree",
                   "fix them first ('coalition-site check' lists every problem), or give a second "
                   "revision, such as HEAD, to compare committed charters")


def attachments_at_revision(repo: Repository, revision: str, docs_dir: Path) -> dict[str, str]:
    """The attachments of the content folder at ``revision`` (every file that is not a page or
    the charter's data: images, PDFs, other YAML ...), by path inside the folder, with their
    blob ids."""
    prefix = repo.prefix(docs_dir)
    start = len(prefix) + 1 if prefix else 0
    return {path[start:]: oid for path, oid in repo.blob_ids(revision, prefix).items()
            if _is_attachment(path[start:])}


def _is_attachment(src_uri: str) -> bool:
    return not src_uri.endswith(".md") and src_uri not in DATA_FILES


def attachments_in_working_tree(repo: Repository, docs_dir: Path) -> dict[str, str]:
    """The attachments of the content folder on disk, with the blob ids git would give them.
    Symbolic links, names starting with a dot and names with a line break are left out."""
    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(docs_dir, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (here / d).is_symlink())
        for name in sorted(filenames):
            path = here / name
            src_uri = path.relative_to(docs_dir).as_posix()
            if name.startswith(".") or not _is_attachment(src_uri) or "\n" in name \
                    or path.is_symlink() or not path.is_file():
                continue
            found.append((src_uri, path))
    return dict(zip((uri for uri, _ in found), repo.hash_files([path for _, path in found])))


def describe(repo: Repository, revision: str) -> str:
    """``v1.0.0 (3f2a9c1)``: the name a person gave, and the commit it stands for."""
    sha = repo.resolve(revision)
    return sha[:7] if sha.startswith(revision.lower()) else f"{revision} ({sha[:7]})"


def _loaded(result, label: str, hint: str) -> Charter:
    if result.charter is not None:
        return result.charter
    errors = [p for p in result.problems if p.level == "error"]
    shown = format_problems(errors[:FIRST_PROBLEMS])
    more = f"\n... and {len(errors) - FIRST_PROBLEMS} more" if len(errors) > FIRST_PROBLEMS else ""
    raise ProjectError(
        f"the charter at {label} has {len(errors)} error{'s' * (len(errors) != 1)}, so it cannot "
        f"be compared; the first:\n{shown}{more}\n{hint}")
