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


# -- nothing summarised away (issue #13) ----------------------------------------------------------
def report(pair, **files) -> list[str]:
    """The text report's lines, without its first line and its blank lines."""
    from coalition_site.render.diff_report import render_text

    diff = diff_charters(pair._load(pair.old_content), pair._load(pair.new_content), **files)
    return [line for line in render_text(diff, "old", "new").splitlines()[1:] if line]


def test_pages_are_compared_line_by_line_and_internal_ones_marked(pair):
    pair.write("faq.md", "---\ntitle: FAQ\n---\nAsk us anything.\n")
    pair.edit("onboarding.md", "one problem.", "one problem.\n\nWe meet monthly.")
    pair.edit("board-notes.md", "internal board notes.", "internal board notes, revised.")
    assert report(pair) == [
        "Other pages",
        "  ~ page 'board-notes.md': text edited (internal)",
        "      @@ -1 +1 @@",
        "      -SECRET-PAGE-TEXT internal board notes.",
        "      +SECRET-PAGE-TEXT internal board notes, revised.",
        "  + page 'faq.md' added",
        "  + page 'faq.md': title added: \"FAQ\"",
        "  + page 'faq.md': text written",
        "      @@ -0,0 +1 @@",
        "      +Ask us anything.",
        "  ~ page 'onboarding.md': text edited",
        "      @@ -1 +1,3 @@",
        "       Because rents and buses are one problem.",
        "      +",
        "      +We meet monthly.",
        "5 changes.",
    ]


def test_reviews_fields_and_prose(pair):
    pair.edit("reviews/2026-10-14.md", "facilitator: Sam Okafor", "facilitator: Jo Lee")
    pair.edit("reviews/2026-10-14.md", "  - Joint testimony at the November hearing.",
              "  - Joint testimony at the November hearing.\n  - Write to the mayor.")
    pair.edit("reviews/2026-10-14.md", "signs_of_life: [shared-language]", "signs_of_life: []")
    pair.edit("reviews/2026-11-11.md", "met the mayor alone.", "met the mayor twice.")
    assert report(pair) == [
        "Reviews",
        "  ~ review '2026-10-14': facilitator: \"Sam Okafor\" → \"Jo Lee\"",
        "  - review '2026-10-14': signs of life removed: \"shared-language\"",
        "  + review '2026-10-14': decisions added: \"Write to the mayor.\"",
        "  ~ review '2026-11-11': text edited (internal)",
        "      @@ -1 +1 @@",
        "      -SECRET-REVIEW-NOTES the riders met the mayor alone.",
        "      +SECRET-REVIEW-NOTES the riders met the mayor twice.",
        "4 changes.",
    ]


def test_a_decisions_status_and_owners_are_part_of_it(pair):
    """A decision written as a mapping (#14's register): closing it is a change a reviewer sees."""
    pair.edit("reviews/2026-10-14.md", "  - Joint testimony at the November hearing.",
              "  - text: Joint testimony at the November hearing.\n    status: done\n"
              "    owner: [tenants-union]")
    assert report(pair) == [
        "Reviews",
        "  + review '2026-10-14': decisions added: \"Joint testimony at the November hearing. "
        "(status: done; owner: tenants-union)\"",
        "  - review '2026-10-14': decisions removed: \"Joint testimony at the November hearing.\"",
        "2 changes.",
    ]


def test_representatives_are_compared_field_by_field_and_marked_internal(pair):
    pair.edit("partners/tenants-union.md", "    github: anaruiz\n",
              "    github: ana-ruiz\n  - name: Bo Chen\n    role: Director\n")
    pair.edit("partners/tenants-union.md", "    role: Organizer\n", "")
    assert report(pair) == [
        "Partners",
        "  - Riverside Tenants Union's representative Ana Ruiz's role removed: \"Organizer\" (internal)",
        "  ~ Riverside Tenants Union's representative Ana Ruiz's github: \"anaruiz\" → \"ana-ruiz\" (internal)",
        "  + Riverside Tenants Union's representative Bo Chen added (internal)",
        "  + Riverside Tenants Union's representative Bo Chen's role added: \"Director\" (internal)",
        "4 changes.",
    ]


def test_a_representative_renamed_in_place_is_one_change(pair):
    pair.edit("partners/tenants-union.md", "  - name: Ana Ruiz", "  - name: Ana Ruiz-Lopez")
    assert report(pair)[1:] == [
        "  ~ Riverside Tenants Union's representative Ana Ruiz-Lopez's name: \"Ana Ruiz\" → "
        "\"Ana Ruiz-Lopez\" (internal)", "1 change."]


def test_a_website_on_the_same_domain_names_no_other_domain(pair):
    pair.edit("partners/tenants-union.md", "website: https://tenants.example.org",
              "website: https://tenants.example.org/about")
    assert report(pair)[1] == ("  ~ Riverside Tenants Union's website: \"https://tenants.example.org\" → "
                               "\"https://tenants.example.org/about\"")
    pair.edit("partners/tenants-union.md", "website: https://tenants.example.org/about",
              "website: https://tenants.ex\u0430mple.org/about")  # a Cyrillic 'а'
    assert report(pair)[1].endswith(
        "it now points to another domain: 'tenants.example.org' → "
        "'tenants.exаmple.org (tenants.xn--exmple-4nf.org)'")


def test_an_edit_inside_internal_blocks_only_is_marked_internal(pair):
    pair.edit("charter/autonomy.md", "Each partner keeps its own campaigns.",
              "Each partner keeps its own campaigns.\n\n!!! internal\n    The union may leave in May.")
    assert report(pair)[:2] == ["Autonomy agreements", "  ~ the text of the autonomy agreements was edited (internal)"]


def test_fields_compared_by_name_only_and_tensions_visibility(pair):
    pair.edit("coalition.yml", "tagline: Homes and buses, won together.", "tagline: Homes and buses!")
    pair.edit("logic.yml", "    about: Fare money", "    visibility: internal\n    about: Fare money")
    pair.edit("logic.yml", "    why: People who can get", "    why: Folks who can get")
    assert report(pair) == [
        "Coalition",
        "  ~ tagline: \"Homes and buses, won together.\" → \"Homes and buses!\"",
        "Coalition Logic map",
        "  ~ dependency 'organized-riders' → 'reliable-transit': why: \"People who can get to meetings "
        "keep organizing.\" → \"Folks who can get to meetings keep organizing.\"",
        "  ~ tension 'fares-vs-rents': visibility: \"public\" → \"internal\" (internal)",
        "3 changes.",
    ]


def test_attachments_added_removed_and_replaced(pair):
    assert report(pair, old_files={"a.png": "1", "b.pdf": "2"}, new_files={"a.png": "3", "c.jpg": "4"}) == [
        "Attachments",
        "  ~ file 'a.png' replaced (its content changed)",
        "  - file 'b.pdf' removed",
        "  + file 'c.jpg' added",
        "3 changes.",
    ]
