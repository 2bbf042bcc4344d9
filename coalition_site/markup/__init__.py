"""The one reader of partners' Markdown and HTML.

What is internal in a page is decided here, by Python-Markdown itself (``blocks.py``), never by
a second reading of the text: a line-by-line reader disagrees with the parser that renders
somewhere (a quote, a fence it does not treat as one), and where privacy depends on it, that
disagreement is a leak.

markers.py  the marker ``internal`` and the words that look like it
blocks.py   the Markdown extension: internal blocks dropped for the public, imitations found
reader.py   Markdown with a site's extensions, for an audience; findings as located problems
html.py     what rendered HTML shows: its links and files, its text
"""

from .blocks import AudienceExtension, Finding
from .html import page_links, resolve, text_fragments
from .markers import INTERNAL, is_internal, looks_internal
from .reader import (PRIVACY_CHECKS, REQUIRED_EXTENSIONS, RULE, USUAL_EXTENSIONS, Locator, MarkupReader,
                     Reading, may_hold_markers, site_extensions)

__all__ = ["AudienceExtension", "Finding", "INTERNAL", "Locator", "MarkupReader", "PRIVACY_CHECKS", "RULE",
           "Reading",
           "USUAL_EXTENSIONS", "is_internal", "looks_internal", "page_links", "resolve",
           "REQUIRED_EXTENSIONS", "may_hold_markers", "site_extensions",
           "text_fragments"]
