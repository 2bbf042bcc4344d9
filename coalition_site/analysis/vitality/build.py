"""Building a :class:`~.report.VitalityReport` from the reviews of a charter filtered for an audience."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Literal

from ...model import SIGNS_OF_DECAY, SIGNS_OF_LIFE, Charter, Partner, Review
from ...model.base import is_visible
from ...model.layout import JOINT_DEMAND, partner_uri, review_uri
from .alerts import alerts
from .report import (DRIFT_RUN, NON_MEMBER_STATES, AlignmentCell, DemandState, DriftRun, Interval,
                     PartnerRecord, ReviewPoint, Rhythm, ScoreTrend, SignTally, VitalityReport,
                     days_after)


def build_vitality_report(charter: Charter, today: dt.date) -> VitalityReport:
    """The vitality of ``charter`` as of ``today``, from the reviews it holds.

    Give it the charter filtered for the audience (:func:`~coalition_site.audience.for_audience`):
    a public charter holds only published reviews, and the report says so. Reviews dated after
    ``today`` are not held yet: they are in :attr:`VitalityReport.ahead` and counted nowhere.
    """
    reviews = [review for review in charter.reviews if review.date <= today]
    ahead = tuple(_review_point(review) for review in charter.reviews if review.date > today)
    audience = charter.audience or "internal"
    published_only = audience == "public"
    # Asked for every partner at every review: sets, made once.
    attendance = [frozenset(review.attended) for review in reviews]
    partners = tuple(_partner_record(p, reviews, attendance) for p in
                     sorted(charter.partners.values(), key=lambda p: (p.name.lower(), p.id)))
    drift_runs = tuple(sorted((run for p in partners for run in p.drift_runs),
                              key=lambda r: (not r.ongoing, -r.end.toordinal(), r.name.lower())))
    # The rhythm of the meetings is read from every review held, when the audience may know
    # their dates; the public otherwise knows only the published ones, whose dates say nothing
    # of the meetings between them: its rhythm is not measured, and nothing is called a gap.
    measured = not published_only or charter.review_dates is not None
    held_dates = [d for d in (charter.review_dates if charter.review_dates is not None
                              else [r.date for r in reviews]) if d <= today]
    rhythm = _rhythm(held_dates, charter.coalition.review_cadence_days, today, measured)
    demand = charter.joint_demand
    demand_state = None
    if is_visible(demand, audience):
        demand_state = DemandState(demand.status, demand.target, demand.deadline,
                                   (demand.deadline - today).days if demand.deadline else None,
                                   demand.src_uri or JOINT_DEMAND)
    report_reviews = tuple(_review_point(r) for r in reviews)
    found = alerts(charter, audience, report_reviews, rhythm, partners, demand_state, today, ahead)
    return VitalityReport(
        today=today,
        published_only=published_only,
        held=len(held_dates) if measured else None,
        published=len(reviews) if published_only else sum(r.visibility == "public" for r in reviews),
        dates_published=published_only and measured,
        reviews=report_reviews,
        rhythm=rhythm,
        partners=partners,
        demand=demand_state,
        signs=_signs(reviews),
        scores=_scores(charter.coalition.commons_assessment, reviews),
        alerts=found,
        drift_runs=drift_runs,
        ahead=ahead,
    )


def _review_point(review: Review) -> ReviewPoint:
    return ReviewPoint(
        date=review.date,
        src_uri=review.src_uri or review_uri(review.date),
        policy_progress=review.policy_progress,
        signs_of_life=tuple(dict.fromkeys(review.signs_of_life)),  # a sign counts once
        signs_of_decay=tuple(dict.fromkeys(review.signs_of_decay)),
        decisions=len(review.decisions),
        attended=len(review.attended),
        scores=tuple(review.scores.items()),
    )


def _rhythm(dates: list[dt.date], cadence: int, today: dt.date, measured: bool = True) -> Rhythm:
    """``dates``: of the reviews held, oldest first. Unless ``measured``, they are only the
    published ones: no interval between them is a gap, and no review is due or overdue."""
    if not measured:
        return Rhythm(cadence, (), None, None, dates=tuple(dates), measured=False)
    intervals = tuple(_interval(a, b, cadence) for a, b in zip(dates, dates[1:]))
    since_latest = None
    if dates and dates[-1] < today:  # the reviews are held ones: dated today at the latest
        since_latest = _interval(dates[-1], today, cadence, open=True)
    next_due = days_after(dates[-1], cadence) if dates else None
    return Rhythm(cadence, intervals, since_latest, next_due, dates=tuple(dates))


def _interval(start: dt.date, end: dt.date, cadence: int, open: bool = False) -> Interval:
    days = (end - start).days
    return Interval(start, end, days, days > cadence, open)


def _partner_record(partner: Partner, reviews: list[Review],
                    attendance: list[frozenset[str]]) -> PartnerRecord:
    """``attendance[i]``: the ids of the partners present at ``reviews[i]``."""
    pid = partner.id
    recorded_at = [i for i, r in enumerate(reviews) if pid in r.alignment or pid in attendance[i]]
    # A departed partner has no departure date: it left after the last review that recorded it.
    left_after = recorded_at[-1] if recorded_at else -1
    cells = []
    for index, review in enumerate(reviews):
        attended = pid in attendance[index]
        if pid in review.alignment:  # what the review wrote always wins over what is inferred
            cells.append(_cell(review.date, review.alignment[pid], True, attended))
            continue
        if partner.joined and review.date < partner.joined and not attended:
            state = "not-yet-a-partner"
        elif partner.status == "departed" and index > left_after:
            state = "departed"
        elif (partner.status == "stepped-back" and partner.stepped_back
              and review.date >= partner.stepped_back.since and not attended):
            state = "stepped-back"
        else:
            state = "not-recorded"
        cells.append(_cell(review.date, state, False, attended))
    member = [c for c in cells if c.state not in NON_MEMBER_STATES]
    runs = _drift_runs(pid, partner.name, cells)
    return PartnerRecord(
        partner_id=pid, name=partner.name, src_uri=partner.src_uri or partner_uri(pid),
        status=partner.status, joined=partner.joined, cells=tuple(cells),
        attended=sum(1 for c in member if c.attended), eligible=len(member), drift_runs=runs)


# A cell is a value, and most are alike (partners of one review share its date and mostly their
# state): the thousands a report holds (every partner at every review) are made once each.
@functools.lru_cache(maxsize=65536)
def _cell(date: dt.date, state: str, recorded: bool, attended: bool) -> AlignmentCell:
    return AlignmentCell(date, state, recorded, attended)



def _drift_runs(pid: str, name: str, cells: list[AlignmentCell]) -> tuple[DriftRun, ...]:
    runs: list[DriftRun] = []
    start = None
    for index, cell in enumerate(cells + [None]):
        drifting = cell is not None and cell.state == "drifting"
        if drifting and start is None:
            start = index
        elif not drifting and start is not None:
            if index - start >= DRIFT_RUN:
                runs.append(DriftRun(pid, name, cells[start].date, cells[index - 1].date,
                                     index - start, ongoing=index == len(cells)))
            start = None
    return tuple(runs)


def _signs(reviews: list[Review]) -> tuple[SignTally, ...]:
    tallies = []
    kinds: tuple[tuple[Literal["life", "decay"], dict[str, str], str], ...] = (
        ("life", SIGNS_OF_LIFE, "signs_of_life"), ("decay", SIGNS_OF_DECAY, "signs_of_decay"))
    for kind, vocabulary, attr in kinds:
        for sign, label in vocabulary.items():
            seen = [r.date for r in reviews if sign in getattr(r, attr)]
            tallies.append(SignTally(sign, kind, label, len(seen), seen[-1] if seen else None))
    return tuple(tallies)


def _scores(baseline: dict[str, float], reviews: list[Review]) -> tuple[ScoreTrend, ...]:
    # The charter's own baseline names first, in its order, then any name a review adds.
    names = list(baseline)
    for review in reviews:
        names.extend(name for name in review.scores if name not in names)
    return tuple(
        ScoreTrend(name, baseline.get(name),
                   tuple((r.date, r.scores[name]) for r in reviews if name in r.scores))
        for name in names)
