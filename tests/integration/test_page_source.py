"""MkDocs gets a charter file's body from the plugin, not its front matter: the page still
shows the whole body and carries the file's title and description."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coalition_site import commands

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("page-source") / "project"
    shutil.copytree(FIXTURE, root)
    partner = root / "content" / "partners" / "tenants-union.md"
    partner.write_text(partner.read_text().replace(
        "---\n", "---\ndescription: Tenants organizing for homes they can afford.\n", 1))
    review = root / "content" / "reviews" / "2026-11-11.md"
    front, body = review.read_text().split("---\n", 2)[1:]
    # Lines that MkDocs would read as MultiMarkdown metadata if the body came first.
    review.write_text(f"---\n{front}---\nOutcome: the riders report back in December.\nNext: the hearing.\n\n{body}")
    return commands.build(root, audience="internal")


def test_a_charter_page_keeps_its_description(site):
    html = (site / "partners" / "tenants-union" / "index.html").read_text()
    assert '<meta name="description" content="Tenants organizing for homes they can afford.">' in html


def test_a_body_that_starts_like_metadata_is_shown_whole(site):
    html = (site / "reviews" / "2026-11-11" / "index.html").read_text()
    assert "Outcome: the riders report back in December.\nNext: the hearing." in html
    assert "<title>11 November 2026" in html
