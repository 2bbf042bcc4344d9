"""What looks like a privacy marker without being one: a located error saying what it was taken for."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coalition_site import commands
from coalition_site.errors import CharterError
from coalition_site.markup import MarkupReader, looks_internal

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"

READER = MarkupReader()


def problems(text: str, body_line: int = 1) -> list[str]:
    return [str(p) for p in READER.read(text, audience="public", path="content/page.md",
                                        body_line=body_line).problems]


@pytest.mark.parametrize("word", ["internl", "intenal", "itnernal", "interal", "Private", "confidential",
                                  "secret", "partners-only", "internal-note", "internals", "restricted"])
def test_words_taken_for_the_marker(word):
    assert looks_internal(word)


@pytest.mark.parametrize("word", ["internal", "note", "warning", "external", "informal", "tip", "danger"])
def test_words_that_are_not(word):
    assert not looks_internal(word)


def test_a_misspelt_type():
    assert problems("Text.\n\n!!! internl\n    The budget.\n", body_line=5) == [
        "content/page.md:7:1: error: '!!! internl' looks like an internal block, but 'internl' is "
        "not the marker 'internal', so the box would be published with everything in it; write "
        "'!!! internal' to keep it off the public site, or give it another type (note, tip ...) if "
        "it is meant for the public [internal-marker]"]


def test_a_synonym_in_a_details_block():
    assert problems('??? private "Board"\n    The budget.\n') == [
        "content/page.md:1:1: error: '??? private \"...\"' looks like an internal block, but "
        "'private' is not the marker 'internal', so the box would be published with everything in "
        "it; write '!!! internal' to keep it off the public site, or give it another type (note, "
        "tip ...) if it is meant for the public [internal-marker]"]


def test_a_title_that_says_internal():
    assert problems('!!! note "Internal note"\n    The budget.\n') == [
        "content/page.md:1:1: error: '!!! note \"...\"' is titled like an internal block, "
        "but its type is not 'internal', so the box would be published with everything in it; write "
        "'!!! internal \"Internal ...\"' to keep it off the public site, or retitle it if it is meant "
        "for the public [internal-marker]"]


def test_a_body_that_is_not_indented():
    assert problems("!!! internal\nThe budget.\n") == [
        "content/page.md:1:1: error: the text right below '!!! internal' is not indented, so "
        "Markdown ends the internal block before it and would publish it; indent every line of the "
        "note by 4 spaces [internal-marker]"]


def test_a_block_with_no_body():
    assert problems("!!! internal\n\nThe budget.\n") == [
        "content/page.md:1:1: error: '!!! internal' has no indented text below it, so a note "
        "written after it would be public; indent the note's lines by 4 spaces below the opener (a "
        "blank line between them is fine) [internal-marker]"]


@pytest.mark.parametrize("opener", ["!!!! internal", "!! internal", "?? private", "::: internal",
                                    "/// internal", "[!INTERNAL]", "- !!!! internal",
                                    # found by make fuzz: a definition list takes the quoted opener
                                    # for a term, and the definition is public
                                    "> !!! internal\nA term\n:   The definition."])
def test_an_opener_markdown_reads_as_a_paragraph(opener):
    found = problems(f"Intro.\n\n{opener}\n    The budget.\n")
    assert len(found) == 1 and found[0].startswith("content/page.md:3:")
    assert "Markdown reads it as an ordinary paragraph, so it would be published" in found[0]


def test_an_opener_inside_a_code_block():
    assert problems("Text.\n\n```\n!!! internal\n    The budget.\n```\n") == [
        "content/page.md:4:1: error: '!!! internal' is inside a code block, so it is shown as code, "
        "word for word, on the public site; end the code block before it, or write the marker "
        "inside a sentence (`!!! internal`) if you mean to show the syntax [internal-marker]"]


def test_an_opener_inside_raw_html():
    found = problems("<div>\n!!! internal\n    The budget.\n</div>\n")
    assert found == [
        "content/page.md:2:1: error: '!!! internal' is inside an HTML block, which Markdown does "
        "not read, so it would be published word for word; close the HTML element before it, or "
        "add the 'markdown' attribute to the element [internal-marker]"]


@pytest.mark.parametrize("text, line", [
    ('<div class="internal">The budget.</div>\n', 1),
    ('<div class="admonition internal">\n<p>Our fallback</p>\n</div>\n', 1),
    ('Text.\n\n<details class="internal"><summary>Notes</summary>x</details>\n', 3),
    ('<p class="Internal note">x</p>\n', 1),
    ('<div class="admonition internal" markdown>\nRead into the tree: still no marker.\n</div>\n', 1),
    ('## Fallback { class="note internal" }\n', 1),
    ("The budget.\n{ .internal }\n", 2),
    ('<details class="internal" markdown>\n<summary>Board</summary>\nThe budget.\n</details>\n', 1),
    ('/// admonition | Board\n    attrs: {class: internal}\n\nThe budget.\n///\n', 2),
])
def test_an_element_given_the_class(text, line):
    found = problems(text)
    assert len(found) == 1 and found[0].startswith(f"content/page.md:{line}:")
    assert found[0].endswith("this element is marked internal in HTML, which nothing removes: a "
                             "public build would publish it; write the block as '!!! internal' in "
                             "Markdown instead [internal-html]")


def test_a_problem_never_prints_the_note_it_was_taken_for():
    # Build logs are often public: the title and the text after a marker word may be the note.
    found = " ".join(problems('??? private "Fold the fund into Housing Now"\n    x\n\n'
                              "!!!! internal Fold the fund quietly\n\n"
                              '```\n!!! internal "Fold the fund"\n    x\n```\n'))
    assert "Fold" not in found and found.count("internal-marker") == 3
    assert "'!!!! internal ...'" in found and "'!!! internal \"...\"'" in found


def test_showing_the_syntax_in_a_sentence_is_fine():
    assert problems("Write `!!! internal` above a note indented by 4 spaces.\n") == []


def test_ordinary_admonitions_and_prose_are_fine():
    assert problems("!!! note \"External partners\"\n    Text.\n\n!!! tip\n    More.\n\n"
                    "Interval training, eternal vigilance: words of their own.\n") == []


def test_a_page_with_html_marked_internal_is_not_built(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    page = project / "content" / "onboarding.md"
    page.write_text(page.read_text() + '\n<div class="admonition internal">\nSECRET-FALLBACK\n</div>\n')
    lines = len(page.read_text().splitlines())
    with pytest.raises(CharterError) as raised:
        commands.build(project)
    assert [str(p) for p in raised.value.problems] == [
        f"content/onboarding.md:{lines - 2}:24: error: this element is marked internal in HTML, which "
        "nothing removes: a public build would publish it; write the block as '!!! internal' in "
        "Markdown instead [internal-html]"]
    assert not (project / "site").exists()


def test_a_misspelt_marker_stops_check_and_build(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    page = project / "content" / "partners" / "tenants-union.md"
    page.write_text(page.read_text() + "\n!!! internl\n    SECRET-TYPO the rent strike fund.\n")
    line = len(page.read_text().splitlines()) - 1
    for run in (lambda: commands.build(project), lambda: commands.build(project, audience="internal")):
        with pytest.raises(CharterError) as raised:
            run()
        assert [str(p) for p in raised.value.problems] == [
            f"content/partners/tenants-union.md:{line}:1: error: '!!! internl' looks like an internal "
            "block, but 'internl' is not the marker 'internal', so the box would be published with "
            "everything in it; write '!!! internal' to keep it off the public site, or give it "
            "another type (note, tip ...) if it is meant for the public [internal-marker]"]
    assert not (project / "site").exists() and not (project / "site-internal").exists()
