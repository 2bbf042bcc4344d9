"""The site's name in Material's header, with the coalition's short name beside it for phones.

A phone's header has room for about twenty characters: "Mon Valley Just Transition Coalition"
is cut to "Mon Valley Just Tra…". The charter's ``short_name`` (``MVJTC``) is written next to the
full name, and the stylesheet shows one or the other by the screen's width (coalition.css);
screen readers always read the full name. Material's header is kept as it renders, not copied:
only the site's name in it is wrapped, so a new Material release changes nothing else, and
markup this does not recognise is left as it is.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_SITE_NAME = re.compile(r'(<div class="md-header__topic">\s*<span class="md-ellipsis">)\s*(.*?)\s*(</span>)', re.S)


def with_short_name(header: str, short_name: str | None) -> Markup:
    """Material's rendered ``header`` with ``short_name`` beside the site's name (the first
    topic of the header's title); as it is without a short name."""
    if not short_name:
        return Markup(header)

    def both(match: re.Match) -> str:
        opening, name, closing = match.groups()
        return (f'{opening}<span class="cs-name-long">{name}</span>'
                f'<span class="cs-name-short" aria-hidden="true">{escape(short_name)}</span>{closing}')

    return Markup(_SITE_NAME.sub(both, header, count=1))
