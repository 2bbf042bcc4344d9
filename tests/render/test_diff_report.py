"""The diff report as a terminal and a pull request would show it, with hostile charter text."""

from __future__ import annotations

import datetime as dt

from coalition_site.analysis.diff import (Added, CharterDiff, EndorsementChanged, Id, Reworded,
                                          StaleEndorsement)
from coalition_site.render.diff_report import render_markdown, render_text
from coalition_site.render.inert import escape_markdown

HOSTILE = "Win \x1b[31mnow\x1b[0m <img src=x onerror=alert(1)> [click](https://evil.example) @everyone **loud** `code`"


def report(*changes) -> CharterDiff:
    return CharterDiff("1.0.0", "1.1.0", list(changes))


def test_text_drops_control_characters_so_a_terminal_is_never_repainted():
    text = render_text(report(Added("joint-demand", ("ask ", Id("x")), HOSTILE)), "v1.0.0 (abc1234)", None)
    assert "\x1b" not in text
    assert text.splitlines()[3] == (
        '  + ask \'x\' added: "Win [31mnow[0m <img src=x onerror=alert(1)> [click](https://evil.example) '
        '@everyone **loud** `code`"')


def test_markdown_keeps_charter_text_inert():
    lines = render_markdown(report(Added("joint-demand", ("ask ", Id("x")), HOSTILE)), "v1.0.0", None).splitlines()
    assert lines[4] == (
        "- Ask `x` added: “Win \\[31mnow\\[0m &lt;img src=x onerror=alert(1)&gt; \\[click\\](https:\u2060//evil.example) "
        "@\u2060everyone \\*\\*loud\\*\\* \\`code\\`”")


def test_a_rewording_goes_into_a_fence_longer_than_any_backticks_in_it():
    change = Reworded("joint-demand", ("ask ", Id("x")), "old ```` text", "new @team text")
    lines = render_markdown(report(change), "v1.0.0", "v1.1.0").splitlines()
    assert lines[0] == "### Charter changes from `v1.0.0` to `v1.1.0`"
    assert lines[4:9] == ["- Ask `x` reworded", "  `````diff", "  - old ```` text", "  + new @\u2060team text", "  `````"]


def test_long_quotes_are_shown_whole():
    # Nothing is summarised away: a reviewer approves what the report shows.
    text = render_text(report(Added("joint-demand", ("ask ", Id("x")), "word " * 100 + "end")), "a", "b")
    assert text.splitlines()[3] == "  + ask 'x' added: \"" + "word " * 100 + "end\""


def test_endorsements_to_renew_are_a_checklist_and_counted_apart():
    stale = StaleEndorsement("renew", "joint-demand", "usw-1219", "USW Local 1219", dt.date(2026, 2, 10), "1.2.0", "1.3.0")
    renewed = EndorsementChanged("endorsements", "joint-demand", "breathe", "Breathe", dt.date(2026, 2, 11), None)
    lines = render_markdown(report(renewed, stale), "main", None).splitlines()
    assert lines[2:] == [
        "#### Endorsements", "",
        "- **Breathe**'s endorsement of the joint demand (2026-02-11) was removed", "",
        "#### Endorsements to renew", "",
        "- [ ] **USW Local 1219** endorsed the joint demand on 2026-02-10, for version 1.2.0; ask "
        "for its endorsement of version 1.3.0 and write the new date", "",
        "_1 change; 1 endorsement to renew or version to raise._"]
    assert render_text(report(renewed), "main", None).splitlines()[3] == (
        "  - Breathe's endorsement of the joint demand (2026-02-11) was removed")


def test_no_changes():
    assert render_text(report(), "v1.0.0", None) == "No charter changes from v1.0.0 to the working tree."
    assert render_markdown(report(), "v1.0.0", "HEAD") == "No charter changes from `v1.0.0` to `HEAD`."


def test_escape_markdown_leaves_plain_words_alone():
    assert escape_markdown("Clean air, union jobs: won together.") == "Clean air, union jobs: won together."
