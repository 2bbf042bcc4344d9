"""A steward is in office today.

Checks that `stewards` in `charter/steward-mandate.md` lists at least one steward whose
`term_ends` is absent or not before today.

The steward is what keeps a coalition alive between campaigns: convening the reviews, carrying
information between partners, calling a reset when signs of decay appear. The pattern names a
lapsed steward role as a sign of decay; an expired term written in the charter is that lapse,
on paper.

Passes (`charter/steward-mandate.md`, checked on 2026-11-24):

```yaml
stewards:
  - name: Dana Ortiz
    term_ends: 2026-12-31
```

Fails, the only term ended (`charter/steward-mandate.md`, checked on 2026-11-24):

```yaml
stewards:
  - name: Dana Ortiz
    term_ends: 2026-06-30
```

The finding points at the `term_ends` that ended last, or at `stewards` when no steward is named.
"""

from __future__ import annotations

from typing import Iterator

from .base import STEWARD_MANDATE, Finding

ID = "steward-in-term"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    stewards = charter.steward_mandate.stewards
    if not stewards:
        yield Finding(STEWARD_MANDATE, ("stewards",),
                      "'stewards' names no steward; add the steward now in office with "
                      "'- name:' (a coalition without a steward lapses)")
        return
    if any(s.term_ends is None or s.term_ends >= today for s in stewards):
        return
    # Every term has ended: point at the one that ended last, the mandate most likely renewed.
    index, last = max(enumerate(stewards), key=lambda pair: (pair[1].term_ends, -pair[0]))
    yield Finding(
        STEWARD_MANDATE, ("stewards", index, "term_ends"),
        f"the term of every steward has ended, the last on {last.term_ends.isoformat()} "
        f"({last.name}); renew the mandate with a later 'term_ends', or add the steward now "
        "in office (a coalition without a steward lapses)",
        value=True)
