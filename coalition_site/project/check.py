"""Checking a project: its charter, and what its mkdocs.yml does with it.

One check for both fronts: ``coalition-site check`` (and ``build``, before MkDocs starts) runs it
on the project as read from mkdocs.yml safely; the plugin runs it on the project as MkDocs loaded
it. Each then says the problems its own way.
"""

from __future__ import annotations

from ..audience.nav_attachments import listed_internal_attachments
from ..check import CheckResult, check_charter
from ..load.file_cache import ReadingCache
from ..markup import MarkupReader, site_extensions
from ..rules import apply_levels
from .config import Project
from .nav import RULE as NAV_RULE
from .nav import nav_attachment_problems
from .risky_extensions import RULE as RISKY_RULE
from .risky_extensions import risky_extension_problems
from .settings import Settings
from .site_name import RULE as SITE_NAME_RULE
from .site_name import site_name_problems
from .user_cache import user_cache_dir

MKDOCS_YML_RULES = (NAV_RULE, RISKY_RULE, SITE_NAME_RULE)
"""The ids of the problems found in mkdocs.yml rather than in the charter."""


def markup_reader(project: Project) -> MarkupReader:
    """Markdown as the project's site reads it: its own extensions, and those every site needs."""
    return MarkupReader(site_extensions(project.markdown_extensions), project.markdown_configs)


def reading_cache(project: Project) -> ReadingCache | None:
    """The files' readings of ``project``'s earlier checks (load/file_cache.py), kept in the
    user's private cache folder only: never in a ``cache_dir`` mkdocs.yml names, which a pull
    request could fill (an entry is a pickle). ``None`` when the user has no private folder."""
    folder = user_cache_dir()
    return ReadingCache(folder, str(project.docs_dir.resolve())) if folder is not None else None


def check_project(project: Project, settings: Settings, *, reader: MarkupReader | None = None,
                  reuse: CheckResult | None = None, cache: ReadingCache | None = None) -> CheckResult:
    """The charter's problems (:func:`~coalition_site.check.check_charter`), then those of
    mkdocs.yml: the plugin missing, an attachment its nav would publish although only internal
    content uses it, an extension or hook that lets a page read files or run code.

    ``reader`` reads the charter's Markdown (by default :func:`markup_reader`); ``reuse`` is a
    check made just before, as for :func:`~coalition_site.check.check_charter`. ``cache`` holds
    the files' readings (by default :func:`reading_cache`'s, saved after the check).
    """
    reader = reader or markup_reader(project)
    saved = cache is None
    if cache is None:
        cache = reading_cache(project)
    result = check_charter(project.docs_dir, project.root, today=settings.today, rules=settings.rules,
                           named_assets=project.named_assets, reader=reader, reuse=reuse, cache=cache)
    if saved and cache is not None:
        cache.save()
    if project.config_file is None:
        return result
    if project.plugin_problem is not None:
        result.problems.append(project.plugin_problem)
    if result.charter is not None and project.nav:
        listed = listed_internal_attachments(
            result.charter, project.nav, project.docs_dir, named=project.named_assets,
            links_root_relative=project.links_root_relative, nav_root_relative=project.nav_root_relative,
            reader=reader, readings=result.readings, public=result.public)
        result.problems += apply_levels(nav_attachment_problems(
            project.config_file, listed, nav_root_relative=project.nav_root_relative), settings.rules)
    if result.charter is not None and project.config is not None:
        result.problems += apply_levels(site_name_problems(
            project.config, result.charter.coalition.name, result.charter.coalition.short_name),
                                        settings.rules)
    hooks_at = project.config.where("hooks") if project.config is not None else None
    result.problems += apply_levels(risky_extension_problems(
        project.config_file, project.markdown_extensions, project.plugins, project.hooks, hooks_at),
        settings.rules)
    return result
