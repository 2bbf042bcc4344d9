"""What the pull request comment shows of the charter's words: as written, but inert."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_site.render.inert import JOINER
from coalition_site.render.inert import escape_markdown as inert

# What GitHub turns into a link, a mention, a reference or markup in a comment's plain text.
# (A word joiner, U+2060, right after `@`, `:`, `#`, `gh-` or `www` breaks each; tests/render/
# test_diff_report_inert.py proves it with GitHub's own Markdown parser.)
ACTIVE = re.compile(r"@\w|(?i:https?|ftp|mailto):(?=[\w/])|(?i:www)\.|#\d|(?i:gh)-\d|<|>|\[|\]\(|!\[")
PIECES = st.sampled_from(["@", "https://", "http:", "www.", "WWW.", "#", "12", "GH-", "gh-7", "<",
                          ">", "[", "](", "![", "mailto:", "a@b.org", "`", "*", "_", " ", "\n",
                          "x", "Housing", "\u202e", "\x1b[31m"])


@settings(max_examples=300)
@given(st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=12).map("".join))
def test_no_charter_text_links_mentions_or_marks_up_a_comment(text):
    shown = inert(text)
    unescaped = re.sub(r"\\.", " ", shown)  # a backslash-escaped character is plain text
    assert ACTIVE.search(unescaped) is None, shown
    assert "\n" not in shown


def test_the_words_stay_readable():
    assert inert("Housing Now (see www.housing.org, @team, #4)") == (
        f"Housing Now (see www{JOINER}.housing.org, @{JOINER}team, #{JOINER}4)")
