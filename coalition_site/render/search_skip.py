"""Parts of a page that the search index does not need: drawings and grids of symbols.

A diagram's SVG or the dashboard's alignment grid is large, and its words are either repeated
in the text alternative beside it or mean nothing alone ("✓"). Search plugins parse every
byte of a page's HTML, so a partial wraps such parts in :data:`START` … :data:`END` and the
plugin hands the search plugin the page without them (:func:`without_skipped`). The markers are
HTML comments: partner prose cannot forge one (the sanitiser strips comments before partials
run), and browsers ignore them.
"""

from __future__ import annotations

import re

START = "<!--cs:not-searched-->"
END = "<!--/cs:not-searched-->"
_SKIPPED = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)


def without_skipped(html: str) -> str:
    """``html`` without the parts marked as not for search."""
    return _SKIPPED.sub("", html) if START in html else html
