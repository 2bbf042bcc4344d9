"""What every model of the charter format shares: strictness, ids, visibility, page fields."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints
from pydantic.fields import FieldInfo

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
"""Lowercase letters, digits and single hyphens: ``usw-1219``."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
"""A non-empty piece of text written by a partner."""

Visibility = Literal["public", "internal"]
Audience = Literal["public", "internal"]


def is_visible(item: object, audience: Audience) -> bool:
    """Whether ``audience`` may see ``item`` (a file of the charter, by its ``visibility``)."""
    return audience == "internal" or getattr(item, "visibility", "public") == "public"


class InternalByNature:
    """Marks a field as internal by nature: its values, and everything under them, are never
    published and never printed (not even in an error about them), whatever the file's
    visibility. Written ``Annotated[list[Representative], INTERNAL_BY_NATURE]``."""

    def __repr__(self) -> str:
        return "INTERNAL_BY_NATURE"


INTERNAL_BY_NATURE = InternalByNature()


def is_internal_by_nature(field: FieldInfo) -> bool:
    """Whether a model's field (``Model.model_fields[name]``) is marked internal by nature."""
    return any(isinstance(item, InternalByNature) for item in field.metadata)


def internal_by_nature_fields(model: type[BaseModel]) -> list[str]:
    """The names of ``model``'s fields that are internal by nature (``['representatives']``)."""
    return [name for name, info in model.model_fields.items() if is_internal_by_nature(info)]


class StrictModel(BaseModel):
    """Strict types, unknown keys refused: a typo is an error, never silently ignored."""

    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)


class MarkdownFile(StrictModel):
    """The front matter of a Markdown file of the charter, with the body beside it."""

    title: Text | None = Field(None, description="The page title; a sensible one is chosen when absent.")
    description: Text | None = Field(None, description="A one-line summary, used by search engines and link previews.")
    visibility: Visibility = Field(
        "public", description="`internal` keeps the whole file out of the public site.")

    _src_uri: str = PrivateAttr("")
    _body: str = PrivateAttr("")
    _body_line: int = PrivateAttr(1)

    @property
    def src_uri(self) -> str:
        """The file's path inside the content folder, with forward slashes."""
        # Not self._src_uri: pydantic finds that through a Python __getattr__, 30 times slower,
        # and the partials of a large charter read the src_uri of a partner thousands of times.
        # pydantic types __pydantic_private__ Optional; a model with private attributes has it.
        return self.__pydantic_private__["_src_uri"]  # type: ignore[index]

    @property
    def body(self) -> str:
        """The Markdown below the front matter."""
        return self._body

    @property
    def body_line(self) -> int:
        """The line of the file where the body starts (for locating problems in the body)."""
        return self._body_line

    def attach(self, src_uri: str, body: str, body_line: int) -> None:
        self._src_uri, self._body, self._body_line = src_uri, body, body_line

    def with_body(self, body: str) -> Self:
        """A copy of this file with another body (used by audience filtering)."""
        copy = self.model_copy()
        copy.attach(self._src_uri, body, self._body_line)
        return copy
