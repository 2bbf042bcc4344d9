"""closable: a "<" that begins no whole tag or comment is blanked, the same in a part as in the whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_site.markup.html import closable


def test_a_lone_lt_is_blanked_and_tags_and_comments_are_kept():
    assert closable("a < b <p>c</p> <!-- d --> <a ") == "a   b <p>c</p> <!-- d -->  a "


texts = st.lists(st.sampled_from(["<", ">", "<!--", "-->", "<p>", "a", " ", "\n", "-", "!"]),
                 max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(texts, st.data())
def test_a_part_ending_before_a_lt_is_blanked_as_the_whole_text_is(text, data):
    ends = [at for at, char in enumerate(text) if char == "<"] + [len(text)]
    end = data.draw(st.sampled_from(ends))
    start = data.draw(st.sampled_from([0] + [at for at in ends if at <= end]))
    assert closable(text, start, end) == closable(text)[start:end]
