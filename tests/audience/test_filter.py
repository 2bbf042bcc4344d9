"""Filtering a charter for its audience: internal files, fields and references.

(Internal blocks are dropped by Markdown as it parses: tests/markup/.)"""

from __future__ import annotations

import pytest

from coalition_site.audience import for_audience, is_visible
from coalition_site.load.charter import load_charter


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
    # Internal blocks stay in the bodies: Markdown drops them as it parses (tests/markup/).
    assert "SECRET-STEWARD-NOTE" in public.steward_mandate.body


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
