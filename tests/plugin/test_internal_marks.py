"""The internal site's marks: a banner readers see, a tag search engines obey."""

from __future__ import annotations

from coalition_site.plugin.internal_marks import BANNER, ROBOTS_META, mark_internal

PAGE = '<!doctype html><html><head><title>x</title></head><body dir="ltr" class="a"><p>x</p></body></html>'


def test_the_page_gets_the_robots_tag_in_its_head_and_the_banner_atop_its_body():
    marked = mark_internal(PAGE)
    head, _, body = marked.partition("</head>")
    assert ROBOTS_META in head
    assert body.startswith(f'<body dir="ltr" class="a">{BANNER}<p>x</p>')


def test_marking_twice_marks_once_and_fragments_are_left_alone():
    assert mark_internal(mark_internal(PAGE)).count(BANNER) == 1
    assert mark_internal("<p>a fragment</p>") == "<p>a fragment</p>"
