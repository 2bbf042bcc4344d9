"""The dashboard's charts: static, deterministic, escaped SVG with nothing active left in it."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coalition_site.analysis.vitality import (Interval, PartnerRecord, Rhythm, ScoreTrend,
                                              build_vitality_report)
from coalition_site.audience import for_audience
from coalition_site.load.charter import load_charter
from coalition_site.render.charts import MAX_DOTS, attendance_chart, rhythm_chart, score_chart, time_ticks, vitality_charts
from coalition_site.render.chart_svg import clean_svg

CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "vitality" / "content"
TODAY = dt.date(2026, 11, 24)
HOSTILE_NAME = '<script>alert("partner")</script> & "Friends"'
HOSTILE_SCORE = '<img src=x onerror=alert(1)>'


class Elements(HTMLParser):
    """Every element and attribute of some markup, as a browser's tokenizer reads it."""

    def __init__(self, markup: str):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.texts: list[str] = []
        self.comments: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]

    def handle_data(self, data):
        self.texts.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


@pytest.fixture(scope="module")
def charter():
    result = load_charter(CONTENT)
    assert result.charter is not None, [str(p) for p in result.problems]
    return for_audience(result.charter, "internal")


@pytest.fixture(scope="module")
def charts(charter):
    return vitality_charts(build_vitality_report(charter, TODAY))


@pytest.fixture(scope="module")
def hostile_charts(charter):
    partners = dict(charter.partners)
    partners["dockworkers"] = partners["dockworkers"].model_copy(update={"name": HOSTILE_NAME})
    coalition = charter.coalition.model_copy(update={"commons_assessment": {HOSTILE_SCORE: 3.0}})
    hostile = charter.replace(partners=partners, coalition=coalition)
    return vitality_charts(build_vitality_report(hostile, TODAY))


def test_every_chart_of_the_dashboard_is_drawn(charts):
    assert list(charts) == ["chart-rhythm", "chart-progress", "chart-signs", "chart-attendance",
                            "chart-score-0", "chart-score-1", "chart-score-2"]


def test_charts_are_inline_svg_scaled_by_their_viewbox_with_an_accessible_name(charts):
    for slot, svg in charts.items():
        elements = Elements(svg)
        assert svg.startswith("<svg ") and svg.endswith("</svg>"), slot
        root = dict((name, value) for tag, name, value in elements.attributes[:8] if tag == "svg")
        assert root["role"] == "img" and root["aria-label"], slot
        assert root["viewbox"].startswith("0 0 560 "), slot
        assert "width" not in root and "height" not in root, slot
    assert Elements(charts["chart-rhythm"]).texts[0].startswith("Days between reviews, against the cadence of 35 days")


def test_no_script_handler_link_or_comment_survives(charts):
    for slot, svg in charts.items():
        elements = Elements(svg)
        assert "script" not in elements.tags and "a" not in elements.tags and "desc" not in elements.tags, slot
        assert not [name for _, name, _ in elements.attributes if name.startswith("on") or "href" in name], slot
        assert elements.comments == [], slot
        assert "pygal.config" not in svg and "<?xml" not in svg, slot


def test_charts_are_the_same_bytes_on_every_build_and_their_ids_never_repeat(charter, charts):
    assert vitality_charts(build_vitality_report(charter, TODAY)) == charts
    ids = [value for svg in charts.values() for _, name, value in Elements(svg).attributes if name == "id"]
    assert ids == ["chart-vitality-rhythm", "chart-vitality-progress",
                   "chart-vitality-signs", "chart-vitality-attendance",
                   "chart-vitality-score-0", "chart-vitality-score-1",
                   "chart-vitality-score-2"]


def test_the_quick_option_look_up_draws_exactly_what_pygal_draws(charter, charts, monkeypatch):
    from coalition_site.render import charts as module

    monkeypatch.setattr(module, "_quick", lambda chart_class: chart_class)  # pygal's own classes
    assert vitality_charts(build_vitality_report(charter, TODAY)) == charts


def test_a_chart_cleaned_as_pygal_s_tree_is_the_chart_cleaned_from_its_text(charter, hostile_charts, monkeypatch):
    import pygal

    from coalition_site.render import charts as module

    def from_text(tree, label):  # as pygal's own render() writes it out
        return clean_svg(pygal.etree.etree.tostring(tree, encoding="utf-8").decode(), label=label)

    monkeypatch.setattr(module, "clean_tree", from_text)
    partners = dict(charter.partners)
    partners["dockworkers"] = partners["dockworkers"].model_copy(update={"name": HOSTILE_NAME})
    coalition = charter.coalition.model_copy(update={"commons_assessment": {HOSTILE_SCORE: 3.0}})
    hostile = charter.replace(partners=partners, coalition=coalition)
    assert vitality_charts(build_vitality_report(hostile, TODAY)) == hostile_charts


def test_colours_are_css_variables_on_a_transparent_ground(charts):
    svg = charts["chart-signs"]
    assert "var(--cs-chart-life)" in svg and "var(--cs-chart-decay)" in svg
    assert "background-color:transparent" in svg
    assert "#fff" not in svg.lower() and "rgba(249" not in svg


def test_each_point_has_a_tooltip_that_needs_no_javascript(charts):
    texts = Elements(charts["chart-score-0"]).texts
    assert "Nov 2026: 3.2" in texts  # resilience at the review of 10 November 2026
    assert "Resilience" in texts and "Baseline: 3.0" in texts


def test_partner_and_score_names_are_escaped_text_never_markup(hostile_charts):
    attendance = hostile_charts["chart-attendance"]
    assert '<script>alert("partner")</script> & "Fr…' in Elements(attendance).texts  # 40 characters
    assert '&lt;script&gt;alert("partner")&lt;/script&gt; &amp; "Fr…' in attendance
    score = hostile_charts["chart-score-0"]
    assert HOSTILE_SCORE.capitalize() in Elements(score).texts
    for svg in hostile_charts.values():
        elements = Elements(svg)
        assert "script" not in elements.tags and "img" not in elements.tags
        assert not [name for _, name, _ in elements.attributes if name.startswith("on")]


def test_clean_svg_removes_whatever_a_library_or_an_attacker_could_add():
    hostile = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'id="chart-x" onload="steal()" viewBox="0 0 10 10"><defs><style>#chart-x .a{fill:red}</style>'
        '<script>steal()</script></defs><title>Pygal</title>'
        '<a xlink:href="javascript:steal()"><text x="1" y="2">link</text></a>'
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>'
        '<g class="dots"><circle cx="1" cy="1" r="1" onclick="steal()" '
        'style="fill: url(https://tracker.example/x); stroke: red"/><desc class="value">Nov 2026: 3</desc></g>'
        '<image href="https://tracker.example/pixel.png"/><use href="#chart-x"/></svg>')
    clean = clean_svg(hostile, label='Label <b>"quoted"</b>')
    elements = Elements(clean)
    assert set(elements.tags) <= {"svg", "style", "defs", "title", "g", "circle", "text"}
    assert not [a for a in elements.attributes if a[1].startswith("on") or "href" in a[1]]
    assert "steal" not in clean and "tracker" not in clean and "html" not in clean
    assert ("circle", "style", "stroke:red") in elements.attributes
    assert elements.texts == ['Label <b>"quoted"</b>', "#chart-x .a{fill:red}", "link", "Nov 2026: 3"]
    assert ("svg", "aria-label", 'Label <b>"quoted"</b>') in elements.attributes
    assert ("svg", "id", "chart-x") in elements.attributes
    # A tree that is not the library's own kind (here: one read from text) is cleaned as text.
    import xml.etree.ElementTree as ET

    from coalition_site.render.chart_svg import clean_tree
    assert clean_tree(ET.fromstring(hostile), label='Label <b>"quoted"</b>') == clean


@pytest.mark.parametrize("first, last, expected", [
    (dt.date(2025, 12, 9), dt.date(2026, 11, 10),
     [dt.date(2026, m, 1) for m in (1, 3, 5, 7, 9, 11)]),
    (dt.date(2026, 1, 1), dt.date(2026, 6, 30), [dt.date(2026, m, 1) for m in range(1, 7)]),
    (dt.date(2016, 3, 5), dt.date(2026, 11, 24), [dt.date(y, 1, 1) for y in range(2018, 2027, 2)]),
    (dt.date(2026, 11, 3), dt.date(2026, 11, 24), [dt.date(2026, 11, 3)]),
])
def test_time_axis_ticks_fall_on_round_months_at_most_seven(first, last, expected):
    assert time_ticks(first, last) == expected


def test_time_axis_ticks_stop_at_the_end_of_the_calendar():
    # The month after the last one, year 10000, is never made.
    assert time_ticks(dt.date(9999, 3, 1), dt.date(9999, 12, 31)) == [
        dt.date(9999, m, 1) for m in (3, 5, 7, 9, 11)]


def test_a_single_review_still_draws_every_chart(charter):
    one = charter.replace(reviews=charter.reviews[-1:])
    charts = vitality_charts(build_vitality_report(one, TODAY))
    assert len(charts) == 7
    assert all(svg.startswith("<svg ") for svg in charts.values())


def test_the_rhythm_chart_marks_each_gap_and_the_days_since_the_latest_review(charts):
    texts = Elements(charts["chart-rhythm"]).texts
    assert "No review between 10 February 2026 and 14 April 2026 (Apr 2026: 63 days)" in texts
    assert "No review since 10 November 2026 (Nov 2026: 14 days)" in texts
    assert "A gap: longer than the cadence" in texts and "Cadence: 35 days" in texts


def _monthly(count: int) -> list[dt.date]:
    return [dt.date(2016 + i // 12, i % 12 + 1, 10) for i in range(count)]


def _dots(svg: str) -> list[str]:
    """The radius of each dot drawn."""
    return [value for tag, name, value in Elements(svg).attributes if tag == "circle" and name == "r"]


@pytest.mark.parametrize("count, dots", [(12, 12), (MAX_DOTS, MAX_DOTS), (MAX_DOTS + 1, 0), (120, 0)])
def test_a_line_has_a_dot_per_point_until_the_dots_would_merge(count, dots):
    # Ten years of monthly reviews are 120 points: dots 4 px wide every 4 px make a solid band.
    trend = ScoreTrend("trust", None, tuple((day, 3.0) for day in _monthly(count)))
    assert len(_dots(score_chart(trend, 0))) == dots


def test_a_dense_rhythm_chart_keeps_its_gap_and_latest_review_markers_the_gaps_smaller():
    days = _monthly(121)
    intervals = tuple(Interval(start, end, (end - start).days, gap=start.month == 2)
                      for start, end in zip(days, days[1:]))
    latest = Interval(days[-1], TODAY, (TODAY - days[-1]).days, gap=False, open=True)
    svg = rhythm_chart(Rhythm(31, intervals, latest, next_due=None), TODAY)
    # Ten gaps (one a year, from February to March) at half size, then the latest review's marker.
    assert _dots(svg) == ["3.0"] * 10 + ["6"]
    assert "No review between 10 February 2017 and 10 March 2017 (Mar 2017: 28 days)" in Elements(svg).texts


def test_the_attendance_chart_shows_whole_names_and_100_percent_inside_its_bounds():
    # Seen on the demo: "Mon Valley Interfaith Organ…" and a "100%" cut off at the right edge.
    names = ["Mon Valley Interfaith Organizing Project", "Breathe"]  # 40 characters: shown whole
    partners = tuple(PartnerRecord(f"p{i}", name, "x", "active", None, (), 4, 4, ())
                     for i, name in enumerate(names))
    svg = attendance_chart(partners)
    width = float(re.search(r'viewBox="0 0 ([\d.]+) [\d.]+"', svg).group(1))
    plot_x = float(re.search(r'<g transform="translate\(([\d.]+), [\d.]+\)" class="plot"', svg).group(1))
    texts = dict((text, float(x)) for x, text in re.findall(r'<text x="([-\d.]+)"[^>]*>([^<]+)</text>', svg))
    char = 0.6 * 15  # pygal's own estimate of a character's width at the chart's 15 px labels
    for name in names:  # right-aligned 5 px left of the plot: room for the whole name
        assert name in texts and plot_x + texts[name] - len(name) * char >= 0
    # "100%" is centred on the plot's right edge: its right half is inside the chart.
    assert plot_x + texts["100%"] + len("100%") * char / 2 <= width
