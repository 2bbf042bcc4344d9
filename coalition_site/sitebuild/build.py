"""One build of a charter's site, independent of MkDocs: the plan, and each page's HTML.

A :class:`SiteBuild` is made once per build from an audience-filtered charter and the features
it composes, passed in (the standard ones are :data:`coalition_site.sitebuild.features.FEATURES`):
the Coalition Logic diagrams, the vitality dashboard, the history. Each may add pages to the
plan and trusted HTML fragments (``extras``) to any page. The MkDocs plugin is only a front end
to this.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

import jinja2

from ..model import Charter
from ..render.excerpt import SUMMARY_MARK, Relink, excerpt
from ..render.memo import ContentMemo
from ..render.pages import make_environment, render_page, shared_context
from ..render.plan import PlannedPage, SitePlan, plan_site
from ..render.sanitize import sanitize_html
from ..parallel import Workers

if TYPE_CHECKING:
    from .features import Feature

Link = Callable[[str], str]


@dataclass
class BuildOptions:
    """What a build needs besides the charter: its date and where features may cache."""

    today: dt.date = field(default_factory=dt.date.today)
    """The build's "as of" date (from ``SOURCE_DATE_EPOCH`` when set)."""
    cache_dir: Path | None = None
    """Where features may cache rendered artefacts between builds (``None``: no cache)."""
    memo: ContentMemo | None = None
    """Outputs of pure steps kept from the last build of this process (the dev server's), keyed
    by their whole input; ``None``: every step runs."""


class SiteBuild:
    """Everything one build of one audience needs to render its pages.

    ``features`` are the feature classes the site is composed of, in navigation order (each is
    made once, for this build); without them the site has the charter's own pages only.
    """

    def __init__(self, charter: Charter, options: BuildOptions | None = None,
                 loader: jinja2.BaseLoader | None = None, *,
                 features: Iterable[type[Feature]] = ()):
        self.charter = charter
        self.options = options or BuildOptions()
        self.env = make_environment(loader)
        self.workers = Workers()
        """Processes for the steps every page takes once all are rendered; none until started."""
        self.features = [feature(self) for feature in features]
        self.plan: SitePlan = plan_site(charter, [p for f in self.features for p in f.pages()])
        for feature in self.features:
            feature.prepare()
        # Lists every page may show (the reviews by year ...): computed once, not once a page,
        # which made a build quadratic in the number of reviews.
        self.shared = shared_context(charter, self.plan.pages)
        self.problem_prose: str | None = None
        """The problem statement's prose as this build rendered it for its audience (once it has)."""

    @property
    def today(self) -> dt.date:
        return self.options.today

    def page(self, src_uri: str) -> PlannedPage | None:
        return self.plan.pages.get(src_uri)

    def files(self, links_from: Callable[[str], Link]) -> dict[str, str]:
        """Every feature's files of their own (not pages), by path: see :meth:`Feature.files`."""
        found: dict[str, str] = {}
        for feature in self.features:
            found.update(feature.files(links_from))
        return found

    def render(self, src_uri: str, html: str, link: Link) -> str:
        """The final HTML of a page, from the HTML MkDocs rendered from its Markdown.

        Partner-written HTML is sanitised first; trusted fragments are added after.
        """
        clean = sanitize_html(html)
        page = self.page(src_uri)
        if page is None:
            return clean
        if page.kind == "problem-statement":
            self.problem_prose = clean
        if page.kind == "page":
            rendered = clean
        else:
            extras: dict[str, str] = {}
            for feature in self.features:
                extras.update(feature.extras(page, link))
            rendered = render_page(self.env, page, charter=self.charter, pages=self.plan.pages,
                                   prose=clean, link=link, today=self.today, extras=extras,
                                   shared=self.shared)
        return rendered

    def begin_finishing(self, pages: list[tuple[str, str, Link]]) -> None:
        """Pages just rendered (``src_uri``, HTML and ``link`` of each), for the features to
        start on before :meth:`finish_pages` (:meth:`.Feature.begin`)."""
        known = [(page, html, link) for uri, html, link in pages if (page := self.page(uri)) is not None]
        for feature in self.features:
            feature.begin(known)

    def finish_pages(self, pages: list[tuple[str, str, Link]]) -> list[str]:
        """Every page's final HTML, once all are rendered (``src_uri``, HTML and ``link`` of
        each): what the features change on every page, such as the glossary's links. Pages
        outside the plan (a file the build does not know) are left as they are."""
        known = [(index, page, html, link) for index, (uri, html, link) in enumerate(pages)
                 if (page := self.page(uri)) is not None]
        items = [(page, html, link) for _, page, html, link in known]
        for feature in self.features:
            items = [(page, html, link) for (page, _, link), html in zip(items, feature.finish(items))]
        result = [html for _, html, _ in pages]
        for (index, *_), (_, html, _) in zip(known, items):
            result[index] = html
        return result

    def finish(self, html: str, relink: Relink) -> str:
        """A rendered page with the problem statement's first paragraph where its partial asked
        for it, once every page is rendered. ``relink`` takes a link as the problem statement's
        page has it to the same target from this page (see :func:`~coalition_site.render.excerpt.excerpt`).
        Without the problem statement rendered (not this audience's, or not rebuilt), nothing."""
        if SUMMARY_MARK not in html:
            return html
        summary = excerpt(self.problem_prose, relink) if self.problem_prose else ""
        return html.replace(SUMMARY_MARK, summary)
