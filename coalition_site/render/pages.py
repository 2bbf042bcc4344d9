"""Rendering a planned page through its Jinja partial (``coalition/<kind>.html``).

The partials are looked up through a loader the caller gives: the MkDocs plugin passes the
theme's loader, so a site's ``custom_dir`` overrides any partial; other callers get the package's
own templates. Autoescaping is always on: every value in the charter was written by someone
else, and the only HTML let through unescaped is the sanitised prose and trusted fragments.
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from itertools import groupby
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import jinja2
from markupsafe import Markup

from ..analysis.decisions import decision_anchor, decision_register
from ..model import DECISION_STATUSES, SIGNS_OF_DECAY, SIGNS_OF_LIFE, Charter
from ..model.dates import long_date
from ..model.layout import CHARTER_TITLES
from .excerpt import SUMMARY_MARK
from .groups import NAV_GROUPS_LIMIT
from .plan import PlannedPage
from .search_marks import PROSE_END, PROSE_START

TEMPLATES_DIR = Path(str(files("coalition_site") / "templates"))

STATUS_LABELS = {
    "active": "Active", "stepped-back": "Stepped back", "departed": "Departed",
    "drafting": "Drafting", "campaigning": "Campaigning", "won": "Won",
    "partially-won": "Partially won", "lost": "Lost", "withdrawn": "Withdrawn",
}


# The states of a review's alignment, those that need attention first.
ALIGNMENT_ORDER = ("drifting", "absent", "solo-by-agreement", "aligned")


def format_date(value: dt.date) -> str:
    return long_date(value)


def by_alignment(alignment: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """A review's ``alignment`` as (state, partner ids) pairs, in :data:`ALIGNMENT_ORDER`."""
    groups: dict[str, list[str]] = {state: [] for state in ALIGNMENT_ORDER}
    for partner_id, state in alignment.items():
        groups.setdefault(state, []).append(partner_id)
    return [(state, ids) for state, ids in groups.items() if ids]


@jinja2.pass_context
def partner_names(context: jinja2.runtime.Context, partner_ids: Iterable[str]) -> list[str]:
    """The ``partner_names`` filter: each partner's name (its id if the charter has no such
    partner). A filter rather than a loop calling ``charter.partner_name``: a review lists up
    to fifty names, and Jinja calls a filter directly but inspects every function a template
    calls, on top of what each turn of a loop costs."""
    name = context["charter"].partner_name
    return [name(partner_id) for partner_id in partner_ids]


class Memo(dict):
    """``memo[x]`` is ``draw(x)`` (a macro, say), drawn the first time and looked up after.

    A partial that draws the same piece over and over (the vitality heatmap: thousands of
    cells, a few hundred distinct) pays Jinja's cost of a macro call for each; an item lookup
    costs a fraction of it (less than calling a memoized function would: Jinja inspects each
    callable it calls). A template makes its memo where it renders, so that a memo lives for
    one render: a macro may depend on the page (``link`` is relative to it), which is the same
    throughout a render. Keys must be hashable, and equal only when they draw the same (a
    frozen dataclass, an id).
    """

    def __init__(self, draw: Callable[[Any], Any]):
        super().__init__()
        self.draw = draw

    def __missing__(self, key: Any) -> Any:
        try:
            drawn = self.draw(key)
        except (AttributeError, LookupError, TypeError) as exc:
            # Jinja reads these from an item lookup as "no such item" and would report an
            # undefined value instead: report what went wrong in the drawing.
            raise RuntimeError(f"drawing {key!r}: {exc}") from exc
        self[key] = drawn
        return drawn


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    # Compiling the partials is a tenth of a large build, paid again by every build (each has a
    # new environment). Jinja's own file cache keys each template by its source's checksum, and
    # lives in a per-user folder that it creates private (0700) and refuses if anyone else owns
    # it: never in the project, where a pull request could plant bytecode.
    try:
        return jinja2.FileSystemBytecodeCache()
    except RuntimeError:  # no usable private folder: compile every time
        return None


BYTECODE_CACHE = _bytecode_cache()


def make_environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """A Jinja environment for the partials; ``loader`` defaults to the package's templates."""
    env = jinja2.Environment(
        loader=loader or jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=BYTECODE_CACHE,
        # One environment serves one build, and partials import their macros on every render:
        # checking each template's file for changes (a stat a time, ~9000 on a large charter)
        # would only find what the next build's new environment loads anyway.
        auto_reload=False,
    )
    env.filters["partner_names"] = partner_names
    env.globals.update(
        format_date=format_date,
        by_alignment=by_alignment,
        memo=Memo,
        status_label=lambda status: STATUS_LABELS.get(status, status),
        signs_of_life=SIGNS_OF_LIFE,
        signs_of_decay=SIGNS_OF_DECAY,
        # Where the problem statement's first paragraph goes, once it is rendered (excerpt.py).
        problem_summary=Markup(SUMMARY_MARK),
        decision_statuses=DECISION_STATUSES,
        decision_anchor=decision_anchor,
    )
    return env


def render_page(
    env: jinja2.Environment,
    page: PlannedPage,
    *,
    charter: Charter,
    pages: Mapping[str, PlannedPage],
    prose: str,
    link: Callable[[str], str],
    today: dt.date,
    extras: Mapping[str, str] | None = None,
    shared: Mapping[str, Any] | None = None,
) -> str:
    """The HTML of one page. ``prose`` must already be sanitised; ``extras`` are trusted HTML
    fragments that features add to a page (``logic`` diagrams, the ``vitality`` summary).
    ``shared`` is :func:`shared_context` of the build, computed once rather than per page."""
    template = env.get_template(f"coalition/{page.kind}.html")
    return template.render(
        **(shared if shared is not None else shared_context(charter, pages)),
        charter=charter,
        page=page,
        item=page.item,
        pages=pages,
        prose=Markup(PROSE_START + prose + PROSE_END),  # indexed as written (search_marks)
        link=link,
        today=today,
        extras={name: Markup(html) for name, html in (extras or {}).items()},
    )


def shared_context(charter: Charter, pages: Mapping[str, PlannedPage]) -> dict[str, Any]:
    """What every page's template may list, the same for all pages of a build."""
    newest_first = list(reversed(charter.reviews))
    groups = [page for page in pages.values() if page.kind == "partner-group"]
    return {
        "charter_links": [(uri, pages[uri].title) for uri in CHARTER_TITLES if uri in pages],
        "reviews_by_year": [(year, list(group)) for year, group in
                            groupby(newest_first, key=lambda review: review.date.year)],
        # A large coalition's groups of partners (groups.py), for the index and partner pages.
        "partner_group_pages": groups,
        "partner_group_of": {partner.id: (group.src_uri, group.title)
                             for group in groups for partner in group.item.partners},
        # The groups a page of a large coalition links instead of listing every partner (the
        # home page, Start here): all of them, when the navigation names them too.
        "partner_groups_listed": groups if len(groups) <= NAV_GROUPS_LIMIT else [],
        # Partner id -> its staff's page (onboarding), for the group pages that link them.
        "staff_pages": {page.item.partner.id: page.src_uri for page in pages.values()
                        if page.kind == "onboarding-partner"},
        # Each review's page shows what its decisions supersede, and what superseded them.
        "decision_entries": decision_register(charter).by_anchor(),
        # A condition's words by its id: pages name conditions by the thousand, and a scan of
        # the conditions for each would grow with the map's square.
        "condition_labels": {condition.id: condition.label for condition in charter.logic.conditions},
    }
