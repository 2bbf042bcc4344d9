"""A review shows who attended, and each partner's alignment grouped by state."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
import re
from pathlib import Path

import pytest

from coalition_site.audience import for_audience
from coalition_site.check import check_charter
from coalition_site.render.pages import by_alignment, render_page
from coalition_site.sitebuild import FEATURES, BuildOptions, SiteBuild

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"
TODAY = dt.date(2026, 11, 24)


def test_states_that_need_attention_come_first():
    alignment = {"a": "aligned", "b": "drifting", "c": "aligned", "d": "solo-by-agreement",
                 "e": "absent"}
    assert by_alignment(alignment) == [
        ("drifting", ["b"]), ("absent", ["e"]), ("solo-by-agreement", ["d"]), ("aligned", ["a", "c"])]


@pytest.fixture(scope="module")
def build() -> SiteBuild:
    result = check_charter(FIXTURE / "content", FIXTURE, today=TODAY)
    return SiteBuild(for_audience(result.charter, "internal"), BuildOptions(today=TODAY), features=FEATURES)


def render(build: SiteBuild, src_uri: str) -> str:
    return build.render(src_uri, "<p>Notes.</p>", lambda uri: f"/{uri}")


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_review_lists_attendance_and_alignment_by_state(build):
    html = render(build, "reviews/2026-11-11.md")
    assert "Attended Riverside Tenants Union Alignment" in text(html)
    assert "Alignment Absent Riverside Riders Alliance Aligned Riverside Tenants Union" in text(html)
    # Each partner in the alignment links to its page; attendance names them only.
    assert html.count('href="/partners/riders-alliance.md"') == 1
    assert html.count('href="/partners/tenants-union.md"') == 1


def test_the_reviews_index_lists_the_reviews_by_year(build):
    html = render(build, "reviews/index.md")
    assert re.findall(r'<h2 id="year-(\d+)">', html) == ["2026"]
    assert re.findall(r'<a href="/(reviews/[\d-]+\.md)">', html) == [
        "reviews/2026-11-11.md", "reviews/2026-10-14.md"]


@pytest.mark.parametrize("attended, shown", [
    (["riders-alliance", "tenants-union"],
     "Attended Riverside Riders Alliance, Riverside Tenants Union Alignment"),
    (["gone-partner"], "Attended gone-partner Alignment"),  # not in this audience's charter: its id
    ([], "Attended — Alignment"),
])
def test_attendance_names_each_partner_once_in_order(build, attended, shown):
    page = build.page("reviews/2026-11-11.md")
    review = page.item.model_copy(update={"attended": attended})
    html = render_page(build.env, replace(page, item=review), charter=build.charter,
                       pages=build.plan.pages, prose="", link=lambda uri: f"/{uri}", today=TODAY)
    assert shown in text(html)
