"""Every kind of bad input: ``check`` and ``build`` both exit 1 with the located problem, print
no traceback, and ``build`` writes no site."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Callable

import pytest

from support import Sample, invoke, run

LOL = ", ".join(["lol"] * 9)
ALIAS_BOMB = "\n".join([f"a: &a [{LOL}]"] + [f"{b}: &{b} [{', '.join(['*' + a] * 9)}]"
                                              for a, b in zip("abcdefgh", "bcdefghi")]) + "\n"


def _faq(s: Sample) -> None:
    s.write("faq.md", "# FAQ\n")
    s.write("faq/index.md", "# Also the FAQ\n")


def _outside_folder(s: Sample) -> None:
    outside = s.root.parent / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: OUTSIDE-SECRET\n---\nOUTSIDE-SECRET\n")
    os.symlink(outside, s.content / "more")


def _one_partner(s: Sample) -> None:
    s.remove("partners/riders-alliance.md")


def _many(s: Sample) -> None:
    s.edit("coalition.yml", "founded: 2024-03-01", "founded: 2026-02-30")
    s.edit("partners/riders-alliance.md", "issue: Public transit", "isue: Public transit")
    s.edit("charter/conflict-protocol.md", "decision_rule: consensus", "decision_rule: unanimity")
    s.edit("logic.yml", "    to: stable-homes", "    to: stable-home")


@dataclass
class Case:
    id: str
    change: Callable[[Sample], None]
    expected: list[str]
    """Lines that ``check`` prints, in order (the summary line last)."""


def edit(src_uri, old, new):
    return lambda s: s.edit(src_uri, old, new)


CASES = [
    Case("duplicate-key", edit("coalition.yml", "tagline:", "name: Again\ntagline:"), [
        "content/coalition.yml:3:1: error: the key 'name' appears twice (first on line 1); keep one "
        "of them; YAML would silently drop the other [yaml]"]),
    Case("anchor-and-alias", edit("coalition.yml", "founded: 2024-03-01", "founded: &day 2024-03-01\nx: *day"), [
        "content/coalition.yml:4:10: error: the anchor '&day' is not allowed; remove the anchor and "
        "write each value out in full [yaml]"]),
    Case("alias-bomb", lambda s: s.write("logic.yml", ALIAS_BOMB), [
        "content/logic.yml:1:4: error: the anchor '&a' is not allowed; remove the anchor and write "
        "each value out in full [yaml]"]),
    Case("tab", edit("coalition.yml", "  ratified: 2025", "\tratified: 2025"), [
        "content/coalition.yml:7:1: error: a tab character is used for indentation; indent with "
        "spaces, not tabs [yaml]"]),
    Case("no-as-boolean", edit("charter/autonomy.md", "keeps_solo: Eviction defence stays the union's own.", "keeps_solo: no"), [
        "content/charter/autonomy.md:6:17: error: 'keeps_solo': the bare word no was read as the "
        "boolean false; if you meant the text, quote it: 'no' [schema]"]),
    Case("yes-as-boolean", edit("coalition.yml", "tagline: Homes and buses, won together.", "tagline: yes"), [
        "content/coalition.yml:3:10: error: 'tagline': the bare word yes was read as the boolean "
        "true; if you meant the text, quote it: 'yes' [schema]"]),
    Case("on-as-boolean", edit("partners/riders-alliance.md", "issue: Public transit", "issue: on"), [
        "content/partners/riders-alliance.md:3:8: error: 'issue': the bare word on was read as the "
        "boolean true; if you meant the text, quote it: 'on' [schema]"]),
    Case("date-that-does-not-exist", edit("coalition.yml", "founded: 2024-03-01", "founded: 2026-02-30"), [
        "content/coalition.yml:4:10: error: 2026-02-30 is not a date that exists; write a real "
        "calendar date as YYYY-MM-DD [yaml]"]),
    Case("control-character", edit("coalition.yml", "buses, won", "buses\x1b[0m, won"), [
        "content/coalition.yml:3:25: error: the invisible character U+001B is not allowed in YAML; "
        "delete it (it is invisible in most editors, and often comes with text pasted from another "
        "program) [yaml]"]),
    Case("control-character-as-an-escape", edit("partners/tenants-union.md", "name: Riverside Tenants Union",
                                                 'name: "Riverside\\x01Tenants Union"'), [
        "content/partners/tenants-union.md:2:7: error: the invisible character U+0001 is not allowed in "
        "YAML, even written as an escape; delete the escape (such as '\\x01', '\\e' or '\\u0001') from "
        "the quoted text [yaml]"]),
    Case("tagged-value-that-does-not-fit", edit("charter/autonomy.md", "  may_step_back: true\n    notice_days: 14\n    keeps_solo: Evic",
                                                "  may_step_back: true\n    notice_days: !!int two weeks\n    keeps_solo: Evic"), [
        "content/charter/autonomy.md:5:18: error: the value 'two weeks' cannot be read as !!int; "
        "remove '!!int', or write a value of that kind [yaml]"]),
    Case("key-with-a-line-break-and-a-direction-override", edit("partners/riders-alliance.md", "issue: Public transit",
                                                                'issue: Public transit\n"con\\nstituency\\u202e": Riders'), [
        "content/partners/riders-alliance.md:4:1: error: unknown key 'con\\nstituency\\u202e'; did you mean "
        "'constituency'? (unknown keys are refused so a typo is never ignored) [schema]"]),
    Case("file-name-not-utf8", lambda s: s.write_bytes(os.fsdecode(b"caf\xe9.md"), b"# Caf\n"), [
        "content/caf\\udce9.md:1:1: error: this file's name is not UTF-8 text; rename it (typing the "
        "name again in your file manager or editor saves it as UTF-8) [file]"]),
    Case("not-utf8", lambda s: s.write_bytes("onboarding.md", "---\ntitle: Café\n---\n".encode("latin-1")), [
        "content/onboarding.md:2:11: error: this file is not UTF-8 text (byte 0xe9); save it as "
        "UTF-8 in your editor [encoding]"]),
    Case("over-size-cap", lambda s: s.write("onboarding.md", "x" * (1024 * 1024 + 1)), [
        "content/onboarding.md:1:1: error: this file is 1,048,577 bytes, over the limit of "
        "1,048,576; split it into smaller pages [file]"]),
    Case("symlink-to-etc-passwd", lambda s: os.symlink("/etc/passwd", s.content / "passwd.md"), [
        "content/passwd.md:1:1: error: this file is a symbolic link; replace the link with a copy of "
        "the file (links are never followed) [file]"]),
    Case("symlink-to-a-folder-outside", _outside_folder, [
        "content/more:1:1: error: this folder is a symbolic link; replace the link with a real folder "
        "(links are never followed, so they cannot pull in files from outside the content folder) [file]"]),
    Case("two-files-one-url", _faq, [
        "content/faq/index.md:1:1: error: this file would be published at the same address ('faq/') "
        "as 'content/faq.md'; rename or remove one of the two files [file]"]),
    Case("review-name-disagrees-with-date", edit("reviews/2026-10-14.md", "date: 2026-10-14", "date: 2026-10-15"), [
        "content/reviews/2026-10-14.md:2:7: error: 'date' is 2026-10-15 but the file is named "
        "2026-10-14.md; make them the same (the file name is the meeting date) [schema]"]),
    Case("benefit-for-unknown-partner", edit("charter/joint-demand.md", "      riders-alliance: Riders", "      riders-aliance: Riders"), [
        "content/charter/joint-demand.md:12:7: error: 'riders-aliance' is not a known partner id; "
        "did you mean 'riders-alliance'? [reference]"]),
    Case("dependency-to-unknown-condition", edit("logic.yml", "    to: stable-homes", "    to: stable-home"), [
        "content/logic.yml:20:9: error: 'stable-home' is not a known condition id; did you mean "
        "'stable-homes'? [reference]"]),
    Case("alignment-of-unknown-partner", edit("reviews/2026-11-11.md", "  riders-alliance: absent", "  bus-riders: absent"), [
        "content/reviews/2026-11-11.md:8:3: error: 'bus-riders' is not a known partner id; known "
        "partners: riders-alliance, tenants-union [reference]"]),
    Case("misspelt-visibility", edit("board-notes.md", "visibility: internal", "visibilty: internal"), [
        "content/board-notes.md:3:1: error: unknown key 'visibilty'; did you mean 'visibility'? (a "
        "misspelt visibility would publish this page) [schema]"]),
    Case("unclosed-front-matter", lambda s: s.write("plans.md", "---\nvisibility: internal\nOur plans.\n"), [
        "content/plans.md:1:1: error: the front matter that starts on line 1 is never closed; add a "
        "line '---' after its last key [yaml]"]),
    Case("missing-required-file", lambda s: s.remove("charter/autonomy.md"), [
        "content/charter/autonomy.md:1:1: error: this required file is missing; create it "
        "('coalition-site new' writes a starter charter with every required file) [file]"]),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_check_and_build_both_stop_at_the_located_problem(tmp_path, case):
    sample = Sample.copy(tmp_path / "project")
    case.change(sample)

    started = time.perf_counter()
    checked = invoke("check", sample.root)
    assert time.perf_counter() - started < 5
    assert checked.exit_code == 1
    assert checked.output == "\n".join(case.expected + ["content: 1 error"]) + "\n"

    built = invoke("build", sample.root)
    assert built.exit_code == 1
    assert isinstance(built.exception, SystemExit)  # a clean exit, not an exception
    assert built.output == "\n".join(["error: the charter has 1 error:"] + case.expected) + "\n"
    assert "Traceback" not in built.output
    assert not (sample.root / "site").exists()
    assert "root:" not in checked.output + built.output and "OUTSIDE-SECRET" not in built.output


def test_errors_in_several_files_are_all_reported_in_one_run(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    _many(sample)
    expected = [
        "content/charter/conflict-protocol.md:3:16: error: 'decision_rule': 'unanimity' is not "
        "allowed; use 'consensus', 'consent', 'supermajority' or 'majority' [schema]",
        "content/coalition.yml:4:10: error: 2026-02-30 is not a date that exists; write a real "
        "calendar date as YYYY-MM-DD [yaml]",
        "content/logic.yml:20:9: error: 'stable-home' is not a known condition id; did you mean "
        "'stable-homes'? [reference]",
        "content/partners/riders-alliance.md:3:1: error: unknown key 'isue'; did you mean 'issue'? "
        "(it is required; unknown keys are refused so a typo is never ignored) [schema]",
    ]
    checked = invoke("check", sample.root)
    assert (checked.exit_code, checked.output) == (1, "\n".join(expected + ["content: 4 errors"]) + "\n")
    built = invoke("build", sample.root)
    assert (built.exit_code, built.output) == (1, "\n".join(["error: the charter has 4 errors:"] + expected) + "\n")
    assert not (sample.root / "site").exists()


def test_fewer_than_two_partners(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    _one_partner(sample)
    needs_two = ("content/partners/:1:1: error: a coalition needs at least 2 partners, found 1; add a "
                 "file partners/<partner-id>.md for each partner organization [file]")
    checked = invoke("check", sample.root)
    assert checked.exit_code == 1
    assert needs_two in checked.output.splitlines()
    built = invoke("build", sample.root)
    assert built.exit_code == 1 and needs_two in built.output.splitlines()
    assert not (sample.root / "site").exists()


def test_a_failed_build_leaves_the_previous_site_alone(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    (sample.root / "site").mkdir()
    (sample.root / "site" / "index.html").write_text("yesterday's site")
    sample.edit("coalition.yml", "tagline:", "name: Again\ntagline:")
    assert invoke("build", sample.root).exit_code == 1
    assert (sample.root / "site" / "index.html").read_text() == "yesterday's site"


def test_strict_build_with_warnings_writes_no_site(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    built = invoke("build", "--strict", sample.root, SOURCE_DATE_EPOCH="1800000000")
    assert built.exit_code == 1
    assert built.output.startswith("error: the charter has 1 warning:\ncontent/reviews/2026-11-11.md:2:7: warning:")
    assert not (sample.root / "site").exists()


@pytest.mark.parametrize("case", [c for c in CASES if c.id in ("alias-bomb", "symlink-to-etc-passwd", "not-utf8")],
                         ids=lambda c: c.id)
def test_the_installed_command_fails_the_same_way(tmp_path, case):
    sample = Sample.copy(tmp_path / "project")
    case.change(sample)
    started = time.perf_counter()
    built = run("build", cwd=sample.root)
    assert time.perf_counter() - started < 30
    assert (built.returncode, built.stdout) == (1, "")
    assert built.stderr == "\n".join(["error: the charter has 1 error:"] + case.expected) + "\n"
    assert not (sample.root / "site").exists()
