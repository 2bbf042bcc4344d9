"""A private, per-user folder for what builds keep between them (the rendered diagrams).

Not in the project by default: a project's folders arrive by pull request, and a cache is
read as trusted. A force-added ``.cache/coalition/diagrams/<hash>.svg`` would be shown as the
drawing of whatever Coalition Logic map has that hash (still through the SVG allowlist, but
a wrong drawing all the same). Like Jinja's bytecode cache, the folder is made private (0700)
and refused when someone else owns it or may read or write it (an internal build caches the
internal map's drawings): then builds simply draw again.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FOLDER = "coalition-site"


def user_cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/coalition-site`` (``~/.cache/coalition-site``), or ``None`` when no
    private folder can be had."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / FOLDER
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(base)
    except (OSError, RuntimeError):  # no home folder, or a read-only one
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o077:  # a symlink, or open to others
        # Not made private here: files others could write meanwhile would be trusted.
        return None
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return None
    return base
