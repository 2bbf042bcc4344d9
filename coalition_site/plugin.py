"""The MkDocs plugin ``coalition``: a thin adapter from MkDocs events to the core library.

on_config  check the charter (stop on errors), filter it for the audience, plan the site
on_files   drop the charter's data files and hidden pages, add generated pages and styles
on_page_*  give each page its filtered Markdown, then its partial rendered around the HTML
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from markupsafe import escape
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from .audience import AUDIENCES, for_audience
from .check import check_charter
from .clock import as_of
from .errors import CoalitionSiteError
from .publish import enable_version_selector
from .render.pages import TEMPLATES_DIR
from .render.site import BuildOptions, SiteBuild
from .render.toc import toc_tokens

log = logging.getLogger("mkdocs.plugins.coalition")

ASSETS_DIR = Path(__file__).parent / "assets"
STYLESHEET = "assets/coalition/coalition.css"
# What charter prose needs from Python-Markdown; added when a site's mkdocs.yml leaves them out,
# so that the minimal mkdocs.yml is all a steward writes.
MARKDOWN_EXTENSIONS = ("admonition", "pymdownx.details", "attr_list", "md_in_html", "tables", "toc")
# Front matter that templates may read; the rest of a charter file's front matter (such as
# `representatives`) is data for the partials, never exposed through `page.meta`.
PAGE_META_KEYS = ("title", "description", "hide", "tags", "template", "icon", "status",
                  "subtitle", "search", "social", "robots")


class CoalitionConfig(base.Config):
    enabled = c.Type(bool, default=True)
    audience = c.Choice(AUDIENCES, default="public")
    """Overridden by the ``COALITION_AUDIENCE`` environment variable."""
    rules = c.Type(dict, default={})
    """Rule id → ``error``, ``warning`` or ``off``."""
    build_date = c.Optional(c.Type(str))
    """The "as of" date (YYYY-MM-DD); ``SOURCE_DATE_EPOCH`` wins over it."""
    cache_dir = c.Type(str, default=".cache/coalition")
    """Where rendered diagrams are cached, relative to mkdocs.yml."""


class CoalitionPlugin(BasePlugin[CoalitionConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.build: SiteBuild | None = None
        self.audience = "public"

    # -- on_config: validate, filter, plan --------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.audience = self._resolve_audience()
        project_dir = Path(config.config_file_path or ".").resolve().parent
        try:
            today = as_of(self.config.build_date)
            result = check_charter(config.docs_dir, project_dir, today=today, rules=self.config.rules)
        except (CoalitionSiteError, ValueError) as exc:
            raise PluginError(f"coalition: {exc}") from None
        for problem in result.problems:
            if problem.level == "warning":
                log.warning(str(problem))
        if result.errors:
            raise PluginError(
                f"coalition: the charter has {len(result.errors)} error"
                f"{'s' * (len(result.errors) != 1)}; nothing was built:\n"
                + "\n".join(str(p) for p in result.errors))
        charter = for_audience(result.charter, self.audience)
        cache = Path(self.config.cache_dir)
        options = BuildOptions(today=today, cache_dir=cache if cache.is_absolute() else project_dir / cache)

        config.theme.dirs.append(str(TEMPLATES_DIR))  # last: a site's custom_dir overrides ours
        for extension in MARKDOWN_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        try:
            self.build = SiteBuild(charter, options, config.theme.get_env().loader)
        except CoalitionSiteError as exc:
            raise PluginError(f"coalition: {exc}") from None
        if config.nav is None:
            config.nav = _escape_titles(self.build.plan.nav)
        if os.environ.get("MIKE_DOCS_VERSION"):  # built by `mike deploy`: show its version menu
            enable_version_selector(config.extra)
        return config

    def _resolve_audience(self) -> str:
        audience = os.environ.get("COALITION_AUDIENCE") or self.config.audience
        if audience not in AUDIENCES:
            raise PluginError(f"coalition: COALITION_AUDIENCE={audience!r} is not an audience; "
                              "use 'public' or 'internal'")
        return audience

    # -- on_files: what is published --------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.build is None:
            return None
        planned = self.build.plan.pages
        for file in list(files):
            if not file.generated_by and file.src_uri.endswith((".yml", ".yaml")):
                files.remove(file)  # charter data is shown through pages, never copied raw
            elif file.is_documentation_page() and file.src_uri not in planned:
                files.remove(file)  # hidden from this audience: not built, indexed or listed
        for page in planned.values():
            if page.generated and files.get_file_from_path(page.src_uri) is None:
                files.append(File.generated(config, page.src_uri, content=f"# {page.title}\n"))
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(ASSETS_DIR / "coalition.css")))
        return files

    # -- pages ----------------------------------------------------------------------------------
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.build is None:
            return None
        planned = self.build.page(page.file.src_uri)
        if planned is None:
            return None
        if planned.kind == "page":
            meta = {key: page.meta[key] for key in PAGE_META_KEYS if key in page.meta}
        else:
            # A charter file's front matter is data for its partial; keys such as `status`
            # mean something else to Material, and `representatives` must never reach a theme.
            meta = {"description": planned.item.description} if getattr(planned.item, "description", None) else {}
        meta.setdefault("title", planned.title)
        # Material prints titles as HTML (header, navigation, footer); partners write them.
        meta["title"] = str(escape(str(meta["title"])))
        page.meta = meta
        if getattr(planned.item, "body", None) is not None:
            return planned.item.body  # the audience-filtered body (internal blocks removed)
        return f"# {planned.title}\n"

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.build is None:
            return None

        def link(src_uri: str) -> str:
            target = files.get_file_from_path(src_uri)
            return get_relative_url(target.url, page.url) if target else "#"

        try:
            rendered = self.build.render(page.file.src_uri, html, link)
        except CoalitionSiteError as exc:
            raise PluginError(f"coalition: {page.file.src_uri}: {exc}") from None
        if rendered is not html:
            page.toc = get_toc(toc_tokens(rendered))  # the partial's sections, for Material's TOC
        return rendered


def _escape_titles(nav):
    """The navigation with every title HTML-escaped: Material prints nav titles as HTML."""
    if isinstance(nav, list):
        return [_escape_titles(entry) for entry in nav]
    if isinstance(nav, dict):
        return {str(escape(title)): _escape_titles(target) for title, target in nav.items()}
    return nav
