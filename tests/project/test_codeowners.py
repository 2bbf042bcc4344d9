"""CODEOWNERS from the charter: handles and paths are untrusted, and can never add a line."""

from __future__ import annotations

import re
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from coalition_site.project.github.codeowners import GITHUB_LOGIN, codeowners, pattern


def _partner(pid: str, handles: list[str | None], status: str = "active"):
    return SimpleNamespace(id=pid, status=status, is_active=status == "active",
                           representatives=[SimpleNamespace(github=h) for h in handles])


def _charter(*partners):
    return SimpleNamespace(partners={p.id: p for p in partners})


def _rules(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_each_partner_owns_its_file_and_every_active_partner_the_shared_ones():
    body, notes = codeowners(_charter(
        _partner("tenants", ["ana", "Bo-2"]), _partner("riders", ["cy"]),
        _partner("parks", ["dee"], status="stepped-back"), _partner("gone", ["eve"], status="departed"),
        _partner("quiet", [None])), "content")
    assert _rules(body) == [
        "/content/coalition.yml @cy @ana @Bo-2",
        "/content/logic.yml @cy @ana @Bo-2",
        "/content/charter/ @cy @ana @Bo-2",
        "/content/reviews/ @cy @ana @Bo-2",
        "/mkdocs.yml @cy @ana @Bo-2",
        "/.github/ @cy @ana @Bo-2",
        "/content/partners/gone.md @cy @ana @Bo-2",
        "/content/partners/parks.md @dee",
        "/content/partners/riders.md @cy",
        "/content/partners/tenants.md @ana @Bo-2",
    ]
    assert "# Partner 'quiet': no representative has a `github:` user name" in body
    assert "ANY ONE of them" in body and "write access" in body and "coalition-site consent" in body
    assert "this repository is private" in body
    assert notes == []


def test_a_handle_that_is_no_github_user_name_is_left_out_with_a_note():
    body, notes = codeowners(_charter(_partner("tenants", ["ana", "bad--name", "x-"])), "content")
    assert "/content/partners/tenants.md @ana" in _rules(body)
    assert notes == ["CODEOWNERS leaves out a representative of 'tenants': their `github:` is not a "
                     "GitHub user name (letters, digits and single hyphens, at most 39)"] * 2


def test_paths_with_spaces_are_escaped_and_unsayable_ones_left_out():
    assert pattern("my content/partners/a.md") == "/my\\ content/partners/a.md"
    assert pattern("content/charter/") == "/content/charter/"
    for unsayable in ("con[tent]/a.md", "#content/a.md", "a\nb/c.md", "a/*/b", "../x", "a!b"):
        assert pattern(unsayable) is None, unsayable
    body, notes = codeowners(_charter(_partner("tenants", ["ana"])), "con[tent]")
    assert _rules(body) == ["/mkdocs.yml @ana", "/.github/ @ana"]
    assert notes[0] == ("CODEOWNERS leaves out 'con[tent]/coalition.yml': its name holds a character "
                        "CODEOWNERS cannot say (only letters, digits, '.', '_', '-' and spaces can be)")


anything = st.text(max_size=45) | st.sampled_from(
    ["a\n* @attacker", "ana @attacker", "ana\r\n/ @x", "#x", "@org/team", "a" * 40, "ok-name"])


@given(st.lists(st.tuples(anything, st.lists(anything | st.none(), max_size=3),
                          st.sampled_from(["active", "stepped-back", "departed"])), max_size=4),
       anything)
def test_no_charter_value_adds_a_line_a_pattern_or_an_owner(partners, docs_path):
    charter = _charter(*(_partner(pid, handles, status) for pid, handles, status in partners))
    body, _ = codeowners(charter, docs_path)
    partner_ids = {pid for pid, _, _ in partners if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", pid)}
    allowed = {pattern(f"{docs_path}/{p}") for p in ("coalition.yml", "logic.yml", "charter/", "reviews/")}
    allowed |= {"/mkdocs.yml", "/.github/"} | {pattern(f"{docs_path}/partners/{p}.md") for p in partner_ids}
    handles = {h for _, hs, _ in partners for h in hs if h is not None and GITHUB_LOGIN.match(h)}
    for line in body.splitlines():
        assert line.isprintable(), line
        if not line or line.startswith("#"):
            continue
        written, *owners = re.split(r"(?<!\\) ", line)
        assert written in allowed
        assert owners and all(o.startswith("@") and o[1:] in handles for o in owners), line
