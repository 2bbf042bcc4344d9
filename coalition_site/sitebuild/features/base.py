"""The base class of a site feature: a part of the site that adds pages and fragments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, ClassVar

if TYPE_CHECKING:
    from ...render.plan import PlannedPage
    from ..build import SiteBuild

Link = Callable[[str], str]


class Feature:
    """Subclasses override what they need; one instance is made per build."""

    name: ClassVar[str] = "feature"

    def __init__(self, build: "SiteBuild"):
        self.build = build

    def pages(self) -> list["PlannedPage"]:
        """Pages this feature adds (generated), in navigation order."""
        return []

    def prepare(self) -> None:
        """Called once after planning, before any page renders: batch work goes here."""

    def files(self, links_from: Callable[[str], Link]) -> dict[str, str]:
        """Files of their own this feature adds to the site (a diagram as ``.svg`` ...): their
        text by path (``logic/map.svg``). ``links_from(path)`` links from that file to a page,
        as a page's ``link`` does. Only what this build's audience may see."""
        return {}

    def extras(self, page: "PlannedPage", link: Link) -> dict[str, str]:
        """Trusted HTML fragments for ``page``, by slot name (``logic``, ``vitality`` ...)."""
        return {}

    def begin(self, pages: list[tuple["PlannedPage", str, Link]]) -> None:
        """Pages as they are rendered, a batch at a time, before :meth:`finish` is given them
        all: a feature may start finishing them in the background (:meth:`coalition_site.parallel.Workers.submit`).
        What :meth:`finish` then returns must not depend on it: a page that something changed
        since is given to :meth:`finish` as it is now."""

    def finish(self, pages: list[tuple["PlannedPage", str, Link]]) -> list[str]:
        """Every page's final HTML, once all are rendered (the coalition's own included), from
        each page, its HTML and its ``link``: a feature that changes every page (the glossary's
        links) does it here, all pages at once (:mod:`coalition_site.parallel`)."""
        return [html for _, html, _ in pages]
