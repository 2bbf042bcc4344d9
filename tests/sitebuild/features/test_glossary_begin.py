"""A large build's glossary links, begun in the workers while pages render: the same pages as
linking them at the end, and no copy of any page left behind in the build's memory."""

from __future__ import annotations

import pickle
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_site.render.term_links import term_edits
from coalition_site.sitebuild.features.glossary import _edits
from support import build_of, link

# Not all ASCII, as every real page is (a dash, an accent), and a lone surrogate.
PAGE = "<p>The steward — our joint demand, é, and signs of life \ud800 of a tension.</p>" * 400


class _PickledWorkers:
    """Workers as a build's: each batch pickled on its way, as the pool pickles it."""

    started = True

    def __init__(self):
        self.sent: list[bytes] = []

    def submit(self, function, items):
        payload = pickle.dumps((function, list(items)))  # what the pool's feeder thread does
        self.sent.append(payload)
        function, items = pickle.loads(payload)
        results = [function(item) for item in items]
        return lambda: results

    def map(self, function, items):
        return [function(item) for item in items]


def test_begun_pages_are_linked_as_at_the_end_and_leave_no_copy_in_the_page(sample):
    build = build_of(sample, "internal")
    build.workers = _PickledWorkers()
    uris = ["partners/tenants-union.md", "charter/joint-demand.md", "glossary.md"]
    pages = [(uri, PAGE + f"<p>{uri}</p>", link) for uri in uris]
    sizes = [sys.getsizeof(html) for _, html, _ in pages]
    expected = build_of(sample, "internal").finish_pages(pages)  # nothing begun: linked here

    build.begin_finishing(pages)
    assert build.workers.sent  # the pages went to the "workers"
    # Pickling a str that is not all ASCII stores its UTF-8 copy inside it for as long as it
    # lives (MkDocs keeps every page's text): the pages are sent as bytes instead.
    assert [sys.getsizeof(html) for _, html, _ in pages] == sizes
    assert build.finish_pages(pages) == expected
    assert 'href="/glossary/#steward"' in expected[0]  # linked


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=200),
       st.sampled_from(["the steward", "The Joint Demand", "ritual", "replant"]))
def test_edits_found_in_the_utf8_sent_are_those_of_the_text(text, term):
    page = f"<p>{text} {term} {text}</p>"
    sent = (page.encode("utf-8", "surrogatepass"), "../glossary/")
    assert _edits(sent) == term_edits(page, "../glossary/")
    assert _edits((sent[0], None)) == []
