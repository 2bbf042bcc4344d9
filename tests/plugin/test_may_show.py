"""A public build reads a page's links only when it may show an attachment that internal content
uses: a page it skips shows none of them, however its links are written."""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_site.plugin.plugin import _may_show, _shown_files

NAMES = frozenset({"b.pdf", "a b.png"})
PIECES = ["../", "a/", "b", ".pdf", "%2E", "%2e", "pdf", "&#98;", "&#x62;", "&period;", "&#46;", ".",
          "..", "/", "?x", "#y", "a", " ", "%20", "&#32;", "&amp;", ".png", "%", "&", "b.pdf"]
paths = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
urls = st.sampled_from(["", "partners/x/", "b.pdf/", "a/b/", "reviews/2024-01-01/"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a href", "img src", "a title"]), paths), max_size=4), urls)
def test_a_page_not_read_for_its_links_shows_none_of_the_files(links, page_url):
    html = "".join(f'<{tag.split()[0]} {tag.split()[1]}="{path}">x</{tag.split()[0]}>' for tag, path in links)
    if not _may_show(html, page_url, NAMES):
        assert not {posixpath.basename(f) for f in _shown_files(html, page_url)} & NAMES, html


def test_a_page_naming_an_attachment_in_any_spelling_is_read():
    assert _may_show('<img src="../a%20b&#46;png">', "x/", NAMES)
    assert not _may_show('<img src="../a.png">', "x/", NAMES)
