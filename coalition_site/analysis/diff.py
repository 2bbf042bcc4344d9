"""What changed in a charter between two versions, in the charter's own terms.

:func:`diff_charters` compares two loaded charters and returns a :class:`CharterDiff`: a list of
typed changes (an ask reworded, a partner stepped back, a tension resolved, an endorsement made
stale ...), in a fixed order so that the same two charters always give the same list. Rendering
is separate (:mod:`coalition_site.render.diff_report`): each change describes itself as a
sequence of parts in which our words are plain strings and the charter's words are wrapped
(:class:`Id`, :class:`Name`, :class:`Quote`), so that each output format escapes what partners
wrote in its own way.

Nothing is summarised away: every field of every file is compared (a field the code does not
name is compared all the same, by :meth:`_Comparison.rest`), every page's prose is kept as the
lines before and after (:meth:`Change.lines` gives their unified diff), and attachments are
compared by content. A change in something only partners may see (a representative, an internal
file or tension, an edit inside ``!!! internal`` blocks only) is marked ``internal``.

A charter filtered for the public (:func:`coalition_site.audience.for_audience`) is compared as
the public sees it: its prose is the text of its public rendering, read by Markdown's own parser
(:class:`~coalition_site.markup.MarkupReader`), so an internal block's words never enter the diff.
"""

from __future__ import annotations

import datetime as dt
import difflib
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Iterable, Iterator, Literal, Mapping, Union
from urllib.parse import urlsplit

from pydantic import BaseModel

from ..errors import ProjectError
from ..markup import MarkupReader, may_hold_markers, text_fragments
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
                  "steward", "autonomy", "protocol", "logic", "endorsements", "renew",
                  "reviews", "pages", "files"]
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
    "reviews": "Reviews",
    "pages": "Other pages",
    "files": "Attachments",
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
    internal: bool = field(default=False, kw_only=True)
    """Something only partners may see changed: a report for the public leaves it out."""

    def describe(self) -> tuple[Part, ...]:
        """The change as one line: plain strings are our words, the rest the charter's."""
        raise NotImplementedError

    def texts(self) -> tuple[str, str] | None:
        """The text before and after, for a rewording; ``None`` otherwise."""
        return None

    def lines(self) -> list[str] | None:
        """The unified diff of a page's prose (charter words, line by line); ``None`` otherwise."""
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


def unified_lines(old: str, new: str) -> list[str]:
    """The lines that differ between two texts, with one line of context, as ``diff -U1``
    writes them (without the two file names)."""
    diff = difflib.unified_diff(old.split("\n") if old else [], new.split("\n") if new else [],
                                lineterm="", n=1)
    return [line for line in diff if not line.startswith(("---", "+++"))]


@dataclass(frozen=True)
class ProseEdited(Change):
    """The Markdown text of a charter page was edited; ``old`` and ``new`` are the texts compared
    (the Markdown as written; for the public, the text of the public rendering)."""

    document: str = ""
    old: str = ""
    new: str = ""

    def describe(self):
        return (f"the text of the {self.document} was edited",)

    def lines(self):
        return unified_lines(self.old, self.new)


@dataclass(frozen=True)
class TextEdited(Change):
    """The prose of a partner's page, a review or another page: written, edited or removed."""

    subject: tuple[Part, ...] = ()
    old: str = ""
    new: str = ""

    @property
    def kind(self) -> Kind:  # type: ignore[override]  # depends on the texts
        return "added" if not self.old else "removed" if not self.new else "changed"

    def describe(self):
        return (*self.subject, {"added": " written", "removed": " removed"}.get(self.kind, " edited"))

    def lines(self):
        return unified_lines(self.old, self.new)


@dataclass(frozen=True)
class WebsiteChanged(Change):
    """A partner's website: where a reader of the site is sent, so another domain is spelled out."""

    name: str = ""
    old: str | None = None
    new: str | None = None

    def describe(self):
        start: tuple[Part, ...] = (Name(self.name), "'s website: ", _text(self.old), " → ", _text(self.new))
        old_host, new_host = host(self.old), host(self.new)
        if self.old and self.new and old_host != new_host:
            return (*start, "; it now points to another domain: ", Id(old_host or "none"), " → ",
                    Id(new_host or "none"))
        return start


def host(url: str | None) -> str | None:
    """The domain a link goes to, as a browser reads it (an international one also as the
    ``xn--`` name it stands for, so that look-alike letters show)."""
    if not url:
        return None
    try:
        name = urlsplit(url).hostname
    except ValueError:
        return None
    if name and not name.isascii():
        try:
            return f"{name} ({name.encode('idna').decode('ascii')})"
        except UnicodeError:
            return name
    return name


@dataclass(frozen=True)
class FileChanged(Change):
    """An attachment of the content folder (an image, a PDF ...): added, removed or replaced."""

    path: str = ""
    old: str | None = None
    new: str | None = None
    """The content's hash before and after (``None``: no such file)."""

    @property
    def kind(self) -> Kind:  # type: ignore[override]  # depends on the hashes
        return "added" if self.old is None else "removed" if self.new is None else "changed"

    def describe(self):
        return ("file ", Id(self.path), {"added": " added", "removed": " removed"}.get(
            self.kind, " replaced (its content changed)"))


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


def diff_charters(old: Charter, new: Charter, *, reader: MarkupReader | None = None,
                  old_files: Mapping[str, str] | None = None,
                  new_files: Mapping[str, str] | None = None) -> CharterDiff:
    """Every difference between ``old`` and ``new`` that matters to the partners.

    ``reader`` reads the prose as the site does (the usual extensions by default); ``old_files``
    and ``new_files`` are the attachments of each (``src_uri`` → a hash of the content), when
    known. Charters filtered for the public are compared as the public sees them.
    """
    compare = _Comparison(old, new, reader or MarkupReader())
    compare.version()
    compare.coalition()
    compare.problem_statement()
    compare.joint_demand()
    compare.partners()
    compare.steward()
    compare.autonomy()
    compare.protocol()
    compare.logic()
    compare.reviews()
    compare.pages()
    compare.files(old_files or {}, new_files or {})
    compare.endorsements()
    return CharterDiff(old.coalition.charter.version, new.coalition.charter.version, compare.changes)


SHORT_TEXT = 80
"""A text field this short (an email, a name) is shown as a value, before → after, on one line;
a longer one as a rewording, the old and the new text each on its own line."""


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "none"


def _text(value: Any) -> Part:
    return Quote(value) if value else "none"


def _show(value: Any) -> Part:
    """Any value of the charter, for a field the comparison does not know by name."""
    if value is None or value == [] or value == {}:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return f"{value:g}"
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    if isinstance(value, dict):
        return Quote("; ".join(f"{k}: {_plain(v)}" for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return Quote(", ".join(_plain(v) for v in value))
    return Quote(str(value))


def _plain(value: Any) -> str:
    shown = _show(value)
    return shown.text if isinstance(shown, Quote) else str(shown)


def _label(field_name: str) -> str:
    return field_name.replace("_", " ")


def _same_text(a: str | None, b: str | None) -> bool:
    """Texts that differ only in spacing (a re-wrapped paragraph) say the same thing."""
    return " ".join((a or "").split()) == " ".join((b or "").split())


def _described(item: Any) -> bool:
    """An item of a list that says itself in a line: a review's decision (``text`` and its facts)."""
    return isinstance(item, BaseModel) and isinstance(getattr(item, "text", None), str)


def _item_text(item: Any) -> str:
    """A list's item as one line: a decision's text, then the facts it carries (its status,
    owners, what it supersedes), so that a change to any of them is a change of the line."""
    if not _described(item):
        return item
    facts = [f"{name}: {', '.join(value) if isinstance(value, list) else value}"
             for name, value in item if name != "text" and value not in (None, [])]
    return item.text + (f" ({'; '.join(facts)})" if facts else "")


class _Comparison:
    def __init__(self, old: Charter, new: Charter, reader: MarkupReader):
        self.old, self.new = old, new
        self.reader = reader
        self.public = "public" in (old.audience, new.audience)
        self.changes: list[Change] = []
        self.edited: set[str] = set()
        """The endorsed documents whose content changed."""
        self._internal = False

    def add(self, change: Change) -> None:
        if self._internal and not change.internal:
            change = replace(change, internal=True)
        self.changes.append(change)
        if change.section in DOCUMENT_NAMES:
            self.edited.add(change.section)

    @contextmanager
    def internal_if(self, internal: bool) -> Iterator[None]:
        """Changes made inside are marked internal when ``internal`` (an internal file's)."""
        before = self._internal
        self._internal = before or internal
        try:
            yield
        finally:
            self._internal = before

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

    def value(self, section: Section, what: tuple[Part, ...], old: Any, new: Any) -> None:
        """One field the comparison knows only by its name: texts as rewordings, the rest as values."""
        if old == new:
            return
        if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) <= SHORT_TEXT \
                and "\n" not in old + new and not _same_text(old, new):
            self.add(ValueChanged(section, what, Quote(old), Quote(new)))
        elif isinstance(old, (str, type(None))) and isinstance(new, (str, type(None))):
            self.text(section, what, old, new)
        elif all(isinstance(v, list) and all(isinstance(i, str) or _described(i) for i in v)
                 for v in (old or [], new or [])):
            # A list of texts (decisions, partner ids): each item that came or went, then the order.
            before, after = [_item_text(i) for i in old or []], [_item_text(i) for i in new or []]
            came = [item for item in after if item not in before]
            went = [item for item in before if item not in after]
            for item in came:
                self.add(Added(section, what, item))
            for item in went:
                self.add(Removed(section, what, item))
            if not came and not went and before != after:  # reordered, or an item repeated
                self.add(ValueChanged(section, what, _show(before), _show(after)))
        else:
            self.add(ValueChanged(section, what, _show(old), _show(new)))

    def rest(self, section: Section, who: tuple[Part, ...], old: BaseModel | None,
             new: BaseModel | None, handled: Iterable[str] = (),
             labels: Mapping[str, str] | None = None) -> None:
        """Every field of ``old`` and ``new`` (``old`` is ``None`` for something new) that
        ``handled`` does not name: a field added to the format later is compared too."""
        either = new if new is not None else old
        assert either is not None
        model = type(either)
        handled = set(handled)
        names = [n for n in model.model_fields if n not in handled]
        extras = {**((old.model_extra or {}) if old is not None else {}),
                  **((new.model_extra or {}) if new is not None else {})}
        names += [n for n in extras if n not in handled and n not in names]
        for name in names:
            after = getattr(new, name, None) if new is not None else None
            if old is None:
                info = model.model_fields.get(name)
                if info is not None and after == info.get_default(call_default_factory=True):
                    continue  # what something new leaves at its default is no news
                before = None
            else:
                before = getattr(old, name, None)
            self.value(section, (*who, (labels or {}).get(name, _label(name))), before, after)

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

    # -- prose ---------------------------------------------------------------------------------
    def shown(self, item) -> str:
        """A body as compared: the Markdown as written, or for the public the text its public
        rendering shows (internal blocks are gone from it), a sentence a line.

        A public report refuses a body whose internal blocks Markdown cannot tell apart from
        its public text, as a public build does (the problem shows the marker, never the note).
        """
        if not self.public:
            return item.body.strip()
        source = self.new.sources.get(item.src_uri) or self.old.sources.get(item.src_uri)
        path = getattr(source, "display", item.src_uri)  # the path from the project's folder
        reading = self.reader.read(item.body, audience="public", path=path, body_line=item.body_line)
        errors = [problem for problem in reading.problems if problem.level == "error"]
        if errors:
            raise ProjectError(
                f"{errors[0]}\na report for the public cannot tell the internal text of this page "
                "from its public text; fix it first ('coalition-site check' lists every such problem)")
        return "\n".join(text_fragments(reading.html or ""))

    def only_internal(self, old: str, new: str) -> bool:
        """Whether two different bodies differ only inside internal blocks (the public
        rendering of both is the same)."""
        if not (may_hold_markers(old) or may_hold_markers(new)):
            return False
        public = [text_fragments(self.reader.read(body, audience="public").html or "") for body in (old, new)]
        return public[0] == public[1]

    def prose(self, section: Section, document: str, old, new) -> None:
        """The prose of a charter page (``old`` and ``new`` are the page before and after)."""
        if old.body.strip() == new.body.strip():
            return
        before, after = self.shown(old), self.shown(new)
        if before != after:
            self.add(ProseEdited(section, document, before, after,
                                 internal=not self.public and self.only_internal(old.body, new.body)))

    def body(self, section: Section, subject: tuple[Part, ...], old, new) -> None:
        """The prose of a file that is not a charter page (a partner's, a review, a page);
        ``old`` is ``None`` for a new file, ``new`` for a removed one."""
        old_body = old.body if old is not None else ""
        new_body = new.body if new is not None else ""
        if old_body.strip() == new_body.strip():
            return
        before = self.shown(old) if old is not None else ""
        after = self.shown(new) if new is not None else ""
        if before != after:
            self.add(TextEdited(section, subject, before, after,
                                internal=not self.public and bool(old_body.strip() and new_body.strip())
                                and self.only_internal(old_body, new_body)))

    def page_fields(self, section: Section, who: tuple[Part, ...], old, new) -> None:
        """A charter page's own front matter (title, description, visibility)."""
        self.rest(section, who, old, new, handled=set(type(new).model_fields) - {
            "title", "description", "visibility"})

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
        self.rest("coalition", (), old, new, handled=("name", "review_cadence_days", "charter"))

    def problem_statement(self) -> None:
        old, new = self.old.problem_statement, self.new.problem_statement
        with self.internal_if("internal" in (old.visibility, new.visibility)):
            self.page_fields("problem-statement", ("the problem statement's ",), old, new)
            self.prose("problem-statement", "problem statement", old, new)

    def joint_demand(self) -> None:
        old, new = self.old.joint_demand, self.new.joint_demand
        with self.internal_if("internal" in (old.visibility, new.visibility)):
            self._joint_demand(old, new)

    def _joint_demand(self, old, new) -> None:
        section: Section = "joint-demand"
        self.page_fields(section, ("the joint demand's ",), old, new)
        self.values(section, ("target",), old.target, new.target)
        self.values(section, ("deadline",), old.deadline, new.deadline, _date)
        if old.status != new.status:
            # The campaign's progress, not its content: no partner need endorse it again.
            self.changes.append(ValueChanged(section, ("status",), old.status, new.status,
                                             internal=self._internal))
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
                if ask.measure:
                    self.add(Added(section, ("measure of ask ", Id(ask.id)), ask.measure))
                for partner_id, benefit in ask.benefits.items():
                    self.add(Added(section, self.stake(partner_id, ask.id), benefit))
                self.rest(section, ("ask ", Id(ask.id), " "), None, ask,
                          handled=("id", "ask", "measure", "benefits"))
                continue
            self.text(section, ("ask ", Id(ask.id)), before.ask, ask.ask)
            self.text(section, ("measure of ask ", Id(ask.id)), before.measure, ask.measure)
            for partner_id in sorted(set(before.benefits) | set(ask.benefits)):
                self.text(section, self.stake(partner_id, ask.id),
                          before.benefits.get(partner_id), ask.benefits.get(partner_id))
            self.rest(section, ("ask ", Id(ask.id), " "), before, ask,
                      handled=("id", "ask", "measure", "benefits"))
        if [a.id for a in old.asks if a.id in new_asks] != [a.id for a in new.asks if a.id in old_asks]:
            self.add(ValueChanged(section, ("order of the asks",), "as before", "changed"))
        self.prose(section, "joint demand", old, new)

    def partners(self) -> None:
        old, new = self.old.partners, self.new.partners
        for partner_id, partner in new.items():
            before = old.get(partner_id)
            internal = partner.visibility == "internal" or (before is not None and before.visibility == "internal")
            with self.internal_if(internal):
                if before is None:
                    self.add(PartnerJoined("partners", partner_id, partner.name))
                    self.partner(partner, None, partner)
                else:
                    self.partner(partner, before, partner)
        for partner_id, partner in old.items():
            if partner_id not in new:
                with self.internal_if(partner.visibility == "internal"):
                    self.add(PartnerRemoved("partners", partner_id, partner.name))

    def partner(self, partner, before, after) -> None:
        """One partner's fields, representatives and prose (``before`` is ``None`` when it joined)."""
        who = (Name(partner.name), "'s ")
        if before is not None:
            if before.status != after.status:
                scope = after.stepped_back.scope if after.stepped_back else None
                self.add(PartnerStatusChanged("partners", after.id, after.name,
                                              before.status, after.status, scope))
            elif after.stepped_back and before.stepped_back and \
                    not _same_text(before.stepped_back.scope, after.stepped_back.scope):
                self.add(ValueChanged("partners", (Name(after.name), " stepped back from"),
                                      Quote(before.stepped_back.scope), Quote(after.stepped_back.scope)))
            self.values("partners", (Name(before.name), "'s name"), before.name, after.name)
            self.values("partners", (*who, "issue"), before.issue, after.issue)
            self.text("partners", (*who, "theory of change"), before.theory_of_change,
                      after.theory_of_change)
        else:
            self.values("partners", (*who, "status"), "active", after.status, str)
            self.text("partners", (*who, "issue"), None, after.issue)
            self.text("partners", (*who, "theory of change"), None, after.theory_of_change)
        old_back = before.stepped_back if before is not None else None
        if old_back is not None or after.stepped_back is not None:
            self.rest("partners", who, old_back, after.stepped_back,
                      handled=("scope",) if before is not None else (),
                      labels={"since": "date of stepping back", "scope": "stepping back from",
                              "reason": "reason for stepping back"})
        if before is None or before.website != after.website:
            if after.website or before is not None:
                self.add(WebsiteChanged("partners", after.name,
                                        before.website if before is not None else None, after.website))
        self.rest("partners", who, before, after,
                  handled=("name", "issue", "theory_of_change", "status", "stepped_back", "website",
                           "representatives"))
        if not self.public:  # (the public charter has none; never compared for the public)
            self.representatives(after.name, before.representatives if before is not None else [],
                                 after.representatives)
        self.body("partners", (*who, "page text"), before, after)

    def representatives(self, partner: str, old: list, new: list) -> None:
        """Who speaks for a partner: internal by nature, so every change to them is internal."""
        with self.internal_if(True):
            old_by_name = {r.name: r for r in old}
            new_by_name = {r.name: r for r in new}
            gone = [r for r in old if r.name not in new_by_name]
            came = [r for r in new if r.name not in old_by_name]
            # A representative renamed in place (the same row, other fields alike or not) is
            # paired with its row when as many came as went; otherwise one left, one arrived.
            renamed = list(zip(gone, came)) if len(gone) == len(came) else []
            pairs = [(old_by_name[r.name], r) for r in new if r.name in old_by_name] + renamed
            for before, after in pairs:
                who = (Name(partner), "'s representative ", Name(after.name), "'s ")
                self.values("partners", (*who[:3], "'s name"), before.name, after.name)
                self.rest("partners", who, before, after, handled=("name",))
            if not renamed:
                for r in came:
                    self.add(Added("partners", (Name(partner), "'s representative ", Name(r.name))))
                    self.rest("partners", (Name(partner), "'s representative ", Name(r.name), "'s "),
                              None, r, handled=("name",))
                for r in gone:
                    self.add(Removed("partners", (Name(partner), "'s representative ", Name(r.name))))

    def steward(self) -> None:
        old, new = self.old.steward_mandate, self.new.steward_mandate
        with self.internal_if("internal" in (old.visibility, new.visibility)):
            self._steward(old, new)

    def _steward(self, old, new) -> None:
        section: Section = "steward"
        self.page_fields(section, ("the steward mandate's ",), old, new)
        old_stewards = {s.name: s for s in old.stewards}
        new_stewards = {s.name: s for s in new.stewards}
        for steward in new.stewards:
            before = old_stewards.get(steward.name)
            if before is None:
                self.add(Added(section, ("steward ", Name(steward.name))))
                self.rest(section, (Name(steward.name), "'s "), None, steward, handled=("name",),
                          labels={"since": "start", "term_ends": "term end"})
                continue
            who = (Name(steward.name), "'s ")
            self.values(section, (*who, "affiliation"), before.affiliation, steward.affiliation)
            self.values(section, (*who, "start"), before.since, steward.since, _date)
            self.values(section, (*who, "term end"), before.term_ends, steward.term_ends, _date)
            self.values(section, (*who, "commitment"), before.commitment, steward.commitment,
                        lambda c: f"{c:g} of full time" if c else "none")
            self.rest(section, who, before, steward,
                      handled=("name", "affiliation", "since", "term_ends", "commitment"))
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
        self.prose(section, "steward mandate", old, new)

    def autonomy(self) -> None:
        old_page, new_page = self.old.autonomy, self.new.autonomy
        old, new = old_page.agreements, new_page.agreements
        section: Section = "autonomy"
        with self.internal_if("internal" in (old_page.visibility, new_page.visibility)):
            self.page_fields(section, ("the autonomy agreements' ",), old_page, new_page)
            for partner_id, agreement in new.items():
                before = old.get(partner_id)
                who = (Name(self.name(partner_id)), "'s ")
                if before is None:
                    self.add(Added(section, (*who, "autonomy agreement")))
                    self.rest(section, who, None, agreement)
                    continue
                self.values(section, (*who, "right to step back"), before.may_step_back, agreement.may_step_back,
                            lambda may: "may step back" if may else "may not step back")
                self.values(section, (*who, "notice"), before.notice_days, agreement.notice_days,
                            lambda days: f"{days} days" if days is not None else "none")
                self.text(section, (*who, "own work"), before.keeps_solo, agreement.keeps_solo)
                self.rest(section, who, before, agreement,
                          handled=("may_step_back", "notice_days", "keeps_solo"))
            for partner_id in old:
                if partner_id not in new:
                    self.add(Removed(section, (Name(self.name(partner_id)), "'s autonomy agreement")))
            # The agreements' own words: what the autonomy page says beside its data.
            self.prose(section, "autonomy agreements", old_page, new_page)

    def protocol(self) -> None:
        old, new = self.old.conflict_protocol, self.new.conflict_protocol
        section: Section = "protocol"
        with self.internal_if("internal" in (old.visibility, new.visibility)):
            self.page_fields(section, ("the conflict protocol's ",), old, new)
            self.values(section, ("decision rule",), old.decision_rule, new.decision_rule, lambda v: v or "none")
            self.values(section, ("threshold",), old.threshold, new.threshold,
                        lambda t: f"{t:g}" if t is not None else "none")
            self.values(section, ("fallback",), old.fallback, new.fallback, lambda v: v or "none")
            self.values(section, ("mediator",), old.mediator, new.mediator)
            self.values(section, ("adopted",), old.adopted, new.adopted, _date)
            self.items(section, "step", "steps", old.steps, new.steps)
            self.prose(section, "conflict protocol", old, new)

    def logic(self) -> None:
        old, new = self.old.logic, self.new.logic
        section: Section = "logic"
        old_conditions = {c.id: c for c in old.conditions}
        new_conditions = {c.id: c for c in new.conditions}
        for condition in new.conditions:
            before = old_conditions.get(condition.id)
            who = ("condition ", Id(condition.id), ": ")
            if before is None:
                self.add(Added(section, ("condition ", Id(condition.id)), condition.label))
                self.rest(section, who, None, condition, handled=("id", "label"))
            else:
                self.text(section, ("condition ", Id(condition.id)), before.label, condition.label)
                self.rest(section, who, before, condition, handled=("id", "label"))
        for condition in old.conditions:
            if condition.id not in new_conditions:
                self.add(Removed(section, ("condition ", Id(condition.id)), condition.label))

        def key(dep):
            return dep.from_, dep.to

        old_deps = {key(d): d for d in old.dependencies}
        new_deps = {key(d): d for d in new.dependencies}
        for dep in new.dependencies:
            old_dep = old_deps.get(key(dep))
            subject: tuple[Part, ...] = ("dependency ", Id(dep.from_), " → ", Id(dep.to), ": ")
            if old_dep is None:
                self.add(Added(section, ("dependency ", Id(dep.from_), f" {dep.kind} ", Id(dep.to))))
                self.rest(section, subject, None, dep, handled=("from_", "to", "kind"))
                continue
            if old_dep.kind != dep.kind:
                self.add(ValueChanged(section, ("dependency ", Id(dep.from_), " → ", Id(dep.to)),
                                      old_dep.kind, dep.kind))
            self.rest(section, subject, old_dep, dep, handled=("from_", "to", "kind"))
        for dep in old.dependencies:
            if key(dep) not in new_deps:
                self.add(Removed(section, ("dependency ", Id(dep.from_), f" {dep.kind} ", Id(dep.to))))

        old_tensions = {t.id: t for t in old.tensions}
        new_tensions = {t.id: t for t in new.tensions}
        for tension in new.tensions:
            old_tension = old_tensions.get(tension.id)
            internal = tension.visibility == "internal" or (
                old_tension is not None and old_tension.visibility == "internal")
            with self.internal_if(internal):
                who = ("tension ", Id(tension.id), ": ")
                if old_tension is None:
                    self.add(Added(section, ("tension ", Id(tension.id)), tension.about))
                    self.rest(section, who, None, tension, handled=("id", "about"))
                    continue
                self.values(section, ("tension ", Id(tension.id)), old_tension.status, tension.status, str)
                self.text(section, ("tension ", Id(tension.id)), old_tension.about, tension.about)
                self.text(section, ("resolution of tension ", Id(tension.id)), old_tension.resolution,
                          tension.resolution)
                self.rest(section, who, old_tension, tension,
                          handled=("id", "status", "about", "resolution"))
        for tension in old.tensions:
            if tension.id not in new_tensions:
                with self.internal_if(tension.visibility == "internal"):
                    self.add(Removed(section, ("tension ", Id(tension.id)), tension.about))

    def reviews(self) -> None:
        old = {r.src_uri: r for r in self.old.reviews}
        new = {r.src_uri: r for r in self.new.reviews}
        section: Section = "reviews"
        for uri, review in new.items():
            before = old.get(uri)
            subject = ("review ", Id(review.date.isoformat()))
            with self.internal_if(review.visibility == "internal" or (
                    before is not None and before.visibility == "internal")):
                if before is None:
                    self.add(Added(section, subject))
                self.rest(section, (*subject, ": "), before, review, handled=("date",))
                self.body(section, (*subject, ": text"), before, review)
        for uri, review in old.items():
            if uri not in new:
                with self.internal_if(review.visibility == "internal"):
                    self.add(Removed(section, ("review ", Id(review.date.isoformat()))))

    def pages(self) -> None:
        old, new = self.old.pages, self.new.pages
        section: Section = "pages"
        for uri, page in new.items():
            before = old.get(uri)
            with self.internal_if(page.visibility == "internal" or (
                    before is not None and before.visibility == "internal")):
                if before is None:
                    self.add(Added(section, ("page ", Id(uri))))
                self.rest(section, ("page ", Id(uri), ": "), before, page)
                self.body(section, ("page ", Id(uri), ": text"), before, page)
        for uri, page in old.items():
            if uri not in new:
                with self.internal_if(page.visibility == "internal"):
                    self.add(Removed(section, ("page ", Id(uri))))
                    self.body(section, ("page ", Id(uri), ": text"), page, None)

    def files(self, old: Mapping[str, str], new: Mapping[str, str]) -> None:
        for path in sorted(set(old) | set(new)):
            if old.get(path) != new.get(path):
                self.add(FileChanged("files", path, old.get(path), new.get(path)))

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
            # The same date, another revision: what was endorsed is not what it was.
            old_revisions = getattr(self.old, attr).endorsed_revisions
            new_revisions = getattr(self.new, attr).endorsed_revisions
            for partner_id in sorted(set(old_revisions) | set(new_revisions)):
                before, after = old_revisions.get(partner_id), new_revisions.get(partner_id)
                if before != after and old.get(partner_id) == new.get(partner_id):
                    self.changes.append(ValueChanged(
                        "endorsements", (Name(self.name(partner_id)), "'s endorsement of the "
                                         f"{DOCUMENT_NAMES[document]}: the revision endorsed"),
                        Id(before) if before else "none", Id(after) if after else "none"))
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
