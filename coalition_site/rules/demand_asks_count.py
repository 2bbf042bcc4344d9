"""The joint demand has one to three asks.

Checks that `asks` in `charter/joint-demand.md` lists at least one ask and at most three.

The pattern rests on one joint demand: a few tightly linked asks that every partner can carry as
its own. With no ask there is nothing to campaign on together yet; with four or more the demand
has become a bundle of separate demands, each partner quietly carrying its own, and the
coalition turns into a communications item.

Passes (`charter/joint-demand.md`):

```yaml
asks:
  - id: phase-out-coke
    ask: Phase out coke production at Clairton by 2030.
  - id: replacement-jobs
    ask: Guarantee every displaced worker a union job in the replacement plant.
```

Fails, four asks are a bundle (`charter/joint-demand.md`):

```yaml
asks:
  - id: phase-out-coke
    ask: Phase out coke production at Clairton by 2030.
  - id: replacement-jobs
    ask: Guarantee every displaced worker a union job in the replacement plant.
  - id: bus-lanes
    ask: Build bus lanes on Route 837.
  - id: rent-cap
    ask: Cap rents in the valley.
```
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import JOINT_DEMAND
from .base import Finding

ID = "demand-asks-count"
DEFAULT = "warning"
MAX_ASKS = 3


def check(charter, today) -> Iterator[Finding]:
    asks = charter.joint_demand.asks
    if not asks:
        yield Finding(JOINT_DEMAND, ("asks",),
                      "'asks' lists no ask, so there is no joint demand yet; add one to three "
                      "asks, each with 'id:' and 'ask:'")
    elif len(asks) > MAX_ASKS:
        extra = ", ".join(f"'{ask.id}'" for ask in asks[MAX_ASKS:])
        yield Finding(JOINT_DEMAND, ("asks",),
                      f"'asks' lists {len(asks)} asks, more than {MAX_ASKS}: that is a bundle of "
                      f"separate demands, not one joint demand; keep the one to three tightly "
                      f"linked asks every partner carries, and drop or merge the rest "
                      f"(from {extra})")
