"""``partners/<partner-id>.md``: one partner organization."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import INTERNAL_BY_NATURE, MarkdownFile, StrictModel, Text

PartnerStatus = Literal["active", "stepped-back", "departed"]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
"""A short name shown in a menu: a group's label fits on one line of the navigation."""
WebUrl = Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"']+$", max_length=2000)]


class SteppedBack(StrictModel):
    since: dt.date = Field(description="The date the partner stepped back.")
    scope: Text = Field(description="What the partner stepped back from (`everything` is allowed).")
    reason: Text | None = Field(None, description="Why, in the partner's words.")


class Representative(StrictModel):
    name: Text = Field(description="The person's name.")
    role: Text | None = Field(None, description="Their role in the partner organization.")
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+$")] | None = Field(None, description="Email address.")
    github: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")] | None = Field(
        None, description="GitHub user name, used to route reviews of this partner's files.")


class Partner(MarkdownFile):
    """A partner organization; its id is its file name."""

    name: Text = Field(description="The organization's name.")
    issue: Text = Field(description="The issue this partner exists for.")
    theory_of_change: Text = Field(description="The partner's theory of change, in its own words.")
    constituency: Text | None = Field(None, description="Who the partner organizes or represents.")
    group: Label | None = Field(None, description=(
        "A short label the partners are grouped by on a large coalition's site: a region, a "
        "national node, a sector (`Pennsylvania`, `Labour`)."))
    joined: dt.date | None = Field(None, description="When the partner joined the coalition.")
    website: WebUrl | None = Field(None, description="The partner's website (http or https).")
    status: PartnerStatus = Field("active", description="`active`, `stepped-back` or `departed`.")
    stepped_back: SteppedBack | None = Field(None, description="Required when status is `stepped-back`.")
    representatives: Annotated[list[Representative], INTERNAL_BY_NATURE] = Field(
        default_factory=list,
        description="INTERNAL BY NATURE: never shown in a public build.")

    @property
    def id(self) -> str:
        """The partner's id: its file name without ``.md``."""
        return self.src_uri.rsplit("/", 1)[-1].removesuffix(".md")

    @property
    def is_active(self) -> bool:
        return self.status == "active"
