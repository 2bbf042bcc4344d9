"""What the vitality dashboard shows: the :class:`VitalityReport` and its parts, as plain values.

:func:`~coalition_site.analysis.vitality.build.build_vitality_report` makes one from a charter;
the dashboard's partials and charts only read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby
from typing import Iterable, Literal, Sequence

DRIFT_RUN = 3
"""Consecutive reviews a partner may drift in before it is called out by name."""
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
NON_MEMBER_STATES = frozenset({"not-yet-a-partner", "stepped-back", "departed"})
"""Cells where the partner was not expected at the review (they do not count for attendance)."""

Level = Literal["urgent", "warning", "notice"]
LEVELS: tuple[Level, ...] = ("urgent", "warning", "notice")
ALERT_KINDS = ("replant", "ritual", "overdue", "steward", "deadline", "drift", "stepped-back")
"""Alert kinds in the order they are listed within one level."""


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
    dates: tuple[dt.date, ...] = ()
    """The dates of the reviews held that it reads, oldest first."""
    measured: bool = True
    """False when the audience knows only the published reviews (a public build, unless the
    coalition publishes its review dates): the time between two of them says nothing of the
    meetings held in between, so the rhythm has no interval, no gap, and nothing due."""

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
class GroupRecord:
    """A group of partners across the reviews, counted: a row of a large coalition's alignment
    tables, where a row a partner would make the dashboard grow with the coalition (a
    2,000-partner heatmap is 2,000 rows a year). Each partner's own row is on its group's page."""

    label: str
    src_uri: str
    """The group's own page, where its partners' rows are."""
    partners: int
    cells: tuple[YearTally, ...]
    """One per review (in the order of :attr:`VitalityReport.reviews`): the group's partners'
    states at that review, counted."""
    years: tuple[YearTally, ...]
    """One per folded year (in the order of :attr:`VitalityReport.earlier_years`): the group's
    partners' states at that year's reviews, counted."""
    attended: int
    """Reviews attended by the group's partners while members, all told."""
    eligible: int
    """Reviews held while each of the group's partners was a member, all told."""
    drifting: int
    absent: int

    @property
    def attendance(self) -> float | None:
        return self.attended / self.eligible if self.eligible else None


def group_record(report: "VitalityReport", rows: Sequence[PartnerRecord], label: str, src_uri: str) -> GroupRecord:
    """The group of partners whose records (of :attr:`VitalityReport.partners`) are ``rows``, as one record."""
    cells = tuple(tally(row.cells[index] for row in rows) for index in range(len(report.reviews)))
    years = tuple(tally(cell for row in rows for cell in row.cells[start:stop])
                  for start, stop in report.earlier_spans)
    return GroupRecord(label, src_uri, len(rows), cells, years,
                       attended=sum(p.attended for p in rows), eligible=sum(p.eligible for p in rows),
                       drifting=sum(p.count("drifting") for p in rows),
                       absent=sum(p.count("absent") for p in rows))


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
    held: int | None = None
    """How many reviews were held (dated ``today`` or earlier), published or not; ``None``
    when the audience may not know (a public build, unless the coalition publishes its review
    dates)."""
    published: int = 0
    """How many of the reviews held are published."""
    dates_published: bool = False
    """A public build told the dates of every review: its rhythm counts every review held."""

    @property
    def latest(self) -> ReviewPoint | None:
        return self.reviews[-1] if self.reviews else None

    def review_on(self, date: dt.date) -> ReviewPoint | None:
        """The review of ``date`` this audience may read (``None``: it is not published)."""
        return next((review for review in self.reviews if review.date == date), None)

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
        since = days_after(self.today, -RECENT_DAYS)
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
        since = days_after(self.today, -RECENT_DAYS)
        # The reviews are oldest first: the first one in the window starts the recent years.
        first = next((r.date.year for r in self.reviews if r.date >= since), years[0])
        return tuple(year for year in years if year >= first)

    @property
    def earlier_years(self) -> tuple[AlignmentYear, ...]:
        """The years before :attr:`recent_years`, newest first, each partner's reviews of the
        year counted by state: what a ten-year coalition's heatmap folds to."""
        return tuple(
            AlignmentYear(self.reviews[start].date.year, stop - start, tuple(
                tally(partner.cells[start:stop]) for partner in self.partners))
            for start, stop in self.earlier_spans)

    @property
    def earlier_spans(self) -> tuple[tuple[int, int], ...]:
        """Where each year of :attr:`earlier_years` is in :attr:`reviews` (start, stop),
        newest first."""
        recent = self.recent_years
        spans = []
        start = 0
        # The reviews are oldest first, so a year's are consecutive: the same slice of each row.
        for year, group in groupby(self.reviews, key=lambda review: review.date.year):
            stop = start + sum(1 for _ in group)
            if year not in recent:
                spans.append((start, stop))
            start = stop
        return tuple(reversed(spans))

    @property
    def latest_members(self) -> int:
        """Partners who were members at the latest review (not yet joined, stepped back
        without a record, or departed do not count)."""
        return sum(1 for p in self.partners if p.cells and p.cells[-1].state not in NON_MEMBER_STATES)


def days_after(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, kept on the calendar (a build "as of" the year 1 or 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def tally(cells: Iterable[AlignmentCell]) -> YearTally:
    """Cells counted by state: one partner's reviews of a year, or a group's partners at a review."""
    counts = {state: 0 for state in ALIGNMENT_LABELS}
    for cell in cells:
        counts[cell.state] += 1
    return YearTally(tuple((state, n) for state, n in counts.items() if n))
