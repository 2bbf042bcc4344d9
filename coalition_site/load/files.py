"""Reading the content folder safely: which files there are, and their text.

Every file arrives by pull request, so nothing here trusts it: symlinks are refused (and never
followed out of the folder), files are capped in size, text must be UTF-8, and two files that
MkDocs would publish at the same URL are reported rather than one silently winning.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Collection

from ..model.layout import page_url
from ..problems import Problem
from .privacy_markers import is_privacy_key

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


# What an editor or a hurried hand makes of the line '---': other dashes (an editor's smart
# punctuation turns '---' into an em dash and '--' into an en dash), or another Markdown rule.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_RULE_MARKS = set("-*+_=" + _DASHES)
# Characters no one sees, pasted in with text from elsewhere: they must not hide an opener.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
_FILLED = re.compile("[^\\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
# `key: value` as front matter writes it (`https://...` and `10:30` are not keys); after an
# opener, TOML's `key = value` too.
_KEY_LINE = re.compile(r"^[ ]{0,3}([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")
_TOML_KEY_LINE = re.compile(r"^[ ]{0,3}([A-Za-z_][\w-]*)[ \t]*=")
_MARKER_VALUE = re.compile(r"^[^:]*:[ \t]*[\"']?(internal|private|partners|true|yes)[\"']?[ \t]*$",
                           re.IGNORECASE)
_NOT_READ = ("but front matter must start on line 1 with exactly '---': as it is, {keys} "
             "(a 'visibility: internal' would be ignored)")


def misplaced_front_matter(front: FrontMatter, *, keys: Collection[str], path: str) -> Problem | None:
    """An error when front matter was meant but Markdown would read it as text, so that a
    ``visibility: internal`` in it would be ignored (rule ``front-matter``).

    Without front matter, that is: a line such as ``---`` that does not open it (after a blank
    line, indented, an em dash, ``--``, ``***``, ``+++`` ...) followed by ``key: value`` lines;
    or ``key: value`` lines at the top of the body, when one of their ``keys`` is a known
    front-matter key or there are two or more of them (a single ``Note: we meet monthly`` is a
    sentence). With front matter, a privacy key (``visibility: internal``) at the top of the body,
    below the line that closed it. ``keys`` are lowercase.
    """
    lines = _Lines(front.body)  # read only as far as needed: a body may be a megabyte
    first = lines.next_filled(0)
    if first is None:
        return None
    opener = _is_opener(lines.line(first))
    start = lines.next_filled(first + 1) if opener else first
    run = [] if start is None else _key_run(lines, start, toml=opener)
    if not run:
        return None

    def at(index: int, message: str) -> Problem:
        line = lines.line(index)
        return Problem(path, front.body_line + index, len(line) - len(line.lstrip()) + 1, "error",
                       message, "front-matter")

    names = [name for _, name in run]
    if front.text is not None:
        # Below real front matter, only a marker: `Audience: tenants and riders` is a label.
        privacy = next((i for i, name in run if name.lower() == "visibility" or (
            is_privacy_key(name) and _MARKER_VALUE.match(lines.line(i)))), None)
        return None if privacy is None else at(privacy, (
            f"'{dict(run)[privacy]}' is a front matter key, but it stands below the line '---' "
            "that closes the front matter, where it is printed as text and ignored; move it above "
            "that line"))
    qualifies = len(names) >= 2 or any(name.lower().replace("-", "_") in keys for name in names)
    if opener and (start == first + 1 or qualifies):
        fixes = [f"delete the blank line{'s' * (first > 1)} above it"] if first else []
        mark = lines.line(first).strip()
        if mark != "---":
            fixes.append(f"write '---' instead of '{mark}' (on the closing line too)")
        elif lines.raw(first) != lines.line(first):
            fixes.append("delete the invisible character in it (it comes with text pasted from "
                         "another program)")
        elif lines.line(first) != lines.line(first).lstrip():
            fixes.append("remove the spaces before it")
        elif not fixes:
            fixes.append("write it as exactly '---'")
        if any(_TOML_KEY_LINE.match(lines.line(i)) and not _KEY_LINE.match(lines.line(i))
               for i, _ in run):
            fixes.append("write each key as 'key: value'")
        return at(first, f"this looks like front matter, "
                         f"{_NOT_READ.format(keys='none of its keys is read')}; {and_list(fixes)}")
    if qualifies:
        many = len(names) > 1
        them, they = ("them", "they are") if many else ("it", "it is")
        fixes = [f"delete the blank line{'s' * (first > 1)} above {them}"] if first else []
        fixes.append(f"put {them} between two lines '---'")
        keys_read = "none of their keys is read" if many else "its key is not read"
        return at(run[0][0], f"{'these lines look' if many else 'this line looks'} like front "
                             f"matter, {_NOT_READ.format(keys=keys_read)}; {and_list(fixes)} (if {they} "
                             "meant as text, start the page with a heading or a sentence)")
    return None


def _is_opener(line: str) -> bool:
    """Whether ``line`` looks like a try at '---': rule marks only, two or more, or a dash."""
    marks = "".join(line.split())
    return bool(marks) and set(marks) <= _RULE_MARKS and (len(marks) >= 2 or marks in _DASHES)


class _Lines:
    """The lines of a text, invisible characters removed, split only as far as they are read;
    ``None`` past the last."""

    def __init__(self, text: str):
        self._text, self._position = text, 0
        self._raw: list[str] = []
        self._seen: list[str] = []

    def __getitem__(self, index: int) -> str | None:
        while len(self._seen) <= index and self._position <= len(self._text):
            end = self._text.find("\n", self._position)
            end = len(self._text) if end < 0 else end
            self._raw.append(self._text[self._position:end])
            self._seen.append(_INVISIBLE.sub("", self._raw[-1]))
            self._position = end + 1
        return self._seen[index] if index < len(self._seen) else None

    def line(self, index: int) -> str:
        """Line ``index``, known to exist (:meth:`next_filled` found it, or one after it)."""
        line = self[index]
        assert line is not None
        return line

    def next_filled(self, index: int) -> int | None:
        """The first line from ``index`` on with anything visible on it (``None``: none is)."""
        if index:
            self[index - 1]
        if len(self._seen) > index:  # read already: not the way this module reads
            while (line := self[index]) is not None and not line.strip():
                index += 1
            return None if line is None else index
        # Found at C speed: a page may open with a megabyte of blank lines.
        found = _FILLED.search(self._text, self._position)
        if found is None:
            return None
        start = self._text.rfind("\n", self._position, found.start()) + 1 or self._position
        skipped = self._text.count("\n", self._position, start)
        self._raw.extend([""] * skipped)  # blank: nobody reads them again
        self._seen.extend([""] * skipped)
        self._position = start
        return index + skipped

    def raw(self, index: int) -> str:
        """The line as written (after it was read through ``[]``)."""
        return self._raw[index]


def _key_run(lines: _Lines, start: int, *, toml: bool) -> list[tuple[int, str]]:
    """The ``key: value`` lines (index, key) of the block of lines that starts at ``start``, if
    it starts with one: keys, and their indented or ``- `` continuation lines, up to a blank
    line or a line of anything else."""
    run: list[tuple[int, str]] = []
    index = start
    while (line := lines[index]) is not None and line.strip():
        match = _KEY_LINE.match(line) or (toml and _TOML_KEY_LINE.match(line))
        if match:
            run.append((index, match.group(1)))
        elif not (run and (line[:1] in (" ", "\t") or line.startswith("- "))):
            break
        index += 1
    return run


def and_list(parts: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


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
