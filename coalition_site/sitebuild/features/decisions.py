"""The decision register: the decisions of every review the audience may see, in one timeline."""

from __future__ import annotations

from ...analysis.decisions import decision_register
from ...render.plan import PlannedPage
from .base import Feature

# decisions.md, not decisions/index.md: the same URL (/decisions/), as history.md.
DECISIONS_PAGE = "decisions.md"


class DecisionsFeature(Feature):
    """Adds ``decisions.md`` (kind ``decisions``, at ``/decisions/``) to the Reviews section.

    The register is computed from the audience's charter: a public site lists the decisions of
    public reviews only (see :mod:`coalition_site.analysis.decisions`).
    """

    name = "decisions"

    def pages(self) -> list[PlannedPage]:
        charter = self.build.charter
        if DECISIONS_PAGE in charter.pages or "decisions/index.md" in charter.pages:
            return []  # the coalition wrote its own page at that URL: it wins
        return [PlannedPage(DECISIONS_PAGE, "decisions", "Decision register",
                            decision_register(charter), generated=True, nav_section="Reviews")]
