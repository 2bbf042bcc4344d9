"""Every endorsement is of the text as it stands: none was given before the text changed.

Checks, for each entry of `endorsements` in `charter/problem-statement.md` and in
`charter/joint-demand.md`, that the file's text has not changed since that partner endorsed it.
Each file is checked on its own: a reworded ask makes the joint demand's endorsements stale, not
the problem statement's.

An endorsement says "we agree to this text". When the text changes after it, the charter shows
the partner agreeing to words it never saw: a partner's stake reworded in a later pull request,
a deadline moved. Ask the partner to read the text again and endorse it anew.

What counts as a change: anything in the file but its `endorsements` (recording one partner's
endorsement makes no one else's stale) and, in the joint demand, its `status` (how the campaign
stands is progress, not a change of what was demanded). Reformatting the front matter (quotes,
indentation, comments) is no change. The file's first commit is where its history starts, not a
change: a charter endorsed before it was committed keeps its endorsements.

How an endorsement is compared depends on how it is written:

- with the revision endorsed, `breathe: {date: 2026-02-11, revision: 1a2b3c4}`: the file as it
  was at that commit is compared with the file now. This is exact; write the commit the partner
  read (`git log --oneline -- content/charter/joint-demand.md` lists them). A revision the
  repository does not have is a finding of its own (in CI, check out the whole history: with
  `actions/checkout`, `fetch-depth: 0`);
- with a date alone, `breathe: 2026-02-11`: the endorsement is stale when a commit dated *after*
  that day changed the text (the commit's date, as `git log` shows it). A change committed on the
  day of the endorsement is taken to be what was endorsed. A pull request's changes are dated by
  their own commits, not by the merge that brings them in, so endorsements recorded in the pull
  request hold after it is merged (a squash or rebase merge makes new commits, dated that day:
  there, record endorsements after the merge, or with the revision). Changes not committed yet
  count as made today.

The rule reads the content folder's git history; outside a git repository (or without git) it
cannot know what changed when, and reports nothing.

Passes (`charter/joint-demand.md`; the asks have not changed since commit `1a2b3c4`, and no
commit after 2026-02-10 changed them):

```yaml
endorsements:
  usw-1219: 2026-02-10
  breathe: {date: 2026-02-11, revision: 1a2b3c4}
```

Fails, after a commit of 2026-03-02 reworded `breathe`'s stake in an ask: both endorsements
are of the text before it (`charter/joint-demand.md`):

```yaml
asks:
  - id: phase-out-coke
    benefits:
      breathe: Removes the valley's largest source of fine particles.  # was: PM2.5 source
endorsements:
  usw-1219: 2026-02-10
  breathe: {date: 2026-02-11, revision: 1a2b3c4}
```

The finding points at each stale endorsement:

```text
content/charter/joint-demand.md:20:12: warning: 'breathe' endorsed the joint demand at revision
1a2b3c4, and its text has changed since; ask 'breathe' to read the joint demand as it is now and
endorse it again, then record the new date and revision [endorsed-text-unchanged]
```
"""

from __future__ import annotations

from typing import Iterator

from ..load.endorsed_history import EndorsedHistory
from ..model.layout import JOINT_DEMAND, PROBLEM_STATEMENT
from .base import Finding

ID = "endorsed-text-unchanged"
DEFAULT = "warning"
READS_GIT = True
"""The registry hands :func:`check` the git history of the endorsed files (``None`` outside git)."""


def check(charter, today, history: EndorsedHistory | None = None) -> Iterator[Finding]:
    if history is None:
        return
    for src_uri, what, page in ((PROBLEM_STATEMENT, "problem statement", charter.problem_statement),
                                (JOINT_DEMAND, "joint demand", charter.joint_demand)):
        revisions = page.endorsed_revisions
        for partner_id, endorsed in page.endorsements.items():
            again = (f"ask '{partner_id}' to read the {what} as it is now and endorse it again, "
                     f"then record the new date and revision")
            revision = revisions.get(partner_id)
            if revision is not None:
                same = history.unchanged_since.get((src_uri, revision))
                if same is None:
                    clone = (" (this clone is shallow: fetch the whole history, with "
                             "'git fetch --unshallow', or 'fetch-depth: 0' in CI)") if history.shallow else ""
                    yield Finding(
                        src_uri, ("endorsements", partner_id, "revision"),
                        f"'{partner_id}' endorsed the {what} at revision {revision}, which is not a "
                        f"commit of this repository{clone}; write the commit '{partner_id}' endorsed, "
                        f"as 'git log --oneline' shows it (more characters when several commits "
                        f"start with these)", value=True)
                elif not same:
                    yield Finding(
                        src_uri, ("endorsements", partner_id),
                        f"'{partner_id}' endorsed the {what} at revision {revision}, and its text "
                        f"has changed since; {again}", value=True)
                continue
            later = [change for change in history.changes.get(src_uri, ()) if change.date > endorsed]
            if later:
                first = later[0]
                when = (f"in commit {first.commit[:7]} of {first.date.isoformat()}" if first.commit
                        else "by changes not committed yet")
                yield Finding(
                    src_uri, ("endorsements", partner_id),
                    f"'{partner_id}' endorsed the {what} on {endorsed.isoformat()}, and its text "
                    f"changed after that, {when}; {again}", value=True)
