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

report.py  what the dashboard shows: the report, its parts and the labels of alignment states
build.py   the report built from a charter's reviews (:func:`build_vitality_report`)
alerts.py  what a steward must act on, and what the pattern advises
"""

from .alerts import (ADVICE, NOT_ADVANCING, RECENT_REVIEWS, REPLANT_SIGNS, RITUAL_DAYS,
                     RITUAL_MIN_REVIEWS, STEWARD_NOTICE_DAYS)
from .build import build_vitality_report
from .report import (ALERT_KINDS, ALIGNMENT_LABELS, DRIFT_RUN, FOLD_FROM_YEARS, LEVELS,
                     NON_MEMBER_STATES, RECENT_DAYS, Alert, AlignmentCell,
                     AlignmentYear, DemandState, DriftRun, GroupRecord, Interval, Level,
                     PartnerRecord, ReviewPoint, Rhythm, ScoreTrend, SignTally, VitalityReport,
                     YearTally, group_record, tally)

__all__ = [
    "ADVICE", "ALERT_KINDS", "ALIGNMENT_LABELS", "DRIFT_RUN", "FOLD_FROM_YEARS", "LEVELS",
    "NON_MEMBER_STATES", "NOT_ADVANCING", "RECENT_DAYS", "RECENT_REVIEWS", "REPLANT_SIGNS", "RITUAL_DAYS", "RITUAL_MIN_REVIEWS", "STEWARD_NOTICE_DAYS", "Alert",
    "AlignmentCell", "AlignmentYear", "DemandState", "DriftRun", "GroupRecord", "Interval", "Level",
    "PartnerRecord", "ReviewPoint", "Rhythm", "ScoreTrend", "SignTally", "VitalityReport",
    "YearTally", "build_vitality_report", "group_record", "tally",
]
