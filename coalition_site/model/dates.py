"""Dates as the site writes them for people: ``14 October 2026``, the same in every locale."""

from __future__ import annotations

import datetime as dt

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def long_date(value: dt.date) -> str:
    """``14 October 2026``: how pages, titles and alerts write a date (never ``2026-10-14``)."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
