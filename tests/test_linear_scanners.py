"""Every scanner of coalition-site's own is linear in the size of a file.

A partner's page of 0.96 MB of `a](b) ` once took 47 s to build, 45 s of it in a link scanner of
the project's own (Python-Markdown took 0.2 s): a pull request could stall every build. Here each
scanner reads a pathological text of n and of 4n characters, in one run: a linear scanner takes
about 4 times as long on the larger one, a quadratic one 16 times. (Python-Markdown's own
behaviour is its own: benchmarks/pathological.py compares a whole build with it.)
"""

from __future__ import annotations

import time

import pytest

from coalition_site.audience.leaks import InternalValue, LeakScanner, normalise
from coalition_site.load.files import misplaced_front_matter, split_front_matter
from coalition_site.load.unsafe_markup import find_unsafe_markup
from coalition_site.markup import may_hold_markers, page_links, text_fragments
from coalition_site.render.inert import clean_line, escape_markdown
from coalition_site.render.excerpt import excerpt
from coalition_site.render.term_links import link_terms

UNITS = ["a](b) ", "`a ", "<a ", "[x]: y\n", "<!-- ", "\\", "![", "{ .", "&#", "!!!! ", "---\n",
         ": ", "http://", "<a href=\"", "](<", "[[[", "*[A]: ", "> ", "    ", "\n\n", "x=\"", "``` "]
SMALL = 40_000

SCANNERS = {
    "unsafe markup": lambda text: find_unsafe_markup(text, path="p.md"),
    "front matter": lambda text: misplaced_front_matter(split_front_matter(text), keys={"title"},
                                                        path="p.md"),
    "marker prefilter": may_hold_markers,
    "links of HTML": page_links,
    "text of HTML": text_fragments,
    "leak scan": lambda text: LeakScanner([InternalValue("a secret value of the board", "x")]).scan_text(text),
    "normalise": normalise,
    "diff report's Markdown": escape_markdown,
    "diff report's terminal lines": clean_line,
    "first paragraph of HTML": lambda text: excerpt(f"<p>{text}</p>", lambda url: url),
    "glossary links": lambda text: link_terms(text, "../glossary/"),
}


def _seconds(scan, text: str) -> float:
    """The CPU time of the scan, the best of three: other processes on a busy machine (CI's
    two cores running the suite in parallel) stretch the wall-clock time, not this."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        scan(text)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("name", list(SCANNERS))
def test_each_scanner_is_linear_on_every_pathological_text(name):
    scan = SCANNERS[name]
    slow = []
    for unit in UNITS:
        small = unit * (SMALL // len(unit))
        large = unit * (4 * SMALL // len(unit))
        base, grown = _seconds(scan, small), _seconds(scan, large)
        # 4x the text: linear is ~4x; allow for noise on tiny times, never 16x.
        if grown > 8 * base + 0.02:
            slow.append(f"{unit!r}: {base:.3f} s -> {grown:.3f} s")
    assert not slow, f"{name} grows faster than the text: " + "; ".join(slow)


# The glossary's links keep a stack of open elements: stray end tags and unclosed elements by the
# thousand are its pathological texts, and a page full of one term its busiest.
@pytest.mark.parametrize("unit", ["<b>", "</i>", "<i><b>", "<code>steward ", "steward ", "<p>ask</p>"])
def test_glossary_links_are_linear_on_deep_and_stray_elements(unit):
    small = unit * (SMALL // len(unit))
    large = unit * (4 * SMALL // len(unit))
    scan = SCANNERS["glossary links"]
    base, grown = _seconds(scan, small), _seconds(scan, large)
    assert grown <= 8 * base + 0.02, f"{unit!r}: {base:.3f} s -> {grown:.3f} s"
