"""The sample charters the analysis tests read, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition_site.audience import for_audience
from coalition_site.load.charter import load_charter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _load(name: str):
    result = load_charter(FIXTURES / name / "content")
    assert [str(p) for p in result.problems if p.level == "error"] == []
    return result.charter


@pytest.fixture(scope="session")
def cycles_charter():
    """The logic-cycles fixture as written (every audience's content)."""
    return _load("logic-cycles")


@pytest.fixture(scope="session")
def public_cycles_charter(cycles_charter):
    return for_audience(cycles_charter, "public")


@pytest.fixture(scope="session")
def alliances_charter():
    """The alliances fixture (the onboarding pages' sample) as written."""
    return _load("alliances")


@pytest.fixture(scope="session")
def public_alliances_charter(alliances_charter):
    return for_audience(alliances_charter, "public")
