"""Markup written into any field of the charter reaches visitors as text, never as HTML.
Built once from ``tests/fixtures/hostile-markup``, where every field tries to inject some."""

from __future__ import annotations

import re

import pytest

from support import Sample, article, nav_titles, parse_html, run, site_texts

MARKERS = [
    "INJECTED-NAME",            # a partner's name: headings, navigation, <title>
    "INJECTED-CHARTER-TITLE",   # the title of a charter page
    "INJECTED-PAGE-TITLE",      # the title of an ordinary page
    "INJECTED-DESCRIPTION",     # the description of an ordinary page (<meta name=description>)
    "INJECTED-ISSUE",           # a partner's issue
    "INJECTED-ASK",             # an ask of the joint demand
    "INJECTED-TAGLINE",         # the coalition's tagline
    "INJECTED-BODY-SCRIPT", "INJECTED-BODY-LINK", "INJECTED-BODY-IMG", "INJECTED-IFRAME",
    "INJECTED-BODY-CLICK",      # raw HTML in a partner's Markdown
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, str]:
    sample = Sample.copy(tmp_path_factory.mktemp("hostile") / "project", "hostile-markup")
    built = run("build", cwd=sample.root)
    assert built.returncode == 0, built.stderr
    return {path: text for path, text in site_texts(sample.root / "site").items() if path.endswith(".html")}


@pytest.fixture(scope="module")
def live(site) -> list[tuple[str, str, str]]:
    """Every element that a browser would run: (marker it carries, page, what it is)."""
    found = []
    for path, html in site.items():
        for node in parse_html(html).iter():
            handlers = [name for name in node.attrs if name.startswith("on")]
            what = None
            if handlers:
                what = f"<{node.tag} {handlers[0]}=...>"
            elif node.tag == "script" and "INJECTED" in node.text:
                what = "<script>"
            elif (node.attrs.get("href") or "").lower().startswith("javascript:"):
                what = f"<{node.tag} href=javascript:...>"
            elif node.tag in ("iframe", "object", "embed"):
                what = f"<{node.tag}>"
            if what:
                carried = re.findall(r"INJECTED-[A-Z-]+", f"{node.attrs} {node.text}") or ["?"]
                found += [(marker, path, what) for marker in carried]
    return found


@pytest.mark.parametrize("marker", MARKERS)
def test_no_field_becomes_live_html(live, marker):
    found = sorted({f"{path}: {what}" for carried, path, what in live if carried == marker})
    assert found == [], (f"XSS: markup written in the charter ({marker}) is live HTML on "
                         f"{len(found)} page(s): {found[:4]}")


def test_nothing_else_is_live_either(live):
    assert [item for item in live if item[0] not in MARKERS] == []


def test_markup_in_fields_is_shown_as_written(site):
    partner = article(site["partners/riders-alliance/index.html"])
    assert partner.find("h1").text == 'Riders <img src=x onerror=alert("INJECTED-NAME")> Alliance'
    assert '<b onmouseover=alert("INJECTED-ISSUE")>Transit</b>' in partner.text
    home = article(site["index.html"])
    assert home.find("p", cls="cs-tagline").text == '<script>alert("INJECTED-TAGLINE")</script>'


def test_partner_prose_keeps_its_text_and_loses_its_scripts(site):
    partner = article(site["partners/riders-alliance/index.html"])
    assert "The alliance organizes bus riders." in partner.text
    assert partner.find("a", text="a link").attrs.get("href") is None
    assert "Click" in partner.text


def test_titles_with_markup_read_as_text_in_the_navigation_and_the_tab(site):
    # Angle brackets become look-alikes (‹ ›): Material strips tags from some titles after
    # unescaping them, so an escaped '<' would come back as markup (plugin/plain_text.py).
    assert 'Riders ‹img src=x onerror=alert("INJECTED-NAME")› Alliance' in nav_titles(site["index.html"])
    title = parse_html(site["partners/riders-alliance/index.html"]).find("title").text
    assert title == 'Riders ‹img src=x onerror=alert("INJECTED-NAME")› Alliance - Hostile markup sample'
