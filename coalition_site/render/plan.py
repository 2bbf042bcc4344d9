"""Which pages a charter's site has, what each one shows, and the navigation between them.

The plan is pure data computed from an audience-filtered :class:`Charter`; the MkDocs plugin
turns it into generated files and a ``nav``, and another front end could turn it into anything
else. Features (the Coalition Logic map, the vitality dashboard) add their own pages.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from ..model import Charter
from ..model.dates import long_date
from ..model.layout import CHARTER_FILES, CHARTER_TITLES
from .groups import NAV_GROUPS_LIMIT, is_large, partner_groups


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
    """The section of the navigation it is listed in (``Charter``, or a section of its own
    that the feature's pages with the same name share); ``None``: a top-level entry."""
    nav_first: bool = False
    """Listed before everything else in the navigation, the home page included (Start here)."""
    listed: bool = True
    """In the navigation at all: a large coalition's pages of one per partner are reached from
    their index instead (the navigation is rendered into every page)."""
    searched: bool = True
    """In the search index: pages that only bring together what other pages say (a partner's
    staff page) are left out, so a search finds the page that says it, once."""
    wraps_written: bool = False
    """The feature's page shows the coalition's own page at the same address inside it (its
    ``item`` carries that page's body), instead of being replaced by it."""


@dataclass
class SitePlan:
    pages: dict[str, PlannedPage] = field(default_factory=dict)
    nav: list = field(default_factory=list)

    def add(self, page: PlannedPage) -> None:
        self.pages[page.src_uri] = page


NAV_REVIEW_YEARS = 3
"""The navigation lists the reviews of the most recent years; the reviews index lists all."""


def review_title(date: dt.date) -> str:
    return long_date(date)


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
    if is_large(charter):
        for group in partner_groups(charter):
            if group.src_uri not in charter.pages:
                plan.add(PlannedPage(group.src_uri, "partner-group", group.label, group, generated=True))

    for page in contributed:
        # Else the coalition's own page replaces it, as above, unless the feature shows it inside.
        if page.src_uri not in charter.pages or page.wraps_written:
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


def _sections(contributed: Sequence[PlannedPage], pages) -> list:
    """Features' entries in their order: a page of its own, or a section that the pages with
    the same ``nav_section`` share, listed where its first page is (that page first, untitled,
    so that Material's navigation.indexes makes it the section's own page when it is an index)."""
    entries: list = []
    sections: dict[str, list] = {}
    for page in contributed:
        if not page.listed:
            continue
        if page.nav_section is None:
            entries.append({pages[page.src_uri].title: page.src_uri})
        elif page.nav_section in sections:
            sections[page.nav_section].append({pages[page.src_uri].title: page.src_uri})
        else:
            sections[page.nav_section] = [page.src_uri]
            entries.append({page.nav_section: sections[page.nav_section]})
    return entries


def _page_title(page, uri: str) -> str:
    if page.title:
        return page.title
    stem = posixpath.basename(uri).rsplit(".", 1)[0]
    return stem.replace("-", " ").replace("_", " ").capitalize()


def _navigation(charter: Charter, plan: SitePlan, contributed: Sequence[PlannedPage]) -> list:
    """A navigation a new staff member understands: Charter, Partners, the map, Reviews, the rest.

    Reviews are grouped by year, and only recent years listed, so that a ten-year charter keeps
    a short menu (Material renders the whole navigation into every page, pruned or not); a large
    coalition's partners are listed by group (groups.py).
    """
    pages = plan.pages
    nav: list = _sections([p for p in contributed if p.nav_first], pages)
    nav.append({"Home": "index.md"})
    # A feature's page keeps its place in the navigation when the coalition replaced it.
    nav.append({"Charter": [{pages[uri].title: uri} for uri in CHARTER_FILES if uri in pages]
                + [{pages[p.src_uri].title: p.src_uri} for p in contributed if p.nav_section == "Charter"]})
    nav.append({"Partners": ["partners/index.md"] + _partner_entries(charter, plan)})
    # A page of the Reviews section (the decision register) stands alone when there are none.
    in_reviews = [{pages[p.src_uri].title: p.src_uri} for p in contributed
                  if p.nav_section == "Reviews" and charter.reviews and p.listed]
    nav += _sections([replace(p, nav_section=None) if p.nav_section == "Reviews" else p
                      for p in contributed if p.nav_section != "Charter" and not p.nav_first
                      and not (p.nav_section == "Reviews" and charter.reviews)], pages)
    if charter.reviews:
        years: dict[int, list] = {}
        for review in reversed(charter.reviews):
            years.setdefault(review.date.year, []).append({review_title(review.date): review.src_uri})
        recent = list(years.items())[:NAV_REVIEW_YEARS]
        nav.append({"Reviews": ["reviews/index.md"] + in_reviews
                    + [{str(y): entries} for y, entries in recent]})
    rest: dict[str, list] = {}
    top: list = []
    contributed_uris = {p.src_uri for p in contributed}
    group_uris = {g.src_uri for g in partner_groups(charter)} if is_large(charter) else set()
    for uri, page in sorted(pages.items()):
        if page.kind != "page" or uri in group_uris or uri in ("index.md", "partners/index.md", "reviews/index.md") \
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


def _partner_entries(charter: Charter, plan: SitePlan) -> list:
    """Every partner by name; past groups.LIST_LIMIT, each group's page instead (the partners
    themselves are on it and on the index), or none past NAV_GROUPS_LIMIT groups."""
    if not is_large(charter):
        return [{p.name: p.src_uri} for p in sorted(charter.partners.values(), key=lambda p: p.name.lower())]
    groups = [plan.pages[g.src_uri] for g in partner_groups(charter)]
    return [{g.title: g.src_uri} for g in groups] if len(groups) <= NAV_GROUPS_LIMIT else []
