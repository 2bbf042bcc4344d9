"""Which non-Markdown files of the content folder are published.

MkDocs copies every other file of ``docs_dir`` into the site as it is. A pull request can add
``content/notes.html`` or a ``.svg`` with a script in it, which the site would then serve from
its own address. So only kinds of files that cannot run code in a reader's browser are
published (images, PDFs, data and fonts), plus whatever ``mkdocs.yml`` itself names (the
steward's ``extra_css``, ``extra_javascript``, logo and favicon); every other file is left out
of the site, and ``check`` says so.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..problems import Problem

PUBLISHED_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".bmp",
    ".pdf", ".csv", ".txt", ".woff", ".woff2", ".ttf", ".otf", ".mp3", ".mp4", ".webm", ".ogg",
})
_CHARTER_SUFFIXES = (".md", ".yml", ".yaml")


def is_published_asset(src_uri: str, named: Iterable[str] = ()) -> bool:
    """Whether a non-Markdown file of the content folder goes into the site."""
    return Path(src_uri).suffix.lower() in PUBLISHED_SUFFIXES or src_uri in set(named)


def unpublished_assets(docs_dir: Path, display_root: Path, named: Iterable[str] = ()) -> list[Problem]:
    """A warning for every file of ``docs_dir`` that the site leaves out."""
    named = set(named)
    problems = []
    for dirpath, dirnames, filenames in os.walk(docs_dir, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            src_uri = path.relative_to(docs_dir).as_posix()
            if name.startswith(".") or name.endswith(_CHARTER_SUFFIXES) or path.is_symlink() \
                    or is_published_asset(src_uri, named):
                continue
            try:
                display = path.relative_to(display_root).as_posix()
            except ValueError:
                display = path.as_posix()
            problems.append(Problem(
                display, 1, 1, "warning",
                f"this file is not published (a '{path.suffix or name}' file could run code in "
                "readers' browsers); use an image, a PDF or a Markdown page instead, or name it "
                "in mkdocs.yml (extra_css, extra_javascript, theme logo) if the steward means "
                "to publish it",
                "unpublished-file"))
    return problems
