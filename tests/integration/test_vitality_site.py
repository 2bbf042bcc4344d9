"""The vitality dashboard in real builds of tests/fixtures/vitality: a year of reviews, four public.

The internal reviews carry marker strings (INTERNAL-...) in their notes and decisions, a partner
drifting three months running, and side deals; none of it may reach any file of the public site.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from coalition_site import commands

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vitality"
AS_OF = dt.datetime(2026, 11, 24, 12, tzinfo=dt.timezone.utc)
PUBLIC_REVIEWS = ("2025-12-09", "2026-04-14", "2026-08-11", "2026-11-10")
INTERNAL_REVIEWS = ("2026-01-13", "2026-02-10", "2026-05-12", "2026-06-09", "2026-07-14",
                    "2026-09-08", "2026-10-13")
# The replant alert by its title: the word itself is the glossary's, on every site.
INTERNAL_MARKERS = ("INTERNAL-REVIEW-NOTES", "INTERNAL-DECISION", "INTERNAL-BLOCK-IN-PUBLIC-REVIEW",
                    "Replant: call a reset meeting", '<td class="cs-cell cs-cell--drifting"', "Drifting in three or more",
                    "13 January 2026", "10 February 2026", "12 May 2026", "9 June 2026",
                    "14 July 2026", "8 September 2026", "13 October 2026") + INTERNAL_REVIEWS


def build(project: Path, audience: str, site_dir: Path) -> Path:
    with pytest.MonkeyPatch.context() as env:
        # Pinned "as of" date; the audience variable that `build` sets is put back afterwards.
        env.setenv("SOURCE_DATE_EPOCH", str(int(AS_OF.timestamp())))
        env.setenv("COALITION_AUDIENCE", audience)
        return commands.build(project, audience=audience, site_dir=site_dir)


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("vitality")
    project = root / "project"
    shutil.copytree(FIXTURE, project)
    # The same coalition publishing none of its reviews: its public site has no dashboard.
    unpublished = root / "unpublished"
    shutil.copytree(FIXTURE, unpublished)
    for review in (unpublished / "content" / "reviews").glob("*.md"):
        review.write_text(review.read_text(encoding="utf-8").replace("visibility: public\n", ""),
                          encoding="utf-8")
    # The same coalition publishing the date of every review (publish_review_dates: true).
    dates = root / "dates"
    shutil.copytree(FIXTURE, dates)
    config = dates / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      publish_review_dates: true\n",
                      encoding="utf-8")
    return {
        "public": build(project, "public", root / "public"),
        "dates": build(dates, "public", root / "dates-site"),
        "internal": build(project, "internal", root / "internal"),
        "public-again": build(project, "public", root / "public-again"),
        "unpublished": build(unpublished, "public", root / "unpublished-site"),
    }


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text(html: str) -> str:
    """The page's visible words, one space between them, SVG charts left out."""
    html = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" .", ".").replace(" ,", ",").replace(" :", ":")
    return htmllib.unescape(words)


def content(html: str) -> str:
    return html[html.index('<article'):html.index('</article>')]


# -- the internal dashboard ------------------------------------------------------------------------
def test_the_internal_dashboard_reads_every_review_as_of_the_build_date(sites):
    page = text(content(read(sites["internal"], "vitality/index.html")))
    assert ("Read from 11 implementation-honesty reviews, 9 December 2025 to 10 November 2026, "
            "as of 24 November 2026.") in page
    assert "No review between 10 February 2026 and 14 April 2026 (63 days)." in page
    assert "Next review Due by 15 December 2026, in 21 days" in page


def test_gaps_and_drifting_older_than_a_year_are_folded_under_their_count(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    with pytest.MonkeyPatch.context() as env:
        # Nine months on, with no review since: the February-April gap and the drifting of
        # May-July 2026 are over a year old.
        env.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2027, 8, 1, tzinfo=dt.timezone.utc).timestamp())))
        site = commands.build(project, audience="internal", site_dir=tmp_path / "site")
    html = content(read(site, "vitality/index.html"))
    rhythm = html[html.index("<p>Gaps longer"):html.index('<h2 id="alignment"')]
    recent, earlier = rhythm.split('<details class="cs-data">\n  <summary>1 earlier gap</summary>')
    assert text(recent).strip() == ("Gaps longer than the cadence in the last twelve months: "
                                    "No review since 10 November 2026: 264 days as of 1 August 2027.")
    assert text(earlier[:earlier.index("</details>")]).strip() == "No review between 10 February 2026 and 14 April 2026 (63 days)."
    alignment = html[html.index('<h2 id="alignment"'):html.index('<ul class="cs-legend"')]
    assert 'class="admonition warning"' not in alignment  # no drifting in the last twelve months
    assert text(alignment).strip() == (
        "Alignment Is each partner's daily work still aligned with the joint demand? As recorded at "
        "each review. 1 earlier run of drifting in three or more consecutive reviews "
        "Clean Harbour Network: drifting in 3 consecutive reviews, 12 May 2026 to 14 July 2026.")


def test_the_internal_dashboard_lists_alerts_most_urgent_first_with_the_patterns_advice(sites):
    html = content(read(sites["internal"], "vitality/index.html"))
    titles = re.findall(r'<p class="cs-alert__title">.*?<strong>(.*?)</strong>', html)
    assert titles == ["Replant: call a reset meeting", "The steward&#39;s term is ending",
                      "The joint demand&#39;s deadline has passed", "Harbour Youth for Climate has stepped back"]
    page = text(html)
    assert ("Signs of decay in the latest 3 reviews: “Partners negotiate side deals; information stops "
            "flowing”, recorded on 13 October 2026. See the review of 10 November 2026.") in page
    assert "What the pattern advises: Replant: the pattern says to call a reset meeting" in page
    assert "The term of Rosa Lindqvist ends on 31 December 2026, in 37 days. See Steward mandate." in page
    assert "Harbour Youth for Climate stepped back from public actions at the port on 1 July 2026." in page


def test_the_heatmap_has_a_cell_in_words_for_every_partner_and_review(sites):
    html = content(read(sites["internal"], "vitality/index.html"))
    rows = re.findall(r'<tr><th scope="row"><a href="[^"]*">([^<]*)</a>(.*?)</tr>', html, flags=re.S)
    cells = {}
    for name, row in rows:
        cells.setdefault(name, []).extend(re.findall(r'<span class="cs-sr">([^<]*)</span>', row))
    # Newest year first: 2026 (ten reviews), then 2025 (one).
    assert cells["Clean Harbour Network"] == ["Aligned", "Aligned", "Aligned", "Drifting", "Drifting",
                                              "Drifting", "Aligned", "Aligned", "Aligned", "Aligned", "Aligned"]
    assert cells["East Side Tenants"][:3] == ["Not yet a partner", "Not yet a partner", "Aligned"]
    assert cells["East Side Tenants"][-1] == "Not yet a partner"
    assert cells["Harbour Fishers Guild"][:4] == ["Aligned", "Absent", "Absent", "Departed"]
    assert cells["Harbour Youth for Climate"][5:10] == ["Stepped back", "Solo by agreement", "Stepped back",
                                                      "Stepped back", "Solo by agreement"]
    assert ("Clean Harbour Network: drifting in 3 consecutive reviews, 12 May 2026 to 14 July 2026."
            in text(html))


def test_every_chart_is_static_svg_with_a_caption_and_its_data_beside_it(sites):
    html = content(read(sites["internal"], "vitality/index.html"))
    figures = re.findall(r'<!--cs:not-searched--><figure class="cs-chart">\s*'
                         r'<svg .*?</svg>\s*<figcaption>(.*?)</figcaption>\s*</figure><!--/cs:not-searched-->',
                         html, flags=re.S)
    assert len(figures) == 7
    assert "<script" not in html
    assert html.count('<details class="cs-data">') == 6  # rhythm, progress, signs, three scores
    assert "<th scope=\"row\">Partners reference each other&#39;s analysis in their own communications" in html


def test_search_indexes_the_dashboard_words_but_not_its_charts_or_grid(sites):
    index = json.loads(read(sites["internal"], "search/search_index.json"))
    page = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("vitality/"))
    assert "Replant: call a reset meeting" in page  # the alerts, in words
    assert "<svg" not in json.dumps(index) and "cs-chart" not in page
    # The grid's cells are symbols; the only ones left are the legend's, once each.
    assert page.count("\u2713") == 1 and page.count("\u2198") == 1


def test_the_internal_home_page_summarises_vitality_and_links_to_the_dashboard(sites):
    home = content(read(sites["internal"], "index.html"))
    summary = text(home[home.index('id="vitality"'):home.index('id="partners"')])
    assert "Latest review 10 November 2026: policy progress Advancing" in summary
    assert "3 of 4 partners aligned, 1 solo by agreement" in summary
    assert "Urgent Replant: call a reset meeting (and 3 more)" in summary
    assert 'href="vitality/"' in home


# -- the public dashboard ----------------------------------------------------------------------------
def test_the_public_dashboard_reads_only_the_published_reviews_and_says_so(sites):
    page = text(content(read(sites["public"], "vitality/index.html")))
    assert ("Read from 4 published implementation-honesty reviews, 9 December 2025 to 10 November "
            "2026, as of 24 November 2026.") in page
    assert ("4 reviews are published. This dashboard reads only the reviews the coalition has "
            "published; any it holds in private, and their dates, stay with its partners. The time "
            "between two published reviews says nothing of the meetings held in between, so this "
            "page draws no gap and calls no review overdue.") in page
    for date in PUBLIC_REVIEWS:
        assert f'href="../reviews/{date}/"' in read(sites["public"], "vitality/index.html")


def test_the_public_dashboard_draws_no_gap_where_the_reviews_between_are_internal(sites):
    html = content(read(sites["public"], "vitality/index.html"))
    rhythm = text(html[html.index('<h2 id="rhythm"'):html.index('<h2 id="alignment"')])
    # 126, 119 and 91 days lie between the published reviews; the coalition met every month.
    assert rhythm.strip() == ("Review rhythm Cadence Every 35 days Latest published review 10 November "
                              "2026 How often the coalition meets is not shown: the public site has the "
                              "dates of the published reviews only.")
    assert "chart-vitality-rhythm" not in html and "cs-gaps" not in html
    assert not re.search(r"\bgaps?\b|[Oo]verdue|Next review",
                         text(html).replace("draws no gap and calls no review overdue", ""))


def test_a_coalition_that_publishes_its_review_dates_shows_the_rhythm_of_every_review_held(sites):
    html = content(read(sites["dates"], "vitality/index.html"))
    page = text(html)
    assert ("11 reviews were held; 4 are published. The coalition publishes the date of every review "
            "it holds, so the review rhythm below counts them all; everything else on this page reads "
            "the published ones only.") in page
    assert "Latest review 10 November 2026 Next review Due by 15 December 2026, in 21 days" in page
    assert "No review between 10 February 2026 and 14 April 2026 (63 days)." in page
    assert "Days between reviews" in html and 'id="chart-vitality-rhythm"' in html
    # Dates only: an internal review is named by its date, never linked, and nothing it says shows.
    assert "13 October 2026 (not published)" in page
    assert 'href="../reviews/2026-10-13/"' not in html
    for marker in INTERNAL_MARKERS[:6]:
        assert marker not in html
    # Everything else reads the published reviews, as without the option.
    assert ("Read from 4 published implementation-honesty reviews, 9 December 2025 to 10 November "
            "2026, as of 24 November 2026.") in page


def test_the_internal_dashboard_says_how_many_reviews_are_published(sites):
    page = text(content(read(sites["internal"], "vitality/index.html")))
    assert "11 reviews were held; 4 are published on the public site." in page


def test_nothing_of_an_internal_review_reaches_any_file_of_the_public_site(sites):
    internal_page = read(sites["internal"], "vitality/index.html")
    # The markers are real: the internal dashboard shows what the public one must not.
    for marker in ("Replant", '<td class="cs-cell cs-cell--drifting"', "Drifting in three or more", "13 October 2026"):
        assert marker in internal_page
    leaks = []
    for path in sorted(sites["public"].rglob("*")):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt", ".js"):
            body = path.read_text(encoding="utf-8", errors="replace")
            leaks += [(path.relative_to(sites["public"]).as_posix(), m) for m in INTERNAL_MARKERS if m in body]
    assert leaks == []


def test_the_public_home_page_shows_the_public_state_and_top_alert(sites):
    home = content(read(sites["public"], "index.html"))
    summary = text(home[home.index('id="vitality"'):home.index('id="partners"')])
    assert "Latest published review 10 November 2026: policy progress Advancing" in summary
    assert "Warning The steward's term is ending (and 2 more)" in summary
    assert '<a class="md-button md-button--primary" href="vitality/">The vitality dashboard</a>' in home
    nav = read(sites["public"], "index.html")
    assert re.search(r'<a href="vitality/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Vitality\s*</span>', nav)


def test_a_phones_header_shows_the_coalitions_short_name(sites):
    # "Harbour Green Jobs Coalition" was cut to "Harbour Green Jo…" on a phone: its short_name
    # stands beside it, shown on narrow screens, while screen readers read the full name.
    for path in ("index.html", "vitality/index.html"):
        html = read(sites["public"], path)
        assert ('<span class="md-ellipsis"><span class="cs-name-long">Harbour Green Jobs Coalition</span>'
                '<span class="cs-name-short" aria-hidden="true">HGJC</span></span>') in html
    css = read(sites["public"], "assets/coalition/coalition.css")
    phone = css[css.index("@media screen and (max-width: 44.9375em) {\n  .md-header__topic"):]
    assert ".md-header__topic .cs-name-short { display: none; }" in css
    assert phone.startswith("@media screen and (max-width: 44.9375em) {\n  .md-header__topic .cs-name-short { display: inline; }\n"
                            "  .md-header__topic .cs-name-long { position: absolute; width: 1px;")


def test_a_rebuild_on_the_same_date_gives_the_same_bytes(sites):
    for path in ("vitality/index.html", "index.html"):
        assert (sites["public"] / path).read_bytes() == (sites["public-again"] / path).read_bytes()


def test_a_coalition_that_publishes_no_review_has_no_public_dashboard_at_all(sites):
    site = sites["unpublished"]
    assert not (site / "vitality").exists()
    traces = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            body = path.read_text(encoding="utf-8", errors="replace")
            traces += [(path.relative_to(site).as_posix(), t) for t in
                       ("vitality/", "Vitality", 'id="vitality"', "cs-vitality") if t in body]
    assert traces == []
    assert "The partners" in read(site, "index.html")  # the home page itself was built


# -- a review dated after the build date ----------------------------------------------------------
AHEAD_REVIEW = """---
date: 2026-12-08
visibility: public
attended: [dockworkers]
policy_progress: won
alignment:
  clean-harbour: drifting
signs_of_decay: [side-deals]
scores: {resilience: 1.0}
decisions:
  - Celebrate.
---
Written up ahead of the meeting.
"""


@pytest.fixture(scope="module")
def ahead(tmp_path_factory):
    """The coalition without its review of 10 November, and a review written up for 8 December:
    as of 24 November it is overdue, whatever the file dated ahead says."""
    root = tmp_path_factory.mktemp("vitality-ahead")
    project = root / "project"
    shutil.copytree(FIXTURE, project)
    (project / "content" / "reviews" / "2026-11-10.md").unlink()
    (project / "content" / "reviews" / "2026-12-08.md").write_text(AHEAD_REVIEW, encoding="utf-8")
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", str(int(AS_OF.timestamp())))
        commands.check(project, out=out)
    return {"project": project, "check": out.getvalue(),
            "public": build(project, "public", root / "public"),
            "internal": build(project, "internal", root / "internal")}


def test_a_review_dated_after_the_build_date_is_not_counted_and_the_dashboard_says_so(ahead):
    html = content(read(ahead["public"], "vitality/index.html"))
    page = text(html)
    assert ("Read from 3 published implementation-honesty reviews, 9 December 2025 to 11 August "
            "2026, as of 24 November 2026.") in page
    assert "Latest published review 11 August 2026 1 published review is dated after today" in page
    assert "How often the coalition meets is not shown" in page
    assert ("1 published review is dated after today, 24 November 2026, and is not counted here: "
            "8 December 2026. A review counts from the day it is held.") in page
    assert '<a href="../reviews/2026-12-08/"><time datetime="2026-12-08">' in html
    assert html.count('datetime="2026-12-08"') == 1  # no column of the alignment table, no data row
    titles = re.findall(r'<p class="cs-alert__title">.*?<strong>(.*?)</strong>', html)
    # Not overdue: the public does not know when the coalition last met (the internal site does).
    assert titles == ["The steward&#39;s term is ending",
                      "The joint demand&#39;s deadline has passed", "Harbour Youth for Climate has stepped back"]
    assert "side deals; information stops flowing decay 0 —" in page  # its sign not tallied


def test_the_home_summary_counts_only_the_reviews_held(ahead):
    home = content(read(ahead["public"], "index.html"))
    summary = text(home[home.index('id="vitality"'):home.index('id="partners"')])
    assert "Latest published review 11 August 2026: policy progress Advancing" in summary
    assert "Next review" not in summary and "overdue" not in summary
    assert "Warning The steward's term is ending (and 2 more)" in summary


def test_the_dashboard_is_overdue_from_the_date_review_due_gives(ahead):
    # The internal site's latest review held is 13 October: `review-due` and the dashboard agree.
    assert ("content/reviews/2026-10-13.md:2:7: warning: the next review was due on 2026-11-17"
            in ahead["check"])
    assert "content/reviews/2026-12-08.md:2:7: warning: the review is dated 2026-12-08" in ahead["check"]
    page = text(content(read(ahead["internal"], "vitality/index.html")))
    assert ("Read from 10 implementation-honesty reviews, 9 December 2025 to 13 October 2026, "
            "as of 24 November 2026.") in page
    assert "Next review Overdue: due 17 November 2026, 7 days ago" in page
    assert "1 review is dated after today, 24 November 2026, and is not counted here: 8 December 2026." in page


def test_the_page_of_a_review_dated_after_the_build_date_is_built_and_listed(ahead):
    for site in ("public", "internal"):
        assert "Written up ahead of the meeting." in read(ahead[site], "reviews/2026-12-08/index.html")
    assert '<a href="2026-12-08/"><time datetime="2026-12-08">8 December 2026' in read(
        ahead["public"], "reviews/index.html")


def test_only_reviews_dated_after_the_build_date_make_no_dashboard(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    for review in (project / "content" / "reviews").glob("*.md"):
        review.unlink()
    (project / "content" / "reviews" / "2026-12-08.md").write_text(AHEAD_REVIEW, encoding="utf-8")
    site = build(project, "internal", tmp_path / "site")
    assert not (site / "vitality").exists()
    assert 'id="vitality"' not in read(site, "index.html")
    assert "Written up ahead of the meeting." in read(site, "reviews/2026-12-08/index.html")


def test_the_words_for_screen_readers_in_a_heatmap_stay_in_its_scrolling_box(sites):
    # Each cell's state in words is placed absolutely (`.cs-sr`); unless the scrolling box is
    # positioned, those words sit at the table's far end and widen a phone's whole page
    # (`make a11y` measures it: the dashboard was 542 px wide in a 320 px screen).
    html = content(read(sites["internal"], "vitality/index.html"))
    assert re.search(r'<div class="cs-scroll" role="region" aria-label="Alignment in 2026" tabindex="0">\s*'
                     r'<table class="cs-heatmap">', html)
    assert '<span class="cs-sr">Aligned</span>' in html
    css = read(sites["internal"], "assets/coalition/coalition.css")
    assert re.search(r"\.cs-sr \{ position: absolute;", css)
    assert ".md-typeset .cs-scroll { overflow-x: auto; max-width: 100%; position: relative; }" in css


# -- earlier years folded -------------------------------------------------------------------------
def old_review(date: str, visibility: str, alignment: dict[str, str]) -> str:
    attended = [pid for pid, state in alignment.items() if state != "absent"]
    lines = "".join(f"  {pid}: {state}\n" for pid, state in alignment.items())
    return (f"---\ndate: {date}\n{'visibility: public' + chr(10) if visibility == 'public' else ''}"
            f"attended: [{', '.join(attended)}]\npolicy_progress: advancing\nalignment:\n{lines}"
            f"decisions:\n  - Act.\n---\n{visibility.upper()}-OLD-REVIEW-NOTES-{date}\n")


OLD_REVIEWS = {  # two earlier years; East Side Tenants joined in 2026, the others in 2019
    "2023-03-14": ("internal", {"clean-harbour": "aligned", "dockworkers": "drifting",
                                "youth-climate": "aligned", "fishers-guild": "aligned"}),
    "2023-09-12": ("public", {"clean-harbour": "aligned", "dockworkers": "aligned",
                              "youth-climate": "aligned", "fishers-guild": "aligned"}),
    "2024-05-14": ("public", {"clean-harbour": "aligned", "dockworkers": "aligned",
                              "youth-climate": "absent", "fishers-guild": "aligned"}),
    "2024-10-08": ("internal", {"clean-harbour": "drifting", "dockworkers": "aligned"}),
}


@pytest.fixture(scope="module")
def folded(tmp_path_factory):
    """The coalition with reviews in 2023 and 2024 too: as of 24 November 2026 the years holding
    a review in the last twelve months are 2026 and 2025 (9 December), and the two before are folded."""
    root = tmp_path_factory.mktemp("vitality-folded")
    project = root / "project"
    shutil.copytree(FIXTURE, project)
    for date, (visibility, alignment) in OLD_REVIEWS.items():
        (project / "content" / "reviews" / f"{date}.md").write_text(
            old_review(date, visibility, alignment), encoding="utf-8")
    return {"public": build(project, "public", root / "public"),
            "internal": build(project, "internal", root / "internal")}


def heatmap_captions(html: str) -> list[str]:
    return re.findall(r'<table class="cs-heatmap">\s*<caption>(.*?)</caption>', html)


def earlier_years(html: str) -> tuple[list[str], dict[str, list[str]]]:
    """The folded table: its column heads in words, and each partner's cells in words."""
    [table] = re.findall(r'<table class="cs-heatmap cs-yearly">(.*?)</table>', html, flags=re.S)
    heads = [text(h).strip() for h in re.findall(r'<th scope="col">(.*?)</th>', table, flags=re.S)]
    rows = {}
    for name, row in re.findall(r'<tr><th scope="row"><a href="[^"]*">([^<]*)</a></th>(.*?)</tr>', table, flags=re.S):
        rows[name] = [text(cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
    return heads, rows


def test_earlier_years_are_folded_into_one_table_and_recent_years_keep_a_table_a_year(folded):
    html = content(read(folded["internal"], "vitality/index.html"))
    assert heatmap_captions(html) == ["Alignment in 2026", "Alignment in 2025"]
    assert 'aria-label="Alignment in 2024"' not in html and 'aria-label="Alignment in 2023"' not in html
    assert re.search(r'<div class="cs-scroll" role="region" aria-label="Alignment in earlier years" tabindex="0">\s*'
                     r'<table class="cs-heatmap cs-yearly">\s*<caption>Alignment in earlier years</caption>', html)
    assert ("Before 2025, a year is one cell per partner: how many of the reviews held that year while it "
            "was a member recorded it aligned (“9 of 12 aligned”), then its other states.") in text(html)
    heads, rows = earlier_years(html)
    assert heads == ["Partner", "2024 2 reviews", "2023 2 reviews"]  # newest first, as the tables above
    assert '<a href="../reviews/#year-2024">2024</a>' in html
    assert rows == {
        "Clean Harbour Network": ["1 of 2 aligned, 1 drifting", "2 of 2 aligned"],
        "East Side Tenants": ["Not yet a partner", "Not yet a partner"],
        "Harbour Dockworkers Local 8": ["2 of 2 aligned", "1 of 2 aligned, 1 drifting"],
        "Harbour Fishers Guild": ["1 of 2 aligned, 1 not recorded", "2 of 2 aligned"],
        "Harbour Youth for Climate": ["0 of 2 aligned, 1 absent, 1 not recorded", "2 of 2 aligned"],
    }
    assert '<td class="cs-tally" style="--cs-share: 50%"><strong>1\u00a0of\u00a02\u00a0aligned</strong>' in html


def test_a_folded_public_year_counts_only_the_published_reviews(folded):
    html = content(read(folded["public"], "vitality/index.html"))
    assert heatmap_captions(html) == ["Alignment in 2026", "Alignment in 2025"]
    heads, rows = earlier_years(html)
    assert heads == ["Partner", "2024 1 published review", "2023 1 published review"]
    assert rows["Harbour Dockworkers Local 8"] == ["1 of 1 aligned", "1 of 1 aligned"]
    assert rows["Clean Harbour Network"] == ["1 of 1 aligned", "1 of 1 aligned"]
    assert rows["Harbour Youth for Climate"] == ["0 of 1 aligned, 1 absent", "1 of 1 aligned"]
    leaks = []
    for path in sorted(folded["public"].rglob("*")):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt", ".js"):
            body = path.read_text(encoding="utf-8", errors="replace")
            leaks += [(path.relative_to(folded["public"]).as_posix(), m)
                      for m in ("INTERNAL-OLD-REVIEW-NOTES", "2023-03-14", "2024-10-08", "14 March 2023",
                                "8 October 2024") + INTERNAL_MARKERS if m in body]
    assert leaks == []
    assert "INTERNAL-OLD-REVIEW-NOTES-2024-10-08" in read(folded["internal"], "reviews/2024-10-08/index.html")


def test_a_coalition_with_reviews_in_two_years_keeps_a_table_a_year_and_folds_nothing(sites):
    for site in ("internal", "public"):
        html = content(read(sites[site], "vitality/index.html"))
        assert heatmap_captions(html) == ["Alignment in 2026", "Alignment in 2025"]
        assert "cs-yearly" not in html and "Alignment in earlier years" not in html
        assert 'id="alignment-earlier"' not in html
