"""Which attachments of the content folder only internal content uses.

An attachment (an image, a PDF ...) has no front matter, so no visibility of its own: what makes
one internal is what uses it. An image that only an internal page, an internal review or an
``!!! internal`` block shows must stay out of the public site, or anyone could fetch it at its
address. Both sides are read from Markdown's own rendering (:mod:`coalition_site.markup`), never
from a second reading of the text:

- internal content *uses* a file when the internal rendering of an internal file links to it or
  shows it, or when the internal rendering of a public file does and its public rendering does
  not (the file's internal blocks use it);
- a public page *shows* a file when its public rendering links to it. The MkDocs plugin takes
  these links from the pages as MkDocs rendered them; ``check``, which builds nothing, renders
  the public pages with the same reader.

A file that nothing links to is not internal: files are public unless they say otherwise, and
an attachment cannot say (a site's own templates may use it, too). The charter's data files
(``coalition.yml``, ``logic.yml``) and front matter are shown as plain text, never as links, so
they link to nothing.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Mapping

from ..markup import MarkupReader, Reading, page_links, resolve
from ..model import Charter


def internal_uses(charter: Charter, public_pages: Iterable[str], reader: MarkupReader, *,
                  readings: Mapping[str, Reading] | None = None) -> set[str]:
    """The ``src_uri`` of every file that internal content links to or shows.

    ``charter`` is the charter as written (not filtered for an audience); ``public_pages`` the
    ``src_uri`` of the pages the public site builds; ``readings`` the internal readings that
    ``check`` already made, by ``src_uri`` (the others are read now). A link from the site's
    root (``/images/map.png``) counts as the content folder's file: on this side, counting too
    much only keeps a file out.
    """
    public_pages = set(public_pages)
    used: set[str] = set()
    for item in documents(charter):
        internal = internal_reading(item, reader, readings, rendered=item.src_uri not in public_pages)
        if item.src_uri not in public_pages:
            used |= _targets(rendered_html(internal), item.src_uri, root_relative=True)
        elif internal.internal_blocks:
            internal = internal_reading(item, reader, readings)
            public = reader.read(item.body, audience="public")
            used |= _targets(rendered_html(internal), item.src_uri, root_relative=True) - \
                _targets(rendered_html(public), item.src_uri, root_relative=True)
    return used


def shown_by_public_pages(charter: Charter, public_pages: Iterable[str], reader: MarkupReader, *,
                          root_relative: bool = False) -> set[str]:
    """The ``src_uri`` of every file a public page of the charter links to or shows, read the
    way the public build renders it. ``root_relative``: a link starting with ``/`` points into
    the content folder (MkDocs' ``validation.links.absolute_links: relative_to_docs``)."""
    public_pages = set(public_pages)
    shown: set[str] = set()
    for item in documents(charter):
        if item.src_uri in public_pages:
            html = rendered_html(reader.read(item.body, audience="public"))
            shown |= _targets(html, item.src_uri, root_relative=root_relative)
    return shown


def internal_only_assets(charter: Charter, public_pages: Iterable[str], reader: MarkupReader, *,
                         root_relative: bool = False, also_shown: Iterable[str] = (),
                         readings: Mapping[str, Reading] | None = None) -> set[str]:
    """The files that internal content uses and no public page shows (nor ``also_shown``: the
    files a site's own nav links to, as the public build keeps it). Targets are not checked
    to exist: the caller keeps those that are its attachments."""
    used = internal_uses(charter, public_pages, reader, readings=readings)
    if not used:
        return set()
    return used - set(also_shown) - shown_by_public_pages(charter, public_pages, reader,
                                                          root_relative=root_relative)


def internal_reading(item, reader: MarkupReader, readings: Mapping[str, Reading] | None, *,
                     rendered: bool = True) -> Reading:
    """The internal reading of a charter file's body: ``check``'s, or made now. ``rendered``:
    its HTML is needed (else a reading that only counts the body's internal blocks will do)."""
    found = readings.get(item.src_uri) if readings else None
    if found is None or (rendered and found.html is None):
        return reader.read(item.body, audience="internal")
    return found


def documents(charter: Charter) -> Iterator:
    """Every charter file with a Markdown body."""
    yield from charter.charter_pages
    yield from charter.partners.values()
    yield from charter.reviews
    yield from charter.pages.values()


def rendered_html(reading: Reading) -> str:
    """The HTML of a reading that was rendered: every :meth:`MarkupReader.read`, and every
    :func:`internal_reading` asked for a rendered one."""
    assert reading.html is not None
    return reading.html


def _targets(html: str, src_uri: str, *, root_relative: bool) -> set[str]:
    found = set()
    for url in page_links(html):
        target = resolve(url, src_uri, root_relative=root_relative)
        if target is not None:
            found.add(target)
    return found
