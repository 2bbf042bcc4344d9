"""A tension marked sequenced or resolved says how.

Checks that every tension of `logic.yml` whose `status` is `sequenced` or `resolved` has a
`resolution`.

The pattern names conflicts between partners' theories of change instead of papering over them.
A tension marked settled without saying how is papered over all the same: the next staff member
cannot tell what was agreed, and the partner that gave ground cannot point to it.

Passes (`logic.yml`):

```yaml
tensions:
  - id: wage-vs-affordability
    between: [usw-1219, housing-now]
    about: A wage floor raises construction costs that affordability targets must absorb.
    status: sequenced
    resolution: Wage floor applies from phase 2, after the subsidy pool is funded.
```

Fails (`logic.yml`):

```yaml
tensions:
  - id: wage-vs-affordability
    between: [usw-1219, housing-now]
    about: A wage floor raises construction costs that affordability targets must absorb.
    status: sequenced
```

The finding points at the tension's `status`.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import LOGIC
from .base import Finding

ID = "tension-resolution"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    for index, tension in enumerate(charter.logic.tensions):
        if tension.status in ("sequenced", "resolved") and tension.resolution is None:
            yield Finding(
                LOGIC, ("tensions", index, "status"),
                f"the tension '{tension.id}' is {tension.status} but has no 'resolution'; add "
                f"'resolution:' saying how it was {tension.status}, or set 'status: open'",
                value=True)
