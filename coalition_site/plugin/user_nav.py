"""A site's own ``nav:`` (from its mkdocs.yml), less the pages its audience may not see.

MkDocs turns a ``nav`` entry whose file is not part of the build into an external link that
keeps its title: ``- Board notes: board-notes.md`` would still print "Board notes" on every
page of the public site even though the page itself is gone. The entries are dropped here,
before MkDocs reads the ``nav``.

An entry may also name an attachment (``- Annual report: reports/annual.pdf``): the entries a
public build keeps are public, so the files they link to are published
(:func:`~coalition_site.audience.nav_attachments.nav_links`).
"""

from __future__ import annotations

import posixpath
from typing import Iterable


def nav_target(path: str) -> str | None:
    """The ``src_uri`` a nav path refers to, as MkDocs looks it up; ``None`` for a URL."""
    if "://" in path or path.startswith(("mailto:", "//")):
        return None
    path = path.split("#", 1)[0].split("?", 1)[0].replace("\\", "/").lstrip("/")
    return posixpath.normpath(path) if path else None


def filter_nav(nav: list, hidden: Iterable[str]) -> tuple[list, int]:
    """``nav`` without the entries that point at a ``hidden`` file; and how many were dropped.

    A section left empty is dropped too, or its title would stay behind.
    """
    hidden = set(hidden)
    dropped = 0

    def keep(target) -> bool:
        return not (isinstance(target, str) and nav_target(target) in hidden)

    def walk(items: list) -> list:
        nonlocal dropped
        kept = []
        for item in items:
            if isinstance(item, dict):
                entry = {}
                for title, target in item.items():
                    if isinstance(target, list):
                        children = walk(target)
                        if children:
                            entry[title] = children
                        else:
                            dropped += 1
                    elif keep(target):
                        entry[title] = target
                    else:
                        dropped += 1
                if entry:
                    kept.append(entry)
            elif keep(item):
                kept.append(item)
            else:
                dropped += 1
        return kept

    return walk(list(nav)), dropped
