"""The five required pages under ``charter/``: problem statement, joint demand, steward
mandate, autonomy agreements and conflict protocol."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import Discriminator, Field, PrivateAttr, StringConstraints, Tag, model_validator

from .base import Id, MarkdownFile, StrictModel, Text

REVISION_PATTERN = r"^[0-9a-f]{7,64}$"  # 64: repositories that name commits by SHA-256
Revision = Annotated[str, StringConstraints(pattern=REVISION_PATTERN)]
"""A git commit, abbreviated to 7 characters or more: hex digits only, so that git can never read
one as an option or as a revision expression (``HEAD~1``, ``main``)."""


class Endorsement(StrictModel):
    """The long form of an endorsement: when, and which text (the commit the partner read)."""

    date: dt.date = Field(description="When the partner endorsed.")
    revision: Revision = Field(
        description="The git commit whose text the partner endorsed (7 to 64 lowercase hex digits).")


def _form(value: Any) -> str:
    return "dict[date, revision]" if isinstance(value, dict) else "date[short]"


# The short form (a date) or the long form (a mapping); the tags name each form as the loader's
# messages expect them (a tag with '[' is a form, never a key written in the file), and only the
# form written is validated, so a steward reads about that form alone.
_EndorsementForm = Annotated[
    Union[Annotated[dt.date, Tag("date[short]")], Annotated[Endorsement, Tag("dict[date, revision]")]],
    Discriminator(_form)]

if TYPE_CHECKING:
    # Everything reads endorsements as partner id → date; the revisions are beside them
    # (``endorsed_revisions``), so that the long form ripples nowhere else.
    Endorsements = dict[str, dt.date]
else:
    Endorsements = dict[Id, _EndorsementForm]


DemandStatus = Literal["drafting", "campaigning", "won", "partially-won", "lost", "withdrawn"]
DecisionRule = Literal["consensus", "consent", "supermajority", "majority"]
Fallback = Literal["step-back", "vote", "mediation"]


class _Endorsed(MarkdownFile):
    """A charter page that partners endorse: ``endorsements`` as dates, revisions beside them."""

    endorsements: Endorsements = Field(default_factory=dict)
    _revisions: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _split_long_forms(self) -> "_Endorsed":
        written: dict[str, Any] = dict(self.endorsements)  # a date or an Endorsement each
        self._revisions = {pid: e.revision for pid, e in written.items() if isinstance(e, Endorsement)}
        self.endorsements = {pid: e.date if isinstance(e, Endorsement) else e for pid, e in written.items()}
        return self

    @property
    def endorsed_revisions(self) -> dict[str, str]:
        """Partner id → the commit it endorsed, for the endorsements written in the long form."""
        # Only those still endorsed: audience filtering drops entries with a model_copy.
        return {pid: rev for pid, rev in self._revisions.items() if pid in self.endorsements}


class ProblemStatement(_Endorsed):
    """``charter/problem-statement.md``: the jointly authored problem statement."""

    endorsements: Endorsements = Field(
        default_factory=dict, description="Partner id → the date that partner endorsed this charter version, or "
        "`{date: ..., revision: ...}` to record the git commit endorsed too.")


class Ask(StrictModel):
    id: Id = Field(description="The ask's id.")
    ask: Text = Field(description="What is asked, in one sentence.")
    measure: Text | None = Field(None, description="How everyone will know it was won.")
    benefits: dict[Id, Text] = Field(
        default_factory=dict, description="Partner id → that partner's stake in this ask, in its own words.")
    advances: list[Id] = Field(
        default_factory=list, description="Ids of the Coalition Logic conditions this ask advances (optional).")


class JointDemand(_Endorsed):
    """``charter/joint-demand.md``: the one joint demand, of one to three linked asks."""

    target: Text | None = Field(None, description="Who must say yes.")
    deadline: dt.date | None = Field(None, description="When the demand must be won by.")
    status: DemandStatus = Field("drafting", description="Where the campaign stands.")
    asks: list[Ask] = Field(default_factory=list, description="One to three tightly linked asks.")
    endorsements: Endorsements = Field(
        default_factory=dict, description="Partner id → the date that partner endorsed this demand, or "
        "`{date: ..., revision: ...}` to record the git commit endorsed too.")


class Steward(StrictModel):
    name: Text = Field(description="The steward's name.")
    affiliation: Text | None = Field(None, description="`independent`, or the organization the steward comes from.")
    since: dt.date | None = Field(None, description="When the steward's term began.")
    term_ends: dt.date | None = Field(None, description="When the steward's term ends.")
    commitment: Annotated[float, Field(gt=0, le=1)] | None = Field(None, description="Share of a full-time role, e.g. 0.5.")

    # The rules, the dashboard and the mandate page read a term the same way through these.
    def begun(self, today: dt.date) -> bool:
        """The term has begun by ``today`` (a term without ``since`` always has)."""
        return self.since is None or self.since <= today

    def ended(self, today: dt.date) -> bool:
        """The term ended before ``today`` (its last day, ``term_ends``, is still in it)."""
        return self.term_ends is not None and self.term_ends < today


class StewardMandate(MarkdownFile):
    """``charter/steward-mandate.md``: who stewards, with what authority."""

    stewards: list[Steward] = Field(default_factory=list, description="The steward or stewards.")
    reports_to: Literal["all-partners"] | list[Id] = Field(
        "all-partners", description="`all-partners`, or a list of partner ids.")
    authority: list[Text] = Field(default_factory=list, description="What the steward may do.")


class Agreement(StrictModel):
    may_step_back: bool = Field(True, description="Whether the partner may step back; `false` is a finding.")
    notice_days: Annotated[int, Field(ge=0, le=3650)] | None = Field(None, description="Notice the partner gives before stepping back.")
    keeps_solo: Text | None = Field(None, description="Work that stays the partner's own.")


class Autonomy(MarkdownFile):
    """``charter/autonomy.md``: each partner's autonomy agreement."""

    agreements: dict[Id, Agreement] = Field(default_factory=dict, description="Partner id → its agreement.")


class ConflictProtocol(MarkdownFile):
    """``charter/conflict-protocol.md``: how disagreements are decided."""

    adopted: dt.date | None = Field(None, description="When the protocol was adopted.")
    decision_rule: DecisionRule | None = Field(None, description="`consensus`, `consent`, `supermajority` or `majority`.")
    threshold: Annotated[float, Field(gt=0.5, le=1)] | None = Field(
        None, description="Share of partners needed; required for `supermajority`, ignored otherwise.")
    fallback: Fallback | None = Field(None, description="What happens without agreement: `step-back`, `vote` or `mediation`.")
    steps: list[Text] = Field(default_factory=list, description="The steps of the protocol, in order.")
    mediator: Text | None = Field(None, description="Who mediates (optional).")
