"""The build's "as of" date, and the moment "now": ``SOURCE_DATE_EPOCH`` when set, so that builds
are reproducible and tests can fix the time."""

from __future__ import annotations

import datetime as dt
import os

from ..errors import ConfigError


MAX_EPOCH = 2**32 - 1
"""7 February 2106: MkDocs writes the build's date into the sitemap's .gz, whose time field has
32 bits, and fails with a traceback on a later one."""


def as_of(configured: str | dt.date | None = None) -> dt.date:
    """The date a build is "as of".

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) wins, then a configured date
    (``build_date`` in the plugin config), then today.
    """
    seconds = _source_date_epoch()
    if seconds is not None:
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()
    if isinstance(configured, dt.date):
        return configured
    if configured:
        try:
            return dt.date.fromisoformat(str(configured))
        except ValueError:
            raise ConfigError(f"build_date {configured!r} is not a date; write it as YYYY-MM-DD") from None
    return dt.date.today()


def now() -> dt.datetime:
    """The moment time limits are measured at (a partner's notice period): ``SOURCE_DATE_EPOCH``
    when set, else the clock's, in UTC."""
    seconds = _source_date_epoch()
    if seconds is not None:
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def _source_date_epoch() -> int | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        # Set is set, even empty (`$(git log ...)` outside a repository): MkDocs reads it too,
        # for the sitemap, and fails with a traceback on an empty or negative value.
        fix = "unset it or set it to e.g. $(git log -1 --format=%ct)"
        try:
            seconds = int(epoch)
        except ValueError:
            raise ConfigError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970; "
                               f"{fix}") from None
        if not 0 <= seconds <= MAX_EPOCH:
            raise ConfigError(f"SOURCE_DATE_EPOCH={epoch!r} is out of range: it counts the seconds from "
                               f"1970 to 2106 at the latest (0 to {MAX_EPOCH}); {fix}")
        return seconds
    return None
