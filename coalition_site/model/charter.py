"""The whole charter, loaded and validated: the aggregate the rest of the library reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .base import Audience
from .charter_pages import Autonomy, ConflictProtocol, JointDemand, ProblemStatement, StewardMandate
from .coalition import Coalition
from .logic import Logic
from .page import Page
from .partner import Partner
from .review import Review


@dataclass
class Charter:
    """Every file of a charter as validated models, for one audience or for all."""

    docs_dir: Path
    coalition: Coalition
    problem_statement: ProblemStatement
    joint_demand: JointDemand
    steward_mandate: StewardMandate
    autonomy: Autonomy
    conflict_protocol: ConflictProtocol
    partners: dict[str, Partner]
    logic: Logic = field(default_factory=Logic)
    reviews: list[Review] = field(default_factory=list)
    """Sorted by date, oldest first."""
    pages: dict[str, Page] = field(default_factory=dict)
    """Ordinary pages by src_uri."""
    audience: Audience | None = None
    """``None`` for the charter as written; ``public`` or ``internal`` once filtered."""
    review_dates: tuple[dt.date, ...] | None = None
    """The date of every review, published or not, oldest first, when this audience may know
    them though it may not read every review: the public's, when the coalition publishes its
    review dates (:func:`~coalition_site.audience.with_review_dates`). ``None``: the audience
    knows of the reviews in :attr:`reviews` only (the internal audience reads them all)."""
    sources: dict = field(default_factory=dict, repr=False)
    """Where each file came from (``src_uri`` → :class:`~coalition_site.load.sources.Source`)."""

    @property
    def charter_pages(self) -> list:
        return [self.problem_statement, self.joint_demand, self.steward_mandate,
                self.autonomy, self.conflict_protocol]

    @property
    def active_partners(self) -> list[Partner]:
        return [p for p in self.partners.values() if p.is_active]

    def partner_name(self, partner_id: str) -> str:
        partner = self.partners.get(partner_id)
        return partner.name if partner else partner_id

    def replace(self, **changes: Any) -> "Charter":
        return replace(self, **changes)
