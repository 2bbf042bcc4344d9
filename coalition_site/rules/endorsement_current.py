"""Endorsements are of the charter version now in force.

Checks, when `coalition.yml` gives the `ratified` date of the charter version, that no entry of
`endorsements` in `charter/problem-statement.md` or `charter/joint-demand.md` is dated before it.

An endorsement holds for one version of the charter: a partner that endorsed version 1.1 has not
endorsed the text ratified as 1.2. A stale date claims a consent that was never given, and
amendments that slipped past a partner are how side deals begin.

Passes (with `charter: {version: 1.2.0, ratified: 2026-02-10}` in `coalition.yml`):

```yaml
endorsements:
  usw-1219: 2026-02-10
  breathe: 2026-02-11
```

Fails, `breathe` endorsed the previous version (`charter/joint-demand.md`):

```yaml
endorsements:
  usw-1219: 2026-02-10
  breathe: 2025-03-02
```
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import JOINT_DEMAND, PROBLEM_STATEMENT
from .base import Finding

ID = "endorsement-current"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    version = charter.coalition.charter
    if version.ratified is None:
        return
    for src_uri, what, page in ((PROBLEM_STATEMENT, "problem statement", charter.problem_statement),
                                (JOINT_DEMAND, "joint demand", charter.joint_demand)):
        for partner_id, endorsed in page.endorsements.items():
            if endorsed < version.ratified:
                yield Finding(
                    src_uri, ("endorsements", partner_id),
                    f"'{partner_id}' endorsed the {what} on {endorsed.isoformat()}, before "
                    f"charter version {version.version} was ratified on "
                    f"{version.ratified.isoformat()}; ask '{partner_id}' to endorse this version "
                    f"and write the new date (an endorsement holds for one charter version)",
                    value=True)
