"""The conflict protocol says how a disagreement ends.

Checks that `charter/conflict-protocol.md` gives a `decision_rule`, a `threshold` when the rule
is `supermajority`, and a `fallback`.

The pattern expects partners to disagree, openly, and to settle it by a rule agreed before the
disagreement. Without a decision rule every dispute is also a dispute about how to decide; a
supermajority without a threshold is no rule at all; and without a fallback a disagreement that
finds no agreement has no end but a partner's exit.

Passes (`charter/conflict-protocol.md`):

```yaml
decision_rule: supermajority
threshold: 0.75
fallback: step-back
```

Fails, no threshold and no fallback (`charter/conflict-protocol.md`):

```yaml
decision_rule: supermajority
```
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import CONFLICT_PROTOCOL
from .base import Finding

ID = "conflict-protocol-complete"
DEFAULT = "warning"


def check(charter, today) -> Iterator[Finding]:
    protocol = charter.conflict_protocol
    if protocol.decision_rule is None:
        yield Finding(CONFLICT_PROTOCOL, ("decision_rule",),
                      "'decision_rule' is missing; add 'decision_rule:' with consensus, consent, "
                      "supermajority or majority (agree how to decide before you disagree)")
    elif protocol.decision_rule == "supermajority" and protocol.threshold is None:
        yield Finding(CONFLICT_PROTOCOL, ("decision_rule",),
                      "'decision_rule' is supermajority but 'threshold' is missing; add "
                      "'threshold:' with the share of partners needed, such as 0.75",
                      value=True)
    if protocol.fallback is None:
        yield Finding(CONFLICT_PROTOCOL, ("fallback",),
                      "'fallback' is missing; add 'fallback:' with step-back, vote or mediation "
                      "(what happens when partners do not agree)")
