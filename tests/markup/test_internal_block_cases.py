"""Issue #11, "What broke": each internal block that the line-based stripper missed while Markdown
still parsed it, as one named example. The public reading shows nothing of the block; the
internal reading shows all of it. (Whether a case is also refused as ambiguous, and with which
message, is tested where the reader's errors are.)"""

from __future__ import annotations

from coalition_site.markup import USUAL_EXTENSIONS, MarkupReader

READER = MarkupReader(extensions=USUAL_EXTENSIONS)
PATH = "content/charter/problem-statement.md"


def assert_internal_only(text: str, *canaries: str) -> None:
    public = READER.read(text, audience="public", path=PATH, body_line=1)
    internal = READER.read(text, audience="internal", path=PATH, body_line=1)
    shown = [c for c in canaries if c in public.html or c in repr(public.toc_tokens)]
    assert not shown, f"the public reading shows {shown}:\n{public.html}"
    missing = [c for c in canaries if c not in internal.html]
    assert not missing, f"the internal reading does not show {missing}:\n{internal.html}"


def test_block_inside_a_blockquote():
    assert_internal_only(
        "Public words.\n"
        "\n"
        "> !!! internal\n"
        ">     zqquotedblock0000001 the budget is short.\n",
        "zqquotedblock0000001")


def test_block_inside_a_definition_list():
    assert_internal_only(
        "Budget\n"
        ":   !!! internal\n"
        "        zqdefinitionblock00001 the budget is short.\n",
        "zqdefinitionblock00001")


def test_block_after_a_fence_indented_two_spaces():
    # Python-Markdown's fenced_code reads a fence only at the start of a line.
    assert_internal_only(
        "  ```\n"
        "!!! internal\n"
        "    zqtwospacefence000001 the budget is short.\n"
        "  ```\n",
        "zqtwospacefence000001")


def test_block_after_a_fence_with_an_info_string_markdown_rejects():
    assert_internal_only(
        "``` foo bar\n"
        "!!! internal\n"
        "    zqinfostringfence0001 the budget is short.\n"
        "```\n",
        "zqinfostringfence0001")


def test_block_after_a_fence_never_closed():
    assert_internal_only(
        "```\n"
        "\n"
        "!!! internal\n"
        "    zqunclosedfence000001 the budget is short.\n",
        "zqunclosedfence000001")


def test_blocks_admonition_of_type_internal():
    assert_internal_only(
        "/// admonition | zqblockstitle00000001\n"
        "    type: internal\n"
        "\n"
        "zqblocksadmonition0001 the budget is short.\n"
        "///\n",
        "zqblockstitle00000001", "zqblocksadmonition0001")


def test_blocks_details_of_type_internal():
    assert_internal_only(
        "/// details | zqdetailstitle0000001\n"
        "    type: internal\n"
        "\n"
        "zqblocksdetails000001 the budget is short.\n"
        "///\n",
        "zqdetailstitle0000001", "zqblocksdetails000001")


def test_reference_definition_in_a_quoted_block_used_by_public_text():
    assert_internal_only(
        "The [plan][plan] is public, its address is not.\n"
        "\n"
        "> !!! internal\n"
        '>     [plan]: https://example.org/zqreferenceurl00001 "zqreferencetitle0001"\n',
        "zqreferenceurl00001", "zqreferencetitle0001")


def test_footnote_defined_in_a_quoted_block():
    assert_internal_only(
        "The budget[^budget] is public, the note is not.\n"
        "\n"
        "> !!! internal\n"
        ">     [^budget]: zqfootnotetext000001 the budget is short.\n",
        "zqfootnotetext000001")


def test_abbreviation_defined_in_a_quoted_block():
    assert_internal_only(
        "The RTTA met.\n"
        "\n"
        "> !!! internal\n"
        ">     *[RTTA]: zqabbreviation000001 alliance\n",
        "zqabbreviation000001")


def test_image_shown_only_by_reference_in_a_block():
    assert_internal_only(
        "Public words.\n"
        "\n"
        "!!! internal\n"
        "    ![Plan][fp]\n"
        "\n"
        "[fp]: ../images/zqimagereference0001.png\n",
        "zqimagereference0001")
