"""What the public may see, and the proof that a public build shows nothing else.

filter.py           the charter as an audience may see it (internal files and fields removed)
attachments.py      the attachments only internal content uses (left out of public builds)
nav_attachments.py  the attachments a site's own nav: would publish although only internal content uses them
leaks.py            every internal value, looked for in every file of a public build
changelog.py        the charter's changes between two revisions, as an audience may see them

Internal blocks are not filtered here: Markdown's own parser drops them (:mod:`coalition_site.markup`),
and its readings for the internal audience tell this package what internal content says and shows.
"""

from ..model.base import is_visible
from .filter import AUDIENCES, for_audience, with_review_dates

__all__ = ["AUDIENCES", "for_audience", "is_visible", "with_review_dates"]
