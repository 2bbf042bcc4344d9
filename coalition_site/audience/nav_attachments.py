"""Attachments that a site's own ``nav:`` publishes although only internal content uses them.

An attachment (a PDF, an image) has no visibility of its own: a public build leaves out one that
only internal content links to (:func:`.attachments.internal_only_assets`). An
entry of ``mkdocs.yml``'s ``nav:`` links to its file from every page of the site, so the public
build publishes whatever file an entry names (:func:`nav_links`). A steward who lists the
board's budget there to save internal readers a click would publish it: ``check`` and every
build say so (``nav-publishes-attachment``, located in mkdocs.yml by ``project/nav.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Mapping

from ..load.assets import PUBLISHED_SUFFIXES
from ..markup import MarkupReader, Reading, resolve
from ..model import Charter
from ..render.plan import plan_site
from .attachments import internal_only_assets
from .filter import for_audience

def listed_internal_attachments(charter: Charter, nav, docs_dir: Path | str, *,
                                named: Iterable[str] = (), links_root_relative: bool = False,
                                nav_root_relative: bool = False, reader: MarkupReader | None = None,
                                readings: Mapping[str, Reading] | None = None,
                                public: Charter | None = None) -> list[str]:
    """The ``src_uri`` of each attachment that an entry of ``nav`` links to and that, but for
    that entry, only internal content uses. ``charter`` is the charter as written (both
    audiences'); ``named``: files mkdocs.yml names otherwise (published by the steward's choice);
    the two ``root_relative`` flags read ``/`` paths as MkDocs' ``validation`` settings say;
    ``reader`` and ``readings`` as for :func:`.attachments.internal_only_assets`; ``public`` is
    the charter filtered for the public, when it is at hand already."""
    docs = Path(docs_dir)
    listed = {uri for uri in nav_links(nav, root_relative=nav_root_relative)
              if Path(uri).suffix.lower() in PUBLISHED_SUFFIXES and uri not in set(named)
              and (docs / uri).is_file()}
    if not listed:  # the usual case: the nav lists pages only, and nothing more is computed
        return []
    public_pages = plan_site(public if public is not None else for_audience(charter, "public")).pages
    return sorted(listed & internal_only_assets(charter, public_pages, reader or MarkupReader(),
                                                root_relative=links_root_relative, readings=readings))


def nav_links(nav: list | None, *, root_relative: bool = False) -> set[str]:
    """The ``src_uri`` of every file of the content folder that an entry of ``nav`` links to.

    Resolved as a link in a page at the content folder's top (:func:`~coalition_site.markup.resolve`):
    a URL links to no file, nor does a path past the folder's top. ``root_relative``: an entry
    starting with ``/`` names a file of the content folder (MkDocs'
    ``validation.nav.absolute_links: relative_to_docs``); otherwise MkDocs leaves it as a link
    from the site's root, which is not counted (this side errs toward leaving a file out).
    """
    found = set()
    for path in _paths(nav or []):
        target = resolve(path, "index.md", root_relative=root_relative)
        if target is not None:
            found.add(target)
    return found


def _paths(items) -> Iterator[str]:
    if isinstance(items, str):
        yield items
    elif isinstance(items, dict):
        for target in items.values():
            yield from _paths(target)
    elif isinstance(items, list):
        for item in items:
            yield from _paths(item)
