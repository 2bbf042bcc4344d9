"""What marks every page of the internal site as internal: a banner readers see, and a
``robots`` meta tag that keeps search engines from indexing a copy that escaped.

The marks are added to each page's finished HTML rather than through a theme block, so that
they hold whatever templates the site overrides (its ``custom_dir`` comes before ours, and a
``main.html`` of its own would otherwise silently drop them).
"""

from __future__ import annotations

import re

ROBOTS_META = '<meta name="robots" content="noindex, nofollow">'
BANNER_CLASS = "cs-internal-banner"
BANNER = (
    f'<div class="{BANNER_CLASS}" role="note"><strong>Internal</strong> &mdash; for the '
    "coalition's partners only. Do not forward, quote or publish.</div>"
)
# Inline, so that the banner shows even where a site replaced our stylesheet; the colours keep
# a contrast above 7:1 in the light and dark schemes alike.
_STYLE = (
    f"<style>.{BANNER_CLASS}{{background:#8b0000;color:#fff;text-align:center;"
    "font:600 .8rem/1.6 var(--md-text-font-family,sans-serif);padding:.3rem 1rem;"
    "letter-spacing:.02em}</style>"
)
ROBOTS_TXT = "# The internal site of the coalition: not for search engines.\nUser-agent: *\nDisallow: /\n"

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_BODY_START = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def mark_internal(html: str) -> str:
    """``html`` (a whole page) with the robots meta tag in its head and the banner atop its
    body; unchanged when it is not a page (no ``<head>``/``<body>``) or already marked."""
    if ROBOTS_META in html:
        return html
    head = _HEAD_END.search(html)
    body = _BODY_START.search(html)
    if head is None or body is None or body.start() < head.start():
        return html
    return (html[:head.start()] + ROBOTS_META + _STYLE + html[head.start():body.end()]
            + BANNER + html[body.end():])
