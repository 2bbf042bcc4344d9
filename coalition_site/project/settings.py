"""The coalition plugin's settings, validated once, the same way for both fronts.

The command line reads them from mkdocs.yml as read safely (:mod:`.config`), the plugin from the
options MkDocs validated (``plugin/config.py``); each hands them here, and says where a wrong
one was written. What the command line resolved, it hands the plugin as a :class:`Handover`.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, cast

from ..audience import AUDIENCES
from ..errors import ConfigError
from ..model import Audience
from ..rules import resolve_levels
from .clock import as_of
from .user_cache import user_cache_dir

if TYPE_CHECKING:
    from ..check import CheckResult

AUDIENCE_VARIABLE = "COALITION_AUDIENCE"
"""Chooses the audience of a plain ``mkdocs build`` or ``mkdocs serve`` (over the option)."""


@dataclass(frozen=True)
class Settings:
    """The plugin's options that decide what is checked and how a site is built."""

    rules: Mapping
    """Rule id → level, as written (a bare ``off`` may be read as ``false``); every id and level
    is known."""
    today: dt.date
    """The build's "as of" date: ``SOURCE_DATE_EPOCH``, else ``build_date``, else today."""
    cache_dir: Path | None = None
    """The folder ``cache_dir`` names; ``None`` when it names none (see :meth:`cache_folder`)."""
    publish_review_dates: bool = False
    """Whether the public may know the date of every review, internal ones too (their dates
    only): off unless the coalition writes ``publish_review_dates: true``."""

    def cache_folder(self) -> Path | None:
        """Where rendered diagrams are kept between builds: ``cache_dir``, else a private folder
        of the user's (never one a pull request could write to); ``None`` when there is none."""
        return self.cache_dir if self.cache_dir is not None else user_cache_dir()


def read_settings(options: Mapping, project_dir: Path | str, *, config_name: str | None = None) -> Settings:
    """The plugin's ``options`` validated: a :class:`~coalition_site.errors.ConfigError` names
    the wrong one and the fix. ``config_name`` (``mkdocs.yml``) is said before a wrong rule."""
    rules = options.get("rules") or {}
    if not isinstance(rules, dict):
        raise ConfigError("the coalition plugin's 'rules' option must map rule ids to error, "
                          "warning or off")
    try:
        resolve_levels(rules)
    except ConfigError as exc:
        if config_name is None:
            raise
        raise ConfigError(f"{config_name}: {exc}") from None
    cache_dir = options.get("cache_dir")
    # Only `true` publishes the dates: a value that is not a yes or a no is an error, not a yes.
    publish = options.get("publish_review_dates", False)
    if not isinstance(publish, bool):
        raise ConfigError(f"{config_name or 'mkdocs.yml'}: the coalition plugin's 'publish_review_dates' "
                          f"option is {publish!r}; write true (the public site shows the date of every "
                          "review, internal ones too) or false (the default: only published reviews)")
    # MkDocs checks that cache_dir is a folder's path (plugin/config.py) before a build uses it.
    return Settings(rules, as_of(options.get("build_date")),
                    Path(project_dir) / cache_dir if isinstance(cache_dir, str) and cache_dir else None,
                    publish_review_dates=publish)


def resolve_audience(given: str | None = None, configured: str | None = None) -> Audience:
    """The audience a build is for: ``given`` (the command line's), else ``COALITION_AUDIENCE``,
    else ``configured`` (the plugin's ``audience`` option), else ``public``."""
    if given:
        return cast(Audience, given)  # the command line's --audience is a Choice of AUDIENCES
    variable = os.environ.get(AUDIENCE_VARIABLE)
    if variable:
        if variable not in AUDIENCES:
            raise ConfigError(f"{AUDIENCE_VARIABLE}={variable!r} is not an audience; use 'public' or "
                              "'internal'")
        return variable
    # Unchecked here: the plugin's `audience` option is a Choice of AUDIENCES, but the commands
    # pass mkdocs.yml's value as written.
    return cast(Audience, configured or "public")


@dataclass(frozen=True)
class Handover:
    """What a ``coalition-site`` command hands the plugin for the builds it runs, as values
    rather than through the environment: the audience it resolved, the check it made before
    MkDocs started (reused when the plugin would check the same), and the address ``serve
    --dev-addr`` asked for (the one address off loopback the internal site may be served on)."""

    audience: Audience
    check: CheckResult | None = None
    requested_address: tuple[str, int] | None = None
