"""The build's "as of" date, reproducible through SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt

import pytest

from coalition_site.project.clock import as_of
from coalition_site.errors import ProjectError


def test_source_date_epoch_wins(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    assert as_of("2020-01-01") == dt.date(2026, 11, 18)


def test_then_the_configured_date(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert as_of("2026-10-14") == dt.date(2026, 10, 14)
    assert as_of(dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)


def test_then_today(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert as_of() == dt.date.today()


def test_a_bad_epoch_says_how_to_set_it(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ProjectError) as caught:
        as_of()
    assert str(caught.value) == ("SOURCE_DATE_EPOCH='yesterday' is not a number of seconds since 1970; "
                                 "unset it or set it to e.g. $(git log -1 --format=%ct)")


def test_an_empty_epoch_is_not_taken_for_no_epoch(monkeypatch):
    # `export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)` outside a repository; MkDocs, which
    # reads it too, would fail with a traceback.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    with pytest.raises(ProjectError) as caught:
        as_of()
    assert str(caught.value) == ("SOURCE_DATE_EPOCH='' is not a number of seconds since 1970; "
                                 "unset it or set it to e.g. $(git log -1 --format=%ct)")


@pytest.mark.parametrize("epoch", ["-1", "4294967296", "253402300799", "99999999999999999999"])
def test_an_epoch_before_1970_or_after_2106_is_out_of_range(monkeypatch, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(ProjectError) as caught:
        as_of()
    assert str(caught.value) == (f"SOURCE_DATE_EPOCH='{epoch}' is out of range: it counts the seconds "
                                 "from 1970 to 2106 at the latest (0 to 4294967295); unset it or set it "
                                 "to e.g. $(git log -1 --format=%ct)")


@pytest.mark.parametrize("epoch, day", [("0", dt.date(1970, 1, 1)), ("4294967295", dt.date(2106, 2, 7))])
def test_the_first_and_last_epochs(monkeypatch, epoch, day):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert as_of() == day


def test_a_bad_build_date_says_how_to_write_it(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with pytest.raises(ProjectError, match=r"build_date '14/10/2026' is not a date; write it as YYYY-MM-DD"):
        as_of("14/10/2026")
