"""Building small logic maps in code, with whatever texts a test needs."""

from __future__ import annotations

import pytest

from coalition_site.analysis.logic_map import LogicMap
from coalition_site.model import Logic, Partner


def make_partner(pid: str, name: str | None = None) -> Partner:
    partner = Partner(name=name or pid.title(), issue="An issue", theory_of_change="A theory.")
    partner.attach(f"partners/{pid}.md", "", 1)
    return partner


@pytest.fixture(name="make_partner")
def make_partner_fixture():
    return make_partner


@pytest.fixture
def make_map():
    def make(conditions, dependencies=(), partners=None) -> LogicMap:
        logic = Logic.model_validate({"conditions": list(conditions), "dependencies": list(dependencies)})
        partners = partners or {pid: make_partner(pid) for c in conditions for pid in c.get("partners", [])}
        return LogicMap.build(logic, partners)
    return make
