"""The glossary (``glossary/``) and its links, in real builds of tests/fixtures/minimal with a page
that uses the pattern's words in prose, a heading, a link, code and an internal block."""

from __future__ import annotations

import re
import shutil

import pytest

from coalition_site import commands
from coalition_site.render.glossary import TERMS

from .conftest import FIXTURES, Site, text_of

GUIDE = """---
title: A guide for new staff
---
# A guide for new staff

## The joint demand and the steward

Read [the joint demand](charter/joint-demand.md) first, then `joint demand` in code.
Our Joint Demand is one demand; the joint demand is shared by every partner.
The steward reports to all partners; ask the steward anything.

!!! internal "For partners"
    INTERNAL-GUIDE-NOTE the replant meeting is in March.

A partner may step back from one decision.
"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("glossary")
    project = root / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    (project / "content" / "guide.md").write_text(GUIDE, encoding="utf-8")
    built = {}
    for audience in ("public", "internal"):
        with pytest.MonkeyPatch.context() as env:
            env.setenv("SOURCE_DATE_EPOCH", "1795000000")
            env.delenv("COALITION_AUDIENCE", raising=False)
            built[audience] = Site(commands.build(project, audience=audience, site_dir=root / audience))
    return built


def term_links(html: str) -> list[tuple[str, str]]:
    """(anchor, text) of each glossary link of the page, in page order."""
    return [(anchor, " ".join(text.split())) for anchor, text in
            re.findall(r'<a class="cs-term" href="[^"]*glossary/#([a-z-]+)">(.*?)</a>', html, re.S)]


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_each_term_is_linked_where_it_first_appears_in_the_text(sites, audience):
    page = sites[audience].page("guide")
    expected = [("joint-demand", "Joint Demand"), ("steward", "steward"), ("step-back", "step back")]
    if audience == "internal":
        expected.insert(2, ("replant", "replant"))  # in the internal block, before "step back"
    assert term_links(page) == expected
    assert '<a class="cs-term" href="../glossary/#joint-demand">Joint Demand</a>' in page


def test_nothing_is_linked_inside_a_heading_a_link_or_code(sites):
    page = sites["internal"].page("guide")
    assert text_of(page, tag="h2")[0] == "The joint demand and the steward"
    heading = re.search(r"<h2[^>]*>.*?</h2>", page, re.S).group(0)
    assert "cs-term" not in heading
    assert '<a href="../charter/joint-demand/" rel="noopener noreferrer">the joint demand</a>' in page
    assert "<code>joint demand</code>" in page


def test_the_glossary_defines_every_term_and_links_none(sites):
    page = sites["public"].page("glossary")
    assert re.findall(r'<h2 id="([a-z-]+)">', page) == [term.anchor for term in TERMS]
    assert term_links(page) == []
    assert text_of(page, "steward-lapse") == [
        "The steward role is invisible or absent; continuity lapses (written steward-lapse in a review)"]
    assert text_of(page, "shared-language")[0].startswith("Partners reference each other's analysis")


def test_the_glossary_is_the_same_for_both_audiences(sites):
    public, internal = (text_of(sites[a].page("glossary"), tag="article") for a in ("public", "internal"))
    assert public == internal


def test_generated_pages_link_terms_in_their_own_words(sites):
    reviews = sites["public"].page("reviews")
    assert term_links(reviews) == [("implementation-honesty-review", "implementation-honesty reviews"),
                                   ("ritual", "ritual")]


def test_nothing_internal_reaches_the_public_glossary_links(sites):
    public = sites["public"]
    assert public.containing("INTERNAL-GUIDE-NOTE") == []
    assert ("replant", "replant") not in term_links(public.page("guide"))
