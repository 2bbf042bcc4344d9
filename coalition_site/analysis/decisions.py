"""The decision register: every decision of the reviews an audience may see, in one timeline.

Computed from an audience-filtered charter, so a public register holds the decisions of public
reviews only. A decision that supersedes one this audience cannot see says so without naming
it (``supersedes_hidden``); a decision superseded by one it cannot see is not told about it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Charter, Decision, Review


@dataclass
class RegisterEntry:
    """One decision, where it was taken, and how it relates to the others."""

    decision: Decision
    review: Review
    number: int
    """Its place in its review's list, from 1."""
    supersedes: RegisterEntry | None = None
    superseded_by: list[RegisterEntry] = field(default_factory=list)
    supersedes_hidden: bool = False
    """It supersedes a decision of a review this audience may not see."""

    @property
    def date(self) -> dt.date:
        return self.review.date

    @property
    def anchor(self) -> str:
        """Its anchor on the register (and on its review's page): its id when it has one."""
        if self.decision.id is not None:
            return f"decision-{self.decision.id}"
        return f"decision-{self.review.date.isoformat()}-{self.number}"

    @property
    def is_open(self) -> bool:
        """Still to be carried out: marked ``open`` and not replaced by a later decision."""
        return self.decision.status == "open" and not self.superseded_by


@dataclass
class DecisionRegister:
    entries: list[RegisterEntry]
    """Newest review first; within a review, in the order it recorded them."""

    @property
    def open(self) -> list[RegisterEntry]:
        """What is still open, oldest first: what has waited longest comes first."""
        return sorted((e for e in self.entries if e.is_open), key=lambda e: (e.date, e.number))

    def by_anchor(self) -> dict[str, RegisterEntry]:
        return {entry.anchor: entry for entry in self.entries}


def decision_anchor(review: Review, number: int, decision: Decision) -> str:
    """The anchor of ``review``'s ``number``-th decision (from 1), as the register names it."""
    return RegisterEntry(decision, review, number).anchor


def decision_register(charter: Charter) -> DecisionRegister:
    """The register of ``charter``'s reviews (already filtered for the audience)."""
    entries = [RegisterEntry(decision, review, number)
               for review in reversed(charter.reviews)
               for number, decision in enumerate(review.decisions, start=1)]
    by_id = {e.decision.id: e for e in entries if e.decision.id is not None}
    for entry in entries:
        replaced = entry.decision.supersedes
        if replaced is None:
            continue
        earlier = by_id.get(replaced)
        if earlier is None or earlier is entry:
            entry.supersedes_hidden = earlier is None
            continue
        entry.supersedes = earlier
        earlier.superseded_by.append(entry)
    for entry in entries:
        entry.superseded_by.sort(key=lambda e: (e.date, e.number))
    return DecisionRegister(entries)
