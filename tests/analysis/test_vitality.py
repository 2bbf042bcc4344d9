"""The vitality report from hand-made review series: rhythm, alignment, alerts, scores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_site.analysis.vitality import (
    ADVICE, RECENT_DAYS, RITUAL_DAYS, STEWARD_NOTICE_DAYS, build_vitality_report)
from coalition_site.audience import for_audience, with_review_dates
from coalition_site.model import (
    Autonomy, Charter, CharterVersion, Coalition, ConflictProtocol, JointDemand, Partner,
    ProblemStatement, Review, SteppedBack, Steward, StewardMandate)
from coalition_site.model.dates import long_date
from coalition_site.model.review import SIGNS_OF_DECAY
from coalition_site.rules import review_due
from leak_grammar import property_settings

TODAY = dt.date(2026, 11, 24)
DAY = dt.timedelta(days=1)


# -- hand-made charters -------------------------------------------------------------------------
def make_partner(pid: str, *, joined=None, status="active", stepped_back=None, visibility="public") -> Partner:
    partner = Partner(name=pid.replace("-", " ").title(), issue="An issue", theory_of_change="A theory.",
                      joined=joined, status=status, stepped_back=stepped_back, visibility=visibility)
    partner.attach(f"partners/{pid}.md", "", 1)
    return partner


def make_review(date: dt.date, **fields) -> Review:
    review = Review(date=date, **fields)
    review.attach(f"reviews/{date.isoformat()}.md", "", 1)
    return review


def make_charter(reviews=(), *, partners=("alpha", "beta"), cadence=31, baseline=None,
                 stewards=None, demand=None, mandate_visibility="public") -> Charter:
    partner_models = [p if isinstance(p, Partner) else make_partner(p) for p in partners]
    mandate = StewardMandate(
        stewards=[Steward(name="Dana Ortiz", term_ends=dt.date(2030, 1, 1))] if stewards is None else stewards,
        visibility=mandate_visibility)
    mandate.attach("charter/steward-mandate.md", "", 1)
    joint_demand = demand or JointDemand(status="campaigning", deadline=dt.date(2030, 1, 1))
    joint_demand.attach("charter/joint-demand.md", "", 1)
    return Charter(
        docs_dir=Path("content"),
        coalition=Coalition(name="Test Coalition", charter=CharterVersion(version="1.0.0"),
                            review_cadence_days=cadence, commons_assessment=baseline or {}),
        problem_statement=ProblemStatement(), joint_demand=joint_demand, steward_mandate=mandate,
        autonomy=Autonomy(), conflict_protocol=ConflictProtocol(),
        partners={p.id: p for p in partner_models},
        reviews=sorted(reviews, key=lambda r: r.date))


def every(start: dt.date, count: int, days: int) -> list[dt.date]:
    return [start + dt.timedelta(days=days * i) for i in range(count)]


def healthy(date: dt.date, **fields) -> Review:
    """A review of a coalition doing fine: progress, a decision, everyone aligned."""
    values = dict(attended=["alpha", "beta"], policy_progress="advancing",
                  alignment={"alpha": "aligned", "beta": "aligned"}, decisions=["Act."])
    values.update(fields)
    return make_review(date, **values)


def report_of(charter: Charter, today: dt.date = TODAY):
    return build_vitality_report(charter, today)


def kinds(report) -> list[str]:
    return [alert.kind for alert in report.alerts]


# -- rhythm ------------------------------------------------------------------------------------
def test_reviews_exactly_a_cadence_apart_leave_no_gap():
    dates = every(dt.date(2026, 1, 1), 4, 31)
    report = report_of(make_charter([healthy(d) for d in dates]), today=dates[-1] + 5 * DAY)
    assert [i.days for i in report.rhythm.intervals] == [31, 31, 31]
    assert report.rhythm.gaps == ()


def test_one_day_more_than_the_cadence_is_a_gap_with_its_dates():
    dates = [dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2026, 3, 5)]  # 31, then 32 days
    report = report_of(make_charter([healthy(d) for d in dates]), today=dt.date(2026, 3, 10))
    [gap] = report.rhythm.gaps
    assert (gap.start, gap.end, gap.days, gap.open) == (dt.date(2026, 2, 1), dt.date(2026, 3, 5), 32, False)


def test_the_next_review_is_due_a_cadence_after_the_latest_and_overdue_the_day_after():
    latest = dt.date(2026, 10, 1)
    charter = make_charter([healthy(latest)])
    on_time = report_of(charter, today=latest + 31 * DAY)
    assert on_time.rhythm.next_due == latest + 31 * DAY
    assert (on_time.rhythm.overdue, on_time.rhythm.gaps) == (False, ())
    assert "overdue" not in kinds(on_time)

    late = report_of(charter, today=latest + 32 * DAY)
    assert late.rhythm.overdue_days == 1
    [gap] = late.rhythm.gaps
    assert (gap.open, gap.days, gap.end) == (True, 32, latest + 32 * DAY)
    [alert] = [a for a in late.alerts if a.kind == "overdue"]
    assert alert.level == "warning"
    assert alert.detail == ("No review since 1 October 2026: the next was due on 1 November 2026, 1 day ago "
                            "(the coalition reviews every 31 days).")
    assert alert.advice == ADVICE["overdue"]


def test_a_review_missed_twice_is_urgent():
    latest = dt.date(2026, 9, 1)
    charter = make_charter([healthy(latest)])
    assert [a.level for a in report_of(charter, today=latest + 62 * DAY).alerts] == ["warning"]
    assert [a.level for a in report_of(charter, today=latest + 63 * DAY).alerts] == ["urgent"]


# -- reviews dated after the build date: not held yet, counted nowhere ----------------------------
def test_a_review_held_today_is_the_latest_and_nothing_is_ahead():
    report = report_of(make_charter([healthy(TODAY - 28 * DAY), healthy(TODAY)]))
    assert [r.date for r in report.reviews] == [TODAY - 28 * DAY, TODAY]
    assert (report.rhythm.since_latest, report.rhythm.next_due, report.ahead) == (None, TODAY + 31 * DAY, ())
    assert report.alerts == ()


def test_reviews_dated_after_today_are_listed_apart_and_counted_nowhere():
    held = [healthy(d, scores={"resilience": 3.0}) for d in (dt.date(2026, 10, 1), dt.date(2026, 11, 1))]
    ahead = [make_review(dt.date(2026, 12, 1), attended=["alpha"], policy_progress="stalled",
                         alignment={"alpha": "drifting", "beta": "absent"}, scores={"resilience": 1.0},
                         signs_of_decay=["side-deals", "vague-demand"], signs_of_life=["new-members"]),
             make_review(dt.date(2027, 1, 5), attended=["alpha"])]
    report = report_of(make_charter(held + ahead, baseline={"resilience": 3.0}))
    assert [r.date for r in report.ahead] == [dt.date(2026, 12, 1), dt.date(2027, 1, 5)]
    assert [r.src_uri for r in report.ahead] == ["reviews/2026-12-01.md", "reviews/2027-01-05.md"]
    assert [r.date for r in report.reviews] == [dt.date(2026, 10, 1), dt.date(2026, 11, 1)]
    assert report.latest.date == dt.date(2026, 11, 1)
    assert [(i.start, i.end, i.days) for i in report.rhythm.intervals] == [
        (dt.date(2026, 10, 1), dt.date(2026, 11, 1), 31)]
    since = report.rhythm.since_latest
    assert (since.start, since.end, since.days, since.open) == (dt.date(2026, 11, 1), TODAY, 23, True)
    assert report.rhythm.next_due == dt.date(2026, 12, 2)
    assert [[c.state for c in p.cells] for p in report.partners] == [["aligned", "aligned"]] * 2
    assert [(p.attended, p.eligible) for p in report.partners] == [(2, 2), (2, 2)]
    assert report.latest_alignment == {"aligned": 2}
    assert {t.sign: t.count for t in report.signs if t.count} == {}
    [resilience] = report.scores
    assert (resilience.points, resilience.latest, resilience.change) == (
        ((dt.date(2026, 10, 1), 3.0), (dt.date(2026, 11, 1), 3.0)), 3.0, 0.0)
    assert report.alerts == ()  # no replant for side deals not yet recorded at a meeting


def test_a_review_dated_after_today_does_not_hide_an_overdue_one():
    # `review-due` counts the same way: due a cadence after the latest review held.
    charter = make_charter([healthy(dt.date(2026, 10, 1)), healthy(TODAY + 3 * DAY)])
    report = report_of(charter)
    assert (report.latest.date, report.rhythm.next_due, report.rhythm.overdue_days) == (
        dt.date(2026, 10, 1), dt.date(2026, 11, 1), 23)
    [alert] = report.alerts
    assert (alert.kind, alert.level, alert.title, alert.link) == (
        "overdue", "warning", "The next review is overdue", "reviews/2026-10-01.md")
    assert alert.detail == ("No review since 1 October 2026: the next was due on 1 November 2026, 23 days ago "
                            "(the coalition reviews every 31 days). The review dated 27 November 2026 is "
                            "after today and not counted.")
    [finding] = review_due.check(charter, TODAY)
    assert (finding.src_uri, "due on 2026-11-01" in finding.message) == ("reviews/2026-10-01.md", True)


def test_reviews_dated_after_today_do_not_hide_ritual_or_drift():
    charter, today = ritual_series(RITUAL_DAYS)
    reviews = list(charter.reviews)
    for review in reviews[1:]:
        review.alignment = {"alpha": "aligned", "beta": "drifting"}
    ahead = healthy(today + DAY)  # progress, a decision, everyone aligned: but not held yet
    report = report_of(charter.replace(reviews=reviews + [ahead]), today)
    assert kinds(report) == ["ritual", "drift"]
    assert [r.date for r in report.ahead] == [today + DAY]


def test_only_reviews_dated_after_today_is_no_review_yet():
    charter = make_charter([healthy(TODAY + 3 * DAY), healthy(TODAY + 31 * DAY)])
    report = report_of(charter)
    assert (report.reviews, report.latest, report.rhythm.next_due) == ((), None, None)
    assert [r.date for r in report.ahead] == [dt.date(2026, 11, 27), dt.date(2026, 12, 25)]
    assert [p.cells for p in report.partners] == [(), ()]
    [alert] = report.alerts
    assert (alert.kind, alert.level, alert.title) == ("overdue", "warning", "No review yet")
    assert alert.detail == ("No implementation-honesty review is held; the coalition reviews every 31 "
                            "days. The reviews dated 27 November 2026 and 25 December 2026 are after today and not "
                            "counted.")


def test_a_public_report_lists_only_published_reviews_ahead():
    charter = make_charter([healthy(dt.date(2026, 10, 1), visibility="public"),
                            healthy(TODAY + DAY, visibility="public"), healthy(TODAY + 2 * DAY)])
    public = report_of(for_audience(charter, "public"))
    assert [r.date for r in public.ahead] == [TODAY + DAY]
    # Not called overdue: the public does not know when the coalition last met.
    assert public.alerts == ()
    told = report_of(with_review_dates(for_audience(charter, "public"), charter))
    [alert] = told.alerts
    assert alert.detail == ("No review since 1 October 2026: the next was due on 1 November 2026, 23 days "
                            "ago (the coalition reviews every 31 days). The review dated 25 November 2026 "
                            "is after today and not counted.")


def test_a_charter_without_reviews_has_an_empty_report_and_says_no_review_yet():
    report = report_of(make_charter([]))
    assert report.reviews == () and report.latest is None
    assert report.rhythm.intervals == () and report.rhythm.next_due is None
    assert [p.cells for p in report.partners] == [(), ()]
    assert [s.count for s in report.signs] == [0] * 8
    assert [(a.kind, a.level, a.title) for a in report.alerts] == [("overdue", "warning", "No review yet")]


# -- alignment and attendance --------------------------------------------------------------------
def test_a_partner_that_joined_mid_series_is_not_yet_a_partner_before_and_not_counted_absent():
    dates = every(dt.date(2026, 1, 1), 4, 28)
    partners = ["alpha", make_partner("gamma", joined=dates[2])]
    reviews = [make_review(d, attended=["alpha"] + (["gamma"] if d >= dates[2] else []),
                           alignment={"alpha": "aligned", **({"gamma": "aligned"} if d >= dates[2] else {})})
               for d in dates]
    report = report_of(make_charter(reviews, partners=partners), today=dates[-1])
    gamma = next(p for p in report.partners if p.partner_id == "gamma")
    assert [c.state for c in gamma.cells] == ["not-yet-a-partner", "not-yet-a-partner", "aligned", "aligned"]
    assert (gamma.attended, gamma.eligible, gamma.attendance) == (2, 2, 1.0)


def test_a_departed_partner_is_departed_after_the_last_review_that_recorded_it():
    dates = every(dt.date(2026, 1, 1), 4, 28)
    partners = ["alpha", make_partner("delta", status="departed")]
    reviews = [make_review(dates[0], attended=["alpha", "delta"], alignment={"alpha": "aligned", "delta": "aligned"}),
               make_review(dates[1], attended=["alpha"], alignment={"alpha": "aligned", "delta": "absent"}),
               make_review(dates[2], attended=["alpha"], alignment={"alpha": "aligned"}),
               make_review(dates[3], attended=["alpha"], alignment={"alpha": "aligned"})]
    report = report_of(make_charter(reviews, partners=partners), today=dates[-1])
    delta = next(p for p in report.partners if p.partner_id == "delta")
    assert [c.state for c in delta.cells] == ["aligned", "absent", "departed", "departed"]
    assert [c.recorded for c in delta.cells] == [True, True, False, False]
    assert (delta.attended, delta.eligible) == (1, 2)
    assert delta.count("absent") == 1


def test_a_stepped_back_partner_is_shown_stepped_back_where_no_review_recorded_it():
    dates = every(dt.date(2026, 1, 1), 4, 28)
    back = SteppedBack(since=dates[1], scope="the zoning ask", reason="Contract campaign.\n")
    partners = ["alpha", make_partner("beta", status="stepped-back", stepped_back=back)]
    reviews = [make_review(dates[0], attended=["alpha", "beta"], alignment={"alpha": "aligned", "beta": "aligned"}),
               make_review(dates[1], attended=["alpha"], alignment={"alpha": "aligned"}),
               make_review(dates[2], attended=["alpha", "beta"], alignment={"alpha": "aligned", "beta": "solo-by-agreement"}),
               make_review(dates[3], attended=["alpha"], alignment={"alpha": "aligned"})]
    report = report_of(make_charter(reviews, partners=partners), today=dates[-1])
    beta = next(p for p in report.partners if p.partner_id == "beta")
    assert [c.state for c in beta.cells] == ["aligned", "stepped-back", "solo-by-agreement", "stepped-back"]
    assert (beta.attended, beta.eligible) == (2, 2)
    [alert] = [a for a in report.alerts if a.kind == "stepped-back"]
    assert (alert.level, alert.title, alert.link) == ("notice", "Beta has stepped back", "partners/beta.md")
    assert alert.detail == "Beta stepped back from the zoning ask on 29 January 2026. Its reason: Contract campaign."


def test_a_member_the_review_did_not_record_is_not_recorded_and_counts_as_not_attending():
    report = report_of(make_charter([make_review(dt.date(2026, 11, 1), attended=["alpha"],
                                                 alignment={"alpha": "aligned"})]))
    beta = next(p for p in report.partners if p.partner_id == "beta")
    assert [(c.state, c.recorded) for c in beta.cells] == [("not-recorded", False)]
    assert (beta.attended, beta.eligible, beta.attendance) == (0, 1, 0.0)


def test_partners_are_listed_by_name():
    report = report_of(make_charter([], partners=["zulu", "alpha", "mike"]))
    assert [p.name for p in report.partners] == ["Alpha", "Mike", "Zulu"]


def drifting_series(states: list[str]) -> Charter:
    dates = every(dt.date(2026, 6, 1), len(states), 28)
    return make_charter([healthy(d, alignment={"alpha": "aligned", "beta": s}) for d, s in zip(dates, states)])


def test_a_partner_drifting_in_three_consecutive_reviews_is_called_out_by_name():
    report = report_of(drifting_series(["aligned", "drifting", "drifting", "drifting"]))
    [run] = report.drift_runs
    assert (run.name, run.reviews, run.start, run.end, run.ongoing) == (
        "Beta", 3, dt.date(2026, 6, 29), dt.date(2026, 8, 24), True)
    [alert] = [a for a in report.alerts if a.kind == "drift"]
    assert (alert.level, alert.title, alert.link) == ("warning", "Beta is drifting", "partners/beta.md")
    assert alert.detail == "Beta was recorded as drifting in 3 consecutive reviews, from 29 June 2026 to 24 August 2026."


@pytest.mark.parametrize("states", [
    ["aligned", "drifting", "drifting"],                           # two only
    ["drifting", "drifting", "absent", "drifting"],                # broken by another state
    ["drifting", "drifting", "aligned", "drifting", "drifting"],   # two runs of two
])
def test_fewer_than_three_consecutive_drifting_reviews_is_not_called_out(states):
    report = report_of(drifting_series(states))
    assert report.drift_runs == ()
    assert "drift" not in kinds(report)


def test_a_past_drift_is_called_out_but_is_no_alert_once_the_partner_is_aligned_again():
    report = report_of(drifting_series(["drifting", "drifting", "drifting", "aligned"]))
    [run] = report.drift_runs
    assert (run.reviews, run.ongoing) == (3, False)
    assert "drift" not in kinds(report)


def test_a_drift_still_going_on_at_the_latest_review_is_recent_however_old_that_review():
    charter = drifting_series(["drifting", "drifting", "drifting"])
    latest = charter.reviews[-1].date
    years_later = report_of(charter, today=latest + 800 * DAY)
    assert [run.ongoing for run in years_later.recent_drift_runs] == [True]
    assert years_later.earlier_drift_runs == ()
    over = report_of(drifting_series(["drifting", "drifting", "drifting", "aligned"]), today=latest + 400 * DAY)
    assert (over.recent_drift_runs, len(over.earlier_drift_runs)) == ((), 1)


def test_latest_alignment_counts_the_states_at_the_latest_review():
    report = report_of(drifting_series(["aligned", "drifting"]))
    assert report.latest_alignment == {"aligned": 1, "drifting": 1}


# -- alignment of earlier years, folded ---------------------------------------------------------
def monthly(first_year: int, last: dt.date) -> list[dt.date]:
    """The first of every month from January of ``first_year`` to ``last``."""
    return [dt.date(y, m, 1) for y in range(first_year, last.year + 1) for m in range(1, 13)
            if dt.date(y, m, 1) <= last]


def test_years_with_a_review_in_the_last_twelve_months_are_recent_and_earlier_ones_are_folded():
    report = report_of(make_charter([healthy(d) for d in monthly(2020, dt.date(2026, 11, 1))]))
    assert report.recent_years == (2026, 2025)  # December 2025 is within a year of 24 November 2026
    assert [(y.year, y.reviews) for y in report.earlier_years] == [
        (2024, 12), (2023, 12), (2022, 12), (2021, 12), (2020, 12)]  # newest first
    for year in report.earlier_years:
        assert [(t.aligned, t.member, t.held) for t in year.tallies] == [(12, 12, 12), (12, 12, 12)]
        assert year.tallies[0].counts == (("aligned", 12),)


def test_a_review_exactly_twelve_months_before_today_keeps_its_year_recent():
    year_ago = TODAY - RECENT_DAYS * DAY
    assert year_ago == dt.date(2025, 11, 24)
    older = [healthy(dt.date(2024, 6, 1)), healthy(dt.date(2025, 6, 1)), healthy(dt.date(2026, 3, 1))]
    held = report_of(make_charter(older + [healthy(year_ago)]))
    assert (held.recent_years, [y.year for y in held.earlier_years]) == ((2026, 2025), [2024])
    assert held.earlier_years[0].reviews == 1
    a_day_earlier = report_of(make_charter(older + [healthy(year_ago - DAY)]))
    assert (a_day_earlier.recent_years, [y.year for y in a_day_earlier.earlier_years]) == ((2026,), [2025, 2024])
    assert a_day_earlier.earlier_years[0].reviews == 2


def test_the_latest_year_with_reviews_is_drawn_review_by_review_however_long_ago():
    report = report_of(make_charter([healthy(dt.date(y, 5, 1)) for y in (2019, 2020, 2021)]))
    assert (report.recent_years, [y.year for y in report.earlier_years]) == ((2021,), [2020, 2019])


@pytest.mark.parametrize("years", [(2026,), (2021,), (2025, 2026), (2020, 2021)])
def test_a_coalition_with_reviews_in_one_or_two_years_has_nothing_folded(years):
    report = report_of(make_charter([healthy(dt.date(y, m, 1)) for y in years for m in (2, 6)]))
    assert (report.recent_years, report.earlier_years) == (tuple(reversed(years)), ())


def test_a_folded_year_counts_each_partners_reviews_held_while_a_member():
    dates = monthly(2024, dt.date(2024, 12, 1))
    month = {d.month: d for d in dates}
    partners = ["alpha",
                make_partner("beta", joined=month[4]),
                make_partner("gamma", status="stepped-back",
                             stepped_back=SteppedBack(since=month[9], scope="the zoning ask")),
                make_partner("delta", status="departed"),
                make_partner("epsilon", joined=dt.date(2025, 6, 1))]
    alpha = {3: "drifting", 4: "drifting", 7: "absent", 10: None}  # None: not recorded
    reviews = []
    for d in dates:
        alignment = {}
        if alpha.get(d.month, "aligned"):
            alignment["alpha"] = alpha.get(d.month, "aligned")
        if d.month >= 4:
            alignment["beta"] = "solo-by-agreement" if d.month == 6 else "aligned"
        if d.month < 9:
            alignment["gamma"] = "aligned"
        elif d.month == 11:
            alignment["gamma"] = "solo-by-agreement"  # what the review wrote wins
        if d.month <= 5:
            alignment["delta"] = "aligned"
        attended = [p for p, state in alignment.items() if state != "absent"]
        reviews.append(make_review(d, attended=attended, alignment=alignment))
    later = [healthy(d, attended=["alpha"], alignment={"alpha": "aligned"})
             for d in (dt.date(2025, 12, 1), dt.date(2026, 11, 1))]
    report = report_of(make_charter(reviews + later, partners=partners))
    assert report.recent_years == (2026, 2025)
    [year] = report.earlier_years
    assert (year.year, year.reviews) == (2024, 12)
    tallies = dict(zip([p.partner_id for p in report.partners], year.tallies))
    assert list(tallies) == ["alpha", "beta", "delta", "epsilon", "gamma"]  # by name, as the rows

    assert tallies["alpha"].counts == (("aligned", 8), ("drifting", 2), ("absent", 1), ("not-recorded", 1))
    # A review that did not record a member counts: it was expected there.
    assert (tallies["alpha"].aligned, tallies["alpha"].member, tallies["alpha"].outside) == (8, 12, ())
    assert tallies["alpha"].others == (("drifting", 2), ("absent", 1), ("not-recorded", 1))

    assert tallies["beta"].counts == (("aligned", 8), ("solo-by-agreement", 1), ("not-yet-a-partner", 3))
    assert (tallies["beta"].aligned, tallies["beta"].member, tallies["beta"].held) == (8, 9, 12)
    assert tallies["beta"].outside == (("not-yet-a-partner", 3),)

    assert tallies["gamma"].counts == (("aligned", 8), ("solo-by-agreement", 1), ("stepped-back", 3))
    assert (tallies["gamma"].member, tallies["gamma"].others) == (9, (("solo-by-agreement", 1),))

    assert tallies["delta"].counts == (("aligned", 5), ("departed", 7))
    assert (tallies["delta"].member, tallies["delta"].share_aligned) == (5, 1.0)

    assert tallies["epsilon"].counts == (("not-yet-a-partner", 12),)
    assert (tallies["epsilon"].member, tallies["epsilon"].aligned, tallies["epsilon"].share_aligned) == (0, 0, None)
    assert tallies["alpha"].share_aligned == 8 / 12


def test_equal_tallies_are_one_value_whatever_their_year_or_partner():
    report = report_of(make_charter([healthy(d) for d in monthly(2022, dt.date(2026, 11, 1))]))
    tallies = {t for year in report.earlier_years for t in year.tallies}
    assert len(tallies) == 1  # the dashboard draws it once


def test_a_public_report_folds_only_the_published_reviews():
    dates = monthly(2022, dt.date(2026, 11, 1))
    charter = make_charter([
        healthy(d, visibility="public" if d.month in (3, 9) else "internal",
                alignment={"alpha": "aligned", "beta": "drifting" if d.month == 5 else "aligned"})
        for d in dates])
    internal, public = report_of(for_audience(charter, "internal")), report_of(for_audience(charter, "public"))
    assert [(y.year, y.reviews) for y in internal.earlier_years] == [(2024, 12), (2023, 12), (2022, 12)]
    assert internal.earlier_years[0].tallies[1].counts == (("aligned", 11), ("drifting", 1))
    # Published: March and September. The recent window (since 24 November 2025) holds no
    # published review of 2025, so only 2026 is drawn review by review.
    assert public.recent_years == (2026,)
    assert [(y.year, y.reviews) for y in public.earlier_years] == [(2025, 2), (2024, 2), (2023, 2), (2022, 2)]
    assert {t.counts for y in public.earlier_years for t in y.tallies} == {(("aligned", 2),)}


# -- replant -----------------------------------------------------------------------------------
@pytest.mark.parametrize("sign", ["steward-lapse", "side-deals"])
@pytest.mark.parametrize("reviews_ago", [0, 1, 2])
def test_steward_lapse_or_side_deals_in_the_latest_three_reviews_calls_for_a_reset(sign, reviews_ago):
    dates = every(dt.date(2026, 8, 1), 4, 28)
    marked = dates[-1 - reviews_ago]
    charter = make_charter([healthy(d, signs_of_decay=[sign] if d == marked else []) for d in dates])
    report = report_of(charter, today=dates[-1])
    alert = report.alerts[0]
    assert (alert.kind, alert.level, alert.title) == ("replant", "urgent", "Replant: call a reset meeting")
    assert f"“{SIGNS_OF_DECAY[sign]}”, recorded on {long_date(marked)}" in alert.detail
    assert sign not in alert.detail  # the pattern's words, never the key
    assert "reset meeting" in alert.advice


def test_replant_names_both_signs_with_the_patterns_words():
    charter = make_charter([healthy(dt.date(2026, 11, 1), signs_of_decay=["side-deals", "steward-lapse"])])
    [alert] = report_of(charter).alerts
    assert alert.detail == (
        "Signs of decay in the latest review: “The steward role is invisible or absent; continuity "
        "lapses”, recorded on 1 November 2026; “Partners negotiate side deals; information stops "
        "flowing”, recorded on 1 November 2026.")


def test_replant_is_not_called_for_a_sign_four_reviews_ago_or_for_other_signs_of_decay():
    dates = every(dt.date(2026, 8, 1), 4, 28)
    old = make_charter([healthy(d, signs_of_decay=["side-deals"] if d == dates[0] else []) for d in dates])
    assert "replant" not in kinds(report_of(old, today=dates[-1]))
    other = make_charter([healthy(d, signs_of_decay=["communications-only", "vague-demand"]) for d in dates])
    assert "replant" not in kinds(report_of(other, today=dates[-1]))


# -- ritual ------------------------------------------------------------------------------------
def ritual_series(today_offset: int, *, stalled=3, **latest_fields):
    """A live review on 1 August, then ``stalled`` monthly reviews with no progress or decision."""
    live = dt.date(2026, 8, 1)
    dates = every(live + 28 * DAY, stalled, 28)
    reviews = [healthy(live)] + [healthy(d, policy_progress="stalled", decisions=[]) for d in dates]
    if latest_fields:
        reviews[-1] = healthy(dates[-1], **{"policy_progress": "stalled", "decisions": [], **latest_fields})
    return make_charter(reviews), live + today_offset * DAY


def test_reviews_held_with_stalled_progress_and_no_decision_for_three_months_are_ritual():
    charter, today = ritual_series(RITUAL_DAYS)
    [alert] = [a for a in report_of(charter, today).alerts if a.kind == "ritual"]
    assert (alert.level, alert.title) == ("urgent", "Ritual: reviews are held, nothing changes")
    assert alert.detail == ("3 reviews were held since the review of 1 August 2026 (90 days), the latest "
                            "on 24 October 2026, with policy progress not advancing and no decision recorded.")
    assert alert.link == "reviews/2026-10-24.md"


def test_ritual_is_not_called_a_day_before_three_months():
    charter, today = ritual_series(RITUAL_DAYS - 1)
    assert "ritual" not in kinds(report_of(charter, today))


def test_ritual_needs_reviews_held_not_one_stalled_meeting():
    charter, today = ritual_series(RITUAL_DAYS + 30, stalled=1)
    assert "ritual" not in kinds(report_of(charter, today))


@pytest.mark.parametrize("latest", [{"decisions": ["Act."]}, {"policy_progress": "advancing"},
                                    {"policy_progress": "won"}])
def test_a_decision_or_progress_at_the_latest_review_is_not_ritual(latest):
    charter, today = ritual_series(RITUAL_DAYS + 30, **latest)
    assert "ritual" not in kinds(report_of(charter, today))


@pytest.mark.parametrize("progress", ["regressing", None])
def test_regressing_or_unrecorded_progress_does_not_advance_either(progress):
    charter, today = ritual_series(RITUAL_DAYS, policy_progress=progress)
    assert "ritual" in kinds(report_of(charter, today))


def test_a_coalition_that_never_moved_is_ritual_from_its_first_review():
    dates = every(dt.date(2026, 8, 1), 3, 30)
    charter = make_charter([healthy(d, policy_progress="stalled", decisions=[]) for d in dates])
    assert "ritual" not in kinds(report_of(charter, dates[0] + (RITUAL_DAYS - 1) * DAY))
    [alert] = [a for a in report_of(charter, dates[0] + RITUAL_DAYS * DAY).alerts if a.kind == "ritual"]
    assert alert.detail.startswith("3 reviews were held since the first review on 1 August 2026 (90 days)")


# -- steward -----------------------------------------------------------------------------------
def steward_alerts(term_ends, today=TODAY, **charter_fields):
    stewards = [Steward(name="Dana Ortiz", term_ends=term_ends)]
    charter = make_charter([healthy(today)], stewards=stewards, **charter_fields)
    return [a for a in report_of(charter, today).alerts if a.kind == "steward"]


def test_a_steward_term_that_ended_is_urgent():
    [alert] = steward_alerts(TODAY - DAY)
    assert (alert.level, alert.title, alert.link) == (
        "urgent", "The steward's term has ended", "charter/steward-mandate.md")
    assert alert.detail == "The term of Dana Ortiz ended on 23 November 2026, 1 day ago; no steward is in office."


@pytest.mark.parametrize("days, when", [(0, "today"), (1, "in 1 day"), (STEWARD_NOTICE_DAYS, "in 60 days")])
def test_a_steward_term_ending_within_sixty_days_is_a_warning(days, when):
    [alert] = steward_alerts(TODAY + days * DAY)
    assert (alert.level, alert.title) == ("warning", "The steward's term is ending")
    assert alert.detail == f"The term of Dana Ortiz ends on {long_date(TODAY + days * DAY)}, {when}."


def test_a_steward_term_ending_in_sixty_one_days_or_open_ended_is_no_alert():
    assert steward_alerts(TODAY + (STEWARD_NOTICE_DAYS + 1) * DAY) == []
    assert steward_alerts(None) == []


def test_a_co_steward_who_stays_keeps_the_role_alive():
    stewards = [Steward(name="Dana Ortiz", term_ends=TODAY - DAY), Steward(name="Lee Park", term_ends=dt.date(2028, 1, 1))]
    charter = make_charter([healthy(TODAY)], stewards=stewards)
    assert "steward" not in kinds(report_of(charter))


def test_a_successor_whose_term_has_not_begun_leaves_no_steward_in_office():
    stewards = [Steward(name="Dana Ortiz", term_ends=TODAY - 10 * DAY),
                Steward(name="Lee Park", since=TODAY + 7 * DAY)]
    [alert] = [a for a in report_of(make_charter([healthy(TODAY)], stewards=stewards)).alerts
               if a.kind == "steward"]
    assert (alert.level, alert.title) == ("urgent", "No steward is in office")
    assert alert.detail == ("The term of Dana Ortiz ended on 14 November 2026; the term of Lee Park begins "
                            "on 1 December 2026, in 7 days: until then no steward is in office.")
    # From the successor's first day, the role goes on.
    assert "steward" not in kinds(report_of(make_charter([healthy(TODAY)], stewards=stewards),
                                            today=TODAY + 7 * DAY))


def test_a_successor_named_ahead_while_the_steward_serves_raises_no_alert():
    stewards = [Steward(name="Dana Ortiz", term_ends=dt.date(2027, 6, 30)),
                Steward(name="Lee Park", since=dt.date(2027, 7, 1))]
    assert "steward" not in kinds(report_of(make_charter([healthy(TODAY)], stewards=stewards)))


def test_no_steward_named_is_urgent():
    [alert] = [a for a in report_of(make_charter([healthy(TODAY)], stewards=[])).alerts if a.kind == "steward"]
    assert (alert.level, alert.title) == ("urgent", "No steward is named")


def test_an_internal_steward_mandate_raises_no_alert_in_a_public_report():
    charter = make_charter([healthy(TODAY, visibility="public")], mandate_visibility="internal",
                           stewards=[Steward(name="Dana Ortiz", term_ends=TODAY - DAY)])
    assert "steward" in kinds(report_of(charter))
    assert "steward" not in kinds(report_of(for_audience(charter, "public")))


# -- joint demand ------------------------------------------------------------------------------
def demand_report(status, deadline, visibility="public", audience=None):
    demand = JointDemand(status=status, deadline=deadline, target="County Council", visibility=visibility)
    charter = make_charter([healthy(TODAY, visibility="public")], demand=demand)
    return report_of(for_audience(charter, audience) if audience else charter)


def test_a_deadline_passed_while_still_campaigning_is_a_warning():
    report = demand_report("campaigning", TODAY - 3 * DAY)
    [alert] = [a for a in report.alerts if a.kind == "deadline"]
    assert (alert.level, alert.link) == ("warning", "charter/joint-demand.md")
    assert alert.detail == ("The deadline was 21 November 2026, 3 days ago, and the demand is still marked "
                            "as campaigning.")
    assert (report.demand.status, report.demand.days_left, report.demand.target) == ("campaigning", -3, "County Council")


@pytest.mark.parametrize("status, deadline", [("campaigning", TODAY), ("campaigning", TODAY + DAY),
                                              ("won", TODAY - DAY), ("drafting", TODAY - DAY),
                                              ("campaigning", None)])
def test_no_deadline_alert_before_the_deadline_or_once_the_campaign_is_decided(status, deadline):
    assert "deadline" not in kinds(demand_report(status, deadline))


def test_an_internal_joint_demand_is_not_in_a_public_report():
    report = demand_report("campaigning", TODAY - DAY, visibility="internal", audience="public")
    assert report.demand is None
    assert "deadline" not in kinds(report)


# -- order, signs, scores, audience --------------------------------------------------------------
def test_alerts_are_listed_most_urgent_first():
    dates = every(dt.date(2026, 6, 1), 4, 28)
    back = SteppedBack(since=dt.date(2026, 1, 1), scope="everything")
    charter = make_charter(
        [healthy(d, alignment={"alpha": "aligned", "beta": "drifting"},
                 signs_of_decay=["side-deals"] if d == dates[-1] else []) for d in dates],
        partners=["alpha", "beta", make_partner("gamma", status="stepped-back", stepped_back=back)],
        stewards=[Steward(name="Dana Ortiz", term_ends=TODAY + 10 * DAY)],
        demand=JointDemand(status="campaigning", deadline=TODAY - DAY))
    report = report_of(charter)
    assert [(a.level, a.kind) for a in report.alerts] == [
        ("urgent", "replant"), ("urgent", "overdue"), ("warning", "steward"),
        ("warning", "deadline"), ("warning", "drift"), ("notice", "stepped-back")]
    assert report.top_alert.kind == "replant"


def test_signs_are_tallied_by_the_patterns_labels_and_counted_once_per_review():
    charter = make_charter([healthy(dt.date(2026, 10, 1), signs_of_life=["resource-flow", "resource-flow"]),
                            healthy(dt.date(2026, 11, 1), signs_of_life=["resource-flow"],
                                    signs_of_decay=["vague-demand"])])
    report = report_of(charter)
    tallies = {t.sign: (t.kind, t.count, t.last_seen) for t in report.signs}
    assert tallies["resource-flow"] == ("life", 2, dt.date(2026, 11, 1))
    assert tallies["vague-demand"] == ("decay", 1, dt.date(2026, 11, 1))
    assert tallies["side-deals"] == ("decay", 0, None)
    assert report.reviews[0].signs_of_life == ("resource-flow",)
    labels = {t.sign: t.label for t in report.signs}
    assert labels["resource-flow"] == "Staff, data, money or organizing capacity cross partner boundaries"


def test_scores_trend_against_the_baseline_with_the_charters_names_first():
    charter = make_charter([healthy(dt.date(2026, 10, 1), scores={"trust": 2.0, "resilience": 3.5}),
                            healthy(dt.date(2026, 11, 1), scores={"resilience": 2.5})],
                           baseline={"resilience": 3.0, "autonomy": 3.5})
    scores = {s.name: s for s in report_of(charter).scores}
    assert list(scores) == ["resilience", "autonomy", "trust"]
    assert scores["resilience"].points == ((dt.date(2026, 10, 1), 3.5), (dt.date(2026, 11, 1), 2.5))
    assert (scores["resilience"].latest, scores["resilience"].change) == (2.5, -0.5)
    assert (scores["autonomy"].points, scores["autonomy"].latest, scores["autonomy"].change) == ((), None, None)
    assert (scores["trust"].baseline, scores["trust"].change) == (None, None)


def test_a_public_report_counts_only_published_reviews_and_says_so():
    dates = every(dt.date(2026, 6, 1), 4, 28)
    charter = make_charter([healthy(d, visibility="public" if i == 0 else "internal",
                                    signs_of_decay=["side-deals"] if i == 3 else [])
                            for i, d in enumerate(dates)])
    internal = report_of(for_audience(charter, "internal"))
    public = report_of(for_audience(charter, "public"))
    assert (internal.published_only, len(internal.reviews)) == (False, 4)
    assert (public.published_only, [r.date for r in public.reviews]) == (True, [dates[0]])
    assert "replant" in kinds(internal) and "replant" not in kinds(public)
    assert (internal.held, internal.published) == (4, 1)
    # The public knows of one review: not how many were held, nor that one is overdue.
    assert (public.held, public.published, public.dates_published) == (None, 1, False)
    assert (public.rhythm.measured, public.rhythm.gaps, public.rhythm.next_due) == (False, (), None)
    assert "overdue" not in kinds(public)


def test_a_public_report_told_the_review_dates_measures_the_rhythm_of_every_review_held():
    dates = every(dt.date(2026, 6, 1), 4, 28) + [dt.date(2026, 10, 30)]  # the last one late
    charter = make_charter([healthy(d, visibility="public" if i == 0 else "internal")
                            for i, d in enumerate(dates)])
    public = report_of(with_review_dates(for_audience(charter, "public"), charter), today=dates[-1] + 40 * DAY)
    assert [r.date for r in public.reviews] == [dates[0]]  # what it reads: the published one only
    assert (public.held, public.published, public.dates_published) == (5, 1, True)
    assert public.rhythm.dates == tuple(dates)
    assert [(g.start, g.days) for g in public.rhythm.gaps] == [(dates[3], 67), (dates[4], 40)]
    [overdue] = [a for a in public.alerts if a.kind == "overdue"]
    assert overdue.detail.startswith("No review since 30 October 2026: the next was due on 30 November 2026")


def test_the_report_is_the_same_for_the_same_charter_and_date():
    charter = drifting_series(["aligned", "drifting", "drifting", "drifting"])
    assert report_of(charter) == report_of(charter)


def test_partners_who_were_not_members_at_the_latest_review_are_not_counted_in_it():
    partners = ["alpha", "beta", make_partner("gone", status="departed"), make_partner("later", joined=TODAY + DAY)]
    report = report_of(make_charter([healthy(TODAY)], partners=partners))
    assert report.latest_members == 2
    assert report.latest_alignment == {"aligned": 2, "departed": 1, "not-yet-a-partner": 1}


@pytest.mark.parametrize("day", [dt.date.min, dt.date.max])
def test_a_report_as_of_the_first_or_last_day_of_the_calendar_is_drawn(day):
    # A build's "as of" date comes from mkdocs.yml (build_date: 9999-12-31): the next review,
    # a cadence ahead, and the recent year, behind, fall off the calendar.
    from coalition_site.render.charts import vitality_charts

    charter = make_charter([healthy(day)])
    report = report_of(charter, today=day)
    assert report.rhythm.next_due == (dt.date.max if day == dt.date.max else day + 31 * DAY)
    assert (report.recent_drift_runs, report.earlier_drift_runs) == ((), ())  # since a year ago
    assert (report.recent_years, report.earlier_years) == ((day.year,), ())
    assert "chart-rhythm" in vitality_charts(report)
    assert list(review_due.check(charter, day)) == []


# -- what the public learns of internal reviews: nothing, or with publish_review_dates their dates --
_SIGNS = st.lists(st.sampled_from(sorted(SIGNS_OF_DECAY)), max_size=2, unique=True)
_STATES = st.sampled_from(["aligned", "drifting", "solo-by-agreement", "absent"])


@st.composite
def _review_contents(draw, date: dt.date) -> Review:
    """A review of ``date`` with whatever a review may say: progress, signs, alignment, decisions."""
    return make_review(date, visibility="internal",
                       attended=draw(st.lists(st.sampled_from(["alpha", "beta"]), unique=True)),
                       policy_progress=draw(st.sampled_from(["advancing", "stalled", "regressing", None])),
                       alignment=draw(st.dictionaries(st.sampled_from(["alpha", "beta"]), _STATES)),
                       signs_of_decay=draw(_SIGNS),
                       decisions=draw(st.lists(st.just("A decision."), max_size=2)))


@st.composite
def _coalitions(draw):
    """A coalition's published reviews, its internal ones twice over (the same dates, whatever
    they say), and the dates of other internal reviews that one of the two holds as well."""
    days = draw(st.lists(st.integers(0, 400), min_size=1, max_size=12, unique=True))
    dates = sorted(TODAY - d * DAY for d in days)
    public_dates = draw(st.sets(st.sampled_from(dates), min_size=1))
    internal_dates = [d for d in dates if d not in public_dates]
    public = [healthy(d, visibility="public") for d in sorted(public_dates)]
    one = [draw(_review_contents(d)) for d in internal_dates]
    other = [draw(_review_contents(d)) for d in internal_dates]
    return public, one, other


@property_settings(300)
@given(_coalitions())
def test_the_public_dashboard_learns_nothing_of_internal_reviews_unless_their_dates_are_published(coalition):
    public, one, other = coalition
    without = make_charter(public)
    with_one, with_other = make_charter(public + one), make_charter(public + other)
    # Without the option: the same report whether there are internal reviews or not.
    shown = report_of(for_audience(without, "public"))
    assert report_of(for_audience(with_one, "public")) == shown
    assert shown.held is None and not shown.rhythm.measured and "overdue" not in kinds(shown)
    # With it: their dates, and nothing of what they say.
    told = [report_of(with_review_dates(for_audience(c, "public"), c)) for c in (with_one, with_other)]
    assert told[0] == told[1]
    assert told[0].held == len(public) + len(one) and told[0].rhythm.dates == tuple(sorted(
        r.date for r in public + one))
    assert (told[0].reviews, told[0].partners, told[0].signs) == (shown.reviews, shown.partners, shown.signs)
