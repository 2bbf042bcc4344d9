"""The charter's history: every version, when it was ratified, and who endorsed it.

Three sources are merged, most authoritative first: the version in force (``charter`` in
``coalition.yml`` and today's endorsements), the ``history`` a coalition writes down in
``coalition.yml`` (for summaries, and for versions from before the charter lived in git), and the
versions found in git (for each version's endorsements, which nobody should have to copy by hand).

A public history never names a partner the public build does not show, nor the endorsements of
a charter file that is internal: the filtered charter decides, as everywhere else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol, Sequence

from ..model import Charter
from ..model.layout import ENDORSED_FILES, version_key


class Recorded(Protocol):
    # Read-only: a frozen dataclass (load.git_history.RecordedVersion) is one.
    @property
    def version(self) -> str: ...
    @property
    def ratified(self) -> dt.date | None: ...
    @property
    def endorsements(self) -> dict[str, dict[str, dt.date]]: ...


@dataclass(frozen=True)
class VersionEntry:
    """One version of the charter, as the history page shows it."""

    version: str
    ratified: dt.date | None
    summary: str | None = None
    in_force: bool = False
    endorsements: dict[str, dict[str, dt.date]] | None = None
    """Endorsed file (``charter/joint-demand.md``) → partner id → date; ``None`` when no record
    of this version's endorsements exists (a version listed only under ``history``)."""
    partners: tuple[str, ...] = ()
    """The partners to list for this version, in the charter's order."""


@dataclass(frozen=True)
class CharterHistory:
    versions: list[VersionEntry] = field(default_factory=list)
    """Newest first; the version in force is among them."""
    documents: tuple[str, ...] = ()
    """The endorsed files this audience may see, in the order the page shows them."""


def charter_history(charter: Charter, recorded: Sequence[Recorded] = ()) -> CharterHistory:
    """The history of an audience-filtered ``charter``, with ``recorded`` past versions (from git)."""
    internal = charter.audience == "internal"
    documents = tuple(uri for uri, attr in ENDORSED_FILES.items()
                      if internal or getattr(charter, attr).visibility == "public")
    visible = (lambda pid: True) if internal else (lambda pid: pid in charter.partners)  # noqa: E731
    order = {pid: index for index, pid in enumerate(charter.partners)}

    def ordered(ids) -> tuple[str, ...]:
        return tuple(sorted(set(ids), key=lambda pid: (order.get(pid, len(order)), pid)))

    def filtered(endorsements: dict[str, dict[str, dt.date]]) -> dict[str, dict[str, dt.date]]:
        return {uri: {pid: date for pid, date in endorsements.get(uri, {}).items() if visible(pid)}
                for uri in documents}

    current = charter.coalition.charter
    written = {entry.version: entry for entry in charter.coalition.history}
    found = {record.version: record for record in recorded if record.version != current.version}

    now = filtered({uri: getattr(charter, attr).endorsements for uri, attr in ENDORSED_FILES.items()})
    versions = [VersionEntry(
        current.version, current.ratified,
        written[current.version].summary if current.version in written else None,
        in_force=True, endorsements=now, partners=ordered(charter.partners))]
    for version in sorted((set(written) | set(found)) - {current.version}, key=version_key, reverse=True):
        entry, record = written.get(version), found.get(version)
        # (A version is written, found or both: a record is there when its entry is not.)
        if entry is None and (record is None or record.ratified is None):
            continue  # a draft that was replaced before it was ratified is not part of the history
        endorsements = filtered(record.endorsements) if record is not None else None
        versions.append(VersionEntry(
            version,
            entry.ratified if entry is not None and entry.ratified else (record.ratified if record else None),
            entry.summary if entry is not None else None,
            endorsements=endorsements,
            partners=ordered(pid for dates in (endorsements or {}).values() for pid in dates)))
    versions.sort(key=lambda v: version_key(v.version), reverse=True)
    return CharterHistory(versions, documents)
