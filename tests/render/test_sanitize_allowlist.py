"""The sanitiser keeps what Material's Markdown produces and drops everything active.

Markdown is rendered with the extensions Material's documentation recommends, as a site's
mkdocs.yml would enable them, then sanitised; the assertions read the resulting HTML.
"""

from __future__ import annotations

import markdown
import pytest

from coalition_site.render.sanitize import sanitize_html

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
              "toc", "pymdownx.caret", "pymdownx.mark", "pymdownx.tilde", "pymdownx.details",
              "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys",
              "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist"]
CONFIG = {"toc": {"permalink": True},
          "pymdownx.highlight": {"anchor_linenums": True},
          "pymdownx.tabbed": {"alternate_style": True},
          "pymdownx.tasklist": {"custom_checkbox": True}}


def clean(text: str) -> str:
    return sanitize_html(markdown.markdown(text, extensions=EXTENSIONS, extension_configs=CONFIG))


# -- what Material's Markdown makes is kept ---------------------------------------------------
@pytest.mark.parametrize("source, expected", [
    ('!!! note "A note"\n    Body.', '<div class="admonition note">\n<p class="admonition-title">A note</p>\n<p>Body.</p>\n</div>'),
    ('??? tip "More"\n    Hidden.', '<details class="tip">\n<summary>More</summary>\n<p>Hidden.</p>\n</details>'),
    ("| L | C |\n|:--|:-:|\n| a | b |", '<td style="text-align:left">a</td>\n<td style="text-align:center">b</td>'),
    ("```python\nx = 1\n```", '<span class="n">x</span> <span class="o">=</span> <span class="mi">1</span>'),
    ("```python linenums=\"1\"\nx = 1\n```", '<a href="#__codelineno-0-1" rel="noopener noreferrer">1</a>'),
    ("Text[^1].\n\n[^1]: Note.", '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1" rel="noopener noreferrer">1</a></sup>'),
    ("Text[^1].\n\n[^1]: Note.", '<li id="fn:1">'),
    ("- [x] done", '<input type="checkbox" disabled="" checked=""><span class="task-list-indicator"></span>'),
    ('=== "One"\n    1\n\n=== "Two"\n    2', '<input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio">'),
    ('=== "One"\n    1\n\n=== "Two"\n    2', '<label for="__tabbed_1_1">One</label>'),
    ('=== "One"\n    1\n\n=== "Two"\n    2', '<div class="tabbed-set tabbed-alternate" data-tabs="1:2">'),
    ("## Part", '<h2 id="part">Part<a class="headerlink" href="#part" title="Permanent link" rel="noopener noreferrer">¶</a></h2>'),
    ("HTML here.\n\n*[HTML]: Hyper Text Markup Language", '<abbr title="Hyper Text Markup Language">HTML</abbr>'),
    ("![A map](map.png){ width=300 loading=lazy }", '<img alt="A map" loading="lazy" src="map.png" width="300">'),
    ('[Site](https://example.org "The site")', '<a href="https://example.org" title="The site" rel="noopener noreferrer">Site</a>'),
    ("[Mail](mailto:a@example.org)", '<a href="mailto:a@example.org" rel="noopener noreferrer">Mail</a>'),
    ("Term\n:   Meaning", "<dl>\n<dt>Term</dt>\n<dd>Meaning</dd>\n</dl>"),
    ("==mark== ^^ins^^ ~~del~~ H~2~O x^2^ ++ctrl+c++", '<mark>mark</mark> <ins>ins</ins> <del>del</del> H<sub>2</sub>O x<sup>2</sup> <span class="keys"><kbd class="key-control">Ctrl</kbd>'),
    ('<div class="grid" markdown>\n**bold**\n</div>', '<div class="grid">\n<p><strong>bold</strong></p>\n</div>'),
])
def test_material_markdown_survives(source, expected):
    assert expected in clean(source)


# -- what is active is dropped ----------------------------------------------------------------
@pytest.mark.parametrize("source, expected", [
    ("<script>alert(1)</script>Text", "Text"),
    ('<iframe src="https://evil.example/"></iframe>Text', "Text"),
    ('<img src="x.png" onerror="alert(1)">', '<img src="x.png">'),
    ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
    ('<a href="JaVaScRiPt&colon;alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
    ("[x](javascript:alert(1))", '<p><a rel="noopener noreferrer">x</a></p>'),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "<img>"),
    ('<p style="position:fixed;top:0">cover</p>', "<p>cover</p>"),
    ('<table><tr><td style="text-align:left;color:red;background:url(javascript:x)">a</td></tr></table>',
     '<td style="text-align:left">a</td>'),
    ('<input type="text" name="password"><input type="checkbox">', '<input type="checkbox">'),
    ('<input>', ""),
    ('<form action="https://evil.example/"><button>Go</button></form>', "Go"),
    ('<svg onload="alert(1)"><script>alert(2)</script><circle r="1"/></svg>x', "x"),
    ("<style>body{display:none}</style>Text", "Text"),
    ("Text <!-- a private remark --> more", "Text  more"),
    ('<object data="x.swf"></object><embed src="x.swf">x', "x"),
    ('<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">x', "x"),
    ("## Heading { onclick=\"alert(1)\" style=\"color:red\" }", '<h2 id="heading">Heading<a class="headerlink"'),
])
def test_active_content_is_dropped(source, expected):
    html = clean(source) if not source.startswith("<") else sanitize_html(source)
    assert expected in html
    for dangerous in ("<script", "alert(1)\"", "onerror", "onload", "onclick", "javascript:",
                      "data:", "<iframe", "<form", "<svg", "<style", "<!--", "<object", "<embed",
                      "<base", "<meta", "position:fixed", "color:red", 'type="text"'):
        assert dangerous not in html, dangerous
