"""The charter's *text*: what partners endorse and what a published version stands for.

Two questions read it. Did the text a partner endorsed change since (the ``endorsement-unchanged``
rule, per endorsed file)? Did the text of a published version change since it was published
(``publish``, over every charter file)? Both compare files by their text alone, leaving out
what records the campaign's life rather than what the coalition agreed to:

- ``endorsements`` everywhere (adding one partner's endorsement changes no one's text);
- the joint demand's ``status`` (campaigning, won ...: progress, not an amendment);
- in ``coalition.yml``: ``charter.ratified`` (ratifying a draft does not change its text),
  ``history``, ``review_cadence_days`` and ``commons_assessment``;
- in a partner's file: ``representatives`` (staff come and go), ``status`` and
  ``stepped_back`` (stepping back is a right the autonomy agreement already grants).

Reviews, ordinary pages and attachments are not charter text at all. Front matter is compared as
data, so re-indenting or re-quoting YAML, or editing a comment, is no change.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable

from ..model.base import ID_PATTERN
from ..model.layout import CHARTER_FILES, COALITION, JOINT_DEMAND, LOGIC, PARTNER_NAME
from .files import MAX_FILE_BYTES, split_front_matter
from .git import Repository
from .yaml_source import YamlSourceError, parse_yaml

_LEFT_OUT: dict[str, tuple[tuple[str, ...], ...]] = {
    COALITION: (("charter", "ratified"), ("history",), ("review_cadence_days",),
                ("commons_assessment",)),
    JOINT_DEMAND: (("endorsements",), ("status",)),
    "partner": (("representatives",), ("status",), ("stepped_back",)),
}
_EVERY_FILE = (("endorsements",),)
_ID = re.compile(ID_PATTERN)


def is_charter_text(src_uri: str) -> bool:
    """Whether a file of the content folder holds charter text (``publish`` compares these)."""
    # A partner's file is named by a valid id (any other name is a load error): only such names
    # are compared, and printed when they changed.
    partner = PARTNER_NAME.match(src_uri)
    return src_uri in (COALITION, LOGIC, *CHARTER_FILES) or bool(partner and _ID.match(partner[1]))


def text_of(src_uri: str, raw: bytes | str | None) -> str | None:
    """The charter text of one file, as a string to compare; ``None`` for a file that does not
    exist. A file that does not parse is compared as it is written."""
    if raw is None:
        return None
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            return raw.hex()  # never parsed: compared as written
        raw = raw.decode("utf-8", "replace")
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n")
    if src_uri.endswith(".md"):
        front = split_front_matter(text)
        data, body = _parse(front.text) if front.text is not None else {}, front.body
    else:
        data, body = _parse(text), ""
    if data is _UNREADABLE:
        return text
    left_out = _EVERY_FILE + _LEFT_OUT.get("partner" if src_uri.startswith("partners/") else src_uri, ())
    for path in left_out:
        _drop(data, path)
    try:
        return json.dumps([data, body.strip()], sort_keys=True, default=str, ensure_ascii=False)
    except (TypeError, ValueError):  # keys of several kinds (1: and a:) cannot be sorted
        return text


def texts_on_disk(docs_dir: Path) -> dict[str, str]:
    """Every charter file of the content folder → its charter text."""
    found = {}
    for path in _candidates(docs_dir):
        src_uri = path.relative_to(docs_dir).as_posix()
        if is_charter_text(src_uri) and path.is_file() and not path.is_symlink():
            text = text_of(src_uri, path.read_bytes())
            if text is not None:
                found[src_uri] = text
    return found


def texts_at(repo: Repository, revision: str, prefix: str) -> dict[str, str]:
    """Every charter file of the content folder (``prefix`` in the repository) as committed at
    ``revision`` (a full commit id) → its charter text; one ``ls-tree`` and one ``cat-file``."""
    top = f"{prefix}/" if prefix else ""
    listing = repo.run("ls-tree", "-r", "-z", "--name-only", revision, "--",
                       *(top + name for name in (COALITION, LOGIC, "charter", "partners")))
    uris = [name.decode("utf-8", "surrogateescape")[len(top):] for name in listing.split(b"\0") if name]
    uris = [uri for uri in uris if is_charter_text(uri)]
    blobs = repo.read_blobs(f"{revision}:{top}{uri}" for uri in uris)
    return {uri: text for uri, blob in zip(uris, blobs) if (text := text_of(uri, blob)) is not None}


def changed_files(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """The files whose charter text differs (added, removed or edited), sorted."""
    return sorted(uri for uri in old.keys() | new.keys() if old.get(uri) != new.get(uri))


_UNREADABLE: Any = object()


def _parse(text: str | None) -> Any:
    if not text or not text.strip():
        return {}
    try:
        return parse_yaml(text)[0]
    except YamlSourceError:
        return _UNREADABLE


def _drop(data: Any, path: tuple[str, ...]) -> None:
    for key in path[:-1]:
        data = data.get(key) if isinstance(data, dict) else None
    if isinstance(data, dict):
        data.pop(path[-1], None)


def _candidates(docs_dir: Path) -> Iterable[Path]:
    yield docs_dir / COALITION
    yield docs_dir / LOGIC
    for folder in ("charter", "partners"):
        if (docs_dir / folder).is_dir():
            yield from sorted((docs_dir / folder).glob("*.md"))
