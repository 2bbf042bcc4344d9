"""Every review on record has been held: none is dated after today.

Checks that no review in `reviews/` has a `date` later than today (the date the check or build
is as of: `SOURCE_DATE_EPOCH` when set, else the plugin's `build_date`, else the calendar's).

A review file records a meeting: its date is the day the partners met. A review dated in the
future is a mistyped date, or a review written up before it was held; either way the charter
claims a meeting that has not taken place, and its page shows decisions and alignment as the
latest word. `review-due` and the vitality dashboard count only the reviews held, so a future
date cannot hide an overdue review from them.

A warning by default, not an error: a review written up ahead of its meeting becomes right on
its own the day it is held, so it need not stop a build. A strict build (`check --strict`, as in
CI) fails on it all the same.

Passes (`reviews/2026-11-11.md`, checked on 2026-11-24):

```yaml
date: 2026-11-11
```

Fails, a review two weeks ahead (`reviews/2026-12-09.md`, checked on 2026-11-24):

```yaml
date: 2026-12-09
```

The finding points at the review's `date`.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import review_uri
from .base import Finding

ID = "review-held"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    for review in charter.reviews:
        if review.date > today:
            yield Finding(
                review.src_uri or review_uri(review.date), ("date",),
                f"the review is dated {review.date.isoformat()}, after today "
                f"({today.isoformat()}); a review is recorded once it is held: fix the date (and "
                "the file's name) if it is mistyped, or add this file after the review is held",
                value=True)
