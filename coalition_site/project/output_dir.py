"""Where a build writes, and what it may delete there: only what a build of ours made.

MkDocs builds into its ``site_dir`` in place. A build that fails halfway leaves a half-written
site where the last good one was, and files it did not write survive from earlier builds. A page
that an earlier build published and the charter has since made internal would stay online.
:class:`StagedOutput` builds into a new, empty folder beside the target and swaps it in at the
end. The target is untrusted input (``--site-dir``, or ``site_dir:`` in mkdocs.yml, which a pull
request can change), so before anything is built:

- **Some places are never a site's folder** (:func:`check_place`): ``/``, the user's home
  folder, anything in a version control folder (a path with a ``.git``, ``.hg`` or ``.svn``
  part), the project folder or a folder that holds it, the content folder, a folder that holds
  it or one inside it. Each is refused with its own message.
- **A folder is replaced only if a build made it.** Every build leaves :data:`MARKER` in its
  folder. An existing folder is replaced when it holds the marker or holds nothing but version
  control (:data:`KEPT`); any other folder is refused, naming what is in it, and left alone.
  The marker is a dotfile with one fixed line of text: a web server may serve it, and that is
  harmless (it holds nothing of the charter, and the leak check scans it like every file).
- **Version control is carried over.** A site folder may be a checkout of the branch it is
  published from (``git worktree add site gh-pages``): its ``.git`` is the user's, never the
  site's. It is moved into the new folder before the swap, so it is neither deleted nor counted
  as a stranger's file; the marker still decides whether the rest may be replaced.

**The swap.** On Linux the two folders are exchanged in one step (``renameat2`` with
``RENAME_EXCHANGE``, glibc 2.28 or later): at every instant the path holds the old site or the
new one; the old one is then removed from the staging path. Elsewhere (macOS, Windows) and on
file systems without the exchange (some network and FUSE file systems answer ``EINVAL``), the
old folder is renamed aside and the new one renamed in: for the instant between the two
renames the path does not exist; a build killed right there leaves the old site beside it as
``.<name>.old-*``, and the next build puts it back before anything else. A symlink swapped
atomically (``site -> .site.v2``) would close that window everywhere, but the site folder would
then be a symlink: a gh-pages checkout, a web server that refuses symlinks, a container's bind
mount, ``rsync`` without ``-L`` and Windows without developer mode all see something else than
the folder they were given; the exchange keeps a plain folder.
A folder that cannot be renamed at all (a mount point, a folder in use on Windows) has its
contents replaced instead (:func:`_replace_contents`), marker first: not atomic, but marked at
every instant, and only when the marker rule allows it.

**What a killed build leaves.** Its staging folder, ``.<name>.building-*``, holds the marker
from the start, and a build holds a lock on that folder (``flock``) while it runs. The next
build removes the leftovers beside its target that hold the marker, or nothing at all, and that
no running build holds (a version control folder in one is first put back into the target).
Removal takes the marker last, so a removal cut short is still recognised (or empty). Without
``fcntl`` (Windows), or on a file system without locks, a running build cannot be told from a
dead one, and leftovers are left for the user to delete.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import shutil
import stat
import sys
import tempfile
import uuid
from pathlib import Path

from ..errors import BuildError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]  # the lock is skipped where there is no fcntl

log = logging.getLogger("mkdocs.plugins.coalition")

INTERNAL_SUFFIX = "-internal"
MARKER = ".coalition-site"
"""The file every build leaves in its folder: it makes the folder replaceable by the next build."""
MARKER_TEXT = ("This folder was built by coalition-site, which replaces it whole on the next "
               "build: keep nothing else in it.\n")
KEPT = frozenset({".git", ".hg", ".svn"})
"""Version control: the user's, never a file of the site. Carried into the new folder; and no
site is built inside one."""
ELSEWHERE = "build somewhere else with --site-dir (or site_dir in mkdocs.yml)"
_SHOWN = 3  # entries a refusal names


class StagedOutput:
    """A build folder beside ``target``, swapped into place by :meth:`commit`.

    ``project_dir`` (the folder of mkdocs.yml) and ``docs_dir`` (the content folder), when given,
    are places the target may not be, hold or (the content folder) be inside.
    """

    def __init__(self, target: Path | str, *, project_dir: Path | str | None = None,
                 docs_dir: Path | str | None = None):
        self.target = check_place(target, project_dir=project_dir, docs_dir=docs_dir)
        _require_replaceable(self.target)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        _clean_leftovers(self.target)
        self.path, self._lock = _make_staging(self.target)

    def commit(self) -> Path:
        """Put the finished build where the target was; return the target."""
        try:
            return self._commit()
        finally:
            self._unlock()

    def _commit(self) -> Path:
        if not (self.path / MARKER).is_file():
            _write_marker(self.path)  # a plugin removed it: the next build must know the folder
        # mkdtemp makes a private (0700) folder: a web server reading the site would be refused.
        mode = self.target.stat().st_mode & 0o7777 if self.target.is_dir() else _default_mode()
        os.chmod(self.path, mode)
        if not self.target.exists():
            os.rename(self.path, self.target)
            return self.target
        _require_replaceable(self.target)  # again: the folder may have changed during the build
        carried = _move_kept(self.target, self.path)
        try:
            if _exchange(self.path, self.target):
                old = self.path  # the old site, now at the staging path
            else:
                old = self.target.with_name(_prefix(self.target, "old") + uuid.uuid4().hex[:8])
                os.rename(self.target, old)
        except OSError:
            # A mount point or a folder in use cannot be renamed: replace what it holds instead.
            _move_back(carried, self.path, self.target)
            _replace_contents(self.target, self.path)
            return self.target
        if old != self.path:
            try:
                os.rename(self.path, self.target)
            except OSError:
                os.rename(old, self.target)  # the old site back, whole, rather than none
                _move_back(carried, self.path, self.target)
                raise
        _remove_build(old)
        return self.target

    def discard(self) -> None:
        """Remove the build folder (the build failed): the target is left as it was."""
        self._unlock()
        _remove_build(self.path)

    def _unlock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


# -- where a site may go -------------------------------------------------------------------------
def check_place(target: Path | str, *, project_dir: Path | str | None = None,
                docs_dir: Path | str | None = None) -> Path:
    """``target`` made absolute, or an error when no build may replace it (see the module's
    docstring). Nothing is read but the names and identities of folders."""
    target = Path(target).resolve()
    if target.exists() and not target.is_dir():
        raise BuildError(f"'{target}' is a file, not a folder; remove it or {ELSEWHERE}")
    if target.parent == target:
        _refuse(target, "is the root of the file system: a build there would replace every file "
                        "on this computer")
    home = _home()
    if home is not None and _same(target, home):
        _refuse(target, "is your home folder: a build there would replace all your files")
    vcs = next((p for p in [target, *target.parents] if p.name.casefold() in KEPT), None)
    if vcs == target:
        _refuse(target, "is a version control folder: a build there would replace the "
                        "repository's history")
    if vcs is not None:
        _refuse(target, f"is inside the version control folder '{vcs}': a build there would "
                        "damage the repository's history")
    if project_dir is not None:
        project = Path(project_dir).resolve()
        if _same(target, project):
            _refuse(target, "is the project folder (it holds mkdocs.yml): a build there would "
                            "replace the project")
        if _within(project, target):
            _refuse(target, f"holds the project folder '{project}': a build there would replace "
                            "the project")
    if docs_dir is not None:
        docs = Path(docs_dir).resolve()
        if _same(target, docs):
            _refuse(target, "is the content folder (docs_dir): a build there would replace the "
                            "charter")
        if _within(docs, target):
            _refuse(target, f"holds the content folder '{docs}': a build there would replace "
                            "the charter")
        if _within(target, docs):
            _refuse(target, f"is inside the content folder '{docs}': the site would be read "
                            "back as part of the charter")
    return target


def _refuse(target: Path, why: str):
    raise BuildError(f"'{target}' {why}; {ELSEWHERE}")


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError):  # no HOME and no password entry
        return None


def _same(a: Path, b: Path) -> bool:
    """Whether two paths are one folder: by identity on disk where both exist (a case-insensitive
    file system, a bind mount), by name otherwise."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a == b


def _within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or inside it."""
    return any(_same(p, folder) for p in [path, *path.parents])


# -- the marker ----------------------------------------------------------------------------------
def _require_replaceable(target: Path) -> None:
    """Refuse an existing folder that holds files no build of ours made (the marker says)."""
    foreign = _foreign_entries(target)
    if not foreign:
        return
    count = len(foreign)
    shown = ", ".join(foreign[:_SHOWN] + (["..."] if count > _SHOWN else []))
    what = "1 file or folder" if count == 1 else f"{count} files and folders"
    raise BuildError(
        f"'{target}' holds {what} that coalition-site did not build ({shown}); remove "
        f"{'it' if count == 1 else 'them'} or {ELSEWHERE}. A site built by an earlier "
        f"coalition-site has no '{MARKER}' file: if this is one, delete the folder yourself, once")


def _foreign_entries(folder: Path) -> list[str]:
    """What replacing ``folder`` would delete that no build of ours made (sorted, dotfiles first)."""
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    if _is_marked(folder):
        return []
    return sorted(name for name in names if not _is_kept(name))


def _is_marked(folder: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(folder / MARKER).st_mode)
    except OSError:
        return False


def _is_kept(name: str) -> bool:
    return name.casefold() in KEPT  # `.GIT` is `.git` on a case-insensitive file system


def _write_marker(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


# -- swapping --------------------------------------------------------------------------------------
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def _load_renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2  # glibc 2.28+, musl 1.2.2+
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_renameat2 = _load_renameat2()


def _exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step; ``False`` where the system cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:  # an old kernel, or a file system without the exchange
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _move_kept(source: Path, dest: Path) -> list[str]:
    """Move the version control entries of ``source`` into ``dest``; return their names."""
    moved = []
    for name in sorted(os.listdir(source)):
        if _is_kept(name) and not os.path.lexists(dest / name):
            os.rename(source / name, dest / name)
            moved.append(name)
    return moved


def _move_back(names: list[str], source: Path, dest: Path) -> None:
    for name in names:
        if os.path.lexists(source / name) and not os.path.lexists(dest / name):
            os.rename(source / name, dest / name)


def _replace_contents(target: Path, source: Path) -> None:
    """Replace what ``target`` holds by what ``source`` holds, for a folder that cannot be renamed.

    The marker goes in first, so that a replacement cut short leaves a folder the next build
    may replace; version control stays.
    """
    _require_replaceable(target)
    os.replace(source / MARKER, target / MARKER)
    for entry in list(target.iterdir()):
        if entry.name == MARKER or _is_kept(entry.name):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in list(source.iterdir()):
        shutil.move(str(entry), str(target / entry.name))
    source.rmdir()


def _remove_build(folder: Path) -> None:
    """Remove a folder a build made, its marker last: a removal cut short leaves a folder that
    the next build still knows as its own (and removes). Version control is never removed: a
    folder that holds some (moved there by a build that then failed) stays, and the next build
    puts it back."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.name == MARKER or _is_kept(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
    with contextlib.suppress(OSError):
        if os.listdir(folder) in ([], [MARKER]):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(folder / MARKER)
            os.rmdir(folder)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


# -- what killed builds left -----------------------------------------------------------------------
def _prefix(target: Path, kind: str) -> str:
    return f".{target.name}.{kind}-"


def _make_staging(target: Path) -> tuple[Path, int | None]:
    """A new, empty folder beside ``target`` (so that moving it in is a rename on one file
    system), locked, then marked; and its lock."""
    while True:
        path = Path(tempfile.mkdtemp(prefix=_prefix(target, "building"), dir=target.parent))
        # Locked before it is marked: another build's cleanup removes an empty folder only
        # when it can lock it, and a marked one only when it can lock it too.
        try:
            lock = _lock(path)
        except FileNotFoundError:
            continue  # removed while empty by another build's cleanup
        except OSError:
            lock = None  # a file system without locks: leftovers are not cleaned there
        else:
            if lock is None and fcntl is not None:
                continue  # held by another build's cleanup, which removes it (empty)
        try:
            _write_marker(path)
        except FileNotFoundError:
            if lock is not None:
                os.close(lock)
            continue
        return path, lock


def _clean_leftovers(target: Path) -> None:
    """Remove the staging folders that killed builds left beside ``target`` (module docstring)."""
    if fcntl is None:
        return
    building, old = _prefix(target, "building"), _prefix(target, "old")
    # The old site first: after a build killed between the two renames, it goes back in place.
    leftovers = sorted((target.parent / name for name in os.listdir(target.parent)
                        if name.startswith((building, old))),
                       key=lambda path: (not path.name.startswith(old), path.name))
    for leftover in leftovers:
        if leftover.is_symlink() or not leftover.is_dir():
            continue
        try:
            empty = not os.listdir(leftover)  # killed just after it was made, or removed
            if not empty and not _is_marked(leftover):
                continue  # nothing says a build made it
            lock = _lock(leftover)
        except FileNotFoundError:
            continue  # removed meanwhile by another build
        except OSError:
            return  # no locks here: a running build cannot be told from a dead one
        if lock is None:
            continue  # a build that is running
        try:
            if empty:
                with contextlib.suppress(OSError):  # not empty any more: a build started in it
                    os.rmdir(leftover)
                continue
            if leftover.name.startswith(old) and not target.exists():
                os.rename(leftover, target)  # killed between the two renames: the old site back
                continue
            if not target.exists():
                target.mkdir()
            kept = [name for name in os.listdir(leftover) if _is_kept(name)]
            if any(os.path.lexists(target / name) for name in kept):
                log.warning(f"coalition: '{leftover}' holds version control ({', '.join(kept)}) "
                            f"that a stopped build moved out of '{target}', which has its own "
                            "now; look at both, then delete the one you do not need")
                continue
            _move_back(kept, leftover, target)  # before the swap of a build that was stopped
            _remove_build(leftover)
        finally:
            os.close(lock)


def _lock(folder: Path) -> int | None:
    """A descriptor holding an exclusive lock on a build's folder, or ``None`` when another
    process holds it (``None`` too without ``fcntl``). The lock ends with the process that holds
    it, however it ends. An OSError: the folder is gone, or its file system has no locks."""
    if fcntl is None:
        return None
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return None
    except OSError:
        os.close(descriptor)
        raise
    return descriptor


# -- the internal site's folder ------------------------------------------------------------------
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
        raise BuildError(
            f"the internal site would be built in '{site}', which overlaps '{public}' where the "
            "public site is built; choose a folder outside it (the default is "
            f"'{internal_site_dir(public).name}')")
    return site
