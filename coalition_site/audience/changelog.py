"""The charter's changes as an audience may see them: everything for the partners, and for the
public (a public changelog) only what the public site shows before and after.

Both charters are filtered with :func:`.filter.for_audience` before they are compared, so that
internal files, internal tensions and internal-by-nature fields (``representatives``) are never
in the comparison at all; the prose is compared as its public rendering shows it (Markdown's own
parser drops internal blocks; see :mod:`coalition_site.analysis.diff`); an attachment counts only
when the public site publishes it (:func:`.attachments.internal_only_assets` keeps out those only
internal content uses, and those no build publishes). As a last guard, a change marked internal is dropped.
"""

from __future__ import annotations

from typing import Mapping

from ..analysis.diff import CharterDiff, diff_charters
from ..load.assets import is_published_asset
from ..markup import MarkupReader
from ..model import Audience, Charter
from .attachments import documents, internal_only_assets
from .filter import for_audience


def diff_for_audience(old: Charter, new: Charter, audience: Audience, *,
                      reader: MarkupReader | None = None,
                      old_files: Mapping[str, str] | None = None,
                      new_files: Mapping[str, str] | None = None) -> CharterDiff:
    """What changed from ``old`` to ``new`` (charters as written), for ``audience``.

    ``old_files`` and ``new_files`` are each charter's attachments (``src_uri`` → a hash of
    the content).
    """
    reader = reader or MarkupReader()
    old_files, new_files = dict(old_files or {}), dict(new_files or {})
    if audience == "internal":
        return diff_charters(for_audience(old, "internal"), for_audience(new, "internal"),
                             reader=reader, old_files=old_files, new_files=new_files)
    old_public, new_public = for_audience(old, "public"), for_audience(new, "public")
    diff = diff_charters(old_public, new_public, reader=reader,
                         old_files=_published(old, old_public, old_files, reader),
                         new_files=_published(new, new_public, new_files, reader))
    diff.changes = [change for change in diff.changes if not change.internal]
    return diff


def _published(charter: Charter, public: Charter, files: dict[str, str],
               reader: MarkupReader) -> dict[str, str]:
    """The attachments a public build of ``charter`` publishes: not those that only internal
    content shows, nor those no build publishes (other YAML files, scripts ...)."""
    pages = [item.src_uri for item in documents(public) if item.visibility == "public"]
    hidden = internal_only_assets(charter, pages, reader)
    return {path: digest for path, digest in files.items()
            if path not in hidden and is_published_asset(path)}
