"""A partner steps back after it joined, and not after today.

Checks that the `stepped_back.since` of a partner file is neither earlier than the partner's
`joined` date nor later than today (the date the check or build is as of: `SOURCE_DATE_EPOCH`
when set, else the plugin's `build_date`, else the calendar's).

`since` is the day the other partners were told what no longer holds. A date before the partner
joined is a slip of the keyboard, most often in the year. A date after today claims a step back
that has not happened: a mistyped date, or notice given ahead of the day. Either way the site
reads it as written: the vitality dashboard shows the partner *stepped back* at every review from
`since` on, and its alert and the partner's page give the date, so the slip hides the partner's
real record or announces what has not happened yet.

A warning by default, not an error: the charter format does not order these dates, and a step
back announced ahead of its day becomes right on its own when the day comes, so it need not stop
a build. A strict build (`check --strict`, as in CI) fails on it all the same.

Passes (`partners/usw-1219.md`, checked on 2026-11-24):

```yaml
joined: 2019-05-01
status: stepped-back
stepped_back:
  since: 2026-05-01
  scope: the zoning ask
```

Fails, the partner stepped back before it joined (`partners/usw-1219.md`):

```yaml
joined: 2019-05-01
status: stepped-back
stepped_back:
  since: 2016-05-01
  scope: the zoning ask
```

Fails, a step back dated after today (`partners/usw-1219.md`, checked on 2026-11-24):

```yaml
joined: 2019-05-01
status: stepped-back
stepped_back:
  since: 2026-12-15
  scope: the zoning ask
```

The finding points at the value of `stepped_back.since`; a date both before `joined` and after
today is reported as before `joined`.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import partner_uri
from .base import Finding

ID = "stepped-back-since"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    for partner_id, partner in charter.partners.items():
        back = partner.stepped_back
        if back is None:
            continue
        if partner.joined is not None and back.since < partner.joined:
            message = (f"'{partner_id}' stepped back on {back.since.isoformat()} ('since'), before it "
                       f"joined on {partner.joined.isoformat()} ('joined'); correct whichever date "
                       "is mistyped")
        elif back.since > today:
            message = (f"'{partner_id}' stepped back on {back.since.isoformat()} ('since'), after "
                       f"today ({today.isoformat()}); fix the date if it is mistyped, or, if the "
                       "partner has given notice, record its stepping back on the day it steps back")
        else:
            continue
        yield Finding(partner_uri(partner_id), ("stepped_back", "since"), message, value=True)
