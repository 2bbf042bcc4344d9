"""The vitality dashboard's charts: static SVG drawn at build time with pygal.

pygal is pure Python and writes SVG directly, so a build needs no browser, no JavaScript and no
network, and a chart takes milliseconds (a build draws every chart). Its JavaScript is turned
off (``js=[]``); what it still emits for scripts is removed by :func:`~.svg.clean_svg`, which
also escapes every label. Colours are CSS variables that ``coalition.css`` defines for Material's
light and dark schemes, and backgrounds are transparent, so a chart follows the reader's scheme.

Every chart here has a data table beside it in the page (the template writes it): the chart is
for seeing the shape, the table for reading the numbers.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from typing import Sequence

import pygal
from pygal.style import Style
from pygal.util import text_len

from ..analysis.vitality import GroupRecord, PartnerRecord, ReviewPoint, Rhythm, ScoreTrend, VitalityReport
from ..model.dates import long_date as full_date
from .chart_svg import clean_svg, clean_tree

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PROGRESS_LEVELS = {"lost": 0, "regressing": 1, "stalled": 2, "advancing": 3, "won": 4}
"""Policy progress as a height: the better, the higher."""
MAX_X_LABELS = 16
"""More reviews than this on a bar chart, and only every n-th one is labelled."""
MAX_TIME_TICKS = 7
MAX_DOTS = 40
"""More points than this in a line, and it is drawn without a dot per point: on a chart
:data:`WIDTH` wide the dots would touch and merge into a band (ten years of monthly reviews are
120 points). The data table beside the chart still has every value; markers that carry meaning of
their own (a gap, the days since the latest review) are kept, smaller."""
NICE_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)

# The chart colours are CSS variables (coalition.css sets them for light and dark schemes);
# pygal picks series colours in order, so each chart adds its series in this order.
PRIMARY, LIFE, DECAY, REFERENCE, OPEN = (f"var(--cs-chart-{name})" for name in
                                         ("primary", "life", "decay", "reference", "open"))

WIDTH = 560
NAME_MAX = 40
"""Longer partner names are shortened on the attendance chart (its table has them whole)."""


def short_date(value: dt.date) -> str:
    """``Nov 2026``: an axis label, the same in every locale."""
    return f"{MONTHS[value.month - 1]} {value.year}"


def chart_style(*colors: str) -> Style:
    """A pygal style on transparent ground whose colours follow Material's scheme."""
    return Style(
        background="transparent",
        plot_background="transparent",
        foreground="var(--md-default-fg-color--light)",
        foreground_strong="var(--md-default-fg-color)",
        foreground_subtle="var(--md-default-fg-color--lighter)",
        # Light, dotted guides, all alike: the dashed reference lines (cadence, baseline) stand out.
        guide_stroke_color="var(--md-default-fg-color--lighter)",
        major_guide_stroke_color="var(--md-default-fg-color--lighter)",
        guide_stroke_dasharray="2,4",
        major_guide_stroke_dasharray="2,4",
        font_family="inherit",
        # Large for the chart's width: on a phone the chart is drawn at about 60% of its size.
        label_font_size=15,
        major_label_font_size=15,
        legend_font_size=15,
        value_font_size=15,
        title_font_size=16,
        tooltip_font_size=14,
        no_data_font_size=18,
        stroke_width="2",
        opacity=".85",
        opacity_hover=".95",
        transition="0ms",
        colors=colors,
        # pygal would compute these from the colours, which it cannot parse as CSS variables.
        value_colors=tuple("var(--md-default-fg-color)" for _ in colors),
    )


def _options(height: int, *colors: str, **options) -> dict:
    base = dict(
        js=[],  # static SVG: no script, no network
        disable_xml_declaration=True,
        explicit_size=False,  # a viewBox only: the chart scales to its column
        width=WIDTH,
        height=height,
        style=chart_style(*colors),
        legend_at_bottom=True,
        legend_at_bottom_columns=2,
        truncate_legend=-1,
        truncate_label=-1,
        margin=12,
        spacing=12,
        show_x_guides=False,
        print_values=False,
    )
    base.update(options)
    return base


class _QuickOptions:
    """Mixed into a pygal chart class: pygal's own look-up of a chart's attributes (while it
    renders, a value on its transient ``state`` wins; see ``pygal.graph.base.BaseGraph``), in one
    step. pygal reads its options ~100 000 times for the dashboard, and its look-up calls itself
    three times for each: a fifth of the charts' time. Nothing else changes, output included."""

    def __getattribute__(self, name):
        if name != "state" and not name.startswith("__"):
            state = object.__getattribute__(self, "__dict__").get("state")
            if state is not None:
                values = state.__dict__
                if name in values:
                    return values[name]
        return object.__getattribute__(self, name)


@functools.cache
def _quick(chart_class: type) -> type:
    """``chart_class`` with :class:`_QuickOptions`, under the same name (pygal writes the
    class name into the SVG's classes)."""
    return type(chart_class.__name__, (_QuickOptions, chart_class), {"__module__": chart_class.__module__})


def render(chart: pygal.graph.graph.Graph, chart_id: str, label: str) -> str:
    """The chart's cleaned SVG, with the id ``chart-<chart_id>``. The id must be unique on its
    page and the same on every build: pygal would pick a random one, changing every rebuild."""
    chart.uuid = chart_id
    if pygal.etree.etree.lxml:  # pygal builds lxml trees when lxml is installed: read its text
        return clean_svg(chart.render(is_unicode=True), label=label)
    # Its ElementTree tree as it is, not written out only to be read back.
    return clean_tree(chart.render_tree(), label=label)


def _dots(count: int, size: float) -> dict:
    """pygal options for the dots of a line of ``count`` points: ``size`` while they fit."""
    return {"dots_size": size} if count <= MAX_DOTS else {"show_dots": False}


def _markers(count: int, size: float) -> dict:
    """pygal options for a series drawn as markers only, on a chart of ``count`` points."""
    return {"stroke": False, "dots_size": size if count <= MAX_DOTS else size / 2}


def _x_labels_every(count: int) -> int:
    return max(1, math.ceil(count / MAX_X_LABELS))


def long_date(value: dt.date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def time_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """Month starts between ``first`` and ``last`` for a time axis: at most
    :data:`MAX_TIME_TICKS`, on round months (every quarter starts in Jan, Apr, Jul, Oct).

    pygal would choose evenly spaced dates instead, which fall mid-month and print the same
    month twice once formatted.
    """
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((n for n in NICE_MONTH_STEPS if math.ceil(months / n) <= MAX_TIME_TICKS),
                NICE_MONTH_STEPS[-1])
    ticks = []
    index = first.year * 12 + first.month - 1  # months since year 0
    index += -index % step  # the first round month at or after `first`'s month
    # Counted in months, not dates: the month after the last may lie past the year 9999.
    while index <= last.year * 12 + last.month - 1:
        tick = dt.date(index // 12, index % 12 + 1, 1)
        if tick >= first:
            ticks.append(tick)
        index += step
    return ticks or [first]


def _time_axis(dates: list[dt.date]) -> dict:
    """pygal options for a time axis over ``dates``."""
    if not dates:
        return {}
    return dict(x_labels=time_ticks(min(dates), max(dates)), x_value_formatter=short_date)


# -- the charts ----------------------------------------------------------------------------------
def rhythm_chart(rhythm: Rhythm, today: dt.date, published_only: bool = False) -> str:
    """Days between reviews against the cadence, the gaps marked, and the days since the latest
    review as of ``today``."""
    word = "published review" if published_only else "review"
    since = rhythm.since_latest
    count = len(rhythm.intervals)
    series_max = max([i.days for i in rhythm.intervals] + ([since.days] if since else [])
                     + [rhythm.cadence_days])
    first = rhythm.intervals[0].start if rhythm.intervals else (since.start if since else today)
    last = max(today, rhythm.intervals[-1].end if rhythm.intervals else today)
    # (title, points, colour, options): series are only added when they have points, so each
    # keeps its colour (pygal colours series by their order).
    series = [
        (f"Days since the previous {word}", [(i.end, i.days) for i in rhythm.intervals], PRIMARY,
         _dots(count, 2.5)),
        ("A gap: longer than the cadence",
         [{"value": (i.end, i.days), "label": f"No {word} between {full_date(i.start)} and {full_date(i.end)}"}
          for i in rhythm.intervals if i.gap], DECAY, _markers(count, 6)),
        (f"Days since the latest {word}, as of {long_date(today)}",
         [{"value": (today, since.days), "label": f"No {word} since {full_date(since.start)}"}] if since else [],
         OPEN, {"stroke": False, "dots_size": 6}),
        (f"Cadence: {rhythm.cadence_days} days", [(first, rhythm.cadence_days), (last, rhythm.cadence_days)],
         REFERENCE, {"show_dots": False, "stroke_style": {"width": 2.5, "dasharray": "10, 6"}}),
    ]
    series = [s for s in series if s[1]]
    chart = _quick(pygal.DateLine)(**_options(
        320, *(colour for _, _, colour, _ in series),
        value_formatter=lambda v: f"{v:g} days", legend_at_bottom_columns=1,
        range=(0, math.ceil(series_max * 1.15)), include_x_axis=True, **_time_axis([first, last])))
    for title, points, _, options in series:
        chart.add(title, points, **options)
    return render(chart, "vitality-rhythm",
                  f"Days between {word}s, against the cadence of {rhythm.cadence_days} days")


def progress_chart(reviews: tuple[ReviewPoint, ...]) -> str:
    """Policy progress at each review, from lost (bottom) to won (top)."""
    chart = _quick(pygal.DateLine)(**_options(
        280, PRIMARY,
        value_formatter=lambda v: _PROGRESS_NAMES.get(v, f"{v:g}").capitalize(),
        range=(0, 4), include_x_axis=True, show_legend=False,
        y_labels=[{"label": name.capitalize(), "value": level} for name, level in PROGRESS_LEVELS.items()],
        **_time_axis([r.date for r in reviews])))
    points = [(r.date, PROGRESS_LEVELS[r.policy_progress]) for r in reviews
              if r.policy_progress in PROGRESS_LEVELS]
    chart.add("Policy progress", points, **_dots(len(points), 5))
    return render(chart, "vitality-progress", "Policy progress at each review")


_PROGRESS_NAMES = {level: name for name, level in PROGRESS_LEVELS.items()}


def signs_chart(reviews: tuple[ReviewPoint, ...]) -> str:
    """Signs of life (up) and signs of decay (down) recorded at each review."""
    count = len(reviews)
    chart = _quick(pygal.Bar)(**_options(
        340, LIFE, DECAY,
        x_labels=[long_date(r.date) for r in reviews], x_label_rotation=45 if count > 6 else 0,
        x_labels_major_every=_x_labels_every(count), show_minor_x_labels=count <= MAX_X_LABELS,
        value_formatter=lambda v: f"{abs(v):g}",
        range=(-4, 4), y_labels=list(range(-4, 5)), include_x_axis=True))
    chart.add("Signs of life", [len(r.signs_of_life) for r in reviews])
    chart.add("Signs of decay", [-len(r.signs_of_decay) for r in reviews])
    return render(chart, "vitality-signs", "Signs of life (up) and of decay (down) at each review")


def score_chart(trend: ScoreTrend, index: int) -> str:
    """One commons score at each review, against its baseline."""
    name = score_label(trend.name)
    chart = _quick(pygal.DateLine)(**_options(
        240, PRIMARY, REFERENCE,
        value_formatter=lambda v: f"{v:.1f}", range=(1, 5), y_labels=[1, 2, 3, 4, 5],
        **_time_axis([d for d, _ in trend.points])))
    chart.add(name, list(trend.points), **_dots(len(trend.points), 4))
    if trend.baseline is not None and trend.points:
        span = [trend.points[0][0], trend.points[-1][0]]
        chart.add(f"Baseline: {trend.baseline:.1f}", [(d, trend.baseline) for d in span],
                  show_dots=False, stroke_style={"width": 2.5, "dasharray": "10, 6"})
    return render(chart, f"vitality-score-{index}", f"{name} at each review, against its baseline")


def attendance_chart(partners: Sequence[PartnerRecord] | Sequence[GroupRecord]) -> str:
    """The share of reviews each partner (or each group's partners) attended while a member."""
    # pygal draws the first bar at the bottom: reversed, the chart reads in the table's order.
    rows = [(_name(p), p.attendance) for p in partners if p.attendance is not None][::-1]
    chart = _quick(pygal.HorizontalBar)(**_options(
        70 + 40 * max(1, len(rows)), PRIMARY,
        # pygal sets the names' room from their length, so a name is shown whole; only one
        # longer than NAME_MAX is shortened, to leave the bars room (the table has it whole).
        x_labels=[_shorten(name, NAME_MAX) for name, _ in rows], value_formatter=lambda v: f"{v:.0f}%",
        range=(0, 100), y_labels=[0, 50, 100], show_legend=False,  # a phone has room for three
        # The last scale label, "100%", is centred on the plot's right edge: room for its half.
        margin_right=12 + math.ceil(text_len(len("100%"), chart_style().label_font_size) / 2)))
    chart.add("Attendance", [round(100 * share) for _, share in rows])
    return render(chart, "vitality-attendance", "Share of reviews each partner attended")


def _name(record: PartnerRecord | GroupRecord) -> str:
    return record.name if isinstance(record, PartnerRecord) else record.label


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"


def score_label(name: str) -> str:
    return name.replace("_", " ").replace("-", " ").capitalize()


def vitality_charts(report: VitalityReport, groups: Sequence[GroupRecord] = ()) -> dict[str, str]:
    """Every chart of the dashboard as cleaned SVG, by slot name (``chart-rhythm`` ...); with
    ``groups`` (a large coalition), attendance is drawn a bar a group rather than a partner."""
    charts = {}
    if report.rhythm.measured:  # the time between published reviews alone is not drawn
        charts["chart-rhythm"] = rhythm_chart(report.rhythm, report.today,
                                              report.published_only and not report.dates_published)
    charts.update({
        "chart-progress": progress_chart(report.reviews),
        "chart-signs": signs_chart(report.reviews),
        "chart-attendance": attendance_chart(groups or report.partners),
    })
    for index, trend in enumerate(report.scores):
        charts[f"chart-score-{index}"] = score_chart(trend, index)
    return charts
