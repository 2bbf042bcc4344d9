"""Reading the content folder safely: which files there are, and their text.

Every file arrives by pull request, so nothing here trusts it: symlinks are refused (and never
followed out of the folder), files are capped in size, text must be UTF-8, and two files that
MkDocs would publish at the same URL are reported rather than one silently winning.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem

MAX_FILE_BYTES = 1024 * 1024
CHARTER_SUFFIXES = (".md", ".yml", ".yaml")


@dataclass(frozen=True)
class SourceFile:
    """A file of the content folder: ``src_uri`` relative to it, ``display`` to the project."""

    src_uri: str
    path: Path
    display: str


@dataclass
class FrontMatter:
    text: str | None
    """The YAML between the ``---`` lines, or ``None`` when the file has none."""
    body: str
    body_line: int
    """The line on which the body starts."""


def scan_content(docs_dir: Path, display_root: Path) -> tuple[list[SourceFile], list[Problem]]:
    """List the Markdown and YAML files of ``docs_dir``, refusing symlinks and URL clashes."""
    files: list[SourceFile] = []
    problems: list[Problem] = []

    def display(path: Path) -> str:
        try:
            return path.relative_to(display_root).as_posix()
        except ValueError:
            return path.as_posix()

    for dirpath, dirnames, filenames in os.walk(docs_dir, followlinks=False):
        here = Path(dirpath)
        # MkDocs ignores dot-folders; so do we, and we never descend through a symlink.
        for name in sorted(dirnames):
            if (here / name).is_symlink():
                problems.append(_file_problem(
                    display(here / name), "this folder is a symbolic link",
                    "replace the link with a real folder (links are never followed, so they "
                    "cannot pull in files from outside the content folder)"))
            elif not name.startswith(".") and not _is_utf8(name):
                problems.append(_name_problem(display(here / name), "folder"))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (here / d).is_symlink()
                             and _is_utf8(d))
        for name in sorted(filenames):
            path = here / name
            if name.startswith("."):
                continue
            if not _is_utf8(name):
                problems.append(_name_problem(display(path), "file"))
                continue
            if path.is_symlink():
                problems.append(_file_problem(
                    display(path), "this file is a symbolic link",
                    "replace the link with a copy of the file (links are never followed)"))
                continue
            if not name.endswith(CHARTER_SUFFIXES):
                continue
            src_uri = path.relative_to(docs_dir).as_posix()
            files.append(SourceFile(src_uri, path, display(path)))
    problems.extend(_url_clashes(files))
    return files, problems


def page_url(src_uri: str) -> str:
    """The URL MkDocs gives a Markdown file with ``use_directory_urls`` (its default)."""
    dirname, filename = posixpath.split(src_uri)
    stem = filename.rsplit(".", 1)[0]
    if stem.lower() in ("index", "readme"):
        return (dirname + "/") if dirname else ""
    return posixpath.join(dirname, stem) + "/"


def _url_clashes(files: list[SourceFile]) -> list[Problem]:
    seen: dict[str, SourceFile] = {}
    problems = []
    for file in files:
        if not file.src_uri.endswith(".md"):
            continue
        # Case matters in URLs, but not on every file system a partner uses.
        url = page_url(file.src_uri).lower()
        if url in seen:
            problems.append(_file_problem(
                file.display,
                f"this file would be published at the same address ('{page_url(file.src_uri) or '/'}') "
                f"as '{seen[url].display}'",
                "rename or remove one of the two files"))
        else:
            seen[url] = file
    return problems


def read_text(file: SourceFile) -> tuple[str | None, list[Problem]]:
    """The file's text, or ``None`` with a located problem when it cannot be trusted."""
    try:
        size = file.path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [_file_problem(
                file.display, f"this file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}",
                "split it into smaller pages")]
        raw = file.path.read_bytes()
    except OSError as exc:
        return None, [_file_problem(file.display, f"this file cannot be read ({exc.strerror})",
                                    "check that it is a readable file")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(file.display, line, column, "error",
                              f"this file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                              "save it as UTF-8 in your editor", "encoding")]
    if "\x00" in text:
        return None, [_file_problem(file.display, "this file contains a NUL character",
                                    "save it as plain UTF-8 text")]
    # Lone CRs are line breaks to YAML and Markdown alike; normalised here, or front matter
    # (and its `visibility: internal`) in a CR-only file would go unseen.
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), []


def split_front_matter(text: str) -> FrontMatter:
    """Split ``---``-delimited YAML front matter from the Markdown body, as MkDocs does."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(None, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return FrontMatter("\n".join(lines[1:index]) + "\n", "\n".join(lines[index + 1:]), index + 2)
    return FrontMatter(None, text, 1)


def _is_utf8(name: str) -> bool:
    """Whether a file name is UTF-8 text (os.walk reads any other bytes as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _name_problem(display: str, what: str) -> Problem:
    # Its address, its links and the leak check's search all need the name as text.
    return _file_problem(display, f"this {what}'s name is not UTF-8 text",
                         "rename it (typing the name again in your file manager or editor saves "
                         "it as UTF-8)")


def _file_problem(display: str, message: str, fix: str, rule: str = "file") -> Problem:
    return Problem(display, 1, 1, "error", f"{message}; {fix}", rule)
