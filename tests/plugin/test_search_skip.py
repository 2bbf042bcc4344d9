"""What search is given of a charter page: the same words, in less HTML to parse."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex

from coalition_site.plugin.search_skip import for_brief_search, for_page, for_search, without_skipped
from coalition_site.render.search_marks import END, PROSE_END, PROSE_START, START
from support import build_of, link

PROSE = '<h2 id="about">About</h2><p class="x">Ours <a href="/a/" title="a>b">link</a></p>'


def indexed(html: str) -> list[tuple[str, str, str]]:
    """The entries Material's search plugin makes of a page, whitespace collapsed."""
    index = SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    index.add_entry_from_context(SimpleNamespace(content=html, toc=[], url="page/", meta={}, title="Page"))
    return [(e["location"], " ".join(e["title"].split()), " ".join(e["text"].split())) for e in index.entries]


def test_inline_and_table_tags_are_dropped_and_attributes_removed_but_heading_ids_kept():
    html = ('<h2 id="stake">Stake</h2><div class="cs-x"><table class="t"><tr><th scope="row">'
            '<a href="../p/" title="x > y">Partner</a></th><td><span class="s">High</span></td>'
            '</tr></table><ul class="l"><li><strong>One</strong> <time datetime="2026">2026</time></li></ul></div>')
    assert for_search(html) == '<h2 id="stake">Stake</h2><div>PartnerHigh<ul><li>One 2026</li></ul></div>'


def test_drawings_are_left_out():
    assert for_search(f"<p>Map</p>{START}<svg><text>node</text></svg>{END}<p>After</p>") == "<p>Map</p><p>After</p>"


@pytest.mark.parametrize("html, kept", [
    (f"a{START}x{END}b{START}y{END}c", "abc"),
    (f"a{START}x{START}y{END}b{END}c", f"ab{END}c"),  # a part ends at the first end after it
    (f"a{START}x{END}b{START}y", f"ab{START}y"),  # an unclosed mark marks nothing
    (f"a{END}b{START}{END}c", f"a{END}bc"),
])
def test_a_skipped_part_runs_from_its_mark_to_the_first_end_after_it(html, kept):
    assert without_skipped(html) == kept


def test_tags_are_dropped_whatever_their_case_and_only_whole_names():
    html = '<p><A HREF="/x/">a</A><abbr>b</abbr><ab>c</ab><col><colgroup><Strong>d</Strong></p>'
    assert for_search(html) == "<p>ab<ab>c</ab>d</p>"


def test_the_partners_prose_is_passed_on_exactly_as_written():
    html = f'<p class="lede"><a href="/x/">Generated</a></p>{PROSE_START}{PROSE}{PROSE_END}'
    assert for_search(html) == f"<p>Generated</p>{PROSE_START}{PROSE}{PROSE_END}"
    prose = f"{PROSE_START}{PROSE}{PROSE_END}"
    assert for_search(f'{prose}<p class="x">Between</p>{prose}') == f"{prose}<p>Between</p>{prose}"


@pytest.mark.parametrize("mark", ['<div data-search-exclude><a href="/">hidden</a></div>',
                                  '<h2 id="x">X<a class="headerlink" href="#x">¶</a></h2>',
                                  '<div class="linenodiv"><pre>1</pre></div>'])
def test_markup_whose_meaning_to_search_is_in_a_tag_is_left_as_it_is(mark):
    html = f'<p><a href="/y/">kept</a></p>{mark}'
    assert for_search(html) == html


def test_the_page_itself_loses_only_the_prose_markers():
    html = f"<p>Generated</p>{START}<svg></svg>{END}{PROSE_START}{PROSE}{PROSE_END}"
    assert for_page(html) == f"<p>Generated</p>{START}<svg></svg>{END}{PROSE}"


@pytest.mark.parametrize("src_uri", ["index.md", "charter/joint-demand.md", "charter/autonomy.md",
                                     "charter/steward-mandate.md", "partners/tenants-union.md",
                                     "reviews/index.md", "reviews/2026-11-11.md"])
def test_search_finds_the_same_words_in_every_kind_of_page(sample, src_uri):
    html = build_of(sample, "internal").render(src_uri, PROSE, link)
    as_rendered = without_skipped(for_page(html))  # drawings aside, as Material would read it
    assert len(for_search(html)) < len(as_rendered) * 0.8
    assert indexed(for_search(html)) == indexed(as_rendered)


def test_a_brief_entry_is_the_title_and_the_first_paragraph_without_drawings():
    html = ('<p class="cs-meta">before</p><h1 id="x">Riders</h1>' + START + "<svg>ride</svg>" + END
            + '<p class="cs-meta">Active Transit</p><h2 id="about">About</h2><p>Long text.</p>')
    assert for_brief_search(html) == '<h1 id="x">Riders</h1>\n<p class="cs-meta">Active Transit</p>'


# Found by `make fuzz`: valid Markdown whose HTML Material's search parser fails on
# (`ValueError: '<li>' is not in list`), which stopped the build of the page.
NESTED_HEADINGS = ("Steward vote[^5] rent.\n\n[^5]: City ask.\n\n    A plan\n    :   !!! note \"Repairs\"\n"
                   "            The campaign.\n\n            ### Vote on ask\n\n!!! note \"Organizers\"\n\n"
                   "    ### Organizers\n\n    ### The steward\n")


def _material_fails_on(html: str) -> bool:
    from material.plugins.search.plugin import Parser

    try:
        Parser().feed(html)
    except ValueError:
        return True
    return False


def test_a_page_the_search_parser_fails_on_is_indexed_without_its_headings():
    from material.plugins.search.plugin import Parser
    from coalition_site.plugin.search_skip import readable_by_search

    failing = ('<div class="admonition"><p class="admonition-title">a</p>\n<h3 id="o">Organizers</h3>\n'
               '<h3 id="t">The steward</h3>\n</div>\n<div class="footnote">\n<ol>\n<li id="fn:5">\n'
               '<p>Note.</p>\n<dl>\n<dt>A plan</dt>\n<dd>\n<div class="admonition">\n'
               '<p class="admonition-title">Repairs</p>\nCampaign.<h3 id="v">Vote on ask</h3>\n</div>\n'
               '</dd>\n</dl>\n</li>\n</ol>\n</div>')
    assert _material_fails_on(failing)
    readable = readable_by_search(failing, Parser)
    assert not _material_fails_on(readable)
    assert "<h3" not in readable and "Campaign." in readable and "Note." in readable
    assert readable_by_search(PROSE, Parser) is PROSE  # a page it reads is left as it is
    assert readable_by_search(failing, None) is failing  # another search plugin: nothing to do


@pytest.mark.parametrize("src_uri", ["notes.md", "charter/conflict-protocol.md"])
def test_a_page_with_headings_nested_so_builds_and_is_found(sample, src_uri):
    from support import run

    if src_uri == "notes.md":
        sample.write(src_uri, "# Notes\n\n" + NESTED_HEADINGS)
    else:
        head, rest = sample.read(src_uri).split("\n---\n", 1)
        sample.write(src_uri, head + "\n---\n" + NESTED_HEADINGS)
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nmarkdown_extensions: [admonition, "
                      "footnotes, def_list, toc]\n", encoding="utf-8")
    built = run("build", "--audience", "internal", cwd=sample.root)
    assert built.returncode == 0, built.stderr
    page = (sample.root / "site-internal" / src_uri.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert "<h3 id=" in page  # the page keeps its headings
    index = (sample.root / "site-internal" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "The campaign." in index and "Vote on ask" in index  # its words are all found


PARTNER = "tenants-union"


def test_a_page_left_out_of_search_is_not_tried_on_the_search_parser(sample, monkeypatch):
    """The staff pages and any page whose front matter says ``search: {exclude: true}`` are
    read by no search plugin: trying them on its parser cost a serve rebuild a tenth of its time."""
    from coalition_site import commands
    from coalition_site.plugin import plugin

    tried: list[str] = []
    trial = plugin.readable_by_search
    monkeypatch.setattr(plugin, "readable_by_search", lambda html, parser: tried.append(html) or trial(html, parser))
    sample.write("notes.md", "---\nsearch:\n  exclude: true\n---\n# Notes\n\nZanzibarnotes.\n\n" + NESTED_HEADINGS)
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nmarkdown_extensions: [admonition, "
                      "footnotes, def_list, toc]\n", encoding="utf-8")
    site = commands.build(sample.root, audience="internal")
    page = (site / "notes" / "index.html").read_text(encoding="utf-8")
    assert "Zanzibarnotes." in page and "<h3 id=" in page  # built, headings and all
    staff = (site / "onboarding" / PARTNER / "index.html").read_text(encoding="utf-8")
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Zanzibarnotes" not in index and f"onboarding/{PARTNER}/" not in index
    assert tried and not any("Zanzibarnotes" in html for html in tried)  # other pages are tried
    staff_title = re.search(r"<h1[^>]*>(.*?)</h1>", staff, re.S).group(1)
    assert not any(staff_title in html for html in tried)
