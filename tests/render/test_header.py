"""The coalition's short name in Material's header, for phones (render/header.py)."""

from __future__ import annotations

from coalition_site.render.header import with_short_name

HEADER = """<div class="md-header__title" data-md-component="header-title">
      <div class="md-header__ellipsis">
        <div class="md-header__topic">
          <span class="md-ellipsis">
            Mon Valley Just Transition Coalition
          </span>
        </div>
        <div class="md-header__topic" data-md-component="header-topic">
          <span class="md-ellipsis">
            Vitality
          </span>
        </div>"""


def test_the_short_name_stands_beside_the_site_name_and_only_there():
    header = with_short_name(HEADER, "MVJTC")
    assert ('<span class="md-ellipsis"><span class="cs-name-long">Mon Valley Just Transition Coalition</span>'
            '<span class="cs-name-short" aria-hidden="true">MVJTC</span></span>') in header
    assert header.count("cs-name-short") == 1
    assert "Vitality\n          </span>" in header  # the page's title is left as it is


def test_a_short_name_is_text_never_markup():
    header = with_short_name(HEADER, '<img src=x onerror="alert(1)">')
    assert '<span class="cs-name-short" aria-hidden="true">&lt;img src=x onerror=&#34;alert(1)&#34;&gt;</span>' in header
    assert "<img" not in header


def test_without_a_short_name_or_with_a_header_it_does_not_know_nothing_changes():
    assert with_short_name(HEADER, None) == HEADER
    other = '<header><span class="md-ellipsis">X</span></header>'
    assert with_short_name(other, "Y") == other
