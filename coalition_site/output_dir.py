"""Where a build writes: a fresh folder moved into place only once the build succeeded, and
never the folder of the other audience.

MkDocs builds into its ``site_dir`` in place. A build that fails halfway leaves a half-written
site where the last good one was, and files it did not write survive from earlier builds (MkDocs
never removes dotfiles). A page that an earlier build published and the charter has since made
internal would stay online. :class:`StagedOutput` builds into a new, empty folder beside the
target and swaps it in at the end; the old site is then removed whole, but for a version
control folder (:data:`KEPT`): the site folder may be a checkout of the branch it is published
from, and no build writes one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

from .errors import CoalitionSiteError

INTERNAL_SUFFIX = "-internal"
KEPT = frozenset({".git", ".hg", ".svn"})
"""What a build keeps of the folder it replaces: version control, which is the user's, never a
file of the site (MkDocs leaves every dotfile in place; a stale page is no dotfile)."""


class StagedOutput:
    """A build folder beside ``target``, swapped into place by :meth:`commit`."""

    def __init__(self, target: Path | str):
        self.target = Path(target).resolve()
        if self.target.exists() and not self.target.is_dir():
            raise CoalitionSiteError(f"'{self.target}' is a file, not a folder; remove it or "
                                     "build somewhere else")
        self.target.parent.mkdir(parents=True, exist_ok=True)
        # Beside the target, so that moving it in is a rename on one file system.
        self.path = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.building-",
                                          dir=self.target.parent))

    def commit(self) -> Path:
        """Put the finished build where the target was; return the target."""
        # mkdtemp makes a private (0700) folder: a web server reading the site would be refused.
        mode = self.target.stat().st_mode & 0o7777 if self.target.is_dir() else _default_mode()
        os.chmod(self.path, mode)
        if not self.target.exists():
            os.rename(self.path, self.target)
            return self.target
        old = self.target.with_name(f".{self.target.name}.old-{uuid.uuid4().hex[:8]}")
        try:
            os.rename(self.target, old)
        except OSError:
            # A mount point or a folder in use cannot be renamed: empty it and move the new
            # files in instead. Not atomic, but nothing of the old site survives.
            _replace_contents(self.target, self.path)
            return self.target
        kept = [name for name in KEPT if os.path.lexists(old / name)
                and not os.path.lexists(self.path / name)]
        try:
            for name in kept:
                os.rename(old / name, self.path / name)
            os.rename(self.path, self.target)
        except OSError:
            for name in kept:  # put the old site back, whole, rather than leave none
                if os.path.lexists(self.path / name):
                    os.rename(self.path / name, old / name)
            os.rename(old, self.target)
            raise
        shutil.rmtree(old, ignore_errors=True)
        return self.target

    def discard(self) -> None:
        """Remove the build folder (the build failed): the target is left as it was."""
        shutil.rmtree(self.path, ignore_errors=True)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def _replace_contents(target: Path, source: Path) -> None:
    for entry in list(target.iterdir()):
        if entry.name in KEPT:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in list(source.iterdir()):
        shutil.move(str(entry), str(target / entry.name))
    source.rmdir()


def internal_site_dir(public_site_dir: Path | str) -> Path:
    """Where the internal site goes when it would otherwise share the public one's folder."""
    public = Path(public_site_dir)
    return public.with_name(public.name + INTERNAL_SUFFIX)


def separate_site_dirs(site_dir: Path | str, public_site_dir: Path | str) -> Path:
    """The folder an internal build may write to, given the folder public builds use.

    The same folder is redirected to :func:`internal_site_dir`; a folder inside the public
    one (or holding it) is refused, since publishing one would publish the other.
    """
    site = Path(site_dir).resolve()
    public = Path(public_site_dir).resolve()
    if site == public:
        return internal_site_dir(public)
    if site.is_relative_to(public) or public.is_relative_to(site):
        raise CoalitionSiteError(
            f"the internal site would be built in '{site}', which overlaps '{public}' where the "
            "public site is built; choose a folder outside it (the default is "
            f"'{internal_site_dir(public).name}')")
    return site
