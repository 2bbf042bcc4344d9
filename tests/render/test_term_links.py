"""Linking the glossary's terms: the first occurrence of each on a page, in its text only."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_site.render.glossary import TERMS
from coalition_site.render.term_links import FOLDED_ELSEWHERE, _loose, link_terms

G = "../glossary/"


def test_the_first_occurrence_is_linked_case_insensitively_and_kept_as_written():
    html = "<p>Our Joint Demand is one; the joint demand is shared.</p>"
    assert link_terms(html, G) == (
        '<p>Our <a class="cs-term" href="../glossary/#joint-demand">Joint Demand</a> is one; '
        "the joint demand is shared.</p>")


def test_links_code_headings_and_attributes_are_left_alone():
    html = ('<h2 id="steward">The steward</h2><p title="steward"><a href="/x/">the steward</a> '
            '<code>steward</code> <span class="cs-badge">Stepped back</span></p>'
            '<table><tr><th>Stake</th><td>stake</td></tr></table><p>A steward.</p>')
    assert link_terms(html, G) == (
        '<h2 id="steward">The steward</h2><p title="steward"><a href="/x/">the steward</a> '
        '<code>steward</code> <span class="cs-badge">Stepped back</span></p>'
        '<table><tr><th>Stake</th><td><a class="cs-term" href="../glossary/#stake">stake</a></td></tr>'
        '</table><p>A <a class="cs-term" href="../glossary/#steward">steward</a>.</p>')


def test_words_match_whole_only_across_line_breaks_and_plurals():
    assert link_terms("<p>stewardship, stakeholders</p>", G) == "<p>stewardship, stakeholders</p>"
    assert link_terms("<p>two joint\ndemands</p>", G) == (
        '<p>two <a class="cs-term" href="../glossary/#joint-demand">joint\ndemands</a></p>')


def test_ask_the_verb_is_not_the_ask_the_noun():
    assert link_terms("<p>Other groups ask to join.</p>", G) == "<p>Other groups ask to join.</p>"
    assert link_terms("<p>Each ask names a stake.</p>", G).startswith(
        '<p>Each <a class="cs-term" href="../glossary/#ask">ask</a>')


def test_drawings_and_entities_are_left_as_they_are():
    html = '<svg><text>tension</text></svg><p>R&amp;D &lt;tension&gt; rituals</p>'
    assert link_terms(html, G) == (
        '<svg><text>tension</text></svg><p>R&amp;D &lt;<a class="cs-term" '
        'href="../glossary/#tension">tension</a>&gt; <a class="cs-term" '
        'href="../glossary/#ritual">rituals</a></p>')


WORDS = ["joint demand", "steward", "stakes", "tension", "step back", "ritual", "replant", "the ask",
         "conditions", "requires", "signs of life", "signs of decay", "plain", "words", "&amp;", "<",
         ">", '"', "é"]
ELEMENTS = ["p", "li", "a", "code", "h2", "em", "th", "td", "summary", "svg", "pre", "span"]


@st.composite
def pages(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 3 and draw(st.booleans()):
            tag = draw(st.sampled_from(ELEMENTS))
            attrs = draw(st.sampled_from(["", ' class="x"', ' title="the steward"', ' href="#joint-demand"']))
            parts.append(f"<{tag}{attrs}>{draw(pages(depth + 1))}</{tag}>")
        else:
            parts.append(" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=6))))
    return " ".join(parts)


_LINK = re.compile(r'<a class="cs-term" href="\.\./glossary/#([a-z-]+)">(.*?)</a>', re.S)


@settings(max_examples=300, deadline=None)
@given(pages())
def test_only_links_are_added_each_term_at_most_once_never_inside_a_skipped_element(page):
    linked = link_terms(page, G)
    assert _LINK.sub(lambda m: m.group(2), linked) == page  # nothing else of the page changed
    anchors = _LINK.findall(linked)
    assert len({a for a, _ in anchors}) == len(anchors)
    assert {a for a, _ in anchors} <= {t.anchor for t in TERMS}
    # No link lands inside an element whose text is never linked.
    for match in _LINK.finditer(linked):
        before = linked[:match.start()]
        for tag in ("a", "code", "h2", "th", "summary", "svg", "pre"):
            assert _closed_in_order(before, tag), (tag, linked)


def _closed_in_order(before: str, tag: str) -> bool:
    """Whether every ``tag`` opened before this point is closed (our pages nest properly)."""
    depth = 0
    for token in re.findall(rf"</?{tag}\b", before):
        depth += -1 if token.startswith("</") else 1
    return depth <= 0


def test_a_hyphen_joins_words_so_part_of_a_compound_is_not_the_term():
    assert link_terms("<p>HIDDEN-STAKE, co-steward, ritual-free</p>", G) == (
        "<p>HIDDEN-STAKE, co-steward, ritual-free</p>")


# Reading stops early (link_terms' chunks): the pieces that make a parser hold text over, or
# blank a "<", or that lowering does not match as the pattern does.
PIECES = WORDS + ["<!--", "-->", "<!-- x -->", "<script>", "</script>", "<style>", "</style>",
                  "&", "&amp", "&#", "<a ", "</", "<", ">", "\n", "  ", "Stake", "STEWARD",
                  "ſtake", "K", "İ", "Ⓐ", "é", "&#12", "&#12;", "&amp_", "_", "<p>", "</p>", "<th>", "</th>", '<span class="cs-badge">',
                  "</span>", "<br>", "ask", "an ask", "step-back", "back", "joint\ndemand"]


@st.composite
def raw_pages(draw):
    return "".join(draw(st.lists(st.sampled_from(PIECES), max_size=60)))


@settings(max_examples=500, deadline=None)
@given(st.one_of(pages(), raw_pages()), st.integers(1, 64),
       st.sets(st.sampled_from([t.anchor for t in TERMS]), max_size=len(TERMS)))
def test_reading_in_chunks_and_stopping_early_links_exactly_what_the_whole_page_links(page, chunk, linked):
    whole, parts = set(linked), set(linked)
    assert link_terms(page, G, linked=parts, chunk=chunk) == link_terms(page, G, linked=whole, chunk=None)
    assert parts == whole


def test_a_page_stops_being_read_after_the_last_term_it_can_link():
    # A long tail without a term is returned as it was, and the terms before it are linked.
    tail = "<li>Lorem ipsum</li>" * 10_000
    page = "<p>The steward</p><ul>" + tail + "</ul>"
    assert link_terms(page, G) == (
        '<p>The <a class="cs-term" href="../glossary/#steward">steward</a></p><ul>' + tail + "</ul>")


@pytest.mark.parametrize("term", TERMS, ids=lambda term: term.anchor)
def test_the_loose_patterns_read_an_ascii_page_lowercased_and_drop_every_lookbehind(term):
    # What link_terms looks for in the rest of a page must match wherever the term can.
    assert all(phrase == phrase.lower() for phrase in term.phrases)
    assert "(?<" not in _loose(term)


def test_a_lowercased_page_matches_wherever_the_page_matches_case_insensitively():
    # link_terms reads a page's lowercase copy unless it holds one of FOLDED_ELSEWHERE: every
    # other character lowers to one character, keeps being a word character (or not) and a
    # space (or not), and matches an ASCII letter case-insensitively only as its lowercase.
    letter, word, space = re.compile("[a-z]", re.I), re.compile(r"[\w-]"), re.compile(r"\s")
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if char in FOLDED_ELSEWHERE or 0xD800 <= point <= 0xDFFF:
            continue
        lower = char.lower()
        assert len(lower) == 1, hex(point)
        assert bool(word.match(char)) == bool(word.match(lower)), hex(point)
        assert bool(space.match(char)) == bool(space.match(lower)), hex(point)
        if letter.match(char):
            assert "a" <= lower <= "z", hex(point)
