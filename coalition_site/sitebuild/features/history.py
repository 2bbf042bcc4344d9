"""The charter history page: every ratified version, and each partner's endorsement of it."""

from __future__ import annotations

from ...analysis.history import CharterHistory, charter_history
from ...load.git_history import versions_from_git
from ...render.plan import PlannedPage
from .base import Feature

# history.md, not history/index.md: the same URL (/history/), but Material's navigation.indexes
# would make an index.md the page of the Charter section it is listed in.
HISTORY_PAGE = "history.md"


class HistoryFeature(Feature):
    """Adds ``history.md`` (kind ``history``, at ``/history/``) under the Charter section.

    Past versions come from ``history`` in ``coalition.yml`` and from the git history of the
    content folder (when there is one); see :mod:`coalition_site.analysis.history`.
    """

    name = "history"

    def pages(self) -> list[PlannedPage]:
        charter = self.build.charter
        if HISTORY_PAGE in charter.pages or "history/index.md" in charter.pages:
            return []  # the coalition wrote its own page at that URL: it wins
        self.history: CharterHistory = charter_history(
            charter, versions_from_git(charter.docs_dir, charter.coalition.charter.version))
        return [PlannedPage(HISTORY_PAGE, "history", "Charter history", self.history,
                            generated=True, nav_section="Charter")]
