"""What changed in a charter between two versions, in the charter's own terms.

:func:`diff_charters` compares two loaded charters and returns a :class:`CharterDiff`: a list of
typed changes (an ask reworded, a partner stepped back, a tension resolved, an endorsement made
stale ...), in a fixed order so that the same two charters always give the same list. Rendering
is separate (:mod:`coalition_site.render.diff_report`): each change describes itself as a
sequence of parts in which our words are plain strings and the charter's words are wrapped
(:class:`Id`, :class:`Name`, :class:`Quote`), so that each output format escapes what partners
wrote in its own way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Literal, Union

from ..model import Charter

# -- the parts of a description ------------------------------------------------------------------


@dataclass(frozen=True)
class Id:
    """An id written in the charter (``fare-freeze``)."""

    text: str


@dataclass(frozen=True)
class Name:
    """A name written in the charter (a partner's, a steward's)."""

    text: str


@dataclass(frozen=True)
class Quote:
    """Words written in the charter (an ask, a benefit, a step of the protocol)."""

    text: str


Part = Union[str, Id, Name, Quote]
Section = Literal["version", "coalition", "problem-statement", "joint-demand", "partners",
                  "steward", "autonomy", "protocol", "logic", "endorsements", "renew"]
SECTION_TITLES: dict[Section, str] = {
    "version": "Version",
    "coalition": "Coalition",
    "problem-statement": "Problem statement",
    "joint-demand": "Joint demand",
    "partners": "Partners",
    "steward": "Steward mandate",
    "autonomy": "Autonomy agreements",
    "protocol": "Conflict protocol",
    "logic": "Coalition Logic map",
    "endorsements": "Endorsements",
    "renew": "Endorsements to renew",
}
Kind = Literal["added", "removed", "changed", "stale"]
DOCUMENT_NAMES = {"problem-statement": "problem statement", "joint-demand": "joint demand"}


# -- the changes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One difference between two charters."""

    section: Section
    kind: ClassVar[Kind] = "changed"

    def describe(self) -> tuple[Part, ...]:
        """The change as one line: plain strings are our words, the rest the charter's."""
        raise NotImplementedError

    def texts(self) -> tuple[str, str] | None:
        """The text before and after, for a rewording; ``None`` otherwise."""
        return None


@dataclass(frozen=True)
class Added(Change):
    """Something new: an ask, a condition, a steward, a step of the protocol ..."""

    subject: tuple[Part, ...] = ()
    text: str | None = None
    kind: ClassVar[Kind] = "added"

    def describe(self):
        return (*self.subject, " added", *((": ", Quote(self.text)) if self.text else ()))


@dataclass(frozen=True)
class Removed(Change):
    subject: tuple[Part, ...] = ()
    text: str | None = None
    kind: ClassVar[Kind] = "removed"

    def describe(self):
        return (*self.subject, " removed", *((": ", Quote(self.text)) if self.text else ()))


@dataclass(frozen=True)
class Reworded(Change):
    """A text that says something else now (an ask, a benefit, a theory of change)."""

    subject: tuple[Part, ...] = ()
    old: str = ""
    new: str = ""

    def describe(self):
        return (*self.subject, " reworded")

    def texts(self):
        return self.old, self.new


@dataclass(frozen=True)
class ProseEdited(Change):
    """The Markdown text of a charter page was edited (the site shows it; no detail here)."""

    document: str = ""

    def describe(self):
        return (f"the text of the {self.document} was edited",)


@dataclass(frozen=True)
class ValueChanged(Change):
    """A value that is not prose: a date, a status, a rule, a number, a target."""

    what: tuple[Part, ...] = ()
    old: Part = ""
    new: Part = ""

    def describe(self):
        return (*self.what, ": ", self.old, " → ", self.new)


@dataclass(frozen=True)
class PartnerJoined(Change):
    partner_id: str = ""
    name: str = ""
    kind: ClassVar[Kind] = "added"

    def describe(self):
        return (Name(self.name), " (", Id(self.partner_id), ") joined")


@dataclass(frozen=True)
class PartnerRemoved(Change):
    """A partner's file is gone: the partner is no longer part of the charter at all."""

    partner_id: str = ""
    name: str = ""
    kind: ClassVar[Kind] = "removed"

    def describe(self):
        return (Name(self.name), " (", Id(self.partner_id), ") is no longer listed (its file was removed)")


@dataclass(frozen=True)
class PartnerStatusChanged(Change):
    partner_id: str = ""
    name: str = ""
    old: str = "active"
    new: str = "active"
    scope: str | None = None
    """What the partner stepped back from, when it stepped back."""

    def describe(self):
        if self.new == "stepped-back":
            tail = (" from ", Quote(self.scope)) if self.scope else ()
            return (Name(self.name), " stepped back", *tail)
        if self.new == "departed":
            return (Name(self.name), " departed")
        if self.old == "departed":
            return (Name(self.name), " rejoined")
        return (Name(self.name), " is active again")


@dataclass(frozen=True)
class EndorsementChanged(Change):
    document: str = ""
    partner_id: str = ""
    name: str = ""
    old: dt.date | None = None
    new: dt.date | None = None

    @property
    def kind(self) -> Kind:  # type: ignore[override]  # depends on the dates
        return "added" if self.old is None else "removed" if self.new is None else "changed"

    def describe(self):
        what = DOCUMENT_NAMES[self.document]
        if self.old is None:
            assert self.new is not None  # made only where the two dates differ
            return (Name(self.name), f" endorsed the {what} on {self.new.isoformat()}")
        if self.new is None:
            return (Name(self.name), f"'s endorsement of the {what} ({self.old.isoformat()}) was removed")
        return (Name(self.name), f" endorsed the {what} again: {self.old.isoformat()} → {self.new.isoformat()}")


@dataclass(frozen=True)
class StaleEndorsement(Change):
    """An endorsement the change leaves standing although what it endorsed is no longer the same."""

    document: str = ""
    partner_id: str = ""
    name: str = ""
    endorsed: dt.date | None = None
    old_version: str = ""
    new_version: str = ""
    kind: ClassVar[Kind] = "stale"

    def describe(self):
        what = DOCUMENT_NAMES[self.document]
        assert self.endorsed is not None  # made with an endorsement's date (None: for field order)
        start = (Name(self.name), f" endorsed the {what} on {self.endorsed.isoformat()}")
        if self.old_version != self.new_version:
            return (*start, f", for version {self.old_version}; ask for its endorsement of version "
                            f"{self.new_version} and write the new date")
        return (*start, ", before this change; ask for its endorsement of the new text and "
                        "write the new date")


@dataclass(frozen=True)
class UnversionedEdit(Change):
    """Endorsed text changed while the charter version stayed the same."""

    document: str = ""
    version: str = ""
    kind: ClassVar[Kind] = "stale"

    def describe(self):
        return (f"the {DOCUMENT_NAMES[self.document]} changed but the charter version is still "
                f"{self.version}; raise 'charter.version' in coalition.yml (an endorsement holds "
                "for one version)",)


@dataclass
class CharterDiff:
    """Every change from ``old_version`` to ``new_version``, grouped by section in a fixed order."""

    old_version: str
    new_version: str
    changes: list[Change] = field(default_factory=list)

    @property
    def stale(self) -> list[Change]:
        return [c for c in self.changes if c.kind == "stale"]

    def by_section(self) -> list[tuple[Section, list[Change]]]:
        groups: dict[Section, list[Change]] = {}
        for change in self.changes:
            groups.setdefault(change.section, []).append(change)
        return [(section, groups[section]) for section in SECTION_TITLES if section in groups]

    def __bool__(self) -> bool:
        return bool(self.changes)


# -- comparing -----------------------------------------------------------------------------------


def diff_charters(old: Charter, new: Charter) -> CharterDiff:
    """Every difference between ``old`` and ``new`` that matters to the partners."""
    compare = _Comparison(old, new)
    compare.version()
    compare.coalition()
    compare.problem_statement()
    compare.joint_demand()
    compare.partners()
    compare.steward()
    compare.autonomy()
    compare.protocol()
    compare.logic()
    compare.endorsements()
    return CharterDiff(old.coalition.charter.version, new.coalition.charter.version, compare.changes)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "none"


def _text(value: Any) -> Part:
    return Quote(value) if value else "none"


def _same_text(a: str | None, b: str | None) -> bool:
    """Texts that differ only in spacing (a re-wrapped paragraph) say the same thing."""
    return " ".join((a or "").split()) == " ".join((b or "").split())


class _Comparison:
    def __init__(self, old: Charter, new: Charter):
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self.edited: set[str] = set()
        """The endorsed documents whose content changed."""

    def add(self, change: Change) -> None:
        self.changes.append(change)
        if change.section in DOCUMENT_NAMES:
            self.edited.add(change.section)

    def name(self, partner_id: str) -> str:
        partner = self.new.partners.get(partner_id) or self.old.partners.get(partner_id)
        return partner.name if partner else partner_id

    def stake(self, partner_id: str, ask_id: str) -> tuple[Part, ...]:
        return (Name(self.name(partner_id)), "'s stake in ask ", Id(ask_id))

    def values(self, section: Section, what: tuple[Part, ...], old, new, show=_text) -> None:
        if old != new:
            self.add(ValueChanged(section, what, show(old), show(new)))

    def text(self, section: Section, subject: tuple[Part, ...], old: str | None, new: str | None) -> None:
        if _same_text(old, new):
            return
        if not old:
            self.add(Added(section, subject, new))
        elif not new:
            self.add(Removed(section, subject, old))
        else:
            self.add(Reworded(section, subject, old, new))

    def items(self, section: Section, what: str, plural: str, old: Iterable[str], new: Iterable[str]) -> None:
        """Lists of texts (authority, steps): what was added and what was removed."""
        old, new = list(old), list(new)
        for item in new:
            if item not in old:
                self.add(Added(section, (what,), item))
        for item in old:
            if item not in new:
                self.add(Removed(section, (what,), item))
        if sorted(old) == sorted(new) and old != new:
            self.add(ValueChanged(section, (f"order of the {plural}",), "as before", "changed"))

    def prose(self, section: Section, document: str, old: str, new: str) -> None:
        if old.strip() != new.strip():
            self.add(ProseEdited(section, document))

    # -- sections ------------------------------------------------------------------------------
    def version(self) -> None:
        old, new = self.old.coalition.charter, self.new.coalition.charter
        self.values("version", ("charter version",), old.version, new.version, str)
        self.values("version", ("ratified",), old.ratified, new.ratified,
                    lambda d: d.isoformat() if d else "not yet")

    def coalition(self) -> None:
        old, new = self.old.coalition, self.new.coalition
        self.values("coalition", ("name",), old.name, new.name)
        self.values("coalition", ("review cadence",), old.review_cadence_days, new.review_cadence_days,
                    lambda days: f"{days} days")

    def problem_statement(self) -> None:
        self.prose("problem-statement", "problem statement",
                   self.old.problem_statement.body, self.new.problem_statement.body)

    def joint_demand(self) -> None:
        old, new = self.old.joint_demand, self.new.joint_demand
        section: Section = "joint-demand"
        self.values(section, ("target",), old.target, new.target)
        self.values(section, ("deadline",), old.deadline, new.deadline, _date)
        if old.status != new.status:
            # The campaign's progress, not its content: no partner need endorse it again.
            self.changes.append(ValueChanged(section, ("status",), old.status, new.status))
        old_asks = {ask.id: ask for ask in old.asks}
        new_asks = {ask.id: ask for ask in new.asks}
        for ask in new.asks:
            if ask.id not in old_asks:
                self.add(Added(section, ("ask ", Id(ask.id)), ask.ask))
        for ask in old.asks:
            if ask.id not in new_asks:
                self.add(Removed(section, ("ask ", Id(ask.id)), ask.ask))
        for ask in new.asks:
            before = old_asks.get(ask.id)
            if before is None:
                for partner_id, benefit in ask.benefits.items():
                    self.add(Added(section, self.stake(partner_id, ask.id), benefit))
                continue
            self.text(section, ("ask ", Id(ask.id)), before.ask, ask.ask)
            self.text(section, ("measure of ask ", Id(ask.id)), before.measure, ask.measure)
            for partner_id in sorted(set(before.benefits) | set(ask.benefits)):
                self.text(section, self.stake(partner_id, ask.id),
                          before.benefits.get(partner_id), ask.benefits.get(partner_id))
        if [a.id for a in old.asks if a.id in new_asks] != [a.id for a in new.asks if a.id in old_asks]:
            self.add(ValueChanged(section, ("order of the asks",), "as before", "changed"))
        self.prose(section, "joint demand", old.body, new.body)

    def partners(self) -> None:
        old, new = self.old.partners, self.new.partners
        for partner_id, partner in new.items():
            before = old.get(partner_id)
            if before is None:
                self.add(PartnerJoined("partners", partner_id, partner.name))
                continue
            if before.status != partner.status:
                scope = partner.stepped_back.scope if partner.stepped_back else None
                self.add(PartnerStatusChanged("partners", partner_id, partner.name,
                                              before.status, partner.status, scope))
            elif partner.stepped_back and before.stepped_back and \
                    not _same_text(before.stepped_back.scope, partner.stepped_back.scope):
                self.add(ValueChanged("partners", (Name(partner.name), " stepped back from"),
                                      Quote(before.stepped_back.scope), Quote(partner.stepped_back.scope)))
            self.values("partners", (Name(before.name), "'s name"), before.name, partner.name)
            self.values("partners", (Name(partner.name), "'s issue"), before.issue, partner.issue)
            self.text("partners", (Name(partner.name), "'s theory of change"),
                      before.theory_of_change, partner.theory_of_change)
        for partner_id, partner in old.items():
            if partner_id not in new:
                self.add(PartnerRemoved("partners", partner_id, partner.name))

    def steward(self) -> None:
        old, new = self.old.steward_mandate, self.new.steward_mandate
        section: Section = "steward"
        old_stewards = {s.name: s for s in old.stewards}
        new_stewards = {s.name: s for s in new.stewards}
        for steward in new.stewards:
            before = old_stewards.get(steward.name)
            if before is None:
                self.add(Added(section, ("steward ", Name(steward.name))))
                continue
            who = (Name(steward.name), "'s ")
            self.values(section, (*who, "affiliation"), before.affiliation, steward.affiliation)
            self.values(section, (*who, "start"), before.since, steward.since, _date)
            self.values(section, (*who, "term end"), before.term_ends, steward.term_ends, _date)
            self.values(section, (*who, "commitment"), before.commitment, steward.commitment,
                        lambda c: f"{c:g} of full time" if c else "none")
        for steward in old.stewards:
            if steward.name not in new_stewards:
                self.add(Removed(section, ("steward ", Name(steward.name))))

        def reports(value) -> str:
            if isinstance(value, str):
                return "all partners"
            return ", ".join(self.name(pid) for pid in value) or "nobody"

        if reports(old.reports_to) != reports(new.reports_to):
            self.add(ValueChanged(section, ("reports to",), Quote(reports(old.reports_to)),
                                  Quote(reports(new.reports_to))))
        self.items(section, "authority", "authorities", old.authority, new.authority)
        self.prose(section, "steward mandate", old.body, new.body)

    def autonomy(self) -> None:
        old, new = self.old.autonomy.agreements, self.new.autonomy.agreements
        section: Section = "autonomy"
        for partner_id, agreement in new.items():
            before = old.get(partner_id)
            who = (Name(self.name(partner_id)), "'s ")
            if before is None:
                self.add(Added(section, (*who, "autonomy agreement")))
                continue
            self.values(section, (*who, "right to step back"), before.may_step_back, agreement.may_step_back,
                        lambda may: "may step back" if may else "may not step back")
            self.values(section, (*who, "notice"), before.notice_days, agreement.notice_days,
                        lambda days: f"{days} days" if days is not None else "none")
            self.text(section, (*who, "own work"), before.keeps_solo, agreement.keeps_solo)
        for partner_id in old:
            if partner_id not in new:
                self.add(Removed(section, (Name(self.name(partner_id)), "'s autonomy agreement")))

    def protocol(self) -> None:
        old, new = self.old.conflict_protocol, self.new.conflict_protocol
        section: Section = "protocol"
        self.values(section, ("decision rule",), old.decision_rule, new.decision_rule, lambda v: v or "none")
        self.values(section, ("threshold",), old.threshold, new.threshold,
                    lambda t: f"{t:g}" if t is not None else "none")
        self.values(section, ("fallback",), old.fallback, new.fallback, lambda v: v or "none")
        self.values(section, ("mediator",), old.mediator, new.mediator)
        self.values(section, ("adopted",), old.adopted, new.adopted, _date)
        self.items(section, "step", "steps", old.steps, new.steps)
        self.prose(section, "conflict protocol", old.body, new.body)

    def logic(self) -> None:
        old, new = self.old.logic, self.new.logic
        section: Section = "logic"
        old_conditions = {c.id: c for c in old.conditions}
        new_conditions = {c.id: c for c in new.conditions}
        for condition in new.conditions:
            before = old_conditions.get(condition.id)
            if before is None:
                self.add(Added(section, ("condition ", Id(condition.id)), condition.label))
            else:
                self.text(section, ("condition ", Id(condition.id)), before.label, condition.label)
        for condition in old.conditions:
            if condition.id not in new_conditions:
                self.add(Removed(section, ("condition ", Id(condition.id)), condition.label))

        def key(dep):
            return dep.from_, dep.to

        old_deps = {key(d): d for d in old.dependencies}
        new_deps = {key(d): d for d in new.dependencies}
        for dep in new.dependencies:
            old_dep = old_deps.get(key(dep))
            if old_dep is None:
                self.add(Added(section, ("dependency ", Id(dep.from_), f" {dep.kind} ", Id(dep.to))))
            elif old_dep.kind != dep.kind:
                self.add(ValueChanged(section, ("dependency ", Id(dep.from_), " → ", Id(dep.to)),
                                      old_dep.kind, dep.kind))
        for dep in old.dependencies:
            if key(dep) not in new_deps:
                self.add(Removed(section, ("dependency ", Id(dep.from_), f" {dep.kind} ", Id(dep.to))))

        old_tensions = {t.id: t for t in old.tensions}
        new_tensions = {t.id: t for t in new.tensions}
        for tension in new.tensions:
            old_tension = old_tensions.get(tension.id)
            if old_tension is None:
                self.add(Added(section, ("tension ", Id(tension.id)), tension.about))
                continue
            self.values(section, ("tension ", Id(tension.id)), old_tension.status, tension.status, str)
            self.text(section, ("tension ", Id(tension.id)), old_tension.about, tension.about)
            self.text(section, ("resolution of tension ", Id(tension.id)), old_tension.resolution,
                      tension.resolution)
        for tension in old.tensions:
            if tension.id not in new_tensions:
                self.add(Removed(section, ("tension ", Id(tension.id)), tension.about))

    def endorsements(self) -> None:
        old_version = self.old.coalition.charter.version
        new_version = self.new.coalition.charter.version
        for document, attr in (("problem-statement", "problem_statement"), ("joint-demand", "joint_demand")):
            old = getattr(self.old, attr).endorsements
            new = getattr(self.new, attr).endorsements
            for partner_id in sorted(set(old) | set(new)):
                if old.get(partner_id) != new.get(partner_id):
                    self.changes.append(EndorsementChanged(
                        "endorsements", document, partner_id, self.name(partner_id),
                        old.get(partner_id), new.get(partner_id)))
            edited = document in self.edited
            if edited and old_version == new_version:
                self.changes.append(UnversionedEdit("renew", document, new_version))
            if not edited and old_version == new_version:
                continue
            for partner_id, endorsed in sorted(new.items()):
                partner = self.new.partners.get(partner_id)
                if old.get(partner_id) == endorsed and (partner is None or partner.is_active):
                    self.changes.append(StaleEndorsement(
                        "renew", document, partner_id, self.name(partner_id), endorsed,
                        old_version, new_version))

