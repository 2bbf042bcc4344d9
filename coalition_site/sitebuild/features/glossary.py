"""The glossary: the pattern's words as the site uses them, linked from every page."""

from __future__ import annotations

import functools

from ...render.glossary import TERMS
from ...render.plan import PlannedPage
from ...render.term_links import link_terms
from .base import Feature, Link

# glossary.md, not glossary/index.md: the same URL (/glossary/), as history.md.
GLOSSARY_PAGE = "glossary.md"


class GlossaryFeature(Feature):
    """Adds ``glossary.md`` (kind ``glossary``, at ``/glossary/``), the same for every audience,
    and links each term from the first place it appears on every other page.

    A coalition that writes its own ``glossary.md`` keeps it, and no term is linked (its
    anchors are its own).
    """

    name = "glossary"

    def pages(self) -> list[PlannedPage]:
        pages = self.build.charter.pages
        self.active = GLOSSARY_PAGE not in pages and "glossary/index.md" not in pages
        if not self.active:
            return []
        return [PlannedPage(GLOSSARY_PAGE, "glossary", "Glossary", TERMS, generated=True)]

    def finish(self, pages: list[tuple[PlannedPage, str, Link]]) -> list[str]:
        if not self.active:
            return [html for _, html, _ in pages]
        jobs = [(html, None if page.src_uri == GLOSSARY_PAGE else link(GLOSSARY_PAGE))
                for page, html, link in pages]
        memo = self.build.options.memo
        if memo is None:
            return self.build.workers.map(_linked, jobs)
        # A pure step of the page's HTML and the glossary's address: under serve, a page that
        # an edit left as it was is not read again (a third of a rebuild, 253 pages).
        return [memo.get(("glossary-terms", job[1], job[0]), functools.partial(_linked, job)) for job in jobs]


def _linked(job: tuple[str, str | None]) -> str:
    """A page's HTML with the glossary's terms linked (``href``: the glossary's address from
    it; ``None``: the glossary itself). At module level, for the worker processes."""
    html, href = job
    return html if href is None else link_terms(html, href)
