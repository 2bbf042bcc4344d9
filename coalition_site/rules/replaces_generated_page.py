"""No page of the content folder takes the place of a page the site generates.

Checks that no ordinary page stands where the site writes a page of its own: the home page
(`index.md`), the partners page (`partners/index.md`), the reviews page (`reviews/index.md`), the
charter history (`history.md`), the Coalition Logic map (`logic/index.md`), the vitality
dashboard (`vitality/index.md`), the decision register (`decisions.md`), the glossary
(`glossary.md`) and each partner's page for its new staff (`onboarding/<partner-id>.md`). The
Start here page (`onboarding.md` or `onboarding/index.md`) is not among them: the coalition's own
text there is shown inside the generated page.

A page written at one of those paths replaces the generated page: the coalition's own home
page, say, instead of the one that shows the joint demand and the partners. That may be the
point, but it happens without a word, and a file added for another reason (a `README.md` copied
in, an `index.md` of notes) silently takes the place of what the site is for. A page at the same
address under another name (`README.md`, `partners.md`, `logic.md`) is hidden by the generated
page instead, its text left only in the search index.

A warning: rename the page to keep both, or set this rule `off` to replace the generated page on
purpose.

Passes (`content/welcome.md`):

```yaml
title: Welcome to the alliance
```

Fails (`content/index.md`, which replaces the generated home page):

```yaml
title: Welcome to the alliance
```

The finding points at the top of the page's file.
"""

from __future__ import annotations

from typing import Iterator

from ..model.layout import page_url
from .base import Finding

ID = "replaces-generated-page"
DEFAULT = "warning"

GENERATED_PAGES = {
    "index.md": "the generated home page (the coalition, its joint demand, its partners and charter)",
    "partners/index.md": "the generated partners page (every partner, with its issue and status)",
    "reviews/index.md": "the generated reviews page (every review, by year)",
    "history.md": "the generated charter history page (every version, and who endorsed it)",
    "logic/index.md": "the generated Coalition Logic page (the map of conditions, dependencies and tensions)",
    "vitality/index.md": "the generated vitality dashboard (the reviews' signs of life and decay, over time)",
    "decisions.md": "the generated decision register (every review's decisions, and those still open)",
    "glossary.md": "the generated glossary (the pattern's words, linked from every page)",
}
"""The pages the site writes itself (``render/plan.py`` and the features), by ``src_uri``."""
# history.md and history/index.md are one page to the history feature: either replaces it.
_REPLACES = {**GENERATED_PAGES, "history/index.md": GENERATED_PAGES["history.md"],
             "decisions/index.md": GENERATED_PAGES["decisions.md"],
             "glossary/index.md": GENERATED_PAGES["glossary.md"]}
_BY_ADDRESS = {page_url(uri): uri for uri in GENERATED_PAGES}
# Where features/onboarding.py writes a partner's staff page (the rules do not import the site).
STAFF_PAGE = "onboarding/{partner_id}.md"


def check(charter, today) -> Iterator[Finding]:
    staff_pages = {STAFF_PAGE.format(partner_id=pid): partner.name for pid, partner in charter.partners.items()}
    for uri in charter.pages:
        if uri in staff_pages:
            yield Finding(uri, (), f"this page replaces the generated page for new staff at {staff_pages[uri]} "
                          f"(why it is allied with each partner); rename it to keep both, or set rules: "
                          f"{{{ID}: off}} to replace it on purpose")
        elif uri in _REPLACES:
            yield Finding(uri, (), f"this page replaces {_REPLACES[uri]}; rename it to keep both, or "
                          f"set rules: {{{ID}: off}} to replace it on purpose")
        elif (generated := _BY_ADDRESS.get(page_url(uri).lower())) is not None:
            address = "/" + page_url(generated)
            yield Finding(uri, (), f"this page has the address of {GENERATED_PAGES[generated]}, "
                          f"'{address}', which hides it; rename it to keep both, or name it "
                          f"'{generated}' to replace that page on purpose")
