"""The glossary: the pattern's words as the site uses them, linked from every page."""

from __future__ import annotations

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

    def finish(self, page: PlannedPage, html: str, link: Link) -> str:
        if not self.active or page.src_uri == GLOSSARY_PAGE:
            return html
        href = link(GLOSSARY_PAGE)
        memo = self.build.options.memo
        if memo is None:
            return link_terms(html, href)
        # A pure step of the page's HTML and the glossary's address: under serve, a page that
        # an edit left as it was is not read again (a third of a rebuild, 253 pages).
        return memo.get(("glossary-terms", href, html), lambda: link_terms(html, href))
