"""``reviews/<YYYY-MM-DD>.md``: the monthly implementation-honesty reviews."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .base import Id, MarkdownFile, Text, Visibility

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
    decisions: list[Text] = Field(default_factory=list, description="What was decided.")
