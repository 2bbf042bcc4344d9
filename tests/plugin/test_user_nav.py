"""A site's own nav, less the pages its audience may not see (titles included)."""

from __future__ import annotations

import pytest

from coalition_site.audience.nav_attachments import nav_links
from coalition_site.plugin.user_nav import filter_nav, nav_target


def test_entries_of_hidden_pages_go_and_empty_sections_with_them():
    nav = [
        {"Home": "index.md"},
        {"Board notes": "board-notes.md"},
        "board-notes.md",
        {"Again": "/board-notes.md#top"},
        {"Again, relatively": "./sub/../board-notes.md?x=1"},
        {"Reviews": [{"October": "reviews/2026-10-14.md"},
                     {"Closed": [{"November": "reviews/2026-11-11.md"}]}]},
        {"Website": "https://example.org/board-notes.md"},
    ]
    kept, dropped = filter_nav(nav, {"board-notes.md", "reviews/2026-11-11.md"})
    assert kept == [
        {"Home": "index.md"},
        {"Reviews": [{"October": "reviews/2026-10-14.md"}]},
        {"Website": "https://example.org/board-notes.md"},
    ]
    assert dropped == 6


def test_nav_targets_are_looked_up_as_mkdocs_does():
    assert nav_target("/partners/./a.md#x") == "partners/a.md"
    assert nav_target("https://example.org/a.md") is None
    assert nav_target("mailto:a@example.org") is None


NAV = [
    {"Home": "index.md"},
    "onboarding.md",
    {"Annual report (PDF)": "reports/annual.pdf"},
    {"Files": [{"Budget": "./files/../files/budget%202026.pdf#page=2"},
               {"Minutes": "files/minutes.pdf?download=1"},
               {"Deep": [{"Map": "images/map.png"}]}]},
    {"Website": "https://example.org/reports/secret.pdf"},
    {"Mail": "mailto:steward@example.org"},
    {"Elsewhere": "//example.org/other.pdf"},
    {"Outside": "../outside.pdf"},
    {"From the root": "/files/root.pdf"},
]


def test_nav_links_are_the_files_its_entries_point_at():
    assert nav_links(NAV) == {"index.md", "onboarding.md", "reports/annual.pdf", "files/budget 2026.pdf",
                              "files/minutes.pdf", "images/map.png"}


def test_a_nav_path_from_the_sites_root_is_a_file_only_when_mkdocs_looks_it_up_so():
    assert "files/root.pdf" not in nav_links(NAV)
    assert "files/root.pdf" in nav_links(NAV, root_relative=True)


@pytest.mark.parametrize("nav", [None, [], [{"Website": "https://example.org/"}]])
def test_no_nav_or_urls_only_link_to_no_file(nav):
    assert nav_links(nav) == set()
