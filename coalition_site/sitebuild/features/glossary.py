"""The glossary: the pattern's words as the site uses them, linked from every page."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Callable

from ...render.glossary import TERMS
from ...render.plan import PlannedPage
from ...render.term_links import Edit, apply_edits, link_terms, term_edits
from .base import Feature, Link

if TYPE_CHECKING:
    from ..build import SiteBuild

# glossary.md, not glossary/index.md: the same URL (/glossary/), as history.md.
GLOSSARY_PAGE = "glossary.md"


class GlossaryFeature(Feature):
    """Adds ``glossary.md`` (kind ``glossary``, at ``/glossary/``), the same for every audience,
    and links each term from the first place it appears on every other page.

    A coalition that writes its own ``glossary.md`` keeps it, and no term is linked (its
    anchors are its own).
    """

    name = "glossary"

    def __init__(self, build: "SiteBuild") -> None:
        super().__init__(build)
        self._begun: dict[str, tuple[tuple[str, str | None], Callable[[], list[list[Edit]] | None], int]] = {}
        """Pages begun (:meth:`begin`): the job, what gives its batch's edits, its place there."""
        self.active = True

    def pages(self) -> list[PlannedPage]:
        pages = self.build.charter.pages
        self.active = GLOSSARY_PAGE not in pages and "glossary/index.md" not in pages
        if not self.active:
            return []
        return [PlannedPage(GLOSSARY_PAGE, "glossary", "Glossary", TERMS, generated=True)]

    def begin(self, pages: list[tuple[PlannedPage, str, Link]]) -> None:
        # A large build's pages are linked in the workers while the build renders the next
        # ones: by the time every page is rendered, most are linked (a fifth of the build that
        # no longer waits). Under serve there are no workers and the memo does it.
        if not self.active or not self.build.workers.started or self.build.options.memo is not None:
            return
        jobs = self._jobs(pages)
        # Sent as UTF-8 bytes, not as the page's text: pickling a str that is not all ASCII
        # stores its UTF-8 copy inside it (CPython's PyUnicode_AsUTF8AndSize) for as long as the
        # str lives, and MkDocs keeps every page's text until the end: 70-100 MB of a
        # 2,000-partner build's peak. The bytes are let go once the worker is done with them.
        edits = self.build.workers.submit(_edits, [(html.encode("utf-8", "surrogatepass"), href)
                                                   for html, href in jobs])
        for index, (page, _, _) in enumerate(pages):
            self._begun[page.src_uri] = (jobs[index], edits, index)

    def finish(self, pages: list[tuple[PlannedPage, str, Link]]) -> list[str]:
        if not self.active:
            return [html for _, html, _ in pages]
        jobs = self._jobs(pages)
        memo = self.build.options.memo
        if memo is not None:
            # A pure step of the page's HTML and the glossary's address: under serve, a page that
            # an edit left as it was is not read again (a third of a rebuild, 253 pages).
            return [memo.get(("glossary-terms", job[1], job[0]), functools.partial(_linked, job)) for job in jobs]
        # The pages begun as they were rendered, if each is still what was begun (another
        # plugin may have changed it since); the rest now.
        linked: list[str | None] = [None] * len(jobs)
        for index, ((page, _, _), job) in enumerate(zip(pages, jobs)):
            begun = self._begun.pop(page.src_uri, None)
            if begun is not None and begun[0] == job:  # the same HTML (the same str: at once)
                edits = begun[1]()
                if edits is not None:  # else the workers stopped: linked here, below
                    linked[index] = apply_edits(job[0], edits[begun[2]])
        rest = [index for index, html in enumerate(linked) if html is None]
        for index, html in zip(rest, self.build.workers.map(_linked, [jobs[i] for i in rest])):
            linked[index] = html
        done = [html for html in linked if html is not None]
        assert len(done) == len(pages)
        return done

    def _jobs(self, pages: list[tuple[PlannedPage, str, Link]]) -> list[tuple[str, str | None]]:
        return [(html, None if page.src_uri == GLOSSARY_PAGE else link(GLOSSARY_PAGE))
                for page, html, link in pages]


def _linked(job: tuple[str, str | None]) -> str:
    """A page's HTML with the glossary's terms linked (``href``: the glossary's address from
    it; ``None``: the glossary itself). At module level, for the worker processes."""
    html, href = job
    return html if href is None else link_terms(html, href)


def _edits(job: tuple[bytes, str | None]) -> list[Edit]:
    """What :func:`_linked` changes in the page, given as UTF-8 (a worker sends back these,
    not the page: their offsets are in the page's text)."""
    data, href = job
    return [] if href is None else term_edits(data.decode("utf-8", "surrogatepass"), href)
