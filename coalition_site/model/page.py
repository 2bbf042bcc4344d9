"""Ordinary pages: any other Markdown file of the content folder."""

from __future__ import annotations

from pydantic import ConfigDict

from .base import MarkdownFile

# Front matter that MkDocs, Material and its plugins read on ordinary pages. Anything else is
# reported (a typo such as `visibilty: internal` must never silently publish a page).
KNOWN_PAGE_KEYS = frozenset({
    "title", "description", "visibility", "hide", "tags", "template", "icon", "status",
    "subtitle", "search", "social", "comments", "authors", "date", "categories", "slug",
    "draft", "pin", "links", "readtime", "nav_title", "robots",
})


class Page(MarkdownFile):
    """An ordinary page (onboarding notes, FAQ ...), rendered by MkDocs as usual."""

    model_config = ConfigDict(extra="allow")
