"""Is the coalition alive, or performing? Its vitality, read from the implementation-honesty reviews.

The pattern's hardest warning is ritual: partners come to the meetings, reaffirm alignment and
do nothing differently. The monthly reviews are the coalition's only evidence either way, so
:func:`build_vitality_report` reads them (and the few charter facts that decide what a steward
must do next) into a :class:`VitalityReport`: the rhythm of the reviews, each partner's alignment
and attendance, policy progress, signs of life and decay, the commons scores, and the alerts a
steward must act on, most urgent first, each with what the pattern advises.

Only the reviews *held* count: a review dated after the "as of" date (written up ahead of its
meeting, or mistyped; the ``review-held`` rule warns about it) is listed in
:attr:`VitalityReport.ahead` and read nowhere else, so it can neither stand in for an overdue
review nor speak for the partners before they have met. This is how ``review-due`` counts too.

The function is pure: the same charter and the same "as of" date give the same report. It reads
only what the charter it is given holds, so a charter filtered for the public (see
:mod:`coalition_site.audience`) gives a report of the published reviews only; charter pages the
audience may not see (an internal steward mandate, say) are not read either.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from itertools import groupby
from typing import Literal

from ..model import SIGNS_OF_DECAY, SIGNS_OF_LIFE, Charter, Partner, Review
from ..model.base import is_visible
from ..model.layout import JOINT_DEMAND, STEWARD_MANDATE, partner_uri, review_uri

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
DRIFT_RUN = 3
"""Consecutive reviews a partner may drift in before it is called out by name."""
STEWARD_NOTICE_DAYS = 60
"""How far ahead the end of the steward's term is announced."""
RECENT_DAYS = 365
"""The dashboard lists the gaps in the review rhythm and the runs of drifting of this many days;
earlier ones are folded under their count. Alignment is drawn review by review for the years
holding a review in these days; earlier years are folded into a count a year (see
:attr:`VitalityReport.earlier_years`)."""
FOLD_FROM_YEARS = 3
"""Years with reviews a coalition needs before any is folded: a history of one or two years is
short enough to read review by review, and a single folded year beside it would split it in two."""

ALIGNMENT_LABELS = {
    "aligned": "Aligned",
    "drifting": "Drifting",
    "solo-by-agreement": "Solo by agreement",
    "absent": "Absent",
    "not-recorded": "Not recorded",
    "not-yet-a-partner": "Not yet a partner",
    "stepped-back": "Stepped back",
    "departed": "Departed",
}
"""Every state a partner × review cell can have: the four a review records, then the inferred ones."""
RECORDED_STATES = ("aligned", "drifting", "solo-by-agreement", "absent")
NON_MEMBER_STATES = frozenset({"not-yet-a-partner", "stepped-back", "departed"})
"""Cells where the partner was not expected at the review (they do not count for attendance)."""

Level = Literal["urgent", "warning", "notice"]
LEVELS: tuple[Level, ...] = ("urgent", "warning", "notice")
ALERT_KINDS = ("replant", "ritual", "overdue", "steward", "deadline", "drift", "stepped-back")
"""Alert kinds in the order they are listed within one level."""

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


# -- the report -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReviewPoint:
    """What the dashboard needs of one review (never its notes)."""

    date: dt.date
    src_uri: str
    policy_progress: str | None
    signs_of_life: tuple[str, ...]
    signs_of_decay: tuple[str, ...]
    decisions: int
    """How many decisions were recorded (their text stays on the review's own page)."""
    attended: int
    scores: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Interval:
    """The time between two reviews, or from the latest review to the build date (``open``)."""

    start: dt.date
    end: dt.date
    days: int
    gap: bool
    """Longer than the cadence: exactly ``review_cadence_days`` is on time, one day more is a gap."""
    open: bool = False


@dataclass(frozen=True)
class Rhythm:
    """Whether reviews are held at the coalition's own cadence."""

    cadence_days: int
    intervals: tuple[Interval, ...]
    """Between consecutive reviews, oldest first."""
    since_latest: Interval | None
    """From the latest review to the build date; ``None`` without reviews or when it was held today."""
    next_due: dt.date | None

    @property
    def gaps(self) -> tuple[Interval, ...]:
        """Every interval longer than the cadence, the open one (an overdue review) last."""
        gaps = tuple(i for i in self.intervals if i.gap)
        if self.since_latest is not None and self.since_latest.gap:
            gaps += (self.since_latest,)
        return gaps

    @property
    def overdue_days(self) -> int:
        """Days since the next review was due (0 when it is not overdue)."""
        if self.since_latest is None or not self.since_latest.gap:
            return 0
        return self.since_latest.days - self.cadence_days

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


@dataclass(frozen=True)
class AlignmentCell:
    date: dt.date
    state: str
    """A key of :data:`ALIGNMENT_LABELS`."""
    recorded: bool
    """True when the review wrote it; False when inferred (``joined``, ``status``) or missing."""
    attended: bool

    @property
    def label(self) -> str:
        return ALIGNMENT_LABELS[self.state]


@dataclass(frozen=True)
class DriftRun:
    """A partner recorded ``drifting`` in consecutive reviews."""

    partner_id: str
    name: str
    start: dt.date
    end: dt.date
    reviews: int
    ongoing: bool
    """The run includes the latest review."""


@dataclass(frozen=True)
class PartnerRecord:
    """One partner across the reviews: a row of the alignment heatmap, and its attendance."""

    partner_id: str
    name: str
    src_uri: str
    status: str
    joined: dt.date | None
    cells: tuple[AlignmentCell, ...]
    attended: int
    """Reviews attended while a member."""
    eligible: int
    """Reviews held while a member (neither before ``joined`` nor after stepping back or leaving)."""
    drift_runs: tuple[DriftRun, ...]

    @property
    def attendance(self) -> float | None:
        """Share of the reviews held while a member that the partner attended."""
        return self.attended / self.eligible if self.eligible else None

    def count(self, state: str) -> int:
        return sum(1 for cell in self.cells if cell.state == state)


@dataclass(frozen=True)
class YearTally:
    """One partner's reviews of one year, counted: a cell of the table that folds a year's
    heatmap. The year is not part of it (the table's column is), so that equal counts are one
    value, drawn once however many partners and years share them."""

    counts: tuple[tuple[str, int], ...]
    """State → how many of the year's reviews had it, in the order of :data:`ALIGNMENT_LABELS`;
    only the states seen."""

    def count(self, state: str) -> int:
        return dict(self.counts).get(state, 0)

    @property
    def held(self) -> int:
        """The reviews held that year."""
        return sum(n for _, n in self.counts)

    @property
    def member(self) -> int:
        """The reviews held that year while the partner was a member: what ``aligned`` is
        counted out of. A review it did not record counts (it was expected there); one before
        it joined, after it stepped back or after it left does not."""
        return sum(n for state, n in self.counts if state not in NON_MEMBER_STATES)

    @property
    def aligned(self) -> int:
        return self.count("aligned")

    @property
    def share_aligned(self) -> float | None:
        return self.aligned / self.member if self.member else None

    @property
    def others(self) -> tuple[tuple[str, int], ...]:
        """The states other than aligned of the reviews held while a member."""
        return tuple((s, n) for s, n in self.counts if s != "aligned" and s not in NON_MEMBER_STATES)

    @property
    def outside(self) -> tuple[tuple[str, int], ...]:
        """The reviews held while the partner was not a member, by state (not counted)."""
        return tuple((s, n) for s, n in self.counts if s in NON_MEMBER_STATES)


@dataclass(frozen=True)
class AlignmentYear:
    """An earlier year of alignment, folded: how many reviews were held, and each partner's tally."""

    year: int
    reviews: int
    tallies: tuple[YearTally, ...]
    """One per partner, in the order of :attr:`VitalityReport.partners`."""


@dataclass(frozen=True)
class DemandState:
    status: str
    target: str | None
    deadline: dt.date | None
    days_left: int | None
    """Days from the build date to the deadline; negative once it has passed."""
    src_uri: str


@dataclass(frozen=True)
class SignTally:
    sign: str
    kind: Literal["life", "decay"]
    label: str
    """The pattern's own words for the sign."""
    count: int
    last_seen: dt.date | None


@dataclass(frozen=True)
class ScoreTrend:
    name: str
    baseline: float | None
    """From ``commons_assessment`` in ``coalition.yml``."""
    points: tuple[tuple[dt.date, float], ...]

    @property
    def latest(self) -> float | None:
        return self.points[-1][1] if self.points else None

    @property
    def change(self) -> float | None:
        """The latest score minus the baseline."""
        if self.latest is None or self.baseline is None:
            return None
        return round(self.latest - self.baseline, 2)


@dataclass(frozen=True)
class Alert:
    """Something a steward must act on, with what the pattern advises."""

    kind: str
    """One of :data:`ALERT_KINDS`."""
    level: Level
    title: str
    detail: str
    advice: str
    link: str | None = None
    """The charter file it concerns (``src_uri``), if one."""


@dataclass(frozen=True)
class VitalityReport:
    """Everything the vitality dashboard shows, computed from the reviews an audience may see."""

    today: dt.date
    published_only: bool
    """True for a public build: only the reviews the coalition published are counted."""
    reviews: tuple[ReviewPoint, ...]
    """The reviews held (dated ``today`` or earlier), oldest first: everything below is read from them."""
    rhythm: Rhythm
    partners: tuple[PartnerRecord, ...]
    demand: DemandState | None
    signs: tuple[SignTally, ...]
    scores: tuple[ScoreTrend, ...]
    alerts: tuple[Alert, ...]
    drift_runs: tuple[DriftRun, ...] = field(default=())
    """Every run of :data:`DRIFT_RUN` or more drifting reviews, ongoing first."""
    ahead: tuple[ReviewPoint, ...] = field(default=())
    """Reviews dated after ``today``, oldest first: not held yet, so counted nowhere in the report
    (the dashboard only says they are there)."""

    @property
    def latest(self) -> ReviewPoint | None:
        return self.reviews[-1] if self.reviews else None

    @property
    def top_alert(self) -> Alert | None:
        return self.alerts[0] if self.alerts else None

    @property
    def latest_alignment(self) -> dict[str, int]:
        """State → how many partners had it at the latest review."""
        counts: dict[str, int] = {}
        for partner in self.partners:
            if partner.cells:
                state = partner.cells[-1].state
                counts[state] = counts.get(state, 0) + 1
        return counts

    @property
    def recent_gaps(self) -> tuple[Interval, ...]:
        """The gaps in the rhythm that ended in the last :data:`RECENT_DAYS`, oldest first."""
        return self._recent(self.rhythm.gaps)[0]

    @property
    def earlier_gaps(self) -> tuple[Interval, ...]:
        """The gaps that ended before those of :attr:`recent_gaps`: a coalition reviewing for
        ten years may have dozens, which the dashboard folds away."""
        return self._recent(self.rhythm.gaps)[1]

    @property
    def recent_drift_runs(self) -> tuple[DriftRun, ...]:
        """The runs of drifting still going on or ended in the last :data:`RECENT_DAYS`."""
        return self._recent(self.drift_runs)[0]

    @property
    def earlier_drift_runs(self) -> tuple[DriftRun, ...]:
        return self._recent(self.drift_runs)[1]

    def _recent(self, items: tuple) -> tuple[tuple, tuple]:
        """``items`` (with an ``end`` date) split into the recent ones and the earlier ones; an
        ongoing run of drifting is recent however long ago its latest review was."""
        since = _days_after(self.today, -RECENT_DAYS)
        recent = tuple(i for i in items if i.end >= since or getattr(i, "ongoing", False))
        return recent, tuple(i for i in items if i not in recent)

    @property
    def recent_years(self) -> tuple[int, ...]:
        """The years whose alignment the dashboard draws review by review, newest first: those
        holding a review in the last :data:`RECENT_DAYS` (this year and last, for a coalition
        that reviews), and at least the latest year with a review; every year when reviews were
        held in fewer than :data:`FOLD_FROM_YEARS`."""
        years = sorted({review.date.year for review in self.reviews}, reverse=True)
        if len(years) < FOLD_FROM_YEARS:
            return tuple(years)
        since = _days_after(self.today, -RECENT_DAYS)
        # The reviews are oldest first: the first one in the window starts the recent years.
        first = next((r.date.year for r in self.reviews if r.date >= since), years[0])
        return tuple(year for year in years if year >= first)

    @property
    def earlier_years(self) -> tuple[AlignmentYear, ...]:
        """The years before :attr:`recent_years`, newest first, each partner's reviews of the
        year counted by state: what a ten-year coalition's heatmap folds to."""
        recent = self.recent_years
        folded: list[AlignmentYear] = []
        start = 0
        # The reviews are oldest first, so a year's are consecutive: the same slice of each row.
        for year, group in groupby(self.reviews, key=lambda review: review.date.year):
            stop = start + sum(1 for _ in group)
            if year not in recent:
                folded.append(AlignmentYear(year, stop - start, tuple(
                    _year_tally(partner.cells[start:stop]) for partner in self.partners)))
            start = stop
        return tuple(reversed(folded))

    @property
    def latest_members(self) -> int:
        """Partners who were members at the latest review (not yet joined, stepped back
        without a record, or departed do not count)."""
        return sum(1 for p in self.partners if p.cells and p.cells[-1].state not in NON_MEMBER_STATES)


# -- building it ----------------------------------------------------------------------------------
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
    rhythm = _rhythm(reviews, charter.coalition.review_cadence_days, today)
    demand = charter.joint_demand
    demand_state = None
    if is_visible(demand, audience):
        demand_state = DemandState(demand.status, demand.target, demand.deadline,
                                   (demand.deadline - today).days if demand.deadline else None,
                                   demand.src_uri or JOINT_DEMAND)
    report_reviews = tuple(_review_point(r) for r in reviews)
    alerts = _alerts(charter, audience, report_reviews, rhythm, partners, demand_state, today, ahead)
    return VitalityReport(
        today=today,
        published_only=published_only,
        reviews=report_reviews,
        rhythm=rhythm,
        partners=partners,
        demand=demand_state,
        signs=_signs(reviews),
        scores=_scores(charter.coalition.commons_assessment, reviews),
        alerts=alerts,
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


def _rhythm(reviews: list[Review], cadence: int, today: dt.date) -> Rhythm:
    dates = [r.date for r in reviews]
    intervals = tuple(_interval(a, b, cadence) for a, b in zip(dates, dates[1:]))
    since_latest = None
    if dates and dates[-1] < today:  # the reviews are held ones: dated today at the latest
        since_latest = _interval(dates[-1], today, cadence, open=True)
    next_due = _days_after(dates[-1], cadence) if dates else None
    return Rhythm(cadence, intervals, since_latest, next_due)


def _days_after(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, kept on the calendar (a build "as of" the year 1 or 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


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


def _year_tally(cells: tuple[AlignmentCell, ...]) -> YearTally:
    counts = {state: 0 for state in ALIGNMENT_LABELS}
    for cell in cells:
        counts[cell.state] += 1
    return YearTally(tuple((state, n) for state, n in counts.items() if n))


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
    for kind, vocabulary, attr in (("life", SIGNS_OF_LIFE, "signs_of_life"),
                                   ("decay", SIGNS_OF_DECAY, "signs_of_decay")):
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


# -- alerts ---------------------------------------------------------------------------------------
def _alerts(charter: Charter, audience: str, reviews: tuple[ReviewPoint, ...], rhythm: Rhythm,
            partners: tuple[PartnerRecord, ...], demand: DemandState | None,
            today: dt.date, ahead: tuple[ReviewPoint, ...] = ()) -> tuple[Alert, ...]:
    published = "published " if audience == "public" else ""
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
    seen = {sign: [r.date.isoformat() for r in recent if sign in r.signs_of_decay]
            for sign in REPLANT_SIGNS}
    seen = {sign: dates for sign, dates in seen.items() if dates}
    if not seen:
        return []
    detail = "; ".join(f"'{sign}' ({SIGNS_OF_DECAY[sign].lower()}) recorded on {', '.join(dates)}"
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
    since_text = (f"since the review of {since.isoformat()}" if live
                  else f"since the first review on {since.isoformat()}")
    return [Alert("ritual", "urgent", "Ritual: reviews are held, nothing changes",
                  f"{len(run)} reviews were held {since_text} ({days} days), the latest on "
                  f"{run[0].date.isoformat()}, with policy progress not advancing and no decision recorded.",
                  ADVICE["ritual"], run[0].src_uri)]


def _overdue(rhythm: Rhythm, reviews: tuple[ReviewPoint, ...], published: str,
             ahead: tuple[ReviewPoint, ...] = ()) -> list[Alert]:
    # A review dated after today is not held; a steward who sees its file asks why it does not count.
    not_counted = ""
    if ahead:
        noun, verb = ("review", "is") if len(ahead) == 1 else ("reviews", "are")
        dates = ", ".join(r.date.isoformat() for r in ahead)
        not_counted = f" The {published}{noun} dated {dates} {verb} after today and not counted."
    if not reviews:
        recorded = "held" if ahead else "recorded"
        return [Alert("overdue", "warning", f"No {published}review yet",
                      f"No {published}implementation-honesty review is {recorded}; the coalition "
                      f"reviews every {rhythm.cadence_days} days.{not_counted}", ADVICE["overdue"])]
    if not rhythm.overdue:
        return []
    # Two cadences without a review is two missed meetings: no longer a late one.
    level: Level = "urgent" if rhythm.overdue_days > rhythm.cadence_days else "warning"
    return [Alert("overdue", level, "The next review is overdue",
                  f"No {published}review since {reviews[-1].date.isoformat()}: the next was due on "
                  f"{rhythm.next_due.isoformat()}, {_days(rhythm.overdue_days)} ago (the coalition reviews every "
                  f"{rhythm.cadence_days} days).{not_counted}", ADVICE["overdue"], reviews[-1].src_uri)]


def _steward(charter: Charter, today: dt.date) -> list[Alert]:
    mandate = charter.steward_mandate
    link = mandate.src_uri or STEWARD_MANDATE
    if not mandate.stewards:
        return [Alert("steward", "urgent", "No steward is named",
                      "The steward mandate names no steward.", ADVICE["steward"], link)]
    begun = [s for s in mandate.stewards if s.begun(today)]
    ahead = [s for s in mandate.stewards if not s.begun(today) and not s.ended(today)]
    if ahead and not any(not s.ended(today) for s in begun):
        # A successor named ahead of the day, and nobody in office until then.
        first = min(ahead, key=lambda s: s.since)
        ended = [s for s in begun if s.term_ends is not None]
        before = ""
        if ended:
            last = max(s.term_ends for s in ended)
            before = (f"The term of {', '.join(s.name for s in ended if s.term_ends == last)} ended on "
                      f"{last.isoformat()}; ")
        detail = (f"{before}the term of {first.name} begins on {first.since.isoformat()}, in "
                  f"{_days((first.since - today).days)}: until then no steward is in office.")
        return [Alert("steward", "urgent", "No steward is in office", detail[0].upper() + detail[1:],
                      ADVICE["steward"], link)]
    if any(s.term_ends is None for s in mandate.stewards):
        return []  # someone's term is open-ended: the role continues
    ends = max(s.term_ends for s in mandate.stewards)
    names = ", ".join(s.name for s in mandate.stewards if s.term_ends == ends)
    if ends < today:
        return [Alert("steward", "urgent", "The steward's term has ended",
                      f"The term of {names} ended on {ends.isoformat()}, "
                      f"{_days((today - ends).days)} ago; no steward is in office.",
                      ADVICE["steward"], link)]
    days = (ends - today).days
    if days <= STEWARD_NOTICE_DAYS:
        when = "today" if days == 0 else f"in {_days(days)}"
        return [Alert("steward", "warning", "The steward's term is ending",
                      f"The term of {names} ends on {ends.isoformat()}, {when}.",
                      ADVICE["steward"], link)]
    return []


def _deadline(demand: DemandState | None, today: dt.date) -> list[Alert]:
    if demand is None or demand.status != "campaigning" or demand.deadline is None \
            or demand.deadline >= today:
        return []
    return [Alert("deadline", "warning", "The joint demand's deadline has passed",
                  f"The deadline was {demand.deadline.isoformat()}, {_days(-demand.days_left)} ago, "
                  "and the demand is still marked 'campaigning'.", ADVICE["deadline"], demand.src_uri)]


def _drift(run: DriftRun, link: str) -> Alert:
    return Alert("drift", "warning", f"{run.name} is drifting",
                 f"{run.name} was recorded 'drifting' in {run.reviews} consecutive reviews, "
                 f"from {run.start.isoformat()} to {run.end.isoformat()}.",
                 ADVICE["drift"], link)


def _stepped_back(partner: Partner) -> Alert:
    back = partner.stepped_back
    if back is None:  # the check reports a missing `stepped_back`; say what is known
        detail = f"{partner.name} has stepped back; its file does not say from what."
    else:
        detail = f"{partner.name} stepped back from {back.scope} on {back.since.isoformat()}."
        if back.reason:
            detail += f" Its reason: {back.reason.strip()}"
    return Alert("stepped-back", "notice", f"{partner.name} has stepped back", detail,
                 ADVICE["stepped-back"], partner.src_uri or partner_uri(partner.id))


def _days(count: int) -> str:
    return f"{count} day{'s' * (count != 1)}"


def _latest(count: int) -> str:
    return "the latest review" if count == 1 else f"the latest {count} reviews"
