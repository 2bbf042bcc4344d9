"""Sanitising HTML rendered from partners' Markdown, with nh3 (the Ammonia sanitiser).

The allowlist (``markup/allowlist.py``) keeps what Python-Markdown and Material's extensions
produce and drops the rest: scripts and their text, iframes, forms, event handlers, inline
styles (but a table cell's ``text-align``), comments, and every URL scheme but http, https,
mailto and tel (so ``javascript:`` and ``data:``). Inline SVG is dropped too (it can carry scripts), and with
it Material's ``:material-...:`` icons; emoji still render as images.
Trusted, post-processed fragments (diagrams, charts) are inserted after this step, never before.
"""

from __future__ import annotations

import re

import nh3

from ..markup.allowlist import (ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ATTRIBUTE_VALUES, STYLE_PROPERTIES,
                                URL_SCHEMES)

# nh3 drops a `type` outside ATTRIBUTE_VALUES but keeps the element, which is then a text field.
_UNTYPED_INPUT = re.compile(r"<input\b(?![^>]*\btype=)[^>]*>")


def sanitize_html(html: str) -> str:
    """Partner-written HTML with everything active or off-allowlist removed."""
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values=ATTRIBUTE_VALUES,
        filter_style_properties=STYLE_PROPERTIES,
        url_schemes=URL_SCHEMES,
        # rel is set by nh3 on every link; noopener keeps a linked page from reaching back.
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _UNTYPED_INPUT.sub("", clean)
