"""The dates of what the coalition did are not before it was founded.

Checks, when `coalition.yml` gives the coalition's `founded`, that none of these dates is
earlier than it:

- the `charter.ratified` of the version in force and the `ratified` of each version under
  `history`, in `coalition.yml`;
- the `since` of each steward in `charter/steward-mandate.md`;
- the `adopted` of `charter/conflict-protocol.md`;
- the dates of `endorsements` in `charter/problem-statement.md` and `charter/joint-demand.md`;
- the `joined` and the `stepped_back.since` of each partner file;
- the `date` of each review in `reviews/`.

A date equal to `founded` passes: the founding partners joined on the day the coalition was
founded. A date before it is almost always a slip of the keyboard, most often in the year (2016
for 2019), and the site shows it as written: the partner's page says it joined in 2016, three
years before the coalition it joined, and the vitality dashboard counts reviews held before the
coalition existed.

So that a slip is reported once, a date that another rule already reports as before a later
date is left to it: a `stepped_back.since` before the partner's `joined` (`stepped-back-since`),
and an endorsement before the `charter.ratified` of the version in force (`endorsement-current`).
Such a date is reported here when that rule does not report it: when `joined` or
`charter.ratified` is not written, or when the date is not before it. Dates that lie ahead by
nature are not checked: a steward's `term_ends` and the joint demand's `deadline`.

A `founded` after today is itself the slip (2062 for 2026): `date-after-today` reports it, and
this rule compares nothing with it, so that one finding points at the date to correct instead of
one for every date of the charter.

A warning by default, not an error: the charter format does not forbid these dates, and a
coalition may have worked together informally before the day it records as its founding; if so,
move `founded` back to when it began. A strict build (`check --strict`, as in CI) fails on it all
the same.

Passes, a founding partner (`partners/usw-1219.md`, with `founded: 2019-05-01` in
`coalition.yml`):

```yaml
joined: 2019-05-01
```

Passes, a review held since (`reviews/2026-10-14.md`, with `founded: 2019-05-01` in
`coalition.yml`):

```yaml
date: 2026-10-14
```

Fails, the year typed 2016 for 2019 (`partners/usw-1219.md`, with `founded: 2019-05-01` in
`coalition.yml`):

```yaml
joined: 2016-05-01
```

Fails, a steward whose term begins before the coalition was founded
(`charter/steward-mandate.md`, with `founded: 2019-05-01` in `coalition.yml`):

```yaml
stewards:
  - name: Dana Ortiz
    since: 2018-06-01
```

The finding points at each such date, not at `founded`, and names the value of `founded`.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import (COALITION, CONFLICT_PROTOCOL, JOINT_DEMAND, PROBLEM_STATEMENT,
                            STEWARD_MANDATE, partner_uri, review_uri)
from .base import Finding

ID = "date-before-founding"
DEFAULT = "warning"

MISTYPED = "fix the date if its year or month is mistyped"
EXISTED = "or, if the coalition existed before, move 'founded' back"


def check(charter, today) -> Iterator[Finding]:
    coalition = charter.coalition
    founded = coalition.founded
    if founded is None or founded > today:
        return  # a `founded` after today is `date-after-today`'s, and the one date to correct

    def before(what: str, day, key: str, fix: str = MISTYPED) -> str:
        return (f"{what} on {day.isoformat()} ('{key}'), before the coalition was founded on "
                f"{founded.isoformat()} ('founded' in {COALITION}); {fix}, {EXISTED}")

    current = coalition.charter
    if current.ratified is not None and current.ratified < founded:
        yield Finding(COALITION, ("charter", "ratified"),
                      before(f"charter version {current.version} was ratified", current.ratified,
                             "charter.ratified"),
                      value=True)
    for index, entry in enumerate(coalition.history):
        if entry.ratified is not None and entry.ratified < founded:
            yield Finding(COALITION, ("history", index, "ratified"),
                          before(f"'history' says version {entry.version} was ratified",
                                 entry.ratified, "ratified"),
                          value=True)
    for index, steward in enumerate(charter.steward_mandate.stewards):
        if steward.since is not None and steward.since < founded:
            yield Finding(STEWARD_MANDATE, ("stewards", index, "since"),
                          before(f"the term of {steward.name} begins", steward.since, "since"),
                          value=True)
    adopted = charter.conflict_protocol.adopted
    if adopted is not None and adopted < founded:
        yield Finding(CONFLICT_PROTOCOL, ("adopted",),
                      before("the conflict protocol was adopted", adopted, "adopted"), value=True)
    for src_uri, what, page in ((PROBLEM_STATEMENT, "problem statement", charter.problem_statement),
                                (JOINT_DEMAND, "joint demand", charter.joint_demand)):
        for partner_id, endorsed in page.endorsements.items():
            # Before the version was ratified: `endorsement-current` reports it.
            if endorsed < founded and (current.ratified is None or endorsed >= current.ratified):
                yield Finding(src_uri, ("endorsements", partner_id),
                              before(f"'{partner_id}' endorsed the {what}", endorsed,
                                     "endorsements"),
                              value=True)
    for partner_id, partner in charter.partners.items():
        if partner.joined is not None and partner.joined < founded:
            yield Finding(partner_uri(partner_id), ("joined",),
                          before(f"'{partner_id}' joined", partner.joined, "joined"), value=True)
        back = partner.stepped_back
        # Before the partner joined: `stepped-back-since` reports it.
        if back is not None and back.since < founded \
                and (partner.joined is None or back.since >= partner.joined):
            yield Finding(partner_uri(partner_id), ("stepped_back", "since"),
                          before(f"'{partner_id}' stepped back", back.since, "since"), value=True)
    for review in charter.reviews:
        if review.date < founded:
            yield Finding(review.src_uri or review_uri(review.date), ("date",),
                          before("the review was held", review.date, "date",
                                 "fix the date (and the file's name) if its year or month is "
                                 "mistyped"),
                          value=True)
