"""Partner-written HTML keeps its structure and loses everything active."""

from __future__ import annotations

import pytest

from coalition_site.render.sanitize import sanitize_html


@pytest.mark.parametrize("html, expected", [
    ("<script>alert(1)</script><p>ok</p>", "<p>ok</p>"),
    ('<img src="x.png" onerror="alert(1)">', '<img src="x.png">'),
    ('<p style="color:red" onclick="x()">t</p>', "<p>t</p>"),
    ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
    ('<img src="data:image/png;base64,AA">', "<img>"),
    ("<iframe src=https://example.org></iframe>", ""),
    ("<form><input name=a></form>", ""),
    ("<svg><script>1</script></svg>", ""),
    ("<object data=x></object><embed src=x><style>p{}</style><base href=x>", ""),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', ""),
    ("<!-- a comment -->", ""),
])
def test_active_content_is_removed(html, expected):
    assert sanitize_html(html) == expected


@pytest.mark.parametrize("html", [
    '<div class="admonition note"><p class="admonition-title">Note</p><p>Text</p></div>',
    '<details class="tip" open=""><summary>More</summary><p>Text</p></details>',
    '<table><thead><tr><th align="left">a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
    '<pre><code class="language-yaml">a: 1</code></pre>',
    '<ol start="3"><li>three</li></ol>',
    '<p><em>a</em> <strong>b</strong> <del>c</del> <sup id="fnref:1">1</sup></p>',
])
def test_what_markdown_produces_is_kept(html):
    assert sanitize_html(html) == html


def test_links_keep_safe_addresses_and_gain_noopener():
    assert sanitize_html('<a href="https://example.org">e</a> <a href="mailto:a@example.org">m</a> '
                         '<a href="../partners/a/">p</a>') == (
        '<a href="https://example.org" rel="noopener noreferrer">e</a> '
        '<a href="mailto:a@example.org" rel="noopener noreferrer">m</a> '
        '<a href="../partners/a/" rel="noopener noreferrer">p</a>')


def test_heading_permalinks_survive():
    html = '<h2 id="why">Why<a class="headerlink" href="#why" title="Permanent link">&para;</a></h2>'
    assert sanitize_html(html) == (
        '<h2 id="why">Why<a class="headerlink" href="#why" title="Permanent link" '
        'rel="noopener noreferrer">¶</a></h2>')
