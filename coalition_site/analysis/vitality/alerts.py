"""The alerts of the vitality dashboard: what a steward must act on, most urgent first, each with
what the pattern advises."""

from __future__ import annotations

import datetime as dt

from ...model import SIGNS_OF_DECAY, Audience, Charter, Partner
from ...model.base import is_visible
from ...model.dates import long_date
from ...model.layout import STEWARD_MANDATE, partner_uri
from .report import (ALERT_KINDS, LEVELS, Alert, DemandState, DriftRun, Level, PartnerRecord,
                     ReviewPoint, Rhythm)

RECENT_REVIEWS = 3
"""How many of the latest reviews count as "recent" for the replant alert (a quarter, monthly)."""
REPLANT_SIGNS = ("steward-lapse", "side-deals")
"""The signs of decay after which the pattern says to call a reset meeting."""
RITUAL_DAYS = 90
"""How long reviews may go on with stalled progress and no decision before it is ritual."""
RITUAL_MIN_REVIEWS = 2
"""Ritual needs reviews *held*: one stalled meeting is a bad month, not a ritual."""
NOT_ADVANCING = frozenset({"stalled", "regressing", None})
"""Policy progress that does not move the demand (an unrecorded one cannot claim to)."""
STEWARD_NOTICE_DAYS = 60
"""How far ahead the end of the steward's term is announced."""

ADVICE = {
    "replant": "Replant: the pattern says to call a reset meeting and ask whether the coalition is "
               "still real. Name what changed, renew the steward's role, and agree what each partner "
               "will do differently, or part honestly.",
    "ritual": "Ritual is the pattern's hardest warning: meetings that reaffirm alignment and change "
              "nothing. Bring one decision that changes a partner's daily work to the next review, "
              "or call a reset meeting.",
    "overdue": "Hold the review. Coalitions seldom end in a quarrel; they fade, and the review is "
               "the first thing to go.",
    "steward": "Renew the steward's mandate or name a successor before the term ends: without a "
               "steward, continuity lapses and information stops flowing between partners.",
    "deadline": "Decide together what the demand is now: set a new deadline in the joint demand, "
                "or record it as won, partially won, lost or withdrawn.",
    "drift": "Ask the partner, in the next review, what its daily work now serves; the steward "
             "meets its leadership before then. Stepping back by agreement is better than drifting.",
    "stepped-back": "The autonomy agreement at work: a partner may step back without leaving. "
                    "Keep it informed, and ask at a review when it will step back in.",
}


def alerts(charter: Charter, audience: Audience, reviews: tuple[ReviewPoint, ...], rhythm: Rhythm,
            partners: tuple[PartnerRecord, ...], demand: DemandState | None,
            today: dt.date, ahead: tuple[ReviewPoint, ...] = ()) -> tuple[Alert, ...]:
    # The public reads the published reviews only, unless told every review's date.
    published = "published " if audience == "public" and charter.review_dates is None else ""
    found: list[Alert] = []
    found += _replant(reviews)
    found += _ritual(reviews, today)
    found += _overdue(rhythm, reviews, published, ahead)
    if is_visible(charter.steward_mandate, audience):
        found += _steward(charter, today)
    found += _deadline(demand, today)
    found += [_drift(run, p.src_uri) for p in partners for run in p.drift_runs if run.ongoing]
    found += [_stepped_back(p) for p in sorted(charter.partners.values(), key=lambda p: p.name.lower())
              if p.status == "stepped-back"]
    # Stable: the most urgent first, then in the order of ALERT_KINDS, then as found.
    return tuple(sorted(found, key=lambda a: (LEVELS.index(a.level), ALERT_KINDS.index(a.kind))))


def _replant(reviews: tuple[ReviewPoint, ...]) -> list[Alert]:
    recent = reviews[-RECENT_REVIEWS:]
    seen = {sign: [long_date(r.date) for r in recent if sign in r.signs_of_decay]
            for sign in REPLANT_SIGNS}
    seen = {sign: dates for sign, dates in seen.items() if dates}
    if not seen:
        return []
    # The sign in the pattern's words, as the review's page shows it: its key is the file's.
    detail = "; ".join(f"“{SIGNS_OF_DECAY[sign]}”, recorded on {_and(dates)}"
                       for sign, dates in seen.items())
    return [Alert("replant", "urgent", "Replant: call a reset meeting",
                  f"Signs of decay in {_latest(len(recent))}: {detail}.",
                  ADVICE["replant"], reviews[-1].src_uri)]


def _ritual(reviews: tuple[ReviewPoint, ...], today: dt.date) -> list[Alert]:
    run: list[ReviewPoint] = []
    for review in reversed(reviews):
        if review.policy_progress not in NOT_ADVANCING or review.decisions:
            break
        run.append(review)
    if len(run) < RITUAL_MIN_REVIEWS:
        return []
    # Measured from the last review that decided something or moved the demand; when none ever
    # did, from the first review.
    live = reviews[-len(run) - 1] if len(run) < len(reviews) else None
    since = live.date if live else run[-1].date
    days = (today - since).days
    if days < RITUAL_DAYS:
        return []
    since_text = (f"since the review of {long_date(since)}" if live
                  else f"since the first review on {long_date(since)}")
    return [Alert("ritual", "urgent", "Ritual: reviews are held, nothing changes",
                  f"{len(run)} reviews were held {since_text} ({days} days), the latest on "
                  f"{long_date(run[0].date)}, with policy progress not advancing and no decision recorded.",
                  ADVICE["ritual"], run[0].src_uri)]


def _overdue(rhythm: Rhythm, reviews: tuple[ReviewPoint, ...], published: str,
             ahead: tuple[ReviewPoint, ...] = ()) -> list[Alert]:
    # A review dated after today is not held; a steward who sees its file asks why it does not count.
    not_counted = ""
    if ahead:
        noun, verb = ("review", "is") if len(ahead) == 1 else ("reviews", "are")
        dates = _and([long_date(r.date) for r in ahead])
        not_counted = f" The {published}{noun} dated {dates} {verb} after today and not counted."
    if not reviews:
        recorded = "held" if ahead else "recorded"
        return [Alert("overdue", "warning", f"No {published}review yet",
                      f"No {published}implementation-honesty review is {recorded}; the coalition "
                      f"reviews every {rhythm.cadence_days} days.{not_counted}", ADVICE["overdue"])]
    if not rhythm.overdue:
        return []
    assert rhythm.next_due is not None  # overdue: there is a latest review to be due after
    # Two cadences without a review is two missed meetings: no longer a late one.
    level: Level = "urgent" if rhythm.overdue_days > rhythm.cadence_days else "warning"
    # The latest review held, which the audience may not read (a public build told every date).
    latest = rhythm.dates[-1] if rhythm.dates else reviews[-1].date
    link = reviews[-1].src_uri if reviews[-1].date == latest else None
    return [Alert("overdue", level, "The next review is overdue",
                  f"No {published}review since {long_date(latest)}: the next was due on "
                  f"{long_date(rhythm.next_due)}, {_days(rhythm.overdue_days)} ago (the coalition reviews every "
                  f"{rhythm.cadence_days} days).{not_counted}", ADVICE["overdue"], link)]


def _steward(charter: Charter, today: dt.date) -> list[Alert]:
    mandate = charter.steward_mandate
    link = mandate.src_uri or STEWARD_MANDATE
    if not mandate.stewards:
        return [Alert("steward", "urgent", "No steward is named",
                      "The steward mandate names no steward.", ADVICE["steward"], link)]
    begun = [s for s in mandate.stewards if s.begun(today)]
    # Each with the date it is read by: a term not begun has a start (Steward.begun).
    ahead = [(s.since, s) for s in mandate.stewards
             if s.since is not None and not s.begun(today) and not s.ended(today)]
    if ahead and not any(not s.ended(today) for s in begun):
        # A successor named ahead of the day, and nobody in office until then.
        since, first = min(ahead, key=lambda pair: pair[0])
        ended = [(s.term_ends, s) for s in begun if s.term_ends is not None]
        before = ""
        if ended:
            last = max(end for end, _ in ended)
            before = (f"The term of {', '.join(s.name for end, s in ended if end == last)} ended on "
                      f"{long_date(last)}; ")
        detail = (f"{before}the term of {first.name} begins on {long_date(since)}, in "
                  f"{_days((since - today).days)}: until then no steward is in office.")
        return [Alert("steward", "urgent", "No steward is in office", detail[0].upper() + detail[1:],
                      ADVICE["steward"], link)]
    if any(s.term_ends is None for s in mandate.stewards):
        return []  # someone's term is open-ended: the role continues
    ends = max(s.term_ends for s in mandate.stewards if s.term_ends is not None)  # (every one)
    names = ", ".join(s.name for s in mandate.stewards if s.term_ends == ends)
    if ends < today:
        return [Alert("steward", "urgent", "The steward's term has ended",
                      f"The term of {names} ended on {long_date(ends)}, "
                      f"{_days((today - ends).days)} ago; no steward is in office.",
                      ADVICE["steward"], link)]
    days = (ends - today).days
    if days <= STEWARD_NOTICE_DAYS:
        when = "today" if days == 0 else f"in {_days(days)}"
        return [Alert("steward", "warning", "The steward's term is ending",
                      f"The term of {names} ends on {long_date(ends)}, {when}.",
                      ADVICE["steward"], link)]
    return []


def _deadline(demand: DemandState | None, today: dt.date) -> list[Alert]:
    if demand is None or demand.status != "campaigning" or demand.deadline is None \
            or demand.deadline >= today:
        return []
    assert demand.days_left is not None  # counted whenever there is a deadline
    return [Alert("deadline", "warning", "The joint demand's deadline has passed",
                  f"The deadline was {long_date(demand.deadline)}, {_days(-demand.days_left)} ago, "
                  "and the demand is still marked as campaigning.", ADVICE["deadline"], demand.src_uri)]


def _drift(run: DriftRun, link: str) -> Alert:
    return Alert("drift", "warning", f"{run.name} is drifting",
                 f"{run.name} was recorded as drifting in {run.reviews} consecutive reviews, "
                 f"from {long_date(run.start)} to {long_date(run.end)}.",
                 ADVICE["drift"], link)


def _stepped_back(partner: Partner) -> Alert:
    back = partner.stepped_back
    if back is None:  # the check reports a missing `stepped_back`; say what is known
        detail = f"{partner.name} has stepped back; its file does not say from what."
    else:
        detail = f"{partner.name} stepped back from {back.scope} on {long_date(back.since)}."
        if back.reason:
            detail += f" Its reason: {back.reason.strip()}"
    return Alert("stepped-back", "notice", f"{partner.name} has stepped back", detail,
                 ADVICE["stepped-back"], partner.src_uri or partner_uri(partner.id))


def _days(count: int) -> str:
    return f"{count} day{'s' * (count != 1)}"


def _latest(count: int) -> str:
    return "the latest review" if count == 1 else f"the latest {count} reviews"


def _and(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
