"""A Markdown file under reviews/ is a review or an error, never an ordinary page.

A review is internal unless it says otherwise; an ordinary page is public unless it says
otherwise. A review filed in a year folder (`reviews/2026/2026-10-13.md`), or in `Reviews/`,
was therefore published as a public page: now it is refused with the place it belongs.
"""

from __future__ import annotations

import pytest

from coalition_site.load.charter import load_charter
from support import invoke, load_problems

TAKEN = ("a file under '{folder}/' is taken for a review, but a review must stand directly in "
         "'reviews/', named by its meeting date; {fix} [file]")


def _review(date: str) -> str:
    return f"---\ndate: {date}\nfacilitator: Sam Okafor\n---\nSECRET-REVIEW-NOTES\n"


@pytest.mark.parametrize("uri, folder, fix", [
    ("reviews/2026/2026-10-13.md", "reviews", "move it to reviews/2026-10-13.md"),
    ("reviews/2026/10/2026-10-13.md", "reviews", "move it to reviews/2026-10-13.md"),
    ("Reviews/2026-10-13.md", "Reviews", "move it to reviews/2026-10-13.md"),
    ("review/2026-10-13.md", "review", "move it to reviews/2026-10-13.md"),
    ("reviews/2026/october.md", "reviews", "name it by its meeting date and move it to reviews/ "
     "(reviews/YYYY-MM-DD.md), or move it out of 'reviews/' if it is not a review"),
    ("reviews/2026/index.md", "reviews", "name it by its meeting date and move it to reviews/ "
     "(reviews/YYYY-MM-DD.md), or move it out of 'reviews/' if it is not a review"),
])
def test_a_review_anywhere_but_directly_in_reviews_is_an_error(sample, uri, folder, fix):
    sample.write(uri, _review("2026-10-13"))
    assert load_problems(sample) == [f"content/{uri}:1:1: error: {TAKEN.format(folder=folder, fix=fix)}"]


def test_check_exits_1_and_build_stops_on_a_review_in_a_year_folder(sample):
    sample.write("reviews/2026/2026-10-13.md", _review("2026-10-13"))
    expected = ("content/reviews/2026/2026-10-13.md:1:1: error: "
                + TAKEN.format(folder="reviews", fix="move it to reviews/2026-10-13.md"))
    checked = invoke("check", sample.root)
    assert (checked.exit_code, checked.output) == (1, f"{expected}\ncontent: 1 error\n")
    built = invoke("build", sample.root)
    assert built.exit_code == 1 and expected in built.output
    assert not (sample.root / "site").exists()


@pytest.mark.parametrize("uri", ["reviews/index.md", "reviews/README.md"])
def test_the_reviews_index_page_is_an_ordinary_page(sample, uri):
    sample.write(uri, "---\ntitle: Our reviews\n---\nHow we review.\n")
    result = load_charter(sample.content, sample.root)
    assert result.problems == [] and uri in result.charter.pages


def test_a_review_directly_in_reviews_loads_as_before(sample):
    sample.write("reviews/2026-10-13.md", _review("2026-10-13"))
    result = load_charter(sample.content, sample.root)
    assert result.problems == []
    assert [r.src_uri for r in result.charter.reviews] == [
        "reviews/2026-10-13.md", "reviews/2026-10-14.md", "reviews/2026-11-11.md"]


def test_a_folder_that_merely_starts_like_reviews_holds_ordinary_pages(sample):
    sample.write("reviewers/guide.md", "---\ntitle: A guide for reviewers\n---\nText.\n")
    result = load_charter(sample.content, sample.root)
    assert result.problems == [] and "reviewers/guide.md" in result.charter.pages
