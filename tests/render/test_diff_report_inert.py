"""Whatever a partner writes, the diff report shows it as written and nothing more.

Property tests: any charter string, in every place the report puts charter words (a name, an id,
a quote, a rewording, a page's changed lines, a file name, a revision's name), is read by
GitHub's own Markdown (cmark-gfm, with its autolink, strikethrough, table and task-list
extensions) as exactly that text: no link, image, HTML, emphasis or other structure of its own.
What GitHub links or notifies after Markdown (``@login``, ``#12``, ``GH-12``, ``owner/repo#12``,
emoji shortcodes) is checked in the raw output. In a terminal, no control character survives.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options
from hypothesis import assume, given, note
from hypothesis import strategies as st

from coalition_site.analysis.diff import (Added, CharterDiff, FileChanged, Id, Name, ProseEdited, Quote,
                                          Reworded, TextEdited)
from coalition_site.render.diff_report import render_markdown, render_text
from coalition_site.render.inert import JOINER, clean, defuse
from leak_grammar import property_settings

# Pieces a hostile or unlucky partner writes: autolinks, references, Markdown and HTML syntax.
PIECES = ("https://evil.example/x", "http://a.b", "ftp://f.g", "www.evil.example", "WWW.X.ORG",
          "ana@example.org", "@everyone", "@org/team", "#1", "#12", "GH-7", "gh-8", "owner/repo#3",
          "repo@abc1234", ":smile:", ":+1:", "mailto:x@y.z", "xmpp:a@b.c", "`", "``", "```", "~~~",
          "*", "**", "_", "__", "~~", "[", "]", "(", ")", "![x](y.png)", "[a](https://b.c)", "<b>",
          "</details>", "<!--", "-->", "&amp;", "&#64;", "\\", "|", "| a |", "$x$", "$$", ">",
          "- [ ] ", "1. ", "# ", "---", "===", "\x1b[31m", "\x07", "\u202e", "\u2028", "\t", "\n",
          "\r", " ", "  ", "<https://x.y>", "[^1]", "[x]: https://y.z", "{#id}", ":::")
charter_strings = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)),
                           min_size=1, max_size=12).map("".join).filter(lambda s: clean(s) != "")
prose = st.lists(charter_strings, min_size=1, max_size=5).map("\n".join)

# What GitHub turns into a link, a mention or an emoji after rendering Markdown.
REFERENCES = re.compile(r"@[A-Za-z0-9_]|#\d|gh-\d|www\.|[A-Za-z][A-Za-z0-9+.-]*://|:[a-z0-9_+-]+:",
                        re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def github(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


class _Tree(HTMLParser):
    """The tags of rendered HTML, and the text inside each kind of element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.open: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self.all: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag if not attrs else f"{tag} {attrs}")
        self.open.append(tag)

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_data(self, data):
        self.all.append(data)
        if self.open:
            self.texts.setdefault(self.open[-1], []).append(data)

    def handle_comment(self, data):
        self.tags.append("comment")


def tree(markdown: str) -> _Tree:
    parsed = _Tree()
    parsed.feed(github(markdown))
    parsed.close()
    return parsed


HEADINGS = ["h3", "code", "code", "h4"]  # "Charter changes from `v1.0.0` to `main`", the section


def report(*changes) -> str:
    return render_markdown(CharterDiff("1.0.0", "1.0.0", list(changes)), "v1.0.0", "main")


def assert_no_references(markdown: str) -> None:
    found = REFERENCES.findall(markdown)
    assert not found, f"GitHub would link or notify: {found}"


@given(value=charter_strings)
@property_settings(400)
def test_a_quote_is_shown_as_written_and_nothing_else(value):
    markdown = report(Added("joint-demand", ("ask ", Id("x")), value))
    note(repr(markdown))
    assert_no_references(markdown)
    parsed = tree(markdown)
    assert parsed.tags == [*HEADINGS, "ul", "li", "code", "p", "em"]  # the list, its id, the summary
    assert "".join(parsed.texts["li"]) == f"Ask  added: “{defuse(clean(value))}”"


@given(value=charter_strings)
@property_settings(400)
def test_a_name_is_shown_as_written_in_bold(value):
    markdown = report(Added("steward", ("steward ", Name(value))))
    note(repr(markdown))
    assert_no_references(markdown)
    parsed = tree(markdown)
    text = defuse(clean(value))
    if "strong" in parsed.tags:
        assert parsed.tags == [*HEADINGS, "ul", "li", "strong", "p", "em"]
        assert "".join(parsed.texts["strong"]) == text
    else:  # emphasis needs words around it: then the stars show, around the same text
        assert parsed.tags == [*HEADINGS, "ul", "li", "p", "em"]
        assert "".join(parsed.texts["li"]) == f"Steward **{text}** added"


@given(value=charter_strings, base=charter_strings)
@property_settings(400)
def test_an_id_a_file_name_and_a_revision_are_code(value, base):
    markdown = render_markdown(CharterDiff("1.0.0", "1.0.0", [FileChanged("files", value, None, "abc")]),
                               base, None)
    note(repr(markdown))
    assert_no_references(markdown)
    parsed = tree(markdown)
    assert parsed.tags == ["h3", "code", "h4", "ul", "li", "code", "p", "em"]
    assert parsed.texts["code"] == [defuse(clean(base)), defuse(clean(value))]


@given(old=charter_strings, new=charter_strings)
@property_settings(300)
def test_a_rewording_is_a_fenced_diff_of_the_two_texts(old, new):
    markdown = report(Reworded("joint-demand", ("ask ", Id("x")), old, new))
    note(repr(markdown))
    assert_no_references(markdown)
    parsed = tree(markdown)
    assert parsed.tags == [*HEADINGS, "ul", "li", "code", "pre [('lang', 'diff')]", "code", "p", "em"]
    assert "".join(parsed.texts["code"][3:]) == f"- {defuse(clean(old))}\n+ {defuse(clean(new))}\n"


@given(old=prose, new=prose, name=charter_strings)
@property_settings(300)
def test_changed_lines_of_a_page_stay_inside_their_fence(old, new, name):
    assume(old.strip() != new.strip())
    change = TextEdited("partners", (Name(name), "'s page text"), old, new)
    markdown = report(change, ProseEdited("autonomy", "autonomy agreements", new, old))
    note(repr(markdown))
    assert_no_references(markdown)
    parsed = tree(markdown)
    lines = [line.expandtabs(4) for line in change.lines() or []]
    blocks = [text for text in parsed.texts.get("code", []) if text.startswith("@@")]
    shown = [re.sub(CONTROL, "", line).rstrip() for line in lines]
    expected = "\n".join(line if line.startswith("@@ ") else defuse(line) for line in shown) + "\n"
    assert blocks[0] == expected
    assert [t for t in parsed.tags if t.startswith(("a", "img", "script", "h1", "h2", "hr", "table"))] == []
    # The details around each fence are ours; nothing a partner wrote opens or closes one.
    assert sum(t == "details" for t in parsed.tags) == 2


@given(value=charter_strings, lines=prose)
@property_settings(300)
def test_a_terminal_gets_no_control_character(value, lines):
    text = render_text(CharterDiff("1.0.0", "1.0.0", [
        Added("joint-demand", ("ask ", Id(value)), value),
        Reworded("partners", (Name(value), "'s issue"), value, value + "!"),
        TextEdited("pages", ("page ", Id(value), ": text"), lines, value)]), value, value)
    assert not CONTROL.search(text.replace("\n", "")), repr(text)


def test_the_joiner_is_invisible_and_kept_by_github():
    assert JOINER == "\u2060"
    assert github("a @\u2060b") == "<p>a @\u2060b</p>\n"
    assert html.unescape(github(defuse("see https://x.org"))) == "<p>see https:\u2060//x.org</p>\n"
