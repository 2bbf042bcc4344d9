"""The dates of what has already happened are not after today.

Checks that none of these dates is later than today (the date the check or build is as of:
`SOURCE_DATE_EPOCH` when set, else the plugin's `build_date`, else the calendar's):

- the coalition's `founded`, the `charter.ratified` of the version in force and the `ratified`
  of each version under `history`, in `coalition.yml`;
- the `since` of each steward in `charter/steward-mandate.md`;
- the `adopted` of `charter/conflict-protocol.md`;
- the `joined` of each partner file.

Each records a day that has passed. A date after today is almost always a slip of the keyboard,
most often in the year (2062 for 2026) or the month, and the site shows it as written: the
partner's page says it joined in 2062, the home page that the charter was ratified or the
coalition founded in 2062, and the vitality dashboard counts every review before a partner's
`joined` as held before it was a partner.

Dates that lie ahead by nature are not checked: a steward's `term_ends` and the joint demand's
`deadline`. Nor are the dates that other rules already check against today, so that a slip is
reported once: `stepped_back.since` (`stepped-back-since`), the dates of `endorsements`
(`endorsement-given`) and a review's `date` (`review-held`). A date that another rule compares
with a second date (a steward's `since` after its `term_ends`, reported by `steward-term-order`;
a partner's `joined` after its `stepped_back.since`, by `stepped-back-since`) is reported here
too when it is after today: the two findings together point at the date to correct.

A warning by default, not an error: the charter format does not forbid these dates, and one
written ahead of its day (a steward named before the term begins) becomes right on its own when
the day comes, so it need not stop a build. A strict build (`check --strict`, as in CI) fails on
it all the same.

Passes (`partners/usw-1219.md`, checked on 2026-11-24):

```yaml
joined: 2019-05-01
```

Passes, a term that ends after today (`charter/steward-mandate.md`, checked on 2026-11-24):

```yaml
stewards:
  - name: Dana Ortiz
    since: 2025-10-01
    term_ends: 2027-09-30
```

Fails, the year typed 2062 for 2026 (`partners/usw-1219.md`, checked on 2026-11-24):

```yaml
joined: 2062-05-01
```

Fails, a version ratified next month (`coalition.yml`, checked on 2026-11-24):

```yaml
charter:
  version: 1.2.0
  ratified: 2026-12-10
```

The finding points at each such date.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import COALITION, CONFLICT_PROTOCOL, STEWARD_MANDATE, partner_uri
from .base import Finding

ID = "date-after-today"
DEFAULT = "warning"

MISTYPED = "fix the date if its year or month is mistyped"


def check(charter, today) -> Iterator[Finding]:
    def after(what: str, day, key: str, fix: str = MISTYPED) -> str:
        return f"{what} on {day.isoformat()} ('{key}'), after today ({today.isoformat()}); {fix}"

    coalition = charter.coalition
    if coalition.founded is not None and coalition.founded > today:
        yield Finding(COALITION, ("founded",),
                      after("the coalition was founded", coalition.founded, "founded"), value=True)
    current = coalition.charter
    if current.ratified is not None and current.ratified > today:
        yield Finding(
            COALITION, ("charter", "ratified"),
            after(f"charter version {current.version} was ratified", current.ratified,
                  "charter.ratified",
                  f"{MISTYPED}, or leave 'ratified' out until the version is ratified"),
            value=True)
    for index, entry in enumerate(coalition.history):
        if entry.ratified is not None and entry.ratified > today:
            yield Finding(
                COALITION, ("history", index, "ratified"),
                f"'history' says version {entry.version} was ratified on "
                f"{entry.ratified.isoformat()} ('ratified'), after today ({today.isoformat()}); "
                f"{MISTYPED}",
                value=True)
    for index, steward in enumerate(charter.steward_mandate.stewards):
        if steward.since is not None and steward.since > today:
            yield Finding(
                STEWARD_MANDATE, ("stewards", index, "since"),
                after(f"the term of {steward.name} begins", steward.since, "since",
                      f"{MISTYPED}, or add the steward once the term has begun"),
                value=True)
    adopted = charter.conflict_protocol.adopted
    if adopted is not None and adopted > today:
        yield Finding(CONFLICT_PROTOCOL, ("adopted",),
                      after("the conflict protocol was adopted", adopted, "adopted"), value=True)
    for partner_id, partner in charter.partners.items():
        if partner.joined is not None and partner.joined > today:
            yield Finding(partner_uri(partner_id), ("joined",),
                          after(f"'{partner_id}' joined", partner.joined, "joined"), value=True)
