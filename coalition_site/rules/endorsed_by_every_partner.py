"""Every active partner endorsed the problem statement and the joint demand.

Checks that `endorsements` in `charter/problem-statement.md` and in `charter/joint-demand.md`
each have an entry for every partner whose `status` is `active`.

The problem statement and the joint demand are authored together and belong to every partner:
the pattern's coalition exists only as long as each partner says "this is our problem, and this
is what we ask". A text some partners never endorsed is one side's position wearing the
coalition's name.

Passes (`charter/problem-statement.md`, with partners `usw-1219` and `breathe`):

```yaml
endorsements:
  usw-1219: 2026-02-10
  breathe: 2026-02-11
```

Fails, `breathe` has not endorsed (`charter/problem-statement.md`):

```yaml
endorsements:
  usw-1219: 2026-02-10
```

The finding points at the file's `endorsements` key (or the top of the front matter when
there is none).
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import JOINT_DEMAND, PROBLEM_STATEMENT
from .base import Finding, active_ids

ID = "endorsed-by-every-partner"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    active = active_ids(charter)
    for src_uri, what, page in ((PROBLEM_STATEMENT, "problem statement", charter.problem_statement),
                                (JOINT_DEMAND, "joint demand", charter.joint_demand)):
        for partner_id in active:
            if partner_id not in page.endorsements:
                yield Finding(
                    src_uri, ("endorsements",),
                    f"'endorsements' leaves out the active partner '{partner_id}'; once it has "
                    f"endorsed the {what}, add '{partner_id}: <the date it endorsed>' "
                    f"(the {what} belongs to every partner)")
