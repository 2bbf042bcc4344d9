"""Which pages a charter's site has, what each one shows, and the navigation between them.

The plan is pure data computed from an audience-filtered :class:`Charter`; the MkDocs plugin
turns it into generated files and a ``nav``, and another front end could turn it into anything
else. Features (the Coalition Logic map, the vitality dashboard) add their own pages.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from typing import Any, Sequence

from ..model import Charter
from ..model.layout import CHARTER_FILES, CHARTER_TITLES


@dataclass
class PlannedPage:
    """One page of the site: where it lives, which template renders it, and its subject."""

    src_uri: str
    kind: str
    """The template that renders it: ``coalition/<kind>.html`` (``page`` for ordinary pages)."""
    title: str
    item: Any = None
    """The model object the page shows (a partner, a review ...), if any."""
    generated: bool = False
    """True when the site writes the page itself (no file of the charter backs it)."""
    nav_section: str | None = None


@dataclass
class SitePlan:
    pages: dict[str, PlannedPage] = field(default_factory=dict)
    nav: list = field(default_factory=list)

    def add(self, page: PlannedPage) -> None:
        self.pages[page.src_uri] = page


def review_title(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def plan_site(charter: Charter, contributed: Sequence[PlannedPage] = ()) -> SitePlan:
    """The pages and navigation of the site for an audience-filtered charter.

    ``contributed`` are the features' pages (``logic/``, ``vitality/``), in navigation order.
    """
    plan = SitePlan()
    if "index.md" in charter.pages:
        plan.add(PlannedPage("index.md", "page", _page_title(charter.pages["index.md"], "Home"),
                             charter.pages["index.md"]))
    else:
        plan.add(PlannedPage("index.md", "home", "Home", None, generated=True))

    for uri, (attr, _model) in CHARTER_FILES.items():
        item = getattr(charter, attr)
        if item.visibility == "public" or charter.audience == "internal":
            plan.add(PlannedPage(uri, attr.replace("_", "-"), item.title or CHARTER_TITLES[uri], item))

    if "partners/index.md" not in charter.pages:
        plan.add(PlannedPage("partners/index.md", "partners", "Partners", None, generated=True))
    for partner in charter.partners.values():
        plan.add(PlannedPage(partner.src_uri, "partner", partner.name, partner))

    for page in contributed:
        if page.src_uri not in charter.pages:  # else the coalition's own page replaces it, as above
            plan.add(page)

    if charter.reviews and "reviews/index.md" not in charter.pages:
        plan.add(PlannedPage("reviews/index.md", "reviews", "Reviews", None, generated=True))
    for review in charter.reviews:
        plan.add(PlannedPage(review.src_uri, "review", review_title(review.date), review))

    for uri, written in charter.pages.items():
        if uri not in plan.pages:
            plan.add(PlannedPage(uri, "page", _page_title(written, uri), written))

    plan.nav = _navigation(charter, plan, contributed)
    return plan


def _page_title(page, uri: str) -> str:
    if page.title:
        return page.title
    stem = posixpath.basename(uri).rsplit(".", 1)[0]
    return stem.replace("-", " ").replace("_", " ").capitalize()


def _navigation(charter: Charter, plan: SitePlan, contributed: Sequence[PlannedPage]) -> list:
    """A navigation a new staff member understands: Charter, Partners, the map, Reviews, the rest.

    Reviews are grouped by year so that a ten-year charter keeps a short menu (Material renders
    the whole navigation into every page).
    """
    pages = plan.pages
    nav: list = [{"Home": "index.md"}]
    # A feature's page keeps its place in the navigation when the coalition replaced it.
    nav.append({"Charter": [{pages[uri].title: uri} for uri in CHARTER_FILES if uri in pages]
                + [{pages[p.src_uri].title: p.src_uri} for p in contributed if p.nav_section == "Charter"]})
    nav.append({"Partners": ["partners/index.md"] + [
        {p.name: p.src_uri} for p in sorted(charter.partners.values(), key=lambda p: p.name.lower())]})
    # A page of the Reviews section (the decision register) stands alone when there are none.
    in_reviews = [{pages[p.src_uri].title: p.src_uri} for p in contributed
                  if p.nav_section == "Reviews" and charter.reviews]
    for page in contributed:
        if page.nav_section not in ("Charter", "Reviews") or \
                (page.nav_section == "Reviews" and not charter.reviews):
            nav.append({pages[page.src_uri].title: page.src_uri})
    if charter.reviews:
        years: dict[int, list] = {}
        for review in reversed(charter.reviews):
            years.setdefault(review.date.year, []).append({review_title(review.date): review.src_uri})
        nav.append({"Reviews": ["reviews/index.md"] + in_reviews
                    + [{str(y): entries} for y, entries in years.items()]})
    rest: dict[str, list] = {}
    top: list = []
    contributed_uris = {p.src_uri for p in contributed}
    for uri, page in sorted(pages.items()):
        if page.kind != "page" or uri in ("index.md", "partners/index.md", "reviews/index.md") \
                or uri in contributed_uris:
            continue
        folder = uri.split("/", 1)[0] if "/" in uri else None
        entry = {page.title: uri}
        if folder is None:
            top.append(entry)
        else:
            rest.setdefault(folder.replace("-", " ").capitalize(), []).append(entry)
    nav.extend(top)
    nav.extend({name: entries} for name, entries in rest.items())
    return nav
