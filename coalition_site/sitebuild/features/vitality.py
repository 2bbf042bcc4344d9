"""The vitality dashboard: ``vitality/`` and the vitality summary on the home page.

The page exists only when the audience may see at least one review held (dated on or before
the build date): a public build of a coalition that publishes none, or a charter whose only
reviews are dated after the build date, has no dashboard, no navigation entry and no home summary.
Everything shown comes from :func:`~coalition_site.analysis.vitality.build_vitality_report` on
the audience-filtered charter, so an internal review never reaches a public page.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import groupby

from ...analysis.vitality import (ALIGNMENT_LABELS, AlignmentYear, GroupRecord, VitalityReport,
                                  build_vitality_report, group_record)
from ...render.charts import score_label, vitality_charts
from ...render.groups import is_large, partner_groups
from ...render.plan import PlannedPage
from .base import Feature, Link

SRC_URI = "vitality/index.md"
TITLE = "Vitality"
SUMMARY_TEMPLATE = "coalition/vitality-summary.html"
GROUP_TEMPLATE = "coalition/vitality-group.html"


@dataclass
class VitalityPage:
    """What the ``vitality`` partial shows: the report, arranged for reading."""

    report: VitalityReport
    body: str = ""
    """A generated page has no Markdown of its own (the plugin renders ``item.body``)."""
    years: list[tuple[int, list[int]]] = field(default_factory=list)
    """Year → indexes of that year's reviews, newest year first: one heatmap table each, for
    the report's recent years only."""
    earlier: tuple[AlignmentYear, ...] = ()
    """The years before those, newest first: folded into one table, a column a year."""
    alignment_labels: dict[str, str] = field(default_factory=lambda: dict(ALIGNMENT_LABELS))
    groups: tuple[GroupRecord, ...] = ()
    """A large coalition's groups of partners (render/groups.py), counted: the dashboard's rows
    are these, and each partner's own row is on its group's page. Empty: a row a partner."""

    def __post_init__(self) -> None:
        recent = self.report.recent_years
        indexed = list(enumerate(self.report.reviews))
        self.years = [(year, [index for index, _ in group]) for year, group in
                      groupby(indexed, key=lambda pair: pair[1].date.year) if year in recent][::-1]
        self.earlier = self.report.earlier_years

    @staticmethod
    def score_label(name: str) -> str:
        return score_label(name)


class VitalityFeature(Feature):
    """Adds ``vitality/`` and the home page's ``vitality`` slot when there are reviews to read."""

    name = "vitality"

    def __init__(self, build):
        super().__init__(build)
        self.report: VitalityReport | None = None
        self.charts: dict[str, str] = {}
        self.groups: dict[str, VitalityPage] = {}
        """A large coalition's group pages (by ``src_uri``) → the rows of their partners."""

    def pages(self) -> list[PlannedPage]:
        today = self.build.today
        if not any(review.date <= today for review in self.build.charter.reviews):
            # No evidence, no dashboard (and no trace of one): a review dated after the build
            # date is not held yet; its own page is built all the same.
            return []
        self.report = build_vitality_report(self.build.charter, today)
        return [PlannedPage(SRC_URI, "vitality", TITLE, VitalityPage(self.report), generated=True)]

    def prepare(self) -> None:
        if self.report is None:
            return
        dashboard = self.build.plan.pages.get(SRC_URI)
        if dashboard is not None and dashboard.kind == "vitality" and is_large(self.build.charter):
            # A row a partner would make the dashboard grow with the coalition (10 MB at 2,000
            # partners): it counts the groups the navigation lists, and each group's page
            # shows its partners' rows. A group whose page the coalition wrote keeps its row
            # on the dashboard only.
            records = []
            for group in partner_groups(self.build.charter):
                ids = {partner.id for partner in group.partners}
                rows = tuple(p for p in self.report.partners if p.partner_id in ids)
                records.append(group_record(self.report, rows, group.label, group.src_uri))
                page = self.build.plan.pages.get(group.src_uri)
                if page is not None and page.kind == "partner-group":
                    self.groups[group.src_uri] = VitalityPage(replace(self.report, partners=rows))
            dashboard.item.groups = tuple(records)
            self.charts = vitality_charts(self.report, groups=dashboard.item.groups)
        else:
            self.charts = vitality_charts(self.report)

    def extras(self, page: PlannedPage, link: Link) -> dict[str, str]:
        if self.report is None:
            return {}
        if page.kind == "vitality":
            return dict(self.charts)
        if page.kind == "partner-group" and page.src_uri in self.groups:
            template = self.build.env.get_template(GROUP_TEMPLATE)
            return {"vitality": template.render(
                item=self.groups[page.src_uri], group=page.item, charter=self.build.charter,
                pages=self.build.plan.pages, link=link, dashboard=SRC_URI)}
        if page.kind == "home":
            template = self.build.env.get_template(SUMMARY_TEMPLATE)
            return {"vitality": template.render(
                report=self.report, charter=self.build.charter, link=link, today=self.build.today,
                dashboard=SRC_URI, alignment_labels=ALIGNMENT_LABELS)}
        return {}
