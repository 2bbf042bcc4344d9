"""A partner with a `stepped_back` block has `status: stepped-back`.

Checks that no partner file has a `stepped_back` block while its `status` is `active` (the
default) or `departed`.

This is the other half of `stepped-back-explained`. When a partner steps back in, or leaves, and
only one of `status` and `stepped_back` is changed, the charter says two things at once: the
partner's page shows "Stepped back since ..." while the list of partners and the vitality
dashboard, which go by `status`, call it active. The other partners cannot tell what still holds.

A warning by default, not an error: the charter format requires the block when `status` is
`stepped-back` but says nothing of a block without it, and which of the two is out of date is
for the coalition to say.

Passes (`partners/usw-1219.md`):

```yaml
status: stepped-back
stepped_back:
  since: 2026-05-01
  scope: the zoning ask
```

Fails, the partner stepped back in but the block stayed (`partners/usw-1219.md`):

```yaml
status: active
stepped_back:
  since: 2026-05-01
  scope: the zoning ask
```

The finding points at the `stepped_back` key.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import partner_uri
from .base import Finding

ID = "stepped-back-status"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    for partner_id, partner in charter.partners.items():
        if partner.stepped_back is not None and partner.status != "stepped-back":
            yield Finding(
                partner_uri(partner_id), ("stepped_back",),
                f"'{partner_id}' has a 'stepped_back' block but its 'status' is {partner.status}; "
                "set 'status: stepped-back' if it has stepped back, or remove the 'stepped_back' "
                "block if it no longer holds")
