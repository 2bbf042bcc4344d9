"""The marks the partials write around what a search index need not read, or must read as written.

HTML comments, which partner prose cannot forge (the sanitiser strips comments before the
partials run). A search plugin's front end (``plugin/search_skip.py``) reads them; the page
readers get carries none of the prose marks.
"""

from __future__ import annotations

START = "<!--cs:not-searched-->"
END = "<!--/cs:not-searched-->"
"""Around a drawing or a grid of symbols (the ``not_searched`` macro of ``coalition/macros.html``)."""

PROSE_START = "<!--cs:prose-->"
PROSE_END = "<!--/cs:prose-->"
"""Around the partner's own prose in a page the partials rendered (``render/pages.py``)."""
