"""Onboarding, generated from the charter: the Start here page and a page for each partner's staff.

``onboarding/`` (template ``coalition/onboarding.html``), first in the navigation: the shared
problem in a paragraph, the joint demand, the steward and how the coalition decides, the
partners each with a one-line stake, and where to go next. A coalition that wrote its own
``onboarding.md`` (or ``onboarding/index.md``) keeps it: its text is shown inside the generated
page, at the same address, so a steward adds to the page rather than replacing it.

``onboarding/<partner-id>/`` (template ``coalition/onboarding-partner.html``): for a new staff
member of that partner, why it is allied with each of the others, computed from the Coalition
Logic map (:mod:`coalition_site.analysis.alliance`), with both stakes in each ask, the tensions
between them, what each keeps as its own, the recent reviews' decisions, its representatives
and the steward. A page the coalition wrote at that address replaces it, as for every
generated page.

Everything comes from the audience's charter: a public build's has no representative, internal
tension or internal review to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...analysis.alliance import (MAX_LINKS, Alliance, Lookup, alliances, near_partners, one_line_stake,
                                  recent_decisions, status_line)
from ...analysis.logic_map import LogicMap
from ...model import Page, Partner, Review
from ...render.groups import is_large
from ...render.plan import PlannedPage
from .base import Feature

START_URI = "onboarding/index.md"
WRITTEN_URIS = ("onboarding/index.md", "onboarding.md")
"""Where a coalition's own onboarding text may be: either is the page at ``/onboarding/``."""
SECTION = "Start here"
TITLE = "Start here"


def partner_uri(partner_id: str) -> str:
    return f"onboarding/{partner_id}.md"


@dataclass
class StartHere:
    """What the Start here page shows besides the charter itself."""

    stakes: dict[str, str | None]
    """Partner id → its one-line stake in the joint demand."""
    partner_pages: dict[str, str]
    """Partner id → the src_uri of its staff's page."""
    own: Page | None = None
    """The coalition's own onboarding page, shown inside this one."""
    body: str = ""
    """The coalition's own text (the plugin renders ``item.body`` as the page's Markdown)."""
    body_line: int = 1
    description: str | None = None

    @classmethod
    def of(cls, stakes: dict[str, str | None], partner_pages: dict[str, str],
           own: Page | None) -> "StartHere":
        if own is None:
            return cls(stakes, partner_pages, description="Who we are, what we demand together, "
                       "who holds us together, and where to read on.")
        return cls(stakes, partner_pages, own, own.body, own.body_line, own.description)


@dataclass
class PartnerOnboarding:
    """One partner's staff page: the partner, and its alliance with every other partner."""

    partner: Partner
    alliances: list[Alliance]
    decisions: list[Review]
    status: str | None
    """Our status in plain words when we are not simply active."""
    statuses: dict[str, str | None] = field(default_factory=dict)
    """Other partner id → its status in plain words (``None``: active)."""
    max_links: int = MAX_LINKS
    body: str = ""
    unlisted: int = 0
    """A large coalition's partners no chain or tension ties to ours, counted, not shown."""

    @property
    def description(self) -> str:
        return f"For new staff at {self.partner.name}: why we are allied with each partner of the coalition."


DESCRIBED = 12
"""How many partners a large coalition's staff page describes at length: the nearest on the map."""


class OnboardingFeature(Feature):
    """Adds the Start here page and the partners' staff pages, first in the navigation."""

    name = "onboarding"

    def pages(self) -> list[PlannedPage]:
        charter = self.build.charter
        written = next((uri for uri in WRITTEN_URIS if uri in charter.pages), None)
        own = charter.pages[written] if written is not None else None
        partner_pages = {pid: partner_uri(pid) for pid in charter.partners}
        stakes = {pid: one_line_stake(charter, pid) for pid in charter.partners}
        start = PlannedPage(written or START_URI, "onboarding", TITLE,
                            StartHere.of(stakes, partner_pages, own), generated=own is None,
                            nav_section=SECTION, nav_first=True, wraps_written=own is not None)
        graph = LogicMap.build(charter.logic, charter.partners)
        decisions = recent_decisions(charter.reviews, self.build.today)
        statuses = {pid: status_line(partner) for pid, partner in charter.partners.items()}
        pages = [start]
        large = is_large(charter)
        lookup = Lookup.of(charter)
        for partner in sorted(charter.partners.values(), key=lambda p: p.name.lower()):
            # Past the partners the navigation lists one by one, a page says why we are allied
            # with those the map or a tension ties to us, and counts the rest: a page about
            # every partner for every partner grows with the coalition's square.
            among = near_partners(charter, graph, partner.id, lookup=lookup)[:DESCRIBED] if large else None
            item = PartnerOnboarding(partner, alliances(charter, graph, partner.id, among, lookup), decisions,
                                     statuses[partner.id], statuses,
                                     unlisted=len(charter.partners) - 1 - len(among) if among is not None else 0)
            # Past the partners the navigation lists one by one, Start here's table links them.
            pages.append(PlannedPage(partner_pages[partner.id], "onboarding-partner",
                                     f"New at {partner.name}", item, generated=True,
                                     nav_section=SECTION, nav_first=True, listed=not large,
                                     searched=False))
        return pages
