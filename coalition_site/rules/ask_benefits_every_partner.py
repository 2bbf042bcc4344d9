"""Every ask states a benefit for every active partner.

Checks that each ask of `charter/joint-demand.md` has, under `benefits`, an entry for every
partner whose `status` is `active` (stepped-back and departed partners may be left out).

The pattern asks that the joint demand advance every partner's own issue at once: a partner
that cannot say, in its own words, what an ask wins for its members will not spend its power on
it. A missing benefit is the first sign that an ask belongs to some partners only.

Passes (`charter/joint-demand.md`, with partners `usw-1219` and `breathe`):

```yaml
asks:
  - id: phase-out-coke
    ask: Phase out coke production at Clairton by 2030.
    benefits:
      usw-1219: Guaranteed union jobs in the replacement plant.
      breathe: Removes the valley's largest PM2.5 source.
```

Fails, `breathe` states no benefit (`charter/joint-demand.md`):

```yaml
asks:
  - id: phase-out-coke
    ask: Phase out coke production at Clairton by 2030.
    benefits:
      usw-1219: Guaranteed union jobs in the replacement plant.
```

The finding points at the ask's `benefits` key, or at the ask itself when it has no `benefits`.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import JOINT_DEMAND
from .base import Finding, active_ids

ID = "ask-benefits-every-partner"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    active = active_ids(charter)
    for index, ask in enumerate(charter.joint_demand.asks):
        for partner_id in active:
            if partner_id not in ask.benefits:
                yield Finding(
                    JOINT_DEMAND, ("asks", index, "benefits"),
                    f"the ask '{ask.id}' states no benefit for the active partner "
                    f"'{partner_id}'; add '{partner_id}: <what this ask wins for it, in its "
                    f"own words>' under 'benefits' (every ask serves every partner's own issue)")
