"""A partner that stepped back says since when, and from what.

Checks that every partner file with `status: stepped-back` has a `stepped_back` block (whose
`since` and `scope` the format already requires).

Stepping back is the pattern's safety valve: a partner keeps its autonomy without leaving. It
works only when everyone knows what the partner stepped back from and since when, so the others
know what still holds. An unexplained `stepped-back` reads as a silent exit. This rule is an
error by default because the charter format requires the block.

Passes (`partners/usw-1219.md`):

```yaml
status: stepped-back
stepped_back:
  since: 2026-05-01
  scope: the zoning ask
```

Fails (`partners/usw-1219.md`):

```yaml
status: stepped-back
```

The finding points at the value of `status`.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import partner_uri
from .base import Finding

ID = "stepped-back-explained"
DEFAULT = "error"


def check(charter, today) -> Iterator[Finding]:
    for partner_id, partner in charter.partners.items():
        if partner.status == "stepped-back" and partner.stepped_back is None:
            yield Finding(
                partner_uri(partner_id), ("status",),
                f"'status' of '{partner_id}' is stepped-back but there is no 'stepped_back' "
                "block; add 'stepped_back:' with 'since:' (the date) and 'scope:' (what it "
                "stepped back from, or 'everything')",
                value=True)
