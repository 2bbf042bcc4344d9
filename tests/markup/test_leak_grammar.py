"""The grammar of ``tests/leak_grammar.py`` checked on its own, with plain Python-Markdown (the
usual extensions and MkDocs' fenced_code, nothing of ours): each block it writes is an internal
block to Markdown, each near miss is public text to it, and the text around the blocks shows no
canary. A failure here is the grammar's, not the reader's: the property tests rely on it.
"""

from __future__ import annotations

import json

import markdown
from hypothesis import given, note

from coalition_site.markup import USUAL_EXTENSIONS
from leak_grammar import bodies, for_the_time_given, property_settings
from support import parse_html


def _plain_markdown() -> markdown.Markdown:
    names, configs = [], {}
    for extension in USUAL_EXTENSIONS:
        name, config = (extension, None) if isinstance(extension, str) else extension
        names.append(name)
        if config:
            configs[name] = config
    return markdown.Markdown(extensions=[*names, "fenced_code"], extension_configs=configs)


def _everything(node) -> str:
    """The text and attribute values of ``node`` and of all inside it."""
    out = [value or "" for value in node.attrs.values()]
    for child in node.children:
        out.append(child if isinstance(child, str) else _everything(child))
    return " ".join(out)


def _shown_by(html: str, css_class: str) -> str:
    """What the elements of that class show (``internal``: the internal blocks)."""
    return " ".join(_everything(node) for node in parse_html(html).iter() if css_class in node.classes)


@for_the_time_given(share=0.5)
@given(body=bodies())
@property_settings(400)
def test_blocks_are_internal_blocks_to_markdown(body):
    """Every canary of a block is inside an internal block (or in the footnotes, where footnotes
    are shown); no canary of a near miss is (Markdown reads it as public text, or code)."""
    note(body.explain())
    html = _plain_markdown().convert(body.text)
    internal, footnotes = _shown_by(html, "internal"), _shown_by(html, "footnote")
    missing = [str(c) for block in body.blocks if block.well_formed for c in block.canaries
               if c.value not in internal + footnotes]
    assert not missing, f"not inside an internal block to Markdown: {missing}\n{html}"
    inside = [str(c) for block in body.blocks if not block.well_formed for c in block.canaries
              if c.value in internal]
    assert not inside, f"a near miss is an internal block to Markdown: {inside}\n{html}"


@for_the_time_given(share=0.5)
@given(body=bodies())
@property_settings(400)
def test_public_text_shows_no_canary(body):
    """The body without its blocks shows no canary, nor has one in its table of contents: what
    is around the blocks is public and carries none."""
    note(body.explain())
    md = _plain_markdown()
    shown = md.convert(body.public_text) + json.dumps(md.toc_tokens)
    leaked = [str(c) for block in body.blocks if block.well_formed for c in block.canaries
              if c.value in shown]
    assert not leaked, f"public text shows: {leaked}\npublic text:\n{body.public_text}"
