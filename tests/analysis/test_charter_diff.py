"""diff_charters: typed changes between two loaded charters (no git involved)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from coalition_site.analysis.diff import (Added, EndorsementChanged, Id, Name, PartnerJoined,
                                          PartnerRemoved, PartnerStatusChanged, ProseEdited, Quote,
                                          Removed, Reworded, StaleEndorsement, UnversionedEdit,
                                          ValueChanged, diff_charters)
from coalition_site.load.charter import load_charter

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"
PROBLEM = "Rents rise where the buses are good, and buses are cut where rents are low."


class Pair:
    """The minimal charter, and a copy of it to edit."""

    def __init__(self, root: Path):
        shutil.copytree(FIXTURE, root / "old")
        shutil.copytree(FIXTURE, root / "new")
        self.old_content = root / "old" / "content"
        self.new_content = root / "new" / "content"

    @staticmethod
    def _load(content: Path):
        result = load_charter(content)
        assert [str(p) for p in result.problems if p.level == "error"] == []
        return result.charter

    def edit(self, src_uri: str, old: str, new: str) -> None:
        path = self.new_content / src_uri
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not once in {src_uri}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def write(self, src_uri: str, text: str, *, old: bool = False) -> None:
        ((self.old_content if old else self.new_content) / src_uri).write_text(text, encoding="utf-8")

    def changes(self):
        return diff_charters(self._load(self.old_content), self._load(self.new_content)).changes


@pytest.fixture
def pair(tmp_path) -> Pair:
    return Pair(tmp_path)


def test_the_same_charter_has_no_changes(pair):
    assert pair.changes() == []


def test_asks_added_removed_and_reworded(pair):
    pair.edit("charter/joint-demand.md", "  - id: transit-oriented-protections\n"
              "    ask: Pair every new bus line with tenant protections along its route.",
              "  - id: transit-oriented-protections\n"
              "    ask: Pair every new bus line with tenant protections near its route.")
    pair.edit("charter/joint-demand.md", "endorsements:", (
        "  - id: fare-freeze\n    ask: Freeze fares.\n    benefits:\n"
        "      tenants-union: Rent money is not spent on fares.\nendorsements:"))
    changes = pair.changes()
    assert Added("joint-demand", ("ask ", Id("fare-freeze")), "Freeze fares.") in changes
    assert Reworded("joint-demand", ("ask ", Id("transit-oriented-protections")),
                    "Pair every new bus line with tenant protections along its route.",
                    "Pair every new bus line with tenant protections near its route.") in changes
    assert Added("joint-demand", (Name("Riverside Tenants Union"), "'s stake in ask ", Id("fare-freeze")),
                 "Rent money is not spent on fares.") in changes


def test_a_removed_ask_and_a_benefit_per_partner(pair):
    pair.edit("charter/joint-demand.md", "      riders-alliance: Riders keep living where the buses run.\n", "")
    pair.edit("charter/joint-demand.md", "tenants-union: Tenants near new lines are not priced out.",
              "tenants-union: Tenants near new lines keep their homes.")
    changes = pair.changes()
    stake = lambda name: (Name(name), "'s stake in ask ", Id("transit-oriented-protections"))  # noqa: E731
    assert Removed("joint-demand", stake("Riverside Riders Alliance"),
                   "Riders keep living where the buses run.") in changes
    assert Reworded("joint-demand", stake("Riverside Tenants Union"),
                    "Tenants near new lines are not priced out.",
                    "Tenants near new lines keep their homes.") in changes


def test_rewrapping_a_text_is_not_a_rewording(pair):
    pair.edit("charter/joint-demand.md", "    ask: Pair every new bus line with tenant protections along its route.",
              "    ask: >\n      Pair every new bus line with tenant\n      protections along its route.")
    assert pair.changes() == []


def test_partners_join_step_back_depart_and_leave(pair):
    pair.edit("partners/riders-alliance.md", "joined: 2024-03-01", (
        "joined: 2024-03-01\nstatus: stepped-back\nstepped_back:\n  since: 2026-02-01\n"
        "  scope: the zoning ask"))
    pair.write("partners/cyclists.md", "---\nname: Riverside Cyclists\nissue: Safe streets\n"
               "theory_of_change: Streets safe to ride are streets safe to live on.\n---\n")
    changes = pair.changes()
    assert PartnerJoined("partners", "cyclists", "Riverside Cyclists") in changes
    assert PartnerStatusChanged("partners", "riders-alliance", "Riverside Riders Alliance",
                                "active", "stepped-back", "the zoning ask") in changes
    assert [str(c.describe()) for c in changes if c.kind == "stale"] == []


def test_a_departed_partner_and_a_removed_file(pair):
    pair.edit("partners/riders-alliance.md", "joined: 2024-03-01", "joined: 2024-03-01\nstatus: departed")
    changes = pair.changes()
    assert PartnerStatusChanged("partners", "riders-alliance", "Riverside Riders Alliance",
                                "active", "departed") in changes
    assert changes[0].describe() == (Name("Riverside Riders Alliance"), " departed")


def test_a_partner_whose_file_was_removed(pair):
    pair.write("partners/cyclists.md", "---\nname: Riverside Cyclists\nissue: Safe streets\n"
               "theory_of_change: Streets safe to ride are streets safe to live on.\n---\n", old=True)
    assert pair.changes() == [PartnerRemoved("partners", "cyclists", "Riverside Cyclists")]
    assert pair.changes()[0].describe() == (
        Name("Riverside Cyclists"), " (", Id("cyclists"), ") is no longer listed (its file was removed)")


def test_steward_and_protocol_changes(pair):
    pair.edit("charter/steward-mandate.md", "  - name: Sam Okafor", "  - name: Jo Lee")
    pair.edit("charter/steward-mandate.md", "reports_to: all-partners", "reports_to: [tenants-union]")
    pair.edit("charter/steward-mandate.md", "  - Convene the monthly review.", "  - Convene the monthly review.\n  - Call a reset meeting.")
    pair.edit("charter/conflict-protocol.md", "fallback: step-back", "fallback: mediation\nmediator: Riverside Mediation")
    pair.edit("charter/conflict-protocol.md", "  - Raise it with the steward within 7 days.\n", "")
    changes = pair.changes()
    assert changes == [
        Added("steward", ("steward ", Name("Jo Lee"))),
        Added("steward", (Name("Jo Lee"), "'s ", "affiliation"), "independent"),
        ValueChanged("steward", (Name("Jo Lee"), "'s ", "start"), "none", "2024-04-01"),
        ValueChanged("steward", (Name("Jo Lee"), "'s ", "term end"), "none", "2027-03-31"),
        ValueChanged("steward", (Name("Jo Lee"), "'s ", "commitment"), "none", "0.4"),
        Removed("steward", ("steward ", Name("Sam Okafor"))),
        ValueChanged("steward", ("reports to",), Quote("all partners"), Quote("Riverside Tenants Union")),
        Added("steward", ("authority",), "Call a reset meeting."),
        ValueChanged("protocol", ("fallback",), "step-back", "mediation"),
        ValueChanged("protocol", ("mediator",), "none", Quote("Riverside Mediation")),
        Removed("protocol", ("step",), "Raise it with the steward within 7 days."),
    ]


def test_dependencies_and_tensions(pair):
    pair.edit("logic.yml", "    kind: strengthens\n", "")
    pair.edit("logic.yml", "  - from: reliable-transit\n    to: stable-homes\n    why: Riders who are displaced stop riding.\n", "")
    pair.edit("logic.yml", "    status: open\n  - id: secret-tension",
              "    status: sequenced\n    resolution: Fares first, then rents.\n  - id: secret-tension")
    changes = pair.changes()
    assert changes == [
        ValueChanged("logic", ("dependency ", Id("organized-riders"), " → ", Id("reliable-transit")),
                     "strengthens", "requires"),
        Removed("logic", ("dependency ", Id("reliable-transit"), " requires ", Id("stable-homes"))),
        ValueChanged("logic", ("tension ", Id("fares-vs-rents")), "open", "sequenced"),
        Added("logic", ("resolution of tension ", Id("fares-vs-rents")), "Fares first, then rents."),
    ]


def test_a_new_version_makes_every_unchanged_endorsement_stale(pair):
    pair.edit("coalition.yml", "version: 1.0.0", "version: 1.1.0")
    pair.edit("charter/joint-demand.md", "tenants-union: 2025-01-15", "tenants-union: 2026-03-01")
    stale = [c for c in pair.changes() if c.kind == "stale"]
    assert stale == [
        StaleEndorsement("renew", "problem-statement", "riders-alliance", "Riverside Riders Alliance",
                         dt.date(2025, 1, 16), "1.0.0", "1.1.0"),
        StaleEndorsement("renew", "problem-statement", "tenants-union", "Riverside Tenants Union",
                         dt.date(2025, 1, 15), "1.0.0", "1.1.0"),
        StaleEndorsement("renew", "joint-demand", "riders-alliance", "Riverside Riders Alliance",
                         dt.date(2025, 1, 16), "1.0.0", "1.1.0"),
    ]


def test_editing_endorsed_text_without_a_new_version_is_flagged(pair):
    pair.edit("charter/problem-statement.md", "Rents rise", "Rents soar")
    changes = pair.changes()
    assert changes[0] == ProseEdited("problem-statement", "problem statement", PROBLEM,
                                     PROBLEM.replace("Rents rise", "Rents soar"))
    assert changes[0].lines() == ["@@ -1 +1 @@", "-" + PROBLEM, "+" + PROBLEM.replace("Rents rise", "Rents soar")]
    assert changes[1] == UnversionedEdit("renew", "problem-statement", "1.0.0")
    assert changes[1].describe() == (
        "the problem statement changed but the charter version is still 1.0.0; raise "
        "'charter.version' in coalition.yml (an endorsement holds for one version)",)
    assert [c.partner_id for c in changes if isinstance(c, StaleEndorsement)] == [
        "riders-alliance", "tenants-union"]


def test_the_campaign_status_moving_on_asks_no_one_to_endorse_again(pair):
    pair.edit("charter/joint-demand.md", "status: campaigning", "status: won")
    assert pair.changes() == [ValueChanged("joint-demand", ("status",), "campaigning", "won")]


def test_an_endorsement_withdrawn(pair):
    pair.edit("charter/problem-statement.md", "  riders-alliance: 2025-01-16\n", "")
    change = EndorsementChanged("endorsements", "problem-statement", "riders-alliance",
                                "Riverside Riders Alliance", dt.date(2025, 1, 16), None)
    assert pair.changes() == [change]
    assert change.kind == "removed"
