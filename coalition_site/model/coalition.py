"""``coalition.yml``: the coalition itself."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from .base import StrictModel, Text

Score = Annotated[float, Field(ge=1.0, le=5.0)]
# ASCII digits only (a regex's \d takes any script's digits): versions name git tags
# (``charter-v1.2.0``) and folders of the published site.
SemVer = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,9}\.[0-9]{1,9}\.[0-9]{1,9}$")]


class CharterVersion(StrictModel):
    version: SemVer = Field(description="Semantic version of the charter text now in force, e.g. `1.2.0` (quote-free).")
    ratified: dt.date | None = Field(None, description="When this version was ratified; absent means not yet ratified.")


class HistoryEntry(StrictModel):
    """One past version of the charter, as the coalition records it (``history:``)."""

    version: SemVer = Field(description="The version's number, e.g. `1.0.0`.")
    ratified: dt.date | None = Field(None, description="When that version was ratified.")
    summary: Text | None = Field(
        None, description="What the version changed, in a sentence or two (shown on the public history page).")


class Coalition(StrictModel):
    """The coalition: its name, its charter version and the rhythm of its reviews."""

    name: Text = Field(description="The coalition's full name.")
    short_name: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = Field(
        None, description="A short name for tight places (navigation, diagrams).")
    tagline: Text | None = Field(None, description="One line that says what the coalition is for.")
    founded: dt.date | None = Field(None, description="When the coalition was founded.")
    charter: CharterVersion = Field(description="The version of the charter now in force.")
    review_cadence_days: int = Field(31, ge=1, le=366, description="Days between implementation-honesty reviews.")
    commons_assessment: dict[str, Score] = Field(
        default_factory=dict,
        description="Baseline scores from 1.0 to 5.0 (`resilience`, `autonomy`, or any other name).")
    history: list[HistoryEntry] = Field(
        default_factory=list,
        description="Optional: earlier versions of the charter (and a summary of the one in force) for "
                    "the charter history page; versions found in git are added to these.")

    @property
    def display_name(self) -> str:
        return self.short_name or self.name
