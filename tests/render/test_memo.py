"""The serve rebuilds' memo (render/memo.py): an output is reused only for the very same input,
so an edit always shows, and what one audience's page holds never answers for another's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coalition_site.render.memo import ContentMemo
from coalition_site.render.term_links import link_terms

# Pages as an edit leaves them: a few texts that differ by little (a word, a glossary term).
_TEXT = st.text(alphabet="ab <>/p", max_size=12).map(lambda t: f"<p>{t} stake</p>")
_BUILDS = st.lists(st.lists(st.tuples(st.sampled_from(["a", "b"]), _TEXT), max_size=8), max_size=5)


@given(_BUILDS)
def test_every_lookup_is_what_the_step_makes_of_that_very_input(builds):
    memo = ContentMemo()
    for lookups in builds:
        memo.new_build()
        for href, page in lookups:
            assert memo.get(("terms", href, page), lambda: link_terms(page, href)) == link_terms(page, href)


@given(st.text(max_size=20), st.text(max_size=20))
def test_an_internal_page_and_a_public_one_share_an_entry_only_when_they_are_the_same_text(
        public, internal):
    memo = ContentMemo()
    memo.get(("step", internal), lambda: f"internal: {internal}")
    assert memo.get(("step", public), lambda: f"public: {public}") == (
        f"internal: {internal}" if public == internal else f"public: {public}")


def test_what_two_builds_in_a_row_did_not_use_is_let_go():
    memo = ContentMemo()
    memo.get("old page", lambda: "old")
    memo.new_build()
    memo.get("new page", lambda: "new")
    assert len(memo) == 2 and memo.hits == 0
    memo.new_build()
    assert memo.get("new page", lambda: "recomputed") == "new" and memo.hits == 1
    assert len(memo) == 1  # the old page: not used by the last build, gone
