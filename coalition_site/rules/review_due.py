"""The implementation-honesty review is held on time.

Checks that the latest review in `reviews/` is no older than `review_cadence_days` (from
`coalition.yml`, 31 by default) before today, and that there is at least one review. Only the
reviews held count: one dated after today (which `review-held` reports) does not make up for a
missed one.

The monthly review is where partners ask whether their daily work still serves the joint demand,
and where signs of decay are caught while they can still be reversed. The pattern's coalitions
do not end in a quarrel: they fade, and the first thing to go is the review. A missed review is
the earliest sign the site can see.

Passes (`reviews/2026-11-11.md`, checked on 2026-11-24 with `review_cadence_days: 31`):

```yaml
date: 2026-11-11
```

Fails, 44 days since the latest review (`reviews/2026-10-11.md`, checked on 2026-11-24):

```yaml
date: 2026-10-11
```

The finding points at the `date` of the latest review held, or at `review_cadence_days` in
`coalition.yml` when none has been held.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..model.layout import COALITION, review_uri
from .base import Finding

ID = "review-due"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    cadence = charter.coalition.review_cadence_days
    held = [review for review in charter.reviews if review.date <= today]
    if not held:
        recorded = ("is recorded" if not charter.reviews else
                    "dated today or earlier is recorded (every review is dated after today)")
        yield Finding(COALITION, ("review_cadence_days",),
                      f"no implementation-honesty review {recorded}; hold one and add "
                      f"'reviews/<YYYY-MM-DD>.md' (the coalition reviews every {cadence} days, "
                      "as 'review_cadence_days' says)")
        return
    latest = max(held, key=lambda review: review.date)
    if (today - latest.date).days > cadence:  # then the due date lies before today, on the calendar
        due = latest.date + dt.timedelta(days=cadence)
        src_uri = latest.src_uri or review_uri(latest.date)
        yield Finding(
            src_uri, ("date",),
            f"the next review was due on {due.isoformat()}, {cadence} days "
            f"('review_cadence_days') after the latest one on {latest.date.isoformat()}; hold it "
            "and add 'reviews/<YYYY-MM-DD>.md' with its date",
            value=True)
