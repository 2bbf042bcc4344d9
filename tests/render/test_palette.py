"""Partner colours: stable, distinct while the palette lasts, and legible under dark text."""

from __future__ import annotations

import datetime as dt

from coalition_site.model import Partner
from coalition_site.render.palette import PALETTE, partner_colours


def partner(pid: str, joined: dt.date | None = None) -> Partner:
    p = Partner(name=pid.title(), issue="x", theory_of_change="y", joined=joined)
    p.attach(f"partners/{pid}.md", "", 1)
    return p


def test_the_same_partner_keeps_its_colour_when_others_join_later():
    early = {pid: partner(pid, dt.date(2019, 5, 1)) for pid in ("usw-1219", "breathe", "housing-now")}
    before = partner_colours(early)
    later = dict(early)
    for index, pid in enumerate(("puentes", "valley-interfaith", "clinic-network", "youth-league")):
        later[pid] = partner(pid, dt.date(2024, 1, 1 + index))
    after = partner_colours(later)
    assert {pid: after[pid] for pid in early} == before


def test_colours_do_not_depend_on_the_order_partners_are_listed_in():
    ids = ["a-one", "b-two", "c-three", "d-four", "e-five"]
    forward = partner_colours({pid: partner(pid) for pid in ids})
    backward = partner_colours({pid: partner(pid) for pid in reversed(ids)})
    assert forward == backward


def test_up_to_eight_partners_get_eight_different_colours():
    ids = [f"partner-{i}" for i in range(len(PALETTE))]
    colours = partner_colours({pid: partner(pid) for pid in ids})
    assert len(set(colours.values())) == len(PALETTE)


def test_a_ninth_partner_shares_a_colour_rather_than_failing():
    ids = [f"partner-{i}" for i in range(len(PALETTE) + 1)]
    colours = partner_colours({pid: partner(pid) for pid in ids})
    assert len(colours) == 9 and set(colours.values()) == {value for value, _ in PALETTE}


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_dark_label_text_passes_wcag_aa_on_every_partner_colour():
    text = _luminance("#1a1a1a")
    for colour, name in PALETTE:
        ratio = (_luminance(colour) + 0.05) / (text + 0.05)
        assert ratio >= 4.5, f"{name} {colour}: {ratio:.2f}"
