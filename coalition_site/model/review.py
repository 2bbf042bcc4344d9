"""``reviews/<YYYY-MM-DD>.md``: the monthly implementation-honesty reviews."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator
from pydantic.json_schema import JsonDict
from pydantic_core import PydanticCustomError

from .base import Id, MarkdownFile, StrictModel, Text, Visibility

SIGNS_OF_LIFE = {
    "shared-language": "Partners reference each other's analysis in their own communications",
    "resource-flow": "Staff, data, money or organizing capacity cross partner boundaries",
    "new-members": "Other groups ask to join",
    "conflict-resolved": "A conflict surfaced and was resolved through the agreed protocol",
}
SIGNS_OF_DECAY = {
    "communications-only": "The coalition is a communications item; partners' daily work is unchanged",
    "steward-lapse": "The steward role is invisible or absent; continuity lapses",
    "side-deals": "Partners negotiate side deals; information stops flowing",
    "vague-demand": "The shared demand turns vague or watered down",
}
SignOfLife = Literal["shared-language", "resource-flow", "new-members", "conflict-resolved"]
SignOfDecay = Literal["communications-only", "steward-lapse", "side-deals", "vague-demand"]
PolicyProgress = Literal["advancing", "stalled", "regressing", "won", "lost"]
Alignment = Literal["aligned", "drifting", "solo-by-agreement", "absent"]
Score = Annotated[float, Field(ge=1.0, le=5.0)]
DecisionStatus = Literal["open", "done", "dropped"]
DECISION_STATUSES: dict[str, str] = {"open": "Open", "done": "Done", "dropped": "Dropped"}


class Decision(StrictModel):
    """One decision of a review: a plain line of text, or a mapping that also says who carries
    it out, where it stands and which earlier decision it replaces.

    A plain line is read as a decision with only its ``text``: every charter written before
    decisions could be mappings keeps building, and reads the same everywhere.
    """

    text: Text = Field(description="What was decided.")
    id: Id | None = Field(None, description="An id, so that a later decision can supersede this one.")
    status: DecisionStatus | None = Field(
        None, description="`open` (still to be carried out), `done` or `dropped`.")
    owner: list[Id] = Field(default_factory=list, description="Partner ids: who carries it out.")
    supersedes: Id | None = Field(None, description="The id of an earlier decision this one replaces.")

    @model_validator(mode="before")
    @classmethod
    def _plain_line(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"text": data}
        if not isinstance(data, dict):
            # Not the value: an internal review's decision is never printed, not even in errors.
            raise PydanticCustomError(
                "decision_type", "expected a decision: a line of text, or 'key: value' lines with 'text:'")
        return data


def _line_or_mapping(schema: JsonDict) -> None:
    """The JSON Schema of ``decisions``: each item a plain line or a :class:`Decision`, as the
    loader reads them, so that an editor accepts both forms."""
    schema["items"] = {"anyOf": [{"type": "string", "minLength": 1, "maxLength": 20_000},
                                 schema["items"]]}


class Review(MarkdownFile):
    """One monthly implementation-honesty review; internal unless it says otherwise."""

    date: dt.date = Field(description="The meeting date; must equal the file name.")
    visibility: Visibility = Field("internal", description="Reviews are `internal` unless marked `public`.")
    facilitator: Text | None = Field(None, description="Who facilitated.")
    attended: list[Id] = Field(default_factory=list, description="Partner ids present.")
    policy_progress: PolicyProgress | None = Field(None, description="Where the joint demand stands.")
    alignment: dict[Id, Alignment] = Field(
        default_factory=dict, description="Partner id → is its daily work still aligned?")
    signs_of_life: list[SignOfLife] = Field(default_factory=list, description="Signs of life seen this month.")
    signs_of_decay: list[SignOfDecay] = Field(default_factory=list, description="Signs of decay seen this month.")
    scores: dict[str, Score] = Field(default_factory=dict, description="Scores, same names and scale as `commons_assessment`.")
    decisions: list[Decision] = Field(
        default_factory=list, description="What was decided: a line each, or a mapping with `text`, "
        "`id`, `status`, `owner` and `supersedes`.", json_schema_extra=_line_or_mapping)
