"""A joint demand past its deadline says how it ended.

Checks that when the `deadline` of `charter/joint-demand.md` is before today, its `status` is no
longer `drafting` or `campaigning`.

A demand whose deadline passed while the charter still says "campaigning" is the pattern's sign
of decay of a demand turned vague: partners stop knowing what they are fighting for and by when.
Naming the outcome (won, partially won, lost, withdrawn), or agreeing a new deadline, keeps the
demand real.

Passes (`charter/joint-demand.md`, checked on 2026-11-24):

```yaml
deadline: 2027-06-30
status: campaigning
```

Fails (`charter/joint-demand.md`, checked on 2026-11-24):

```yaml
deadline: 2026-06-30
status: campaigning
```

The finding points at the value of `deadline`.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import JOINT_DEMAND
from .base import Finding

ID = "demand-deadline"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    demand = charter.joint_demand
    if demand.deadline is not None and demand.deadline < today and demand.status in (
            "drafting", "campaigning"):
        yield Finding(
            JOINT_DEMAND, ("deadline",),
            f"'deadline' {demand.deadline.isoformat()} has passed but 'status' is still "
            f"{demand.status}; set 'status' to won, partially-won, lost or withdrawn, or agree "
            "a new 'deadline' with every partner",
            value=True)
