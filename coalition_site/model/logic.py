"""``logic.yml``: the Coalition Logic map of conditions, dependencies and tensions.

Cycles among dependencies are expected and meaningful; the model never refuses one.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Id, StrictModel, Text, Visibility

DependencyKind = Literal["requires", "strengthens"]
TensionStatus = Literal["open", "sequenced", "resolved", "dealbreaker"]


class Condition(StrictModel):
    id: Id = Field(description="The condition's id, referred to by dependencies.")
    label: Text = Field(description="The condition, in a few words.")
    partners: list[Id] = Field(default_factory=list,
                               description="Partners whose theory of change centres on this condition.")
    description: Text | None = Field(None, description="A longer explanation (optional).")


class Dependency(StrictModel):
    from_: Id = Field(alias="from", description="The condition that requires (or is strengthened by) the other.")
    to: Id = Field(description="The condition it depends on.")
    kind: DependencyKind = Field("requires", description="`requires` or `strengthens`.")
    why: Text | None = Field(None, description="Why the dependency holds.")


class Tension(StrictModel):
    id: Id = Field(description="The tension's id.")
    between: Annotated[list[Id], Field(min_length=2)] = Field(description="Two or more partner ids.")
    about: Text = Field(description="What the tension is about.")
    status: TensionStatus = Field("open", description="`open`, `sequenced`, `resolved` or `dealbreaker`.")
    resolution: Text | None = Field(None, description="How it was resolved or sequenced.")
    visibility: Visibility = Field("public", description="`internal` keeps the tension out of the public site.")


class Logic(StrictModel):
    """The map drawn at the Coalition Logic meeting."""

    conditions: list[Condition] = Field(default_factory=list, description="The conditions theories of change need.")
    dependencies: list[Dependency] = Field(default_factory=list, description="Which condition requires which.")
    tensions: list[Tension] = Field(default_factory=list, description="The conflicts named, not papered over.")
