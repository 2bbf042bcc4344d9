"""The first paragraph of rendered, sanitised HTML, relinked for the page that shows it."""

from __future__ import annotations

from coalition_site.render.excerpt import excerpt, first_paragraph


def from_home(url: str) -> str | None:
    """Links as the problem statement (``charter/problem-statement/``) has them, from the home page."""
    if url.startswith("#"):
        return "charter/problem-statement/" + url
    if url.startswith("../../"):
        return url[len("../../"):]
    return None if url.startswith("../") else url


def test_the_first_top_level_paragraph_is_taken_as_written():
    html = ('<h2 id="x">Why</h2>\n<div class="admonition note"><p>Inside a box.</p></div>\n'
            '<p>First <em>one</em>.</p>\n<p>Second.</p>')
    assert first_paragraph(html) == "<p>First <em>one</em>.</p>"
    assert first_paragraph("<ul><li><p>In a list.</p></li></ul>") is None
    assert excerpt("<h2>Only a heading</h2>", from_home) == ""


def test_links_are_relinked_from_where_the_paragraph_is_shown():
    html = '<p>See <a href="../../partners/breathe/" rel="noopener noreferrer">Breathe</a> and <img alt="map" src="../../images/map.png"></p>'
    assert excerpt(html, from_home) == (
        '<p>See <a href="partners/breathe/" rel="noopener noreferrer">Breathe</a> and '
        '<img alt="map" src="images/map.png"></p>')


def test_a_footnote_leads_to_the_page_it_is_on_and_ids_are_not_repeated():
    html = ('<p>Rents rose<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>'
            '<div class="footnote"><ol><li id="fn:1"><p>Census.</p></li></ol></div>')
    assert excerpt(html, from_home) == (
        '<p>Rents rose<sup><a class="footnote-ref" href="charter/problem-statement/#fn:1">1</a></sup>.</p>')


def test_a_link_that_cannot_be_reached_keeps_its_text_only():
    assert excerpt('<p>A <a href="../elsewhere/">link <b>here</b></a> &amp; more.</p>', from_home) == (
        "<p>A link <b>here</b> &amp; more.</p>")


def test_attribute_values_stay_escaped():
    html = '<p><a href="https://example.org/?a=1&amp;b=&quot;2&quot;" title="&lt;x&gt;">x</a></p>'
    assert excerpt(html, lambda url: url) == (
        '<p><a href="https://example.org/?a=1&amp;b=&quot;2&quot;" title="&lt;x&gt;">x</a></p>')
