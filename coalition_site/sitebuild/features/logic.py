"""The Coalition Logic feature: the map page, each partner's view, and what each ask advances.

It adds the page ``logic/index.md`` (template ``coalition/logic.html``) and fills the slot
``logic`` of partner pages and of the joint demand. A map too large for one diagram
(:mod:`~coalition_site.analysis.logic_scale`) is drawn in parts: a page per group of partners
(``logic/groups/<group>.md``, template ``coalition/logic-group.html``) and a map of the groups
when the charter groups its partners, else its cycles condensed; the decision is made before any
layout, and no diagram over the limits is ever handed to Graphviz. All diagrams of a build are drawn in
:meth:`LogicFeature.prepare` through one ``dot`` process (or none, when cached); pages then only
resolve the diagrams' links and render the partials under ``coalition/logic/``.

A page shows each diagram fitted to its column, and links to the same drawing as an ``.svg``
file of its own (:func:`diagram_file`) to open at full size: cleaned by the same sanitiser,
written only for diagrams this build draws (the audience's) and whose page it builds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from markupsafe import Markup

from ...analysis import logic_scale
from ...analysis.logic_map import CycleReport, LogicMap, PartnerView, StepBackImpact
from ...analysis.logic_scale import CondensedCycles, GroupedMap, condensed_cycles, group_map
from ...model import Charter
from ...render.diagrams import RenderStats, render_diagrams
from ...render.groups import NAV_GROUPS_LIMIT, partner_groups
from ...render.logic_dot import (DotDiagram, cycles_dot, group_map_dot, groups_dot, logic_map_dot,
                                 partner_view_dot, tensions_dot)
from ...render.palette import NOBODY, colour_name, partner_colours
from ...render.plan import PlannedPage
from ...render.svg import CleanSvg, clean_svg, resolve_links
from .base import Feature, Link

if TYPE_CHECKING:
    from ..build import SiteBuild

MAP_URI = "logic/index.md"
MAP_TITLE = "Coalition logic"
GROUPS_FOLDER = "logic/groups"
NOBODY_GROUP = "Conditions no partner carries"
"""Where a map drawn by group puts the conditions none of its partners centres on."""
CYCLES_LISTED = 30
"""The map page lists this many of the shortest cycles in words."""
CYCLE_STEPS_LISTED = 300
"""On a map too large for one picture, the cycles listed name at most this many conditions in all
(at 2,000 partners the 30 shortest cycles of a random map named thousands: 1.2 MB of the page)."""
SHOWN_PARTNERS = 12
"""A partner page names at most this many partners in a list that grows with the coalition
(who relies on it, who would be left depending on it) and counts the others."""


def group_uri(slug: str) -> str:
    return f"{GROUPS_FOLDER}/{slug}.md"


def diagram_file(name: str) -> str:
    """Where a diagram's own ``.svg`` file is built (``logic/map.svg``, ``logic/partners/<id>.svg``,
    ``logic/groups/<group>.svg``, ``logic/groups/<group>.cycles.svg``)."""
    kind, _, item = name.partition(":")
    if kind == "partner":
        return f"logic/partners/{item}.svg"
    if kind == "group":
        return f"{GROUPS_FOLDER}/{item}.svg"
    if kind == "group-cycles":
        return f"{GROUPS_FOLDER}/{item}.cycles.svg"
    return f"logic/{kind}.svg"


@dataclass
class LogicAnalysis:
    """Everything the Coalition Logic pages show, computed once per build."""

    charter: Charter
    graph: LogicMap
    colours: dict[str, str]
    cycles: CycleReport
    views: dict[str, PartnerView] = field(default_factory=dict)
    impacts: dict[str, StepBackImpact] = field(default_factory=dict)
    whole: bool = True
    """The whole map fits one diagram (:func:`~coalition_site.analysis.logic_scale.fits`)."""
    grouped: GroupedMap | None = None
    """A map too large for one diagram, by the charter's groups of partners (when it has some)."""
    condensed: CondensedCycles | None = None
    """A map too large for one diagram and not grouped: its cycles, condensed."""
    group_condensed: dict[str, CondensedCycles] = field(default_factory=dict)
    """A group whose own map is too large: its cycles, condensed, by the group's slug."""

    @classmethod
    def of(cls, charter: Charter) -> "LogicAnalysis":
        graph = LogicMap.build(charter.logic, charter.partners)
        analysis = cls(charter, graph, partner_colours(charter.partners), graph.cycles())
        analysis.views = {pid: graph.partner_view(pid) for pid in charter.partners if graph.conditions_of(pid)}
        analysis.impacts = {impact.partner_id: impact for impact in graph.step_backs()}
        # Decided from the map's size, before anything is laid out.
        analysis.whole = logic_scale.fits(len(graph.conditions), len(graph.dependencies))
        if not analysis.whole:
            analysis.grouped = _grouped(charter, graph)
            if analysis.grouped is None:
                analysis.condensed = condensed_cycles(graph, cycles=analysis.cycles.cycles)
            else:
                analysis.group_condensed = {slug: condensed_cycles(graph, part.conditions, analysis.cycles.cycles)
                                            for slug, part in analysis.grouped.groups.items() if not part.fits}
        return analysis

    @property
    def cycles_listed(self) -> int:
        """How many cycles the map page lists in words: the 30 shortest; on a map too large for one
        picture, whose shortest cycles can run through hundreds of conditions, as many of those
        as name at most :data:`CYCLE_STEPS_LISTED` conditions in all (one at least)."""
        if self.whole:
            return CYCLES_LISTED
        steps = count = 0
        for cycle in self.cycles.cycles[:CYCLES_LISTED]:
            steps += len(cycle.conditions)
            if count and steps > CYCLE_STEPS_LISTED:
                break
            count += 1
        return count

    @property
    def single_points_of_failure(self) -> list[tuple[str, str, list[str]]]:
        """(partner id, condition id, ids of the partners whose theories of change require it)."""
        found = []
        for pid, impact in self.impacts.items():
            for cid in impact.single_points_of_failure:
                found.append((pid, cid, [other for other, chain in impact.dependents.items() if chain[-1] == cid]))
        return found


def _grouped(charter: Charter, graph: LogicMap) -> GroupedMap | None:
    """The map by the charter's own groups of partners (the navigation's, render/groups.py), or
    None when it names none, or only one group has conditions: letters of the alphabet are no
    way to split a map."""
    groups = [group for group in partner_groups(charter) if not group.by_letter]
    group_of = {partner.id: group.slug for group in groups for partner in group.partners}
    labels = {group.slug: group.label for group in groups}
    if any(not graph.partners_of(cid) for cid in graph.conditions):
        slug, number = "no-partner", 1
        while slug in labels:
            number += 1
            slug = f"no-partner-{number}"
        labels[slug] = NOBODY_GROUP
        group_of[""] = slug
    grouped = group_map(graph, group_of, labels)
    return grouped if len(grouped.groups) > 1 else None


def diagram_sources(analysis: LogicAnalysis) -> dict[str, DotDiagram]:
    """Every diagram a build draws, by name (``map``, ``groups``, ``group:<slug>``,
    ``group-cycles:<slug>``, ``cycles``, ``tensions``, ``partner:<id>``), each within the limits
    of :mod:`~coalition_site.analysis.logic_scale`: what is over them is left out here, so that
    it never reaches Graphviz (:func:`split_sources` says what, and its size).

    Benchmarks time the drawing alone with
    ``render_diagrams({name: d.source for name, d in diagram_sources(LogicAnalysis.of(charter)).items()})``.
    """
    return split_sources(analysis)[0]


def split_sources(analysis: LogicAnalysis) -> tuple[dict[str, DotDiagram], dict[str, tuple[int, int]]]:
    """The diagrams to draw, by name, and those left undrawn for their size: (boxes, arrows)."""
    drawn, undrawn = {}, {}
    for name, diagram in _all_sources(analysis).items():
        if logic_scale.fits(diagram.boxes, diagram.arrows):
            drawn[name] = diagram
        else:
            undrawn[name] = (diagram.boxes, diagram.arrows)
    return drawn, undrawn


def _all_sources(analysis: LogicAnalysis) -> dict[str, DotDiagram]:
    graph, colours, cycles = analysis.graph, analysis.colours, analysis.cycles
    sources = {}
    if analysis.whole:
        sources["map"] = logic_map_dot(graph, colours, cycles)
    if analysis.grouped is not None:
        grouped = analysis.grouped
        if grouped.fits:
            sources["groups"] = groups_dot(grouped)
        for slug, part in grouped.groups.items():
            if part.fits:
                sources[f"group:{slug}"] = group_map_dot(graph, part, grouped, colours, cycles)
            elif analysis.group_condensed[slug].shown:
                sources[f"group-cycles:{slug}"] = cycles_dot(graph, analysis.group_condensed[slug], colours,
                                                             name=f"coalition-logic-cycles-{slug}")
    if analysis.condensed is not None and analysis.condensed.shown:
        sources["cycles"] = cycles_dot(graph, analysis.condensed, colours)
    tensions = analysis.charter.logic.tensions
    if tensions:
        sources["tensions"] = tensions_dot(tensions, analysis.charter.partners, colours)
    for pid, view in analysis.views.items():
        sources[f"partner:{pid}"] = partner_view_dot(graph, view, colours, cycles)
    return sources


@dataclass(frozen=True)
class _Drawing:
    """A diagram cleaned once, given its root element when a page or its own file is made:
    an inline and a standalone copy of every drawing, kept to the end of a large build, held
    each twice more than the file MkDocs writes (25 MB a copy at 2,000 partners)."""

    clean: CleanSvg
    title: str
    text_id: str
    """The id of the text beside the drawing that describes it (its title's id adds ``-title``)."""

    def inline(self) -> str:
        return self.clean.inline(title=self.title, title_id=f"{self.text_id}-title", described_by=self.text_id)

    def document(self) -> str:
        return self.clean.document(title=self.title, title_id=f"{self.text_id}-title")


class LogicFeature(Feature):
    """The Coalition Logic map page, partner views and step-back impact."""

    name = "logic"

    def __init__(self, build: "SiteBuild"):
        super().__init__(build)
        self.analysis = LogicAnalysis.of(build.charter)
        self.drawings: dict[str, _Drawing] = {}
        """Each diagram, cleaned once: given its root element where a page shows it, or as a
        standalone ``.svg`` file (links unresolved)."""
        self.sizes: dict[str, tuple[int, int]] = {}
        """Each drawing's natural size in CSS pixels."""
        self.stats = RenderStats()
        """What drawing this build's diagrams cost: ``dot`` processes, cache hits, seconds."""
        self.undrawn: dict[str, tuple[int, int]] = {}
        """The diagrams too large to draw, by name: (boxes, arrows)."""

    @property
    def enabled(self) -> bool:
        return bool(self.analysis.graph.conditions)

    def pages(self) -> list[PlannedPage]:
        if not self.enabled:
            return []
        grouped = self.analysis.grouped
        if grouped is None:
            return [PlannedPage(MAP_URI, "logic", MAP_TITLE, None, generated=True)]
        # The map and a page per group, a section of the navigation as the partners' groups are
        # (render/groups.py), and reached from the map page alone past as many groups.
        listed = len(grouped.groups) <= NAV_GROUPS_LIMIT
        section = MAP_TITLE if listed else None
        return [PlannedPage(MAP_URI, "logic", MAP_TITLE, None, generated=True, nav_section=section)] + [
            # Out of the search index: the map page lists the same conditions, and a search
            # should find each once.
            PlannedPage(group_uri(slug), "logic-group", part.label, part, generated=True,
                        nav_section=section, listed=listed, searched=False)
            for slug, part in grouped.groups.items()]

    def prepare(self) -> None:
        if not self.enabled:
            return
        diagrams, self.undrawn = split_sources(self.analysis)
        raw = render_diagrams({name: d.source for name, d in diagrams.items()},
                              cache_dir=self.build.options.cache_dir, stats=self.stats)
        partners = self.build.charter.partners
        graph = self.analysis.graph
        titles = {
            "map": (f"Coalition Logic map: {len(graph.conditions)} conditions, "
                    f"{len(graph.dependencies)} dependencies, {len(self.analysis.cycles.cycles)} "
                    f"cycle{'s' * (len(self.analysis.cycles.cycles) != 1)}", "cs-logic-map-text"),
            "tensions": ("Tensions between partners", "cs-logic-tensions-text"),
            "groups": ("The Coalition Logic map by group: how many dependencies lead from one group's "
                       "conditions to another's", "cs-logic-groups-text"),
            "cycles": ("The Coalition Logic map's cycles, condensed", "cs-logic-cycles-text"),
        }
        for name, svg in raw.items():
            kind, _, item = name.partition(":")
            if kind == "partner":
                partner = partners[item]
                title = (f"{partner.name} in the Coalition Logic: its conditions, what they require "
                         "and who requires them", "cs-logic-partner-text")
            elif kind == "group":
                label = self.analysis.grouped.groups[item].label  # type: ignore[union-attr]
                title = (f"The Coalition Logic map of {label}: its conditions, and the links to other "
                         "groups", "cs-logic-group-text")
            elif kind == "group-cycles":
                label = self.analysis.grouped.groups[item].label  # type: ignore[union-attr]
                title = (f"The cycles of {label}'s conditions, condensed", "cs-logic-cycles-text")
            else:
                title = titles[name]
            clean = clean_svg(svg, diagrams[name].tooltips)
            self.drawings[name] = _Drawing(clean, *title)
            if clean.pixels:
                self.sizes[name] = clean.pixels

    def _page_of(self, name: str) -> str:
        """The page that shows a diagram."""
        kind, _, item = name.partition(":")
        if kind == "partner":
            return self.build.charter.partners[item].src_uri
        if kind in ("group", "group-cycles"):
            return group_uri(item)
        return MAP_URI

    def files(self, links_from: Callable[[str], Link]) -> dict[str, str]:
        """Each diagram as an ``.svg`` file of its own, beside the page that shows it: only the
        diagrams this build drew from its audience's charter, and only where that page is built."""
        found = {}
        for name, drawing in self.drawings.items():
            page = self._page_of(name)
            if page not in self.build.plan.pages:
                continue
            uri = diagram_file(name)
            link = links_from(uri)
            href = self._href(link, link(MAP_URI), link(page), self._local(page))
            found[uri] = resolve_links(drawing.document(), href)
        return found

    # -- fragments --------------------------------------------------------------------------------
    def extras(self, page: PlannedPage, link: Link) -> dict[str, str]:
        if not self.enabled:
            return {}
        if page.kind == "logic":
            return {"logic": self._render("map", page, link, on_map=True)}
        if page.kind == "logic-group":
            return {"logic": self._render("group", page, link, part=page.item)}
        if page.kind == "partner" and page.item is not None:
            return {"logic": self._render("partner", page, link, partner=page.item)}
        if page.kind == "joint-demand" and any(ask.advances for ask in page.item.asks):
            return {"logic": self._render("demand", page, link)}
        return {}

    def _local(self, uri: str) -> frozenset[str]:
        """The conditions a page lists itself (a group's page its own), which its links stay on."""
        if uri.startswith(GROUPS_FOLDER + "/") and self.analysis.grouped is not None:
            part = self.build.plan.pages[uri].item if uri in self.build.plan.pages else None
            return frozenset(part.conditions) if part is not None else frozenset()
        return frozenset()

    def _render(self, partial: str, page: PlannedPage, link: Link, on_map: bool = False, **context) -> str:
        charter = self.build.charter
        map_url = "" if on_map else link(MAP_URI)
        local = self._local(page.src_uri)
        href = self._href(link, map_url, "", local)

        def diagram(name: str) -> Markup:
            drawing = self.drawings.get(name)
            return Markup(resolve_links(drawing.inline(), href)) if drawing is not None else Markup("")

        def full_size(name: str) -> dict | None:
            """The link to a diagram's own file, and its natural size (None: no such file)."""
            if name not in self.drawings:
                return None
            width, height = self.sizes.get(name, (None, None))
            return {"url": link(diagram_file(name)), "width": width, "height": height}

        def condition_url(cid: str) -> str:
            return f"#condition-{cid}" if cid in local else f"{map_url}#condition-{cid}"

        template = self.build.env.get_template(f"coalition/logic/{partial}.html")
        return template.render(
            charter=charter, page=page, link=link, logic=self.analysis, graph=self.analysis.graph,
            colours=self.analysis.colours, nobody_colour=NOBODY, colour_name=colour_name,
            condition_url=condition_url, diagram=diagram, full_size=full_size,
            undrawn=self.undrawn, limits=(logic_scale.MAX_CONDITIONS, logic_scale.MAX_DEPENDENCIES),
            group_url=lambda slug: link(group_uri(slug)), shown_partners=SHOWN_PARTNERS,
            map_url=link(MAP_URI) if not on_map else "", **context)

    def _href(self, link: Link, map_url: str, page_url: str = "",
              local: frozenset[str] = frozenset()) -> Callable[[str, str], str | None]:
        """Where a diagram's ``cs:<kind>/<id>`` links lead, from where ``link`` links from
        (``page_url``: the page that shows it, for what it lists itself)."""
        charter = self.build.charter
        grouped = self.analysis.grouped

        def href(kind: str, item_id: str) -> str | None:
            if kind == "partner":
                return link(charter.partners[item_id].src_uri) if item_id in charter.partners else None
            if kind == "group":
                return link(group_uri(item_id)) if grouped is not None and item_id in grouped.groups else None
            if kind == "cycle":
                return f"{page_url}#cycle-group-{item_id}"
            if item_id not in self.analysis.graph.conditions:
                return None
            return f"{page_url}#condition-{item_id}" if item_id in local else f"{map_url}#condition-{item_id}"
        return href
