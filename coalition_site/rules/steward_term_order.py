"""A steward's term ends after it begins.

Checks that no steward in `charter/steward-mandate.md` has a `term_ends` earlier than its
`since`.

A term that ends before it begins is a slip of the keyboard, most often in the year. The site
still reads the date as written: the mandate page prints it, and `steward-in-term` and the
vitality dashboard decide from `term_ends` whether a steward is in office, so the slip can
announce a lapse that never happened, or hide one that did.

A warning by default, not an error: the charter format does not state the order of the two
dates, and a charter written to the format keeps building. A strict build (`check --strict`, as
in CI) fails on it all the same.

Passes (`charter/steward-mandate.md`):

```yaml
stewards:
  - name: Dana Ortiz
    since: 2025-10-01
    term_ends: 2027-09-30
```

Fails, the term ends two years before it begins (`charter/steward-mandate.md`):

```yaml
stewards:
  - name: Dana Ortiz
    since: 2025-10-01
    term_ends: 2023-09-30
```

The finding points at the `term_ends` of each such steward.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import STEWARD_MANDATE
from .base import Finding

ID = "steward-term-order"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    for index, steward in enumerate(charter.steward_mandate.stewards):
        if steward.since is not None and steward.term_ends is not None \
                and steward.term_ends < steward.since:
            yield Finding(
                STEWARD_MANDATE, ("stewards", index, "term_ends"),
                f"the term of {steward.name} ends on {steward.term_ends.isoformat()} "
                f"('term_ends'), before it begins on {steward.since.isoformat()} ('since'); "
                "correct whichever date is mistyped",
                value=True)
