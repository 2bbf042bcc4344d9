"""A steward is in office today.

Checks that `stewards` in `charter/steward-mandate.md` lists at least one steward in office
today: whose term has begun (`since` is absent or not after today) and has not ended
(`term_ends` is absent or not before today).

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

Fails, the next steward's term has not begun when the last one's has ended: the coalition is
without a steward in between (`charter/steward-mandate.md`, checked on 2026-11-24):

```yaml
stewards:
  - name: Dana Ortiz
    term_ends: 2026-10-31
  - name: Lee Park
    since: 2026-12-01
```

The finding points at the `since` of the term that begins first when a term is still to begin,
else at the `term_ends` that ended last, or at `stewards` when no steward is named. A steward
whose `term_ends` is before its `since` counts as in office here: `steward-term-order` reports
those dates, and which of them is right decides the matter.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import STEWARD_MANDATE
from .base import Finding

ID = "steward-in-term"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    stewards = charter.steward_mandate.stewards
    if not stewards:
        yield Finding(STEWARD_MANDATE, ("stewards",),
                      "'stewards' names no steward; add the steward now in office with "
                      "'- name:' (a coalition without a steward lapses)")
        return

    def out_of_order(steward) -> bool:
        # A term ending before it begins is `steward-term-order`'s to report: which of its
        # dates is right decides whether the steward is in office, so it is not judged here.
        return steward.since is not None and steward.term_ends is not None and steward.term_ends < steward.since

    if any(out_of_order(s) or (s.begun(today) and not s.ended(today)) for s in stewards):
        return
    ahead = [(index, s) for index, s in enumerate(stewards) if not s.begun(today) and not s.ended(today)]
    if ahead:
        # A successor named ahead of the day: the coalition has no steward until then.
        index, first = min(ahead, key=lambda pair: (pair[1].since, pair[0]))
        yield Finding(
            STEWARD_MANDATE, ("stewards", index, "since"),
            f"no steward is in office today ({today.isoformat()}): the next term, of {first.name}, "
            f"begins on {first.since.isoformat()} ('since'); extend the term of the steward in "
            "office until then with a later 'term_ends', or correct 'since' if it is mistyped",
            value=True)
        return
    # Every term has ended: point at the one that ended last, the mandate most likely renewed.
    index, last = max(enumerate(stewards), key=lambda pair: (pair[1].term_ends, -pair[0]))
    yield Finding(
        STEWARD_MANDATE, ("stewards", index, "term_ends"),
        f"the term of every steward has ended, the last on {last.term_ends.isoformat()} "
        f"({last.name}); renew the mandate with a later 'term_ends', or add the steward now "
        "in office (a coalition without a steward lapses)",
        value=True)
