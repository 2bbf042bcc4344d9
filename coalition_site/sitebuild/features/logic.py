"""The Coalition Logic feature: the map page, each partner's view, and what each ask advances.

It adds the page ``logic/index.md`` (template ``coalition/logic.html``) and fills the slot
``logic`` of partner pages and of the joint demand. All diagrams of a build are drawn in
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

from ...analysis.logic_map import CycleReport, LogicMap, PartnerView, StepBackImpact
from ...model import Charter
from ...render.diagrams import RenderStats, render_diagrams
from ...render.logic_dot import DotDiagram, logic_map_dot, partner_view_dot, tensions_dot
from ...render.palette import NOBODY, colour_name, partner_colours
from ...render.plan import PlannedPage
from ...render.svg import clean_svg, resolve_links
from .base import Feature, Link

if TYPE_CHECKING:
    from ..build import SiteBuild

MAP_URI = "logic/index.md"
MAP_TITLE = "Coalition logic"


def diagram_file(name: str) -> str:
    """Where a diagram's own ``.svg`` file is built (``logic/map.svg``, ``logic/partners/<id>.svg``)."""
    kind, _, item = name.partition(":")
    return f"logic/partners/{item}.svg" if kind == "partner" else f"logic/{kind}.svg"


@dataclass
class LogicAnalysis:
    """Everything the Coalition Logic pages show, computed once per build."""

    charter: Charter
    graph: LogicMap
    colours: dict[str, str]
    cycles: CycleReport
    views: dict[str, PartnerView] = field(default_factory=dict)
    impacts: dict[str, StepBackImpact] = field(default_factory=dict)

    @classmethod
    def of(cls, charter: Charter) -> "LogicAnalysis":
        graph = LogicMap.build(charter.logic, charter.partners)
        analysis = cls(charter, graph, partner_colours(charter.partners), graph.cycles())
        analysis.views = {pid: graph.partner_view(pid) for pid in charter.partners if graph.conditions_of(pid)}
        analysis.impacts = {impact.partner_id: impact for impact in graph.step_backs()}
        return analysis

    @property
    def single_points_of_failure(self) -> list[tuple[str, str, list[str]]]:
        """(partner id, condition id, ids of the partners whose theories of change require it)."""
        found = []
        for pid, impact in self.impacts.items():
            for cid in impact.single_points_of_failure:
                found.append((pid, cid, [other for other, chain in impact.dependents.items() if chain[-1] == cid]))
        return found


def diagram_sources(analysis: LogicAnalysis) -> dict[str, DotDiagram]:
    """Every diagram a build draws, by name (``map``, ``tensions``, ``partner:<id>``).

    Benchmarks time the drawing alone with
    ``render_diagrams({name: d.source for name, d in diagram_sources(LogicAnalysis.of(charter)).items()})``.
    """
    sources = {"map": logic_map_dot(analysis.graph, analysis.colours, analysis.cycles)}
    tensions = analysis.charter.logic.tensions
    if tensions:
        sources["tensions"] = tensions_dot(tensions, analysis.charter.partners, analysis.colours)
    for pid, view in analysis.views.items():
        sources[f"partner:{pid}"] = partner_view_dot(analysis.graph, view, analysis.colours, analysis.cycles)
    return sources


class LogicFeature(Feature):
    """The Coalition Logic map page, partner views and step-back impact."""

    name = "logic"

    def __init__(self, build: "SiteBuild"):
        super().__init__(build)
        self.analysis = LogicAnalysis.of(build.charter)
        self.svgs: dict[str, str] = {}
        self.documents: dict[str, str] = {}
        """The same drawings as :attr:`svgs`, as standalone ``.svg`` files (links unresolved)."""
        self.sizes: dict[str, tuple[int, int]] = {}
        """Each drawing's natural size in CSS pixels."""
        self.stats = RenderStats()
        """What drawing this build's diagrams cost: ``dot`` processes, cache hits, seconds."""

    @property
    def enabled(self) -> bool:
        return bool(self.analysis.graph.conditions)

    def pages(self) -> list[PlannedPage]:
        if not self.enabled:
            return []
        return [PlannedPage(MAP_URI, "logic", MAP_TITLE, None, generated=True)]

    def prepare(self) -> None:
        if not self.enabled:
            return
        diagrams = diagram_sources(self.analysis)
        raw = render_diagrams({name: d.source for name, d in diagrams.items()},
                              cache_dir=self.build.options.cache_dir, stats=self.stats)
        partners = self.build.charter.partners
        graph = self.analysis.graph
        titles = {
            "map": (f"Coalition Logic map: {len(graph.conditions)} conditions, "
                    f"{len(graph.dependencies)} dependencies, {len(self.analysis.cycles.cycles)} "
                    f"cycle{'s' * (len(self.analysis.cycles.cycles) != 1)}", "cs-logic-map-text"),
            "tensions": ("Tensions between partners", "cs-logic-tensions-text"),
        }
        for name, svg in raw.items():
            if name.startswith("partner:"):
                partner = partners[name.split(":", 1)[1]]
                title = (f"{partner.name} in the Coalition Logic: its conditions, what they require "
                         "and who requires them", "cs-logic-partner-text")
            else:
                title = titles[name]
            clean = clean_svg(svg, diagrams[name].tooltips)
            self.svgs[name] = clean.inline(title=title[0], title_id=f"{title[1]}-title", described_by=title[1])
            self.documents[name] = clean.document(title=title[0], title_id=f"{title[1]}-title")
            if clean.pixels:
                self.sizes[name] = clean.pixels

    def files(self, links_from: Callable[[str], Link]) -> dict[str, str]:
        """Each diagram as an ``.svg`` file of its own, beside the page that shows it: only the
        diagrams this build drew from its audience's charter, and only where that page is built."""
        found = {}
        for name, document in self.documents.items():
            if name.startswith("partner:"):
                page = self.build.charter.partners[name.split(":", 1)[1]].src_uri
            else:
                page = MAP_URI
            if page not in self.build.plan.pages:
                continue
            uri = diagram_file(name)
            link = links_from(uri)
            found[uri] = resolve_links(document, self._href(link, link(MAP_URI)))
        return found

    # -- fragments --------------------------------------------------------------------------------
    def extras(self, page: PlannedPage, link: Link) -> dict[str, str]:
        if not self.enabled:
            return {}
        if page.kind == "logic":
            return {"logic": self._render("map", page, link, on_map=True)}
        if page.kind == "partner" and page.item is not None:
            return {"logic": self._render("partner", page, link, partner=page.item)}
        if page.kind == "joint-demand" and any(ask.advances for ask in page.item.asks):
            return {"logic": self._render("demand", page, link)}
        return {}

    def _render(self, partial: str, page: PlannedPage, link: Link, on_map: bool = False, **context) -> str:
        charter = self.build.charter
        map_url = "" if on_map else link(MAP_URI)
        href = self._href(link, map_url)

        def diagram(name: str) -> Markup:
            return Markup(resolve_links(self.svgs[name], href)) if name in self.svgs else Markup("")

        def full_size(name: str) -> dict | None:
            """The link to a diagram's own file, and its natural size (None: no such file)."""
            if name not in self.documents:
                return None
            width, height = self.sizes.get(name, (None, None))
            return {"url": link(diagram_file(name)), "width": width, "height": height}

        template = self.build.env.get_template(f"coalition/logic/{partial}.html")
        return template.render(
            charter=charter, page=page, link=link, logic=self.analysis, graph=self.analysis.graph,
            colours=self.analysis.colours, nobody_colour=NOBODY, colour_name=colour_name,
            condition_url=lambda cid: f"{map_url}#condition-{cid}", diagram=diagram, full_size=full_size,
            map_url=link(MAP_URI) if not on_map else "", **context)

    def _href(self, link: Link, map_url: str) -> Callable[[str, str], str | None]:
        """Where a diagram's ``cs:<kind>/<id>`` links lead, from where ``link`` links from."""
        charter = self.build.charter

        def href(kind: str, item_id: str) -> str | None:
            if kind == "partner":
                return link(charter.partners[item_id].src_uri) if item_id in charter.partners else None
            return f"{map_url}#condition-{item_id}" if item_id in self.analysis.graph.conditions else None
        return href
