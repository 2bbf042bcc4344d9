"""The groups a large coalition's partners are listed in: by the charter's ``group`` when it
gives one, else by the first letter of their names.

Material renders the whole navigation into every page, so a menu that named every partner
made each page grow with the coalition (350 KB a partner page at 800 partners). Past
:data:`LIST_LIMIT` partners the navigation names groups instead, each a page of its own
that lists its partners: every page then carries as many entries as there are groups.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from ..model import Charter
from ..model.partner import Partner

LIST_LIMIT = 30
"""Up to this many partners, the navigation lists them one by one, as it always has: about a
screenful of the sidebar on a laptop, and a few kilobytes a page. Past it, it lists groups."""
NAV_GROUPS_LIMIT = 30
"""Past this many groups the navigation names only the partners index, which links them all:
a charter's own groups (a hundred countries ...) could otherwise make the menu long again."""
GROUPS_FOLDER = "partners/groups"
UNGROUPED = "Other partners"
"""Where a charter that groups its partners puts those with no ``group``."""
NOT_A_LETTER = "Other"
"""The alphabetical group of names that do not start with a letter from A to Z."""


@dataclass
class PartnerGroup:
    label: str
    slug: str
    by_letter: bool
    """True for an alphabetical group (``A``), False for one the charter named."""
    partners: list[Partner] = field(default_factory=list)

    @property
    def src_uri(self) -> str:
        return f"{GROUPS_FOLDER}/{self.slug}.md"


def is_large(charter: Charter) -> bool:
    """Whether the site lists the charter's partners by group rather than one by one."""
    return len(charter.partners) > LIST_LIMIT


def partner_groups(charter: Charter) -> list[PartnerGroup]:
    """The charter's partners in groups, in the order the navigation lists them; each group's
    partners by name. Labels that differ only in case or accents are one group (one page)."""
    by_letter = not any(p.group for p in charter.partners.values())
    groups: dict[str, PartnerGroup] = {}
    for partner in sorted(charter.partners.values(), key=lambda p: (p.name.casefold(), p.id)):
        label = _letter(partner.name) if by_letter else (partner.group or UNGROUPED)
        slug = _slug(label)
        groups.setdefault(slug, PartnerGroup(label, slug, by_letter)).partners.append(partner)
    return sorted(groups.values(), key=lambda g: _order(g, by_letter))


def _order(group: PartnerGroup, by_letter: bool) -> tuple:
    # The catch-all group comes last, after A-Z or after the charter's own groups.
    last = group.label == (NOT_A_LETTER if by_letter else UNGROUPED)
    return (last, group.label.casefold(), group.slug)


def _letter(name: str) -> str:
    first = _ascii(name.strip())[:1].upper()
    return first if "A" <= first <= "Z" else NOT_A_LETTER


def _ascii(text: str) -> str:
    # "Éire" is listed under E, "Łódź" under L: accents are dropped, as a reader would file them.
    return unicodedata.normalize("NFKD", text.replace("Ł", "L").replace("ł", "l")) \
        .encode("ascii", "ignore").decode()


def _slug(label: str) -> str:
    """A file name for the group's page: the label in lowercase ASCII, or, for a label with no
    Latin letter or digit at all, a stable name derived from it."""
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii(label).lower()).strip("-")[:60].strip("-")
    return slug or "group-" + hashlib.sha256(label.casefold().encode()).hexdigest()[:8]
