"""Partner colours: stable across pages and builds, and distinguishable for colour-blind readers.

The palette is Paul Tol's *light* scheme, made for areas that carry dark text: every colour keeps
black text legible, and the set stays distinct with the common colour-vision deficiencies. Colour
never carries meaning alone: legends, tooltips and the text alternatives name the partners.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Mapping

from ..model import Partner

PALETTE: tuple[tuple[str, str], ...] = (
    ("#77AADD", "light blue"),
    ("#EE8866", "orange"),
    ("#EEDD88", "light yellow"),
    ("#FFAABB", "pink"),
    ("#99DDFF", "light cyan"),
    ("#44BB99", "mint"),
    ("#BBCC33", "pear"),
    ("#AAAA00", "olive"),
)
NOBODY = "#DDDDDD"
"""Tol's pale grey: a condition no partner carries."""


def preferred_slot(partner_id: str) -> int:
    """The palette slot a partner asks for: a hash of its id, the same on every machine."""
    return int.from_bytes(hashlib.sha256(partner_id.encode()).digest()[:4], "big") % len(PALETTE)


def partner_colours(partners: Mapping[str, Partner]) -> dict[str, str]:
    """Partner id → colour (``#RRGGBB``).

    Partners claim their preferred slot in the order they joined (then by id), and a partner
    whose slot is taken moves to the next free one. A partner that joins later therefore never
    takes an existing partner's colour. With more partners than colours, slots are shared;
    the legend and the text alternatives still tell them apart.
    """
    def seniority(pid: str):
        joined = partners[pid].joined
        return (joined is None, joined or dt.date.min, pid)

    colours: dict[str, str] = {}
    taken: set[int] = set()
    for pid in sorted(partners, key=seniority):
        slot = preferred_slot(pid)
        if len(taken) < len(PALETTE):
            while slot in taken:
                slot = (slot + 1) % len(PALETTE)
        taken.add(slot)
        colours[pid] = PALETTE[slot][0]
    return {pid: colours[pid] for pid in partners}


def colour_name(colour: str) -> str:
    """The name of a palette colour, for text that describes a swatch."""
    return next((name for value, name in PALETTE if value == colour), "grey")
