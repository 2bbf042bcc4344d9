"""The steward reports to every active partner.

Checks that `reports_to` in `charter/steward-mandate.md` is `all-partners`, or a list that
includes every partner whose `status` is `active`.

The pattern's steward serves the coalition, not one of its members: a steward who answers to
some partners only becomes their agent, and the others stop trusting what flows through the
role. Writing `all-partners` says it once and stays true when a partner joins.

Passes (`charter/steward-mandate.md`):

```yaml
reports_to: all-partners
```

Fails, with partners `usw-1219` and `breathe` (`charter/steward-mandate.md`):

```yaml
reports_to: [usw-1219]
```
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import STEWARD_MANDATE
from .base import Finding, active_ids

ID = "steward-reports-to-all"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    reports_to = charter.steward_mandate.reports_to
    if reports_to == "all-partners":
        return
    for partner_id in active_ids(charter):
        if partner_id not in reports_to:
            yield Finding(
                STEWARD_MANDATE, ("reports_to",),
                f"'reports_to' leaves out the active partner '{partner_id}'; add it, or write "
                "'reports_to: all-partners' (the steward reports to all partners equally)",
                value=True)
