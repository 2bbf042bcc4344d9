"""The Markdown extension that drops internal blocks as Markdown itself reads them."""

from __future__ import annotations

import markdown

from coalition_site.render.internal_blocks import InternalBlocksExtension

EXTENSIONS = ["admonition", "pymdownx.details", "toc"]


def render(source: str, public: bool = True) -> markdown.Markdown:
    md = markdown.Markdown(extensions=EXTENSIONS + ([InternalBlocksExtension()] if public else []))
    md.html = md.convert(source)
    return md


def test_a_block_inside_a_quote_is_dropped_and_the_quote_kept():
    md = render("> before\n>\n> !!! internal\n>     SECRET\n\nafter\n")
    assert md.html == "<blockquote>\n<p>before</p>\n</blockquote>\n<p>after</p>"


def test_collapsible_and_titled_blocks_are_dropped_other_admonitions_kept():
    md = render('!!! note\n    kept\n\n??? internal "Board only"\n    SECRET\n\n'
                '???+ internal\n    SECRET2\n\n!!! warning internal\n    SECRET3\n')
    assert "SECRET" not in md.html
    assert '<div class="admonition note">' in md.html and "kept" in md.html


def test_a_heading_inside_a_block_never_reaches_the_table_of_contents():
    md = render("## Public\n\n!!! internal\n    ## Hidden plan\n\n    text\n")
    assert [token["name"] for token in md.toc_tokens] == ["Public"]


def test_without_the_extension_the_internal_build_keeps_the_block():
    md = render("!!! internal\n    for partners\n", public=False)
    assert '<div class="admonition internal">' in md.html and "for partners" in md.html
