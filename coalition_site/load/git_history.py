"""Past versions of a charter, read from the git history of its content folder.

A version's record is the state of its files just before the commit that replaced it: by then
every endorsement of that version had been written down. Only ``coalition.yml`` and the two
endorsed files are read, with one ``git log`` and two ``git cat-file --batch`` calls whatever
the length of the history, so a build stays fast.

Everything read from history is untrusted and old: a revision whose files do not parse, or hold
values of the wrong kind, is skipped rather than reported (it cannot be fixed any more).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .git import GitError, Repository
from ..model.base import ID_PATTERN
from ..model.layout import COALITION, ENDORSED_FILES
from .files import MAX_FILE_BYTES, split_front_matter
from .yaml_source import YamlSourceError, parse_yaml

_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class RecordedVersion:
    """A past version of the charter as its files recorded it."""

    version: str
    ratified: dt.date | None
    endorsements: dict[str, dict[str, dt.date]] = field(default_factory=dict)
    """``charter/problem-statement.md`` and ``charter/joint-demand.md`` → partner id → date."""


def versions_from_git(docs_dir: Path | str, current_version: str) -> list[RecordedVersion]:
    """Every earlier version found in the git history of ``docs_dir``, newest first.

    Empty outside a git repository, in a repository without commits, or when git is missing.
    ``current_version`` is the version in force in the working tree (never listed here).
    """
    repo = Repository.find(docs_dir)
    if repo is None:
        return []
    try:
        prefix = repo.prefix(docs_dir)
        return _read(repo, prefix, current_version)
    except GitError:
        return []


def _read(repo: Repository, prefix: str, current_version: str) -> list[RecordedVersion]:
    def path(src_uri: str) -> str:
        return f"{prefix}/{src_uri}" if prefix else src_uri

    commits = repo.log([path(COALITION)])
    if not commits:
        return []
    versions = [_version(blob) for blob in repo.read_blobs(f"{c}:{path(COALITION)}" for c in commits)]

    # Newest first: the working tree, then each commit that changed coalition.yml. Where the
    # version differs between neighbours, the older version ended just before the newer state.
    states = [("HEAD", current_version)] + [(f"{c}^", v) for c, v in zip(commits, versions)]
    endings: list[tuple[str, str]] = []  # (revision holding the final state, its version)
    seen = {current_version}
    newer_version = current_version
    for index, (_, version) in enumerate(states[1:], start=1):
        if version is None:
            continue
        if version != newer_version and version not in seen:
            final_state = states[index - 1][0]
            endings.append((final_state, version))
            seen.add(version)
        newer_version = version
    if not endings:
        return []

    files = (COALITION, *ENDORSED_FILES)
    blobs = repo.read_blobs(f"{rev}:{path(name)}" for rev, _ in endings for name in files)
    records = []
    for index, (rev, version) in enumerate(endings):
        coalition_blob, *endorsed = blobs[index * len(files):(index + 1) * len(files)]
        data = _yaml(coalition_blob)
        charter = data.get("charter") if isinstance(data, dict) else None
        if not isinstance(charter, dict) or charter.get("version") != version:
            continue
        ratified = charter.get("ratified")
        records.append(RecordedVersion(
            version=version,
            ratified=ratified if _is_date(ratified) else None,
            endorsements={name: _endorsements(blob) for name, blob in zip(ENDORSED_FILES, endorsed)},
        ))
    return records


def _version(blob: bytes | None) -> str | None:
    data = _yaml(blob)
    charter = data.get("charter") if isinstance(data, dict) else None
    version = charter.get("version") if isinstance(charter, dict) else None
    return version if isinstance(version, str) and _VERSION.match(version) else None


def _endorsements(blob: bytes | None) -> dict[str, dt.date]:
    text = _text(blob)
    if text is None:
        return {}
    data = _parse(split_front_matter(text).text)
    mapping = data.get("endorsements") if isinstance(data, dict) else None
    if not isinstance(mapping, dict):
        return {}
    # An endorsement is a date, or {date: ..., revision: ...} (the date is what the page shows).
    dates: dict[Any, Any] = {key: value.get("date") if isinstance(value, dict) else value
                             for key, value in mapping.items()}
    return {key: value for key, value in dates.items()
            if isinstance(key, str) and _ID.match(key) and _is_date(value)}


def _yaml(blob: bytes | None):
    return _parse(_text(blob))


def _parse(text: str | None):
    if not text:
        return None
    try:
        return parse_yaml(text)[0]
    except YamlSourceError:
        return None


def _text(blob: bytes | None) -> str | None:
    if blob is None or len(blob) > MAX_FILE_BYTES:
        return None
    try:
        return blob.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return None


def _is_date(value) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
