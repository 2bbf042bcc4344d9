"""Whether a change to the charter has the consent the charter itself requires.

:func:`decide` is pure: it is given the charter at the pull request's base (whose conflict
protocol, partners and representatives are the ones in force: a pull request must not lower the
bar it is judged by, nor add its author as a representative), the files the change touches, the
charter diff of the change, the reviews, and for each commit an approval was given on, the files
changed since. It groups the files into decisions (the shared texts, each partner's own page,
the other pages), works out who is counted on each, and applies the rule. Descriptions are
sequences of parts, as in :mod:`~coalition_site.analysis.diff`, so that each output format
escapes the charter's words in its own way.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Iterable, Literal, Mapping, Sequence

from ..load.pr_reviews import PullRequestReview
from ..model import Charter, Partner
from ..model.layout import CONFLICT_PROTOCOL, JOINT_DEMAND, PARTNER_NAME
from .diff import CharterDiff, EndorsementChanged, Id, Name, Part, Quote

Rule = Literal["consensus", "consent", "supermajority", "majority", "owner", "any-partner"]
Standing = Literal["approves", "objects", "had-its-say", "notice-ran", "stale", "waiting"]
Kind = Literal["shared", "partner", "pages"]
SHARED_FILES = ("coalition.yml", "logic.yml")
EVERYTHING = "everything"
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class PartnerStanding:
    """Where one counted partner stands on one decision."""

    partner_id: str
    name: str
    standing: Standing
    review: PullRequestReview | None = None
    """The review that decides (its latest APPROVED or CHANGES_REQUESTED), if any."""
    stale_file: str | None = None
    """For a stale approval: a file changed after it (``None``: its commit is unknown)."""
    notice_ends: dt.datetime | None = None
    """Under consent: when the partner's notice runs out (``None``: it gives no notice)."""


@dataclass
class Decision:
    """One group of changed files and who decides it, by which rule."""

    kind: Kind
    files: list[str]
    rule: Rule
    threshold: float | None = None
    owner: str | None = None
    """The partner whose own page this is."""
    counted: list[PartnerStanding] = field(default_factory=list)
    notes: list[tuple[Part, ...]] = field(default_factory=list)
    """Who is not counted and why, who is counted despite stepping back, rule fallbacks."""

    @property
    def approving(self) -> list[PartnerStanding]:
        return [p for p in self.counted if p.standing == "approves"]

    @property
    def objecting(self) -> list[PartnerStanding]:
        return [p for p in self.counted if p.standing == "objects"]

    @property
    def needed(self) -> int:
        """How many approvals the rule needs (consent counts its partners in another way)."""
        n = len(self.counted)
        if self.rule == "supermajority":
            return max(1, math.ceil((self.threshold or 1.0) * n - 1e-9))
        if self.rule == "majority":
            return n // 2 + 1
        if self.rule == "any-partner":
            return 1
        return n

    @property
    def consenting(self) -> list[PartnerStanding]:
        return [p for p in self.counted if p.standing in ("approves", "had-its-say", "notice-ran")]

    @property
    def reached(self) -> bool:
        if not self.counted:
            return False
        if self.rule == "consent":
            return not self.objecting and len(self.consenting) == len(self.counted)
        if self.rule in ("consensus", "owner", "any-partner") and self.objecting:
            return False
        return len(self.approving) >= self.needed

    def summary(self) -> tuple[Part, ...]:
        """"3 of 5 partners consent; consensus needs all 5; waiting on ..."."""
        n = len(self.counted)
        if not n:
            return (("no partner is counted on this change (each has departed or stepped back from it), "
                     "so it cannot be agreed here"),
                    *self._notes())
        a = len(self.approving)
        if self.rule == "owner":
            owner = Name(self.counted[0].name)
            head: tuple[Part, ...] = (owner, " approves") if self.reached else (
                "needs the approval of ", owner)
        elif self.rule == "any-partner":
            head = ("approved by ", *_names(self.approving)) if self.approving else (
                "needs the approval of one counted partner",)
        elif self.rule == "consent":
            c = len(self.consenting)
            head = (f"{c} of {_partners(n)} consent{'s' * (n == 1)}; ",
                    "consent reached" if self.reached else
                    "consent needs no objection, and each partner's say or its notice to have run")
        elif self.rule == "consensus":
            head = (f"{a} of {_partners(n)} consent{'s' * (n == 1)}; ",
                    "consensus reached" if self.reached else f"consensus needs all {n}")
        else:
            rule = (f"a supermajority of {self.threshold:g}" if self.rule == "supermajority"
                    else "a majority")
            head = (f"{a} of {_partners(n)} approve{'s' * (n == 1)}; ",
                    f"{rule} is reached" if self.reached else f"{rule} needs {self.needed}")
        parts: list[Part] = [*head]
        objecting = self.objecting
        if objecting:
            parts += ["; ", *_names(objecting), " ask for changes" if len(objecting) > 1 else " asks for changes"]
        if not self.reached:
            # Under consent a say is enough; under the other rules, only an approval is.
            silent = ("waiting", "stale") if self.rule == "consent" else (
                "waiting", "stale", "had-its-say")
            waiting = [p for p in self.counted if p.standing in silent]
            if waiting and self.rule not in ("owner", "any-partner"):  # those name whom they need
                parts += ["; waiting on ", *_join([self._waiting(p) for p in waiting])]
            for p in self.counted:
                if p.standing == "stale":
                    parts += ["; ", *_stale(p)]
        return (*parts, *self._notes())

    def _waiting(self, p: PartnerStanding) -> tuple[Part, ...]:
        if self.rule != "consent":
            return (Name(p.name),)
        if p.notice_ends is None:
            return (Name(p.name), " (it gives no notice, so it must say)")
        return (Name(p.name), f" (or its notice runs out {when(p.notice_ends)})")

    def _notes(self) -> tuple[Part, ...]:
        return tuple(part for note in self.notes for part in ("; ", *note))


@dataclass(frozen=True)
class ReviewLine:
    """One review as the report lists it."""

    review: PullRequestReview
    partners: tuple[str, ...]
    """The names of the partners its author represents (at the base)."""
    counted: bool
    why: str = ""


@dataclass
class ConsentReport:
    decisions: list[Decision]
    outside: list[str]
    """Changed files outside the content folder: not the charter's to decide."""
    reviews: list[ReviewLine]
    rule_notes: list[tuple[Part, ...]] = field(default_factory=list)

    @property
    def reached(self) -> bool:
        return all(d.reached for d in self.decisions)


def decide(base: Charter, *, changed: Sequence[str], docs_prefix: str, diff: CharterDiff,
           reviews: Sequence[PullRequestReview], changed_since: Mapping[str, frozenset[str] | None],
           opened: dt.datetime, now: dt.datetime, head_protocol=None) -> ConsentReport:
    """Who must decide the change of ``changed`` (paths from the repository's top), and whether
    they have. ``changed_since`` maps the commit of each approval to the files changed from it to
    the head (``None``: the repository does not hold that commit)."""
    prefix = f"{docs_prefix}/" if docs_prefix else ""
    shared: list[str] = []
    own: dict[str, list[str]] = {}
    pages: list[str] = []
    outside: list[str] = []
    joining: list[str] = []
    for path in changed:
        if not path.startswith(prefix):
            outside.append(path)
            continue
        rel = path[len(prefix):]
        match = PARTNER_NAME.match(rel)
        if rel in SHARED_FILES or rel.startswith("charter/"):
            shared.append(path)
        elif match:
            partner = base.partners.get(match.group(1))
            if partner is not None and partner.status != "departed":
                own.setdefault(partner.id, []).append(path)
            else:
                # Admitting a partner (or editing a departed one's record) is the coalition's
                # decision: it is not yet (or no longer) a partner that could decide it alone.
                shared.append(path)
                if partner is None:
                    joining.append(match.group(1))
        else:
            pages.append(path)

    positions = _positions(base, reviews)
    rule, threshold, rule_notes = _rule(base, head_protocol)
    decisions: list[Decision] = []
    if shared:
        decision = Decision("shared", shared, rule, threshold if rule == "supermajority" else None)
        only_asks = _asks_only_changed(diff, shared, prefix)
        for partner in base.partners.values():
            note = _excluded(partner, only_asks, _ask_ids(base, diff))
            if note is not None:
                decision.notes.append(note[0])
                if note[1]:  # left out
                    continue
            if partner.status != "departed":
                decision.counted.append(_standing(partner, positions, shared, changed_since,
                                                  rule, base, opened, now))
        for partner_id in joining:
            decision.notes.append(("the new partner ", Id(partner_id), " is not counted: it joins "
                                   "when this change is merged"))
        decisions.append(decision)
    for partner_id, files in own.items():
        partner = base.partners[partner_id]
        decision = Decision("partner", files, "owner", owner=partner_id)
        decision.counted.append(_standing(partner, positions, files, changed_since, "owner",
                                          base, opened, now))
        decisions.append(decision)
    if pages:
        decision = Decision("pages", pages, "any-partner")
        for partner in base.partners.values():
            if partner.status == "departed" or _scope(partner) == EVERYTHING:
                continue
            decision.counted.append(_standing(partner, positions, pages, changed_since,
                                              "any-partner", base, opened, now))
        decisions.append(decision)
    return ConsentReport(decisions, outside, _review_lines(base, reviews), rule_notes)


# -- who is counted --------------------------------------------------------------------------
def _scope(partner: Partner) -> str | None:
    if partner.status != "stepped-back" or partner.stepped_back is None:
        return None
    return " ".join(partner.stepped_back.scope.split()).casefold()


def _ask_ids(base: Charter, diff: CharterDiff) -> set[str]:
    ids = {ask.id for ask in base.joint_demand.asks}
    for change in diff.changes:
        if change.section == "joint-demand":
            ids |= {part.text for part in change.describe() if isinstance(part, Id)}
    return ids


def _asks_only_changed(diff: CharterDiff, shared: list[str], prefix: str) -> set[str] | None:
    """The asks changed, when the change to the shared texts is about those asks only."""
    if shared != [prefix + JOINT_DEMAND]:
        return None
    asks: set[str] = set()
    for change in diff.changes:
        if change.section == "joint-demand":
            ids = {part.text for part in change.describe() if isinstance(part, Id)}
            if not ids:
                return None  # the target, deadline, status, prose ...: the demand as a whole
            asks |= ids
        elif isinstance(change, EndorsementChanged) and change.document == "joint-demand":
            return None
    return asks or None


def _excluded(partner: Partner, only_asks: set[str] | None,
              ask_ids: set[str]) -> tuple[tuple[Part, ...], bool] | None:
    """A note on a partner that stepped back, and whether it is left out of the shared texts."""
    if partner.status != "stepped-back":
        return None
    name = Name(partner.name)
    if partner.stepped_back is None:
        return (name, " stepped back without saying from what, so it is counted"), False
    scope = " ".join(partner.stepped_back.scope.split())
    if scope.casefold() == EVERYTHING:
        return (name, " stepped back from everything and is not counted"), True
    named = set(_TOKEN.findall(scope.casefold())) & ask_ids
    if not named:
        return (name, " stepped back from ", Quote(scope), ", which names no ask of the joint "
                "demand, so it is counted (write the ask's id, or everything, as its scope)"), False
    if only_asks is not None and only_asks <= named:
        return (name, " stepped back from this ask and is not counted"), True
    return (name, " stepped back from ", *_join([(Id(i),) for i in sorted(named)]),
            " only, and is counted on the rest of this change"), False


def _rule(base: Charter, head_protocol) -> tuple[Rule, float | None, list[tuple[Part, ...]]]:
    protocol = base.conflict_protocol
    notes: list[tuple[Part, ...]] = []
    rule: Rule = protocol.decision_rule or "consensus"
    threshold = protocol.threshold
    if protocol.decision_rule is None:
        notes.append((f"the conflict protocol ({CONFLICT_PROTOCOL}) names no decision rule, so "
                      "consensus, the strictest, applies",))
    if rule == "supermajority" and threshold is None:
        threshold = 1.0
        notes.append((f"the conflict protocol ({CONFLICT_PROTOCOL}) gives no threshold for its "
                      "supermajority, so every counted partner must approve",))
    if head_protocol is not None and (head_protocol.decision_rule, head_protocol.threshold) != (
            protocol.decision_rule, protocol.threshold):
        notes.append(("this change edits the decision rule; it is decided by the rule in force "
                      "before it",))
    return rule, threshold, notes


# -- reviews ---------------------------------------------------------------------------------
def _representing(base: Charter) -> dict[str, list[str]]:
    """GitHub login (casefolded, as GitHub compares them) → the partners it represents."""
    logins: dict[str, list[str]] = {}
    for partner in base.partners.values():
        for person in partner.representatives:
            if person.github and partner.id not in logins.get(person.github.casefold(), []):
                logins.setdefault(person.github.casefold(), []).append(partner.id)
    return logins


def _order(review: PullRequestReview) -> dt.datetime:
    return review.when or dt.datetime.min.replace(tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class _Position:
    decisive: PullRequestReview | None
    said: bool


def _positions(base: Charter, reviews: Sequence[PullRequestReview]) -> dict[str, _Position]:
    """Each partner's latest APPROVED or CHANGES_REQUESTED review, and whether it said anything.

    Reviews are per organisation: whichever of a partner's people reviewed last decides. A
    comment does not undo an approval (as on GitHub), but it is a say. Dismissed reviews do not
    count; pending ones are not yet given.
    """
    logins = _representing(base)
    by_partner: dict[str, list[PullRequestReview]] = {}
    for review in reviews:
        if review.login is None or review.state in ("DISMISSED", "PENDING"):
            continue
        for partner_id in logins.get(review.login.casefold(), []):
            by_partner.setdefault(partner_id, []).append(review)
    positions = {}
    for partner_id, given in by_partner.items():
        given.sort(key=_order)  # stable: equal times keep GitHub's order
        decisive = [r for r in given if r.state in ("APPROVED", "CHANGES_REQUESTED")]
        positions[partner_id] = _Position(decisive[-1] if decisive else None, True)
    return positions


def _standing(partner: Partner, positions: dict[str, _Position], files: list[str],
              changed_since: Mapping[str, frozenset[str] | None], rule: Rule, base: Charter,
              opened: dt.datetime, now: dt.datetime) -> PartnerStanding:
    position = positions.get(partner.id, _Position(None, False))
    review = position.decisive
    notice_ends = None
    if rule == "consent":
        agreement = base.autonomy.agreements.get(partner.id)
        if agreement is not None and agreement.notice_days is not None:
            notice_ends = opened + dt.timedelta(days=agreement.notice_days)
    standing: Standing
    stale_file = None
    if review is not None and review.state == "CHANGES_REQUESTED":
        standing = "objects"
    elif review is not None:
        since = changed_since.get(review.commit_id) if review.commit_id else None
        stale = [f for f in files if f in since] if since is not None else None
        if stale == []:
            standing = "approves"
        else:
            standing, stale_file = "stale", stale[0] if stale else None
    elif position.said:
        standing = "had-its-say"
    else:
        standing = "waiting"
    if standing in ("stale", "waiting") and notice_ends is not None and now >= notice_ends:
        standing = "notice-ran"
    return PartnerStanding(partner.id, partner.name, standing, review, stale_file, notice_ends)


def _review_lines(base: Charter, reviews: Sequence[PullRequestReview]) -> list[ReviewLine]:
    logins = _representing(base)
    lines = []
    for review in sorted((r for r in reviews if r.state != "PENDING"), key=_order):
        if review.login is None:
            lines.append(ReviewLine(review, (), False, "the account was deleted"))
            continue
        partners = [base.partners[i] for i in logins.get(review.login.casefold(), [])]
        names = tuple(p.name for p in partners)
        if not partners:
            lines.append(ReviewLine(review, (), False, "represents no partner"))
        elif review.state == "DISMISSED":
            lines.append(ReviewLine(review, names, False))
        elif all(p.status == "departed" for p in partners):
            lines.append(ReviewLine(review, names, False, "its partner departed"))
        else:
            lines.append(ReviewLine(review, names, True))
    return lines


# -- words ---------------------------------------------------------------------------------
def _partners(n: int) -> str:
    return f"{n} partner{'s' * (n != 1)}"


def _names(standings: Iterable[PartnerStanding]) -> tuple[Part, ...]:
    return _join([(Name(p.name),) for p in standings])


def _join(items: Sequence[tuple[Part, ...]]) -> tuple[Part, ...]:
    """``A``, ``A and B``, ``A, B and C``."""
    parts: list[Part] = []
    for number, item in enumerate(items):
        if number:
            parts.append(" and " if number == len(items) - 1 else ", ")
        parts += item
    return tuple(parts)


def when(moment: dt.datetime) -> str:
    """How the reports write a moment: UTC, to the minute."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _stale(p: PartnerStanding) -> tuple[Part, ...]:
    if p.stale_file is None:
        return (Name(p.name), "'s approval was given on a commit this repository does not hold "
                "(replaced by a force-push?), so it must approve again")
    return (Name(p.name), "'s approval came before the last change to ", Id(p.stale_file),
            ", so it must approve again")

