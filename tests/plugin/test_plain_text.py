"""Charter text bound for MkDocs' and Material's templates, which do not escape it."""

from __future__ import annotations

import datetime as dt

from jinja2 import Environment
from markupsafe import Markup

from coalition_site.plugin.plain_text import plain_nav, plain_text, safe_meta

HOSTILE = '</title><script>alert("x")</script> & \'co\''


def test_plain_text_cannot_become_a_tag_even_through_striptags():
    text = plain_text(HOSTILE)
    assert text == "\u2039/title\u203a\u2039script\u203aalert(&quot;x&quot;)\u2039/script\u203a &amp; &#39;co&#39;"
    # Material prints some titles raw, some through `striptags` (which unescapes): neither
    # may produce a "<".
    env = Environment()  # MkDocs' theme environment: no autoescape
    for template in ("<title>{{ t }}</title>", "<title>{{ t | striptags }}</title>",
                     '<meta content="{{ t }}">'):
        rendered = env.from_string(template).render(t=text)
        assert "<script" not in rendered and rendered.count("<") == template.count("<")
    assert Markup(text).striptags() == "\u2039/title\u203a\u2039script\u203aalert(\"x\")\u2039/script\u203a & 'co'"


def test_safe_meta_makes_strings_plain_and_refuses_odd_tokens():
    meta = safe_meta({
        "title": "A <b>bold</b> title", "description": 'say "hi"', "hide": ["toc"],
        "tags": ["R&D"], "search": {"exclude": True}, "date": dt.date(2026, 1, 2),
        "icon": "material/flag", "template": "../../x.html", "status": 'new" onmouseover="x',
    })
    assert meta == {
        "title": "A \u2039b\u203abold\u2039/b\u203a title", "description": "say &quot;hi&quot;",
        "hide": ["toc"], "tags": ["R&amp;D"], "search": {"exclude": True}, "date": "2026-01-02",
        "icon": "material/flag",
    }


def test_plain_nav_escapes_titles_and_keeps_paths():
    nav = [{"Home": "index.md"}, {"A & <B>": [{"<i>x</i>": "partners/a-b.md"}, "plain.md"]}]
    assert plain_nav(nav) == [
        {"Home": "index.md"},
        {"A &amp; \u2039B\u203a": [{"\u2039i\u203ax\u2039/i\u203a": "partners/a-b.md"}, "plain.md"]},
    ]
