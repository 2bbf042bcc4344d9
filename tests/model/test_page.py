"""Ordinary pages: MkDocs' and Material's front matter is allowed, typos are reported."""

from __future__ import annotations

import pytest

from coalition_site.load.charter import load_charter
from support import load_problems

ON = "content/onboarding.md"
BN = "content/board-notes.md"


def test_a_misspelt_visibility_is_an_error_because_it_would_publish_the_page(sample):
    sample.edit("board-notes.md", "visibility: internal", "visibilty: internal")
    assert load_problems(sample) == [
        f"{BN}:3:1: error: unknown key 'visibilty'; did you mean 'visibility'? (a misspelt "
        "visibility would publish this page) [schema]"]


@pytest.mark.parametrize("value", ["secret", "no", "Internal", "private", "partners"])
def test_a_wrong_visibility_is_an_error_saying_what_it_was_taken_for(sample, value):
    sample.edit("board-notes.md", "visibility: internal", f"visibility: {value}")
    assert load_problems(sample) == [
        f"{BN}:3:13: error: 'visibility: {value}' is taken for a privacy marker, but coalition-site "
        "reads only 'visibility: internal' and 'visibility: public', spelt exactly so; write "
        "'visibility: internal' to keep it off the public site [privacy-marker]"]


def test_a_misspelt_known_key_is_a_warning_with_a_suggestion(sample):
    sample.edit("onboarding.md", "title: Why", "titel: Why")
    assert load_problems(sample) == [
        f"{ON}:2:1: warning: unknown key 'titel' is not used by MkDocs, Material or coalition-site; "
        "did you mean 'title'? remove it if it is a typo [unknown-key]"]


def test_an_unknown_key_is_a_warning(sample):
    sample.edit("onboarding.md", "title: Why", "colour: blue\ntitle: Why")
    assert load_problems(sample) == [
        f"{ON}:2:1: warning: unknown key 'colour' is not used by MkDocs, Material or coalition-site; "
        "remove it if it is a typo [unknown-key]"]


def test_material_front_matter_is_accepted(sample):
    sample.edit("onboarding.md", "title: Why are we allied?",
                "title: Why are we allied?\ndescription: Start here\nhide: [toc]\ntags: [onboarding]\n"
                "icon: material/handshake\nstatus: new\nsearch: {boost: 2}")
    assert load_problems(sample) == []


def test_front_matter_that_is_never_closed_is_an_error_and_the_page_is_not_published(sample):
    # Unclosed, MkDocs would read it all as Markdown, `visibility: internal` included.
    sample.write("plans.md", "---\ntitle: Plans\nvisibility: internal\nOur plans.\n")
    assert load_problems(sample) == [
        "content/plans.md:1:1: error: the front matter that starts on line 1 is never closed; add a "
        "line '---' after its last key [yaml]"]


def test_front_matter_that_is_not_keys_is_refused(sample):
    sample.write("plans.md", "---\njust a sentence\n---\nOur plans.\n")
    assert load_problems(sample) == [
        "content/plans.md:2:1: error: expected a set of 'key: value' lines at the top of this "
        "file's YAML [schema]"]


def test_pages_are_kept_by_path_with_their_visibility(sample):
    charter = load_charter(sample.content).charter
    assert {uri: page.visibility for uri, page in charter.pages.items()} == {
        "board-notes.md": "internal", "onboarding.md": "public"}
    assert charter.pages["onboarding.md"].title == "Why are we allied?"
