"""The groups a large coalition's partners are listed in (render/groups.py): a group's label is
untrusted text that names a page of the site, and every partner is in exactly one group."""

from __future__ import annotations

import re
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from coalition_site.render.groups import GROUPS_FOLDER, partner_groups

SAFE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
labels = st.text(min_size=1, max_size=80).filter(str.strip)


def charter_of(partners):
    """What partner_groups reads of a charter: its partners' ids, names and groups."""
    return SimpleNamespace(partners={
        f"p{index}": SimpleNamespace(id=f"p{index}", name=name, group=group)
        for index, (name, group) in enumerate(partners)})


@given(st.lists(st.tuples(labels, st.none() | labels), min_size=1, max_size=40))
def test_every_partner_is_in_exactly_one_group_with_a_safe_page_name(partners):
    groups = partner_groups(charter_of(partners))
    listed = [p.id for group in groups for p in group.partners]
    assert sorted(listed) == sorted(f"p{i}" for i in range(len(partners)))
    for group in groups:
        # One path segment of lowercase letters, digits and hyphens: never "..", "/", "%2F" ...
        assert SAFE_NAME.fullmatch(group.slug) and len(group.slug) <= 60, group.slug
        assert group.src_uri == f"{GROUPS_FOLDER}/{group.slug}.md"
    assert len({g.slug for g in groups}) == len(groups)


@given(st.lists(labels, min_size=1, max_size=40))
def test_without_groups_partners_are_filed_under_a_to_z_or_other(names):
    groups = partner_groups(charter_of([(name, None) for name in names]))
    assert all(re.fullmatch("[A-Z]", g.label) or g.label == "Other" for g in groups)
    assert [g.label for g in groups] == sorted(g.label for g in groups if g.label != "Other") \
        + (["Other"] if any(g.label == "Other" for g in groups) else [])


def test_accents_and_digits():
    groups = partner_groups(charter_of([("Éire Network", None), ("łódź Union", None), ("4th Ward", None)]))
    assert [(g.label, [p.name for p in g.partners]) for g in groups] == [
        ("E", ["Éire Network"]), ("L", ["łódź Union"]), ("Other", ["4th Ward"])]
