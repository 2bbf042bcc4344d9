"""What looks like a privacy marker but is not exactly `visibility: internal` is an error.

`internal: true`, `audience: internal`, `visibility: private` ...: each was meant to keep
something off the public site, and coalition-site reads none of them. On ordinary pages, charter
pages, partners, reviews and the YAML files alike, each is an error (rule ``privacy-marker``)
that says what it was taken for and how to write it; and so is an internal block written in a
YAML text field, which is printed word for word.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_site.errors import ConfigError
from coalition_site.load.charter import load_charter
from coalition_site.load.privacy_markers import block_syntax_in_text
from coalition_site.rules import resolve_levels
from support import invoke, load_problems

TAKEN = ("'{written}' is taken for a privacy marker, but coalition-site only reads "
         "'visibility: internal'; write 'visibility: internal' (or remove the key) [privacy-marker]")
ALWAYS_PUBLIC = ("'{written}' is taken for a privacy marker, but coalition-site only reads "
                 "'visibility: internal', and only in a page's front matter or on a tension: this "
                 "part of the charter is always public; remove the key, and keep what is internal "
                 "in an internal page or an '!!! internal' block [privacy-marker]")


@pytest.mark.parametrize("line, written", [
    ("internal: true", "internal: true"),
    ("audience: internal", "audience: internal"),
    ("private: true", "private: true"),
    ("confidential: yes", "confidential: yes"),
    ("hidden: true", "hidden: true"),
    ("published: false", "published: false"),
    ("partners-only: true", "partners-only: true"),
    ("Visibility: internal", "Visibility: internal"),
    # More than a word may be the very thing to keep private: it is not quoted.
    ("confidential: Ana's phone is 555-0101", "confidential: ..."),
])
def test_a_privacy_key_on_an_ordinary_page_is_an_error(sample, line, written):
    sample.edit("onboarding.md", "title: Why are we allied?", f"title: Why are we allied?\n{line}")
    assert load_problems(sample) == [
        f"content/onboarding.md:3:1: error: {TAKEN.format(written=written)}"]


@pytest.mark.parametrize("uri, anchor", [
    ("charter/autonomy.md", "---\n"),
    ("partners/riders-alliance.md", "---\n"),
    ("reviews/2026-11-11.md", "---\n"),
])
@pytest.mark.parametrize("line", ["internal: true", "audience: internal", "private: true"])
def test_a_privacy_key_in_a_charter_file_is_an_error(sample, uri, anchor, line):
    text = sample.read(uri)
    sample.write(uri, text.replace(anchor, f"{anchor}{line}\n", 1))
    assert load_problems(sample) == [f"content/{uri}:2:1: error: {TAKEN.format(written=line)}"]


@pytest.mark.parametrize("value", ["private", "Internal", "partners", "INTERNAL", "true"])
def test_a_visibility_other_than_public_or_internal_is_an_error_saying_so(sample, value):
    sample.edit("reviews/2026-11-11.md", "date: 2026-11-11", f"date: 2026-11-11\nvisibility: {value}")
    assert load_problems(sample) == [
        f"content/reviews/2026-11-11.md:3:13: error: 'visibility: {value}' is taken for a privacy "
        "marker, but coalition-site reads only 'visibility: internal' and 'visibility: public', "
        "spelt exactly so; write 'visibility: internal' to keep it off the public site [privacy-marker]"]


def test_a_privacy_key_on_a_tension_is_an_error(sample):
    sample.edit("logic.yml", "  - id: fares-vs-rents\n", "  - id: fares-vs-rents\n    internal: true\n")
    assert load_problems(sample) == [
        f"content/logic.yml:24:5: error: {TAKEN.format(written='internal: true')}"]


@pytest.mark.parametrize("uri, old, new, position, written", [
    pytest.param("logic.yml", "    label: Buses that come on time\n",
                 "    label: Buses that come on time\n    visibility: internal\n", "7:5",
                 "visibility: internal", id="a-condition"),
    pytest.param("coalition.yml", "short_name: RTTA\n", "short_name: RTTA\nconfidential: true\n", "3:1",
                 "confidential: true", id="the-coalition"),
    pytest.param("charter/autonomy.md", "    keeps_solo: Eviction", "    private: true\n    keeps_solo: Eviction",
                 "6:5", "private: true", id="an-agreement-under-a-partner-id"),
])
def test_a_privacy_marker_where_nothing_can_be_internal_is_an_error(sample, uri, old, new, position, written):
    sample.edit(uri, old, new)
    assert load_problems(sample) == [f"content/{uri}:{position}: error: {ALWAYS_PUBLIC.format(written=written)}"]


LABEL = ("'{written}' is taken for a privacy marker, but coalition-site only reads "
         "'visibility: internal' (a {what} keeps nothing off the public site); write "
         "'visibility: internal' (or remove '{label}' from '{key}') [privacy-marker]")


@pytest.mark.parametrize("lines, written, what, label, key", [
    ("tags: [internal]", "tags: internal", "tag", "internal", "tags"),
    ("tags:\n  - board\n  - Confidential", "tags: Confidential", "tag", "Confidential", "tags"),
    ("categories: [partners only]", "categories: partners only", "category", "partners only", "categories"),
    ("status: private", "status: private", "page status", "private", "status"),
    ("keywords: members-only", "keywords: members-only", "keyword", "members-only", "keywords"),
])
def test_a_tag_category_or_status_that_says_private_is_an_error(sample, lines, written, what, label, key):
    sample.edit("onboarding.md", "title: Why are we allied?", f"title: Why are we allied?\n{lines}")
    assert load_problems(sample) == [f"content/onboarding.md:3:1: error: " + LABEL.format(
        written=written, what=what, label=label, key=key)]


def test_a_draft_is_an_error_as_it_is_published_like_any_page(sample):
    sample.edit("onboarding.md", "title: Why are we allied?", "title: Why are we allied?\ndraft: true")
    assert load_problems(sample) == [
        "content/onboarding.md:3:1: error: 'draft: true' is taken for a privacy marker, but "
        "coalition-site only reads 'visibility: internal' (a draft is published like any page); "
        "write 'visibility: internal' (or remove the key) [privacy-marker]"]


@pytest.mark.parametrize("lines", ["tags: [board, budget]", "draft: false", "status: new",
                                   "visibility: internal\ntags: [internal]"])
def test_other_labels_and_an_internal_pages_own_are_no_problem(sample, lines):
    sample.edit("onboarding.md", "title: Why are we allied?", f"title: Why are we allied?\n{lines}")
    assert load_problems(sample) == []


_PRIVATE_WORDS = ["internal", "private", "confidential", "secret", "partners only", "Members-Only",
                  "HIDDEN", "restricted", "sensitive", "unpublished", "not public"]


@given(key=st.sampled_from(["tags", "categories", "keywords", "status"]),
       others=st.lists(st.sampled_from(["board", "budget", "housing", "2026", "faq"]), max_size=3),
       private=st.sampled_from(_PRIVATE_WORDS), where=st.integers(0, 3))
def test_a_private_label_anywhere_in_a_pages_labels_keeps_the_page_from_being_published(
        tmp_path_factory, key, others, private, where):
    """Whatever the other labels and wherever the private one stands, the page is refused."""
    from coalition_site.load.privacy_markers import privacy_label
    labels = others[:where] + [private] + others[where:]
    assert privacy_label(key, labels) == private
    assert privacy_label(key, others) is None


def test_check_exits_1_and_build_stops_on_a_privacy_key(sample):
    sample.edit("board-notes.md", "visibility: internal", "audience: internal")
    expected = f"content/board-notes.md:3:1: error: {TAKEN.format(written='audience: internal')}"
    checked = invoke("check", sample.root)
    assert (checked.exit_code, checked.output) == (1, f"{expected}\ncontent: 1 error\n")
    as_json = json.loads(invoke("check", "--format", "json", sample.root).output)
    assert [(p["line"], p["column"], p["rule"], p["field"]) for p in as_json] == [(3, 1, "privacy-marker", "audience")]
    built = invoke("build", sample.root)
    assert built.exit_code == 1 and expected in built.output
    assert not (sample.root / "site").exists()


def test_the_privacy_marker_errors_cannot_be_turned_off():
    with pytest.raises(ConfigError) as caught:
        resolve_levels({"privacy-marker": "off"})
    assert str(caught.value) == (
        "rule 'privacy-marker' cannot be set to 'off': it finds privacy markers that are not "
        "exactly one, which a public build would publish; fix the marker the check points at instead")


def test_the_exact_marker_is_no_problem(sample):
    assert load_charter(sample.content, sample.root).problems == []


# -- internal blocks written in YAML text -----------------------------------------------------------
IN_FRONT_MATTER = ("internal blocks ('!!! internal') work only in a page's Markdown text, below the "
                   "front matter; this field is printed word for word, so the block would be shown "
                   "as text; move the note into the page's text as an '!!! internal' block, or into "
                   "an internal page [privacy-marker]")
IN_YAML_FILE = ("internal blocks ('!!! internal') work only in a page's Markdown text, below the "
                "front matter; this field is printed word for word, so the block would be shown as "
                "text; move the note into an internal page, or into a page's text as an '!!! "
                "internal' block [privacy-marker]")


@pytest.mark.parametrize("opener", ["!!! internal", "??? internal", "???+ internal \"Note\"",
                                    "/// details | Note", "  !!! internal"])
def test_an_internal_block_in_a_front_matter_text_is_an_error(sample, opener):
    sample.edit("partners/riders-alliance.md", "theory_of_change: Riders who organize win service where they live.",
                f"theory_of_change: |\n  Riders who organize win service where they live.\n  {opener}\n"
                "      SECRET-NOTE the board is split.")
    assert load_problems(sample) == [f"content/partners/riders-alliance.md:4:1: error: {IN_FRONT_MATTER}"]


@pytest.mark.parametrize("uri, old, new, position", [
    pytest.param("coalition.yml", "tagline: Homes and buses, won together.",
                 'tagline: "Homes and buses.\\n!!! internal\\n    SECRET"', "3:1", id="coalition-yml"),
    pytest.param("logic.yml", "    why: Only organized tenants can stop displacement.",
                 "    why: |\n      Only organized tenants can.\n      !!! internal\n          SECRET",
                 "14:5", id="logic-yml"),
])
def test_an_internal_block_in_a_yaml_file_is_an_error(sample, uri, old, new, position):
    sample.edit(uri, old, new)
    assert load_problems(sample) == [f"content/{uri}:{position}: error: {IN_YAML_FILE}"]


def test_an_internal_block_in_a_list_item_is_an_error_at_the_item(sample):
    sample.edit("reviews/2026-10-14.md", "  - Joint testimony at the November hearing.",
                "  - Joint testimony at the November hearing.\n  - |\n    !!! internal\n        SECRET")
    assert load_problems(sample) == [f"content/reviews/2026-10-14.md:15:5: error: {IN_FRONT_MATTER}"]


@pytest.mark.parametrize("text", ["Wow!!! internal politics", "Is it??? yes", "a/// b", "!! internal"])
def test_text_that_merely_holds_the_characters_is_not_refused(sample, text):
    sample.edit("coalition.yml", "tagline: Homes and buses, won together.", f"tagline: '{text}'")
    assert load_problems(sample) == []


# -- the walk over parsed YAML: every text with a block opener, at its path ---------------------
def _every_opener(data, path=()):
    """The walk as first written (a call per value): what the faster one must find, in order."""
    import re

    if isinstance(data, dict):
        for key, value in data.items():
            yield from _every_opener(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _every_opener(value, path + (index,))
    elif isinstance(data, str) and re.search(r"^[ \t]*(?:!!!|\?\?\?|///)", data, re.MULTILINE):
        yield path


_TEXTS = st.lists(st.sampled_from(list("!?/ \t\na-") + ["!!!", "???", "///", "internal"]),
                  max_size=12).map("".join)
_YAML_DATA = st.recursive(
    st.one_of(_TEXTS, st.none(), st.booleans(), st.integers(), st.dates()),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=5), children, max_size=4)),
    max_leaves=25)


@given(_YAML_DATA)
def test_every_text_that_opens_a_block_is_found_at_its_path(data):
    assert list(block_syntax_in_text(data)) == list(_every_opener(data))
