"""Hostile content in a public build: nothing a partner writes runs in a reader's browser.

``fixtures/hostile`` writes script into a page's title, description, subtitle and icon, into a
partner's name and into headings (one in a code span, which a table of contents unescapes), and
leaves markup for the sanitiser. The built HTML is parsed: no element may carry an event
handler, no script may hold the payloads, and the titles read as the text that was written.
"""

from __future__ import annotations

import re

import pytest

from integration.publishing_sites import Elements, build, html_pages, make_project

PAYLOAD = re.compile(r"alert\(")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hostile") / "project", "hostile")
    return build(project)


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Elements]:
    return {name: Elements(page) for name, page in html_pages(site).items()}


def test_no_element_anywhere_carries_an_event_handler(pages):
    assert "hostile/index.html" in pages and "partners/riders-alliance/index.html" in pages
    for name, page in pages.items():
        handlers = [(tag, attr) for tag, attrs in page.elements for attr in attrs if attr.startswith("on")]
        assert handlers == [], name


def test_no_script_holds_a_payload(pages):
    for name, page in pages.items():
        assert not [s for s in page.scripts if PAYLOAD.search(s)], name
        # a payload may only ever be text: never an element the browser would build
        assert not [t for t, a in page.elements if t == "img" and a.get("src") == "x"], name


def test_a_hostile_title_is_the_pages_title_as_text(pages):
    page = pages["hostile/index.html"]
    assert page.titles == [
        "\u2039/title\u203a\u2039script\u203aalert(\"title\")\u2039/script\u203a"
        " - Riverside Tenants and Transit Alliance"]


def test_a_hostile_description_stays_inside_its_attribute(pages):
    page = pages["hostile/index.html"]
    descriptions = [a["content"] for t, a in page.elements if t == "meta" and a.get("name") == "description"]
    assert descriptions == ['"\u203a\u2039script\u203aalert("description")\u2039/script\u203a']


def test_a_hostile_icon_is_dropped(site):
    page = (site / "hostile" / "index.html").read_text(encoding="utf-8")
    assert 'alert("icon")' not in page and "alert(&quot;icon&quot;)" not in page


def test_a_hostile_partner_name_is_text_in_the_nav_the_title_and_the_page(pages, site):
    partner = pages["partners/riders-alliance/index.html"]
    assert partner.titles[0] == ("Riders \u2039img src=x onerror=alert('partner')\u203a & Co"
                                 " - Riverside Tenants and Transit Alliance")  # the tab's title
    # The diagrams' <title>s name the partner too, as text: no element anywhere has a handler.
    assert all("onerror" not in attrs for _, attrs in partner.elements)
    text = (site / "index.html").read_text(encoding="utf-8")
    assert "Riders \u2039img src=x onerror=alert(&#39;partner&#39;)\u203a &amp; Co" in text  # nav


def test_a_code_span_in_a_heading_stays_code_in_the_table_of_contents(site):
    page = (site / "hostile" / "index.html").read_text(encoding="utf-8")
    assert '<img src=x onerror=alert("code-heading")>' not in page
    assert '&lt;img src=x onerror=alert(&quot;code-heading&quot;)&gt; in code' in page  # the toc


def test_markup_outside_the_allowlist_is_dropped_and_task_lists_kept(site):
    raw = (site / "hostile" / "index.html").read_text(encoding="utf-8")
    article = Elements(raw[raw.index("<article"):raw.index("</article>")])
    tags = [tag for tag, _ in article.elements]
    assert "video" not in tags
    # the text field is gone; the task list's checkbox stays, disabled
    assert [attrs for tag, attrs in article.elements if tag == "input"] == [
        {"type": "checkbox", "disabled": "", "checked": ""}]
    assert ("span", {"class": "task-list-indicator"}) in article.elements
    assert "COMMENT-MARKER" not in raw
