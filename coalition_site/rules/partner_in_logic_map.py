"""Every partner appears on the Coalition Logic map.

Checks that each partner whose `status` is `active` or `stepped-back` is listed in the
`partners` of at least one condition in `logic.yml` (departed partners may be left out).

The Coalition Logic meeting maps the conditions each partner's theory of change needs, and how
they depend on each other: it is where partners see that they cannot win their own issue alone.
A partner missing from the map has no visible stake in the others' conditions, nor they in its
own, and the case for the coalition is not made to it.

Passes (`logic.yml`, with partners `usw-1219` and `breathe`):

```yaml
conditions:
  - id: climate-action
    label: Climate action in the valley
    partners: [breathe]
  - id: just-transition
    label: A just transition for workers
    partners: [usw-1219]
```

Fails, `usw-1219` is on no condition (`logic.yml`):

```yaml
conditions:
  - id: climate-action
    label: Climate action in the valley
    partners: [breathe]
```

The finding points at `conditions` in `logic.yml`, where the fix is written (at the top of the
file when it has no conditions, or when there is no `logic.yml` yet).
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import LOGIC
from .base import Finding

ID = "partner-in-logic-map"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    mapped = {pid for condition in charter.logic.conditions for pid in condition.partners}
    for partner_id, partner in charter.partners.items():
        if partner.status != "departed" and partner_id not in mapped:
            yield Finding(
                LOGIC, ("conditions",),
                f"the partner '{partner_id}' is on no condition of the Coalition Logic map; add "
                f"'{partner_id}' to the 'partners' of the condition its theory of change "
                "centres on, or add that condition")
