"""Filtering a charter for its audience: internal blocks, files, fields and references."""

from __future__ import annotations

import pytest

from coalition_site.audience import for_audience, is_visible, strip_internal_blocks
from coalition_site.load.charter import load_charter


def stripped(markdown: str) -> str:
    return strip_internal_blocks(markdown)[0]


# -- strip_internal_blocks ------------------------------------------------------------------------
def test_an_internal_block_is_removed_and_returned():
    text = "Before.\n\n!!! internal\n    SECRET one.\n\n    SECRET two.\n\nAfter.\n"
    kept, removed = strip_internal_blocks(text)
    assert kept == "Before.\n\nAfter.\n"
    assert removed == ["!!! internal\n    SECRET one.\n\n    SECRET two.\n"]


@pytest.mark.parametrize("opener", [
    '!!! internal', '??? internal', '???+ internal', '!!! internal "Steward\'s note"',
    '???+ internal "A title"', '!!! note internal', '!!! internal inline end', '!!!internal',
    '!!! Internal', '!!! internal ""',
])
def test_every_way_of_writing_the_opener(opener):
    assert stripped(f"Public.\n\n{opener}\n    SECRET\n\nAfter.") == "Public.\n\nAfter."


@pytest.mark.parametrize("opener", [
    '!!! note "internal"', '!!! note "An internal matter"', '!!! internals', '!!! note',
    '!!! not-internal', 'internal', '!! internal',
])
def test_a_title_or_a_longer_class_is_not_internal(opener):
    text = f"{opener}\n    Public text.\n"
    assert stripped(text) == text


def test_a_nested_internal_block_goes_and_its_parent_stays():
    text = ('!!! note "Outer"\n    Public note.\n\n    !!! internal\n        SECRET nested.\n\n'
            '    More public note.\n\nAfter.\n')
    assert stripped(text) == '!!! note "Outer"\n    Public note.\n\n    More public note.\n\nAfter.\n'


def test_an_internal_parent_takes_its_nested_blocks_with_it():
    text = "??? internal\n    SECRET.\n\n    !!! note\n        SECRET nested.\n\nAfter.\n"
    assert stripped(text) == "After.\n"


def test_tabs_indent_the_content_of_a_block():
    assert stripped("!!! internal\n\tSECRET.\n\nAfter.") == "After."


def test_tabs_indent_a_nested_block_as_four_columns():
    text = '!!! note "Outer"\n\tPublic.\n\n\t!!! internal\n\t\tSECRET nested.\n\n\tMore public.\n'
    assert stripped(text) == '!!! note "Outer"\n\tPublic.\n\n\tMore public.\n'


def test_openers_inside_code_fences_are_code_and_stay():
    text = ("How to write one:\n\n```markdown\n!!! internal\n    Only partners see this.\n```\n\n"
            "~~~\n??? internal\n    Also code.\n~~~\n")
    assert stripped(text) == text


def test_a_block_after_a_closed_fence_is_removed():
    text = "```\ncode\n```\n\n!!! internal\n    SECRET\n"
    assert stripped(text) == "```\ncode\n```\n"


def test_a_block_ends_at_the_first_line_back_at_its_indentation():
    text = "!!! internal\n    SECRET.\nNot indented: public.\n"
    assert stripped(text) == "Not indented: public.\n"


def test_a_block_at_the_end_of_the_text_is_removed():
    assert stripped("Public.\n\n!!! internal\n    SECRET") == "Public.\n"


def test_lone_carriage_returns_are_line_breaks_as_for_markdown():
    assert "SECRET" not in stripped("Public.\r\r!!! internal\r    SECRET\r\rAfter.")


def test_text_without_internal_blocks_is_unchanged():
    text = "# Title\n\n!!! note\n    Hello.\n\n- a\n- b\n"
    assert strip_internal_blocks(text) == (text, [])


# -- for_audience ---------------------------------------------------------------------------------
@pytest.fixture
def charter(sample):
    return load_charter(sample.content).charter


def test_the_internal_audience_sees_everything(charter):
    internal = for_audience(charter, "internal")
    assert internal.audience == "internal"
    assert internal.partners["tenants-union"].representatives[0].name == "Ana Ruiz"
    assert [r.date.isoformat() for r in internal.reviews] == ["2026-10-14", "2026-11-11"]
    assert "board-notes.md" in internal.pages
    assert "SECRET-STEWARD-NOTE" in internal.steward_mandate.body


def test_the_public_audience_never_has_internal_content(charter):
    public = for_audience(charter, "public")
    assert public.audience == "public"
    assert [p.representatives for p in public.partners.values()] == [[], []]
    assert [r.date.isoformat() for r in public.reviews] == ["2026-10-14"]
    assert list(public.pages) == ["onboarding.md"]
    assert [t.id for t in public.logic.tensions] == ["fares-vs-rents"]
    assert "SECRET-STEWARD-NOTE" not in public.steward_mandate.body
    assert "Public prose after the note." in public.steward_mandate.body


def test_filtering_leaves_the_charter_as_written_untouched(charter):
    for_audience(charter, "public")
    assert charter.partners["tenants-union"].representatives
    assert "SECRET-STEWARD-NOTE" in charter.steward_mandate.body
    assert len(charter.reviews) == 2


def test_an_internal_partner_disappears_with_every_reference_to_it(sample):
    sample.edit("partners/riders-alliance.md", "name: Riverside", "visibility: internal\nname: Riverside")
    public = for_audience(load_charter(sample.content).charter, "public")
    assert list(public.partners) == ["tenants-union"]
    assert list(public.joint_demand.asks[0].benefits) == ["tenants-union"]
    assert list(public.joint_demand.endorsements) == ["tenants-union"]
    assert list(public.problem_statement.endorsements) == ["tenants-union"]
    assert list(public.autonomy.agreements) == ["tenants-union"]
    assert [c.partners for c in public.logic.conditions] == [["tenants-union"], [], ["tenants-union"]]
    assert public.logic.tensions == []  # every tension was between the two
    assert (public.reviews[0].attended, list(public.reviews[0].alignment)) == (
        ["tenants-union"], ["tenants-union"])


def test_a_reports_to_list_loses_internal_partners(sample):
    sample.edit("partners/riders-alliance.md", "name: Riverside", "visibility: internal\nname: Riverside")
    sample.edit("charter/steward-mandate.md", "reports_to: all-partners",
                "reports_to: [tenants-union, riders-alliance]")
    public = for_audience(load_charter(sample.content).charter, "public")
    assert public.steward_mandate.reports_to == ["tenants-union"]


def test_an_unknown_audience_is_refused(charter):
    with pytest.raises(ValueError, match="unknown audience 'everyone'; use 'public' or 'internal'"):
        for_audience(charter, "everyone")


def test_is_visible(charter):
    notes = charter.pages["board-notes.md"]
    assert not is_visible(notes, "public")
    assert is_visible(notes, "internal")
    assert is_visible(charter.pages["onboarding.md"], "public")
