"""Every endorsement on record has been given: none is dated after today.

Checks that no entry of `endorsements` in `charter/problem-statement.md` or
`charter/joint-demand.md` is dated later than today (the date the check or build is as of:
`SOURCE_DATE_EPOCH` when set, else the plugin's `build_date`, else the calendar's).

An endorsement records the day a partner said "this is our problem, and this is what we ask".
One dated in the future is a mistyped date, or an endorsement written down before the partner
gave it; either way the charter claims a consent that has not been given, and
`endorsed-by-every-partner` counts the partner as having endorsed.

A warning by default, not an error: an endorsement written down ahead of its day becomes right
on its own when the day comes, so it need not stop a build. A strict build (`check --strict`, as
in CI) fails on it all the same.

Passes (`charter/joint-demand.md`, checked on 2026-11-24):

```yaml
endorsements:
  usw-1219: 2026-02-10
  breathe: 2026-02-11
```

Fails, `breathe`'s endorsement is dated next year (`charter/joint-demand.md`, checked on
2026-11-24):

```yaml
endorsements:
  usw-1219: 2026-02-10
  breathe: 2027-02-11
```

The finding points at the date of each such partner's entry.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import JOINT_DEMAND, PROBLEM_STATEMENT
from .base import Finding

ID = "endorsement-given"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    for src_uri, what, page in ((PROBLEM_STATEMENT, "problem statement", charter.problem_statement),
                                (JOINT_DEMAND, "joint demand", charter.joint_demand)):
        for partner_id, endorsed in page.endorsements.items():
            if endorsed > today:
                yield Finding(
                    src_uri, ("endorsements", partner_id),
                    f"'{partner_id}' endorsed the {what} on {endorsed.isoformat()}, after today "
                    f"({today.isoformat()}); an endorsement is recorded once it is given: fix the "
                    f"date if it is mistyped, or remove the entry until '{partner_id}' has endorsed",
                    value=True)
