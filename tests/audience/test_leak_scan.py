"""The internal values of a charter, and the scan that looks for them in a built site."""

from __future__ import annotations

import gzip
import json
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_site.audience.leaks import (InternalValue, Leak, LeakScanner, ScanAhead, internal_values,
                                           normalise, scan_site, site_words)
from coalition_site.markup import MarkupReader
from coalition_site.render.pages import TEMPLATES_DIR
from coalition_site.load.charter import load_charter

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"


@pytest.fixture(scope="module")
def charter():
    result = load_charter(MINIMAL / "content", MINIMAL)
    assert result.charter is not None
    return result.charter


@pytest.fixture
def editable(tmp_path):
    """A copy of the minimal project; ``edit`` then ``charter()`` to load it."""
    shutil.copytree(MINIMAL, tmp_path / "project")
    root = tmp_path / "project"

    class Project:
        def edit(self, src_uri, old, new):
            path = root / "content" / src_uri
            text = path.read_text(encoding="utf-8")
            assert text.count(old) == 1
            path.write_text(text.replace(old, new), encoding="utf-8")

        def charter(self):
            result = load_charter(root / "content", root)
            assert result.problems == [] and result.charter is not None
            return result.charter

    return Project()


def by_text(values):
    return {v.text: v.source for v in values}


# -- which values are internal ---------------------------------------------------------------
def test_the_minimal_charters_internal_values_and_their_sources(charter):
    assert by_text(internal_values(charter)) == {
        "reviews/2026-11-11/": "content/reviews/2026-11-11.md (an internal page)",
        "board-notes/": "content/board-notes.md (an internal page)",
        "Steward's private note": "content/charter/steward-mandate.md:14 (text)",
        "SECRET-STEWARD-NOTE the budget is short.": "content/charter/steward-mandate.md:15 (text)",
        "Ana Ruiz": "content/partners/tenants-union.md:9 (representatives.0.name)",
        "SECRET-EMAIL-ana@example.org": "content/partners/tenants-union.md:11 (representatives.0.email)",
        "anaruiz": "content/partners/tenants-union.md:12 (representatives.0.github)",
        "CONFIDENTIAL-TENSION-TEXT about a board member.": "content/logic.yml:29 (tensions.1.about)",
        "SECRET-REVIEW-NOTES the riders met the mayor alone.": "content/reviews/2026-11-11.md:12 (text)",
        "Board notes": "content/board-notes.md:2 (title)",
        "SECRET-PAGE-TEXT internal board notes.": "content/board-notes.md:5 (text)",
    }


def test_internal_pages_carry_the_file_that_must_not_be_built(charter):
    pages = {v.page for v in internal_values(charter) if v.page}
    assert pages == {"board-notes/index.html", "reviews/2026-11-11/index.html"}
    flat = {v.page for v in internal_values(charter, use_directory_urls=False) if v.page}
    assert flat == {"board-notes.html", "reviews/2026-11-11.html"}


def test_short_names_and_handles_match_whole_words_only(charter):
    values = {v.text: v for v in internal_values(charter)}
    assert values["Ana Ruiz"].whole_word and values["anaruiz"].whole_word
    assert not values["SECRET-EMAIL-ana@example.org"].whole_word


def test_a_value_the_public_also_sees_is_not_internal(editable):
    # The representative is also the public steward: her name is public, her email is not.
    editable.edit("partners/tenants-union.md", "name: Ana Ruiz", "name: Sam Okafor")
    values = by_text(internal_values(editable.charter()))
    assert "Sam Okafor" not in values
    assert "SECRET-EMAIL-ana@example.org" in values


def test_words_of_the_sites_own_text_are_not_internal(charter):
    values = by_text(internal_values(charter, public_texts=["Minutes: Board notes and more"]))
    assert "Board notes" not in values


def test_an_internal_note_quoting_the_sites_own_words_is_not_a_leak(editable):
    editable.edit("reviews/2026-11-11.md", "SECRET-REVIEW-NOTES the riders met the mayor alone.",
                  "Partners negotiate side deals; information stops flowing.\n"
                  "No decisions were recorded.")
    partials = sorted(TEMPLATES_DIR.glob("coalition/*.html"))
    texts = set(by_text(internal_values(editable.charter(), public_texts=site_words(partials))))
    assert not {"Partners negotiate side deals;", "No decisions were recorded."} & texts
    assert "Partners negotiate side deals;" in by_text(internal_values(editable.charter()))


def test_short_values_ids_and_one_word_names_are_left_out(editable):
    editable.edit("partners/tenants-union.md", "role: Organizer", "role: Treasurer")
    editable.edit("partners/tenants-union.md", "github: anaruiz", "github: ana")
    editable.edit("partners/tenants-union.md", "name: Ana Ruiz", "name: Ana")
    texts = set(by_text(internal_values(editable.charter())))
    assert not {"Treasurer", "ana", "Ana", "secret-tension", "open"} & texts


def test_a_whole_internal_charter_page_is_internal_and_not_built(editable):
    editable.edit("charter/joint-demand.md", "title: Our joint demand", "title: Our joint demand\nvisibility: internal")
    values = internal_values(editable.charter(), public_pages=["index.md"])
    texts = by_text(values)
    assert texts["Pair every new bus line with tenant protections along its route."] == \
        "content/charter/joint-demand.md:9 (asks.0.ask)"
    assert "charter/joint-demand/index.html" in {v.page for v in values}


def test_a_generated_page_at_an_internal_files_address_is_not_a_leak(editable, charter):
    values = internal_values(charter, public_pages=["index.md", "board-notes.md"])
    assert "board-notes/index.html" not in {v.page for v in values}


def test_an_attachment_only_internal_content_uses_must_not_be_copied(charter, tmp_path):
    values = internal_values(charter, internal_assets=["images/plan.png", "files/minutes.pdf"])
    attachments = {v.page: v for v in values if v.page and not v.page.endswith(".html")}
    assert {page: (v.text, v.source) for page, v in attachments.items()} == {
        # Its name is not looked for in the text of the site: only its copy is a leak.
        "images/plan.png": ("", "content/images/plan.png (an attachment only internal content uses)"),
        "files/minutes.pdf": ("", "content/files/minutes.pdf (an attachment only internal content uses)"),
    }
    site = write(tmp_path, {"images/plan.png": b"\x89PNG\r\n", "index.html": "<img src='images/plan.png'>"})
    assert {(leak.file, leak.source) for leak in scan_site(site, values)} == {
        ("images/plan.png", "content/images/plan.png (an attachment only internal content uses)")}
    assert not [v for v in internal_values(charter) if v.page and not v.page.endswith(".html")]


# -- prose as Markdown renders it for the partners -------------------------------------------
def test_an_internal_blocks_values_come_from_its_rendering_with_what_it_defines(editable):
    # The footnote and the reference are defined inside the block: its public rendering never
    # shows them, its internal one does (the footnote at the page's end), so both are values.
    editable.edit("onboarding.md", "one problem.", "one problem.\n\n!!! internal\n    The **valley plan** for [the mill][m] is "
                  "drafted.[^n]\n\n    [m]: https://example.org/mill-site-plan\n    [^n]: SECRET-FOOTNOTE "
                  "of the mill.\n")
    values = by_text(internal_values(editable.charter(), reader=MarkupReader()))
    assert values["The valley plan for the mill is drafted."].startswith("content/onboarding.md:")
    assert "https://example.org/mill-site-plan" in values
    assert "SECRET-FOOTNOTE of the mill." in values


def test_normalise_folds_case_space_quotes_and_dashes():
    assert normalise("  Don\u2019t\u00a0 \u201cstop\u201d \u2014 NOW\u2026 ") == "don't \"stop\" - now..."


# -- scanning files --------------------------------------------------------------------------
VALUES = [
    InternalValue("SECRET-EMAIL-ana@example.org", "partners/t.md:11 (representatives.0.email)"),
    InternalValue("The budget is short this month.", "charter/s.md:15 (text)"),
    InternalValue("Ana Ruiz", "partners/t.md:9 (representatives.0.name)", whole_word=True),
    InternalValue("board-notes/", "board-notes.md (an internal page)", page="board-notes/index.html"),
]


def write(site: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return site


def leaks(site: Path, **options) -> set[tuple[str, str]]:
    return {(leak.file, leak.source) for leak in scan_site(site, VALUES, **options)}


def test_a_value_is_found_through_tags_escaping_case_and_whitespace(tmp_path):
    site = write(tmp_path, {
        "a/index.html": "<p>the BUDGET <em>is</em>\n   short this month.</p>",
        "b/index.html": '<a href="mailto:SECRET-EMAIL-ana&#64;example.org">write</a>',
        "c/index.html": "<td>Ana Ruiz</td><td>Organizer</td>",
    })
    assert leaks(site) == {
        ("a/index.html", "charter/s.md:15 (text)"),
        ("b/index.html", "partners/t.md:11 (representatives.0.email)"),
        ("c/index.html", "partners/t.md:9 (representatives.0.name)"),
    }


@pytest.mark.parametrize("line", ["z" * 200_000, "ab" * 100_000])
def test_a_long_repetitive_line_is_looked_for_in_linear_time(editable, tmp_path, line):
    # Aho-Corasick's DFA, which the library picks for few values, compiles such a line in time
    # quadratic in its length: minutes for a 100 kB line in a partner's page.
    editable.edit("reviews/2026-11-11.md", "SECRET-REVIEW-NOTES the riders met the mayor alone.", line)
    started = time.perf_counter()
    values = internal_values(editable.charter())
    scanner = LeakScanner(values)
    found = scanner.scan_text(f"<p>x {line} y</p>")
    assert time.perf_counter() - started < 5
    assert line in {v.text for v in found}


def test_a_short_name_inside_a_longer_word_is_not_found(tmp_path):
    site = write(tmp_path, {"index.html": "<p>Dana Ruizova and Ana Ruiz-Ortiz</p>"})
    assert leaks(site) == set()


def test_json_gz_dotfiles_and_built_internal_pages_are_scanned(tmp_path):
    index = json.dumps({"docs": [{"text": "The budget is short this month.", "title": "SECRET-EMAIL-ana@example.org"}]},
                       ensure_ascii=True).replace("@", "\\u0040")
    site = write(tmp_path, {
        "search/search_index.json": index,
        "sitemap.xml.gz": gzip.compress(b"<loc>https://example.org/board-notes/</loc>"),
        ".hidden/notes.txt": "Ana Ruiz",
        "board-notes/index.html": "<p>nothing</p>",
    })
    assert leaks(site) == {
        ("search/search_index.json", "charter/s.md:15 (text)"),
        ("search/search_index.json", "partners/t.md:11 (representatives.0.email)"),
        ("sitemap.xml.gz", "board-notes.md (an internal page)"),
        (".hidden/notes.txt", "partners/t.md:9 (representatives.0.name)"),
        ("board-notes/index.html", "board-notes.md (an internal page)"),
    }


def test_files_identical_to_their_theme_source_are_skipped_and_changed_ones_are_not(tmp_path):
    theme = write(tmp_path / "theme", {"bundle.js": "var name='Ana Ruiz';"})
    site = write(tmp_path / "site", {"assets/bundle.js": "var name='Ana Ruiz';",
                                     "assets/other.js": "var name='Ana Ruiz';"})
    unchanged = {"assets/bundle.js": theme / "bundle.js"}
    assert leaks(site, unchanged=unchanged) == {
        ("assets/other.js", "partners/t.md:9 (representatives.0.name)")}
    (site / "assets" / "bundle.js").write_text("var name='Ana Ruiz'; // changed")
    assert ("assets/bundle.js", "partners/t.md:9 (representatives.0.name)") in \
        leaks(site, unchanged=unchanged)


def test_a_leak_prints_its_file_and_source_but_never_its_value():
    leak = Leak("404.html", "Ana Ruiz", "content/partners/t.md:9 (representatives.0.name)")
    assert str(leak) == "404.html: holds content/partners/t.md:9 (representatives.0.name)"


def test_a_scanner_with_nothing_to_find_finds_nothing(tmp_path):
    write(tmp_path, {"index.html": "<p>anything</p>"})
    assert scan_site(tmp_path, []) == []
    assert LeakScanner([]).scan_text("anything") == []


def test_an_internal_note_quoting_the_glossary_is_not_a_leak(editable):
    editable.edit("reviews/2026-11-11.md", "SECRET-REVIEW-NOTES the riders met the mayor alone.",
                  "The structure exists but doesn't circulate energy.")
    texts = set(by_text(internal_values(editable.charter(), public_texts=site_words())))
    assert "The structure exists but doesn't circulate energy." not in texts
    assert "The structure exists but doesn't circulate energy." in by_text(internal_values(editable.charter()))


SECRETS = [InternalValue("the board meets on thursdays", "content/a.md:3 (text)"),
           InternalValue("ana@example.org", "content/p.md:9 (representatives.0.email)"),
           InternalValue("Ana Ruiz", "content/p.md:8 (representatives.0.name)", whole_word=True)]
PIECES = ["<p>", "</p>", "The board meets on Thursdays", "ana@example.org", "Ana Ruiz", "Ana Ruizz",
          "&amp;", "é", "\u2019", " ", "\n", "\udc80", "<em>board</em> meets"]
page_texts = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)


def here(function, items):
    """A ``submit`` that does the work at once, in this process (as a worker would)."""
    done = [function(item) for item in items]
    return lambda: done


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages=st.lists(st.tuples(page_texts, st.none() | page_texts), min_size=1, max_size=8),
       batch=st.integers(1, 4))
def test_pages_scanned_ahead_are_scanned_again_unless_still_the_same(tmp_path_factory, pages, batch):
    # A page scanned as it was rendered and then changed on its way to the disk (another plugin,
    # a hook, a lone surrogate MkDocs writes as a character reference) is scanned as written.
    site = tmp_path_factory.mktemp("site")
    scanner = LeakScanner(SECRETS)
    ahead = ScanAhead(scanner, here, batch)
    for index, (rendered, written) in enumerate(pages):
        ahead.add(f"p{index}/index.html", rendered)
        (site / f"p{index}").mkdir()
        text = rendered if written is None else written
        (site / f"p{index}" / "index.html").write_bytes(text.encode("utf-8", errors="xmlcharrefreplace"))
    (site / "search.json").write_text(json.dumps({"docs": [{"text": "ana@example.org"}]}))
    assert scan_site(site, scanner, ahead=ahead) == scan_site(site, scanner)


def test_a_page_changed_after_its_scan_ahead_is_found_as_written(tmp_path):
    scanner = LeakScanner(SECRETS)
    ahead = ScanAhead(scanner, here, 2)
    for name in ("a", "b", "c"):
        ahead.add(f"{name}/index.html", "<p>Nothing internal.</p>")
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("<p>Nothing internal.</p>")
    (tmp_path / "b" / "index.html").write_text("<p>Nothing internal. Ana Ruiz</p>")
    assert [str(leak) for leak in scan_site(tmp_path, scanner, ahead=ahead)] == [
        "b/index.html: holds content/p.md:8 (representatives.0.name)"]


def test_pages_the_workers_did_not_scan_are_scanned_at_the_end(tmp_path):
    scanner = LeakScanner(SECRETS)
    ahead = ScanAhead(scanner, lambda function, items: lambda: None, 1)
    ahead.add("a/index.html", "<p>Ana Ruiz</p>")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>Ana Ruiz</p>")
    assert [leak.file for leak in scan_site(tmp_path, scanner, ahead=ahead)] == ["a/index.html"]


def test_files_not_scanned_ahead_are_read_once_by_the_scan_alone(tmp_path, monkeypatch):
    # The search index, the theme's scripts: checking them against what was scanned ahead would
    # read them twice (here, then by the scan in a worker).
    scanner = LeakScanner(SECRETS)
    ahead = ScanAhead(scanner, here, 1)
    ahead.add("a/index.html", "<p>Nothing internal.</p>")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>Nothing internal.</p>")
    (tmp_path / "search.json").write_text(json.dumps({"docs": [{"text": "ana@example.org"}]}))
    read: list[str] = []
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or read_bytes(self))
    scanned: list[str] = []
    leaks = scan_site(tmp_path, scanner, ahead=ahead,
                      map_files=lambda function, paths: scanned.extend(paths) or [function(p) for p in paths])
    assert [leak.file for leak in leaks] == ["search.json"]
    assert read.count("search.json") == 1 and [Path(p).name for p in scanned] == ["search.json"]
    assert "index.html" in read  # the page scanned ahead: read here, to compare, and not again
