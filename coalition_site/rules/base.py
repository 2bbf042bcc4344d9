"""What every pattern rule shares: the :class:`Finding` it yields and a few helpers.

A rule knows *what* is wrong and *where* in the charter's data (a file and a key path); it never
knows lines, columns or levels. The registry (:func:`coalition_site.rules.run_rules`) turns each
finding into a located :class:`~coalition_site.problems.Problem` with the rule's id and level.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Charter


@dataclass(frozen=True)
class Finding:
    """One thing a rule found, located by file and key path (not yet by line)."""

    src_uri: str
    """The file inside the content folder (``charter/joint-demand.md``)."""
    loc: tuple
    """The field's path in the file's YAML, keys and list indexes (``("asks", 0, "benefits")``).
    A path that is not in the file (a missing key) is located at its nearest written ancestor."""
    message: str
    """What is wrong and how to fix it, naming the field by its key and partners by id."""
    value: bool = False
    """Point at the field's value rather than its key (``reports_to: [a, b]`` → at ``[``)."""


def active_ids(charter: Charter) -> list[str]:
    """The ids of the active partners, in the charter's (alphabetical) order."""
    return [pid for pid, partner in charter.partners.items() if partner.status == "active"]
