"""The coalition plugin's options, as MkDocs validates them (``plugins: [coalition: {...}]``)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..audience import AUDIENCES
from ..errors import ConfigError
from ..project.config import TURNED_OFF
from ..rules import resolve_levels


class _FolderPath(c.Type[str]):
    """The path of a folder: text without a NUL, which no file system accepts (every use of
    such a path fails with a ValueError, not an OSError)."""

    def __init__(self, **kwargs):
        super().__init__(str, **kwargs)

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        if "\x00" in value:
            raise base.ValidationError("a path cannot hold a NUL character; write the path of a "
                                       "folder, like '.cache/coalition'")
        return value


class _AlwaysOn(c.Type[bool]):
    """``enabled``, as Material's plugins have it, but only ``true``: with the plugin off, MkDocs
    would publish the content folder as it is. MkDocs validates a plugin's options before any
    build, so ``enabled: false`` stops even a plain ``mkdocs build``."""

    def __init__(self):
        super().__init__(bool, default=True)

    def run_validation(self, value: object) -> bool:
        value = super().run_validation(value)
        if not value:
            raise base.ValidationError(TURNED_OFF.format(value="false"))
        return value


class _Rules(c.Type[dict]):
    """``rules``: rule id → ``error``, ``warning`` or ``off``, every id and level known, as
    ``coalition-site check`` reads them: a misspelt rule stops even a plain ``mkdocs build``
    before it starts, rather than being silently ignored."""

    def __init__(self):
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict:
        value = super().run_validation(value)
        try:
            resolve_levels(value)
        except ConfigError as exc:
            raise base.ValidationError(str(exc)) from None
        return value


class _Date(c.BaseConfigOption):
    """A calendar date, written YYYY-MM-DD (YAML reads it as a date unquoted, as text quoted)."""

    def run_validation(self, value: object) -> dt.date:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise base.ValidationError(f"{value!r} is not a date; write it as YYYY-MM-DD")


class CoalitionConfig(base.Config):
    enabled = _AlwaysOn()
    audience = c.Choice(AUDIENCES, default="public")
    """Overridden by the ``COALITION_AUDIENCE`` environment variable."""
    rules = _Rules()
    """Rule id → ``error``, ``warning`` or ``off``."""
    build_date = c.Optional(_Date())
    """The "as of" date (YYYY-MM-DD); ``SOURCE_DATE_EPOCH`` wins over it."""
    publish_review_dates = c.Type(bool, default=False)
    """The public site learns the date of every review, internal ones too (never their content),
    so that its vitality dashboard shows the rhythm of the meetings (docs/vitality.md)."""
    cache_dir = c.Optional(_FolderPath())
    """Where rendered diagrams are cached, relative to mkdocs.yml; by default a private folder
    of the user's (user_cache.py), never one a pull request could write to."""
