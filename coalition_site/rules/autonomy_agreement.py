"""Every active partner has an autonomy agreement, and may step back.

Checks that `agreements` in `charter/autonomy.md` has an entry for every partner whose
`status` is `active`, and that no agreement says `may_step_back: false`.

The pattern keeps a coalition voluntary: each partner stays itself, keeps work of its own and can
step back from a decision or from the coalition without leaving in anger. A partner with no
agreement has never been told so; a partner that may not step back has been absorbed, and will
eventually leave for good instead.

Passes (`charter/autonomy.md`, with partners `usw-1219` and `breathe`):

```yaml
agreements:
  usw-1219:
    may_step_back: true
    keeps_solo: Contract campaigns stay the local's own.
  breathe:
    notice_days: 14
```

Fails, `breathe` has no agreement and `usw-1219` may not step back (`charter/autonomy.md`):

```yaml
agreements:
  usw-1219:
    may_step_back: false
```
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import AUTONOMY
from .base import Finding, active_ids

ID = "autonomy-agreement"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    agreements = charter.autonomy.agreements
    for partner_id in active_ids(charter):
        if partner_id not in agreements:
            yield Finding(
                AUTONOMY, ("agreements",),
                f"'agreements' has no agreement for the active partner '{partner_id}'; add "
                f"'{partner_id}:' with at least 'may_step_back: true' (every partner keeps "
                "its autonomy)")
    for partner_id, agreement in agreements.items():
        if not agreement.may_step_back:
            yield Finding(
                AUTONOMY, ("agreements", partner_id, "may_step_back"),
                f"'may_step_back' is false for '{partner_id}'; write 'may_step_back: true', with "
                "'notice_days' if the coalition needs notice (a partner can always step back)",
                value=True)
