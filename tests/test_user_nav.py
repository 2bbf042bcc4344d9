"""A site's own nav, less the pages its audience may not see (titles included)."""

from __future__ import annotations

from coalition_site.render.user_nav import filter_nav, nav_target


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
