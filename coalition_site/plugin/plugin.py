"""The MkDocs plugin ``coalition``: a thin adapter from MkDocs events to the core library.

on_config  refuse to deploy or serve the internal site where the public one goes, check the
           project (project/check.py; the coalition-site command's own check when it handed one
           over) and stop on errors, filter the charter for the audience, plan the site, add the
           Markdown extension that reads internal blocks (markup/), filter a site's own nav, keep
           Material's privacy plugin to public hosts (privacy_guard.py), and point the build at a
           fresh folder (project/output_dir.py)
on_files   drop the charter's data files and hidden pages; add generated pages, features'
           files (diagrams) and styles
on_page_*  give each page its Markdown (internal blocks are dropped as Markdown parses it, for
           the public), then its partial rendered around the HTML; note what each public page
           links to; mark each page of the internal site as internal
on_env     put the problem statement's first paragraph where partials asked for it (every page
           is rendered by then); (public) leave out the attachments only internal content uses
on_post_build  scan a public build for internal values (audience/leaks.py), then move it into place
"""

from __future__ import annotations

import functools
import html as html_module
import logging
import os
import posixpath
import time
from pathlib import Path
from typing import Mapping
from urllib.parse import unquote, urlsplit

import ahocorasick_rs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler, clean_directory, get_relative_url

from ..audience import for_audience, with_review_dates
from ..audience.attachments import internal_uses
from ..audience.leaks import LeakScanner, ScanAhead, internal_values, matcher, scan_site, site_words
from ..audience.nav_attachments import nav_links
from ..check import CheckResult
from ..errors import CoalitionSiteError, os_reason
from ..load.assets import PUBLISHED_SUFFIXES, is_published_asset
from ..load.file_cache import ReadingCache
from ..markup import AudienceExtension, Locator, MarkupReader, page_links, site_extensions, text_fragments
from ..markup.reader import findings_to_problems
from ..model import Audience
from ..project import serve_address
from ..project.check import MKDOCS_YML_RULES, check_project
from ..project.config import TWICE, Project, named_assets
from ..project.mkdocs_yaml import read_mkdocs_yaml
from ..project.output_dir import StagedOutput, separate_site_dirs
from ..project.settings import Handover, Settings, read_settings, resolve_audience
from ..render.groups import is_large
from ..render.header import with_short_name
from ..render.memo import ContentMemo
from ..render.pages import BYTECODE_CACHE, TEMPLATES_DIR
from ..render.serve_error import serve_error_page
from ..sitebuild import FEATURES, BuildOptions, SiteBuild
from ..sitebuild.build import Link
from ..parallel import MIN_ITEMS
from .config import CoalitionConfig
from .fonts import use_system_fonts
from .internal_marks import ROBOTS_TXT, mark_internal
from .plain_text import plain_nav, safe_meta
from .privacy_guard import FetchGuard, UnguardedPrivacyPlugin, guard_privacy_plugins
from .search_skip import for_brief_search, for_page, for_search, readable_by_search
from .toc import toc_tokens
from .user_nav import filter_nav

log = logging.getLogger("mkdocs.plugins.coalition")

ASSETS_DIR = Path(__file__).parent.parent / "assets"
MATERIAL_OVERRIDES = TEMPLATES_DIR / "overrides"  # main.html: a phone's short name, archived versions' banner
STYLESHEET = "assets/coalition/coalition.css"
# Front matter that templates may read; the rest of a charter file's front matter (such as
# `representatives`) is data for the partials, never exposed through `page.meta`.
SERVE_ERROR_PAGES = ("index.html", "404.html")
PROBLEM_STATEMENT = "charter/problem-statement.md"
PAGE_META_KEYS = ("title", "description", "hide", "tags", "template", "icon", "status",
                  "subtitle", "search", "social", "robots")


BRIEFLY_SEARCHED = ("partner", "review")
"""The pages a large coalition's search finds by their title and first paragraph."""


class CoalitionPlugin(BasePlugin[CoalitionConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.build: SiteBuild | None = None
        self._full_content: dict[str, str] = {}
        self._search_parser = None  # Material search's HTML parser, when the site uses it
        self._rendered: list[tuple[str, str, Link]] = []  # pages rendered since the features last began some
        self.audience: Audience = "public"
        self.command = "build"
        self.staged: StagedOutput | None = None
        self.scanner: LeakScanner | None = None
        self._ahead: ScanAhead | None = None  # a large public build's pages, scanned as they are written
        self.theme_files: dict[str, str] = {}
        self.named_assets: set[str] = set()
        self.internal_assets: set[str] = set()
        self.extension: AudienceExtension | None = None
        self._leak_inputs: dict | None = None
        self._internal_uses: set[str] = set()
        self._internal_names: frozenset[str] = frozenset()  # their file names
        self._shown: set[str] = set()
        self._public_prose: list[str] = []
        self.fetch_guard: FetchGuard | None = None
        self._announce_serving = False
        self.memo: ContentMemo | None = None
        """Under serve, the outputs of pure steps kept from one rebuild to the next (memo.py)."""
        self.readings: ReadingCache | None = None
        """Under serve, each file's reading by content, kept from one rebuild to the next."""
        self.failed_check: CheckResult | None = None
        """Under serve, the check of a charter with errors: the build shows them instead."""
        self.mkdocs_yml: dict = {}
        """mkdocs.yml as written (read safely), for what MkDocs' loaded config cannot tell apart
        from a theme's defaults."""
        self.handed: Handover | None = None
        """What the coalition-site command running the builds handed over (set and taken back by
        the command; MkDocs keeps this one instance for the whole process)."""

    @property
    def _site(self) -> SiteBuild:
        """The build on_config planned, for the steps of on_config after it."""
        assert self.build is not None
        return self.build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command  # `mkdocs serve` builds into a private folder of its own
        self._announce_serving = command == "serve"
        # Rebuilds after an edit reuse what the edit did not change; a single build has no next.
        self.memo = ContentMemo() if command == "serve" else None
        self.readings = ReadingCache() if command == "serve" else None

    def on_shutdown(self) -> None:
        # MkDocs keeps one instance of a plugin with on_startup for the whole process, and
        # builds run without a command of their own (coalition-site's) must not inherit serve's.
        self.command = "build"
        self._announce_serving = False
        self.memo = None
        self.readings = None

    # -- on_config: validate, filter, plan --------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._rendered = []  # nothing of a build that failed before on_env
        self._search_parser = _search_parser(config)
        self._refuse_unsafe_config(config)
        use_system_fonts(config, self.mkdocs_yml)  # no reader's address goes to a font host
        self.audience = self._resolve_audience()
        self._refuse_public_destinations(config)
        settings = self._resolve_settings(config)
        project = self._resolve_project(config)
        reader = MarkupReader(config.markdown_extensions, config.mdx_configs)
        result = self._check(project, settings, reader)
        self.failed_check = None
        if result.errors and self.command == "serve":
            # Served, a charter with errors is a page that lists them (on_files, on_post_build),
            # not a build that fails and a browser left waiting for one that will not come.
            self.failed_check = result
            self.build, self.fetch_guard = None, None
            log.error(_errors_line(result, "the browser shows them until they are fixed"))
            return config
        self.build = self._plan_site(config, result, settings)
        if len(self.build.plan.pages) >= MIN_ITEMS:
            # Forked now, while this process is small (parallel.py); used once every
            # page is rendered (on_env) and, by a public build's leak check, once every file is
            # written (on_post_build); stopped after their last use.
            self.build.workers.start()
        self._resolve_nav(config, result)
        self._warn_of_mkdocs_yml(result)
        self.fetch_guard = self._guard_downloads(config)
        self._prepare_leak_check(config, result, reader)
        self._stage_output(config)
        self._show_versions(config)
        return config

    def _refuse_unsafe_config(self, config: MkDocsConfig) -> None:
        """Stop a build of a mkdocs.yml that coalition-site's safe reading refuses (a tag that
        runs code), or that lists the plugin twice."""
        self.mkdocs_yml = {}
        if config.config_file_path:
            # MkDocs' own read has run whatever code a tag of mkdocs.yml names: too late to stop
            # that (coalition-site's commands read it safely first), not too late to refuse the build.
            try:
                self.mkdocs_yml = read_mkdocs_yaml(config.config_file_path).data
            except CoalitionSiteError as exc:
                raise PluginError(f"coalition: {exc}") from None
        instances = [name for name in config.plugins if name.split(" #")[0] == "coalition"]
        if len(instances) > 1:
            name = Path(config.config_file_path or "mkdocs.yml").name
            raise PluginError(f"coalition: {TWICE.format(config=name, times=len(instances))}")

    def _resolve_audience(self) -> Audience:
        """The command's audience when a coalition-site command runs this build; else that of
        ``COALITION_AUDIENCE``, else the ``audience`` option."""
        if self.handed is not None:
            return self.handed.audience
        try:
            return resolve_audience(configured=self.config.audience)
        except CoalitionSiteError as exc:
            raise PluginError(f"coalition: {exc}") from None

    def _resolve_settings(self, config: MkDocsConfig) -> Settings:
        try:
            return read_settings(self.config, _project_dir(config))
        except CoalitionSiteError as exc:  # a date that is not one, an unknown rule id or level
            raise PluginError(f"coalition: {exc}") from None

    def _resolve_project(self, config: MkDocsConfig) -> Project:
        """The project as MkDocs loaded it, for the check both fronts share."""
        self.named_assets = set(named_assets(config))
        # Charter prose is read with the site's own extensions, in check as in the build.
        config.markdown_extensions[:] = site_extensions(
            e for e in config.markdown_extensions if not isinstance(e, AudienceExtension))
        return Project(
            _project_dir(config), Path(config.config_file_path) if config.config_file_path else None,
            Path(config.docs_dir), dict(self.config), list(config.markdown_extensions),
            config.mdx_configs, [p for p in config.plugins if p not in config.hooks],
            sorted(self.named_assets), nav=config.nav,
            nav_root_relative=_relative_to_docs(config.validation.nav),
            links_root_relative=_relative_to_docs(config.validation.links),
            # MkDocs types `hooks` as a list of modules; validated, it is a dict: path → module.
            hooks=list(config.hooks))  # type: ignore[arg-type]

    def _check(self, project: Project, settings: Settings, reader: MarkupReader) -> CheckResult:
        """The project's check (the command's, when one handed it over and it still holds): the
        charter's warnings logged, and any error stops the build."""
        if self.readings is not None:  # only under serve (on_startup)
            self.readings.new_check()
        try:
            result = check_project(project, settings, reader=reader, cache=self.readings,
                                   reuse=self.handed.check if self.handed is not None else None)
        except CoalitionSiteError as exc:
            raise PluginError(f"coalition: {exc}") from None
        for problem in result.problems:
            if problem.level == "warning" and problem.rule not in MKDOCS_YML_RULES:
                log.warning(str(problem))
        if result.errors and self.command != "serve":
            raise PluginError(_errors_line(result, "nothing was built"))
        return result

    def _plan_site(self, config: MkDocsConfig, result: CheckResult, settings: Settings) -> SiteBuild:
        """The build of the charter filtered for the audience; our templates, our stylesheet and
        the Markdown extension that reads internal blocks added to the site."""
        # _check stopped the build of a charter with errors: it loaded.
        assert result.charter is not None and result.public is not None
        charter = result.public if self.audience == "public" else for_audience(result.charter, self.audience)
        if self.audience == "public" and settings.publish_review_dates:
            charter = with_review_dates(charter, result.charter)
        if self.memo is not None:
            self.memo.new_build()
        options = BuildOptions(today=settings.today, cache_dir=settings.cache_folder(),
                               memo=self.memo)  # only under serve (on_startup)
        config.theme.dirs.append(str(TEMPLATES_DIR))  # last: a site's custom_dir overrides ours
        if config.theme.name == "material":  # our main.html: after custom_dir, before Material's
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(MATERIAL_OVERRIDES))
        # Last, after the admonition, details and blocks extensions whose readers it wraps.
        self.extension = AudienceExtension(self.audience)
        # MkDocs types `markdown_extensions` as names, but Python-Markdown takes instances too.
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        try:
            return SiteBuild(charter, options, config.theme.get_env().loader, features=FEATURES)
        except CoalitionSiteError as exc:
            raise PluginError(f"coalition: {exc}") from None

    def _resolve_nav(self, config: MkDocsConfig, result: CheckResult) -> None:
        """The plan's navigation, or the site's own less the pages the audience may not see."""
        if config.nav is None:
            config.nav = plain_nav(self._site.plan.nav)
        else:
            self._filter_user_nav(config, result.charter)

    def _warn_of_mkdocs_yml(self, result: CheckResult) -> None:
        """What the check found in mkdocs.yml (an extension that lets a page read files, an
        attachment its nav would publish), said as MkDocs' own warnings about it are."""
        for problem in result.problems:
            if problem.rule in MKDOCS_YML_RULES and problem.level == "warning":
                log.warning(f"coalition: mkdocs.yml: {problem.message}")

    def _guard_downloads(self, config: MkDocsConfig) -> FetchGuard | None:
        """Material's privacy plugin kept to public hosts (privacy_guard.py)."""
        try:
            return guard_privacy_plugins(config.plugins, _project_dir(config),
                                         public=self.audience == "public")
        except UnguardedPrivacyPlugin as exc:
            raise PluginError(
                "coalition: mkdocs.yml: the privacy plugin of the installed mkdocs-material cannot "
                f"be kept to public hosts (it has no {exc}), so a public build could download from "
                "the builder's own network; set the plugin's 'assets_fetch: false', or install "
                "mkdocs-material 9.8") from None

    def _prepare_leak_check(self, config: MkDocsConfig, result: CheckResult, reader: MarkupReader) -> None:
        """What the public build's leak check and attachment filter need, gathered before MkDocs
        renders anything (a build of the internal site has neither)."""
        self.scanner, self._ahead = None, None
        self.internal_assets = set()
        self._leak_inputs = None
        self._shown, self._public_prose = set(), []
        if self.audience == "public":
            # What internal content uses, from Markdown's readings for the partners; what the
            # public pages show is noted as MkDocs renders them, and compared in on_env.
            assert result.charter is not None  # else _check stopped the build
            self._internal_uses = internal_uses(result.charter, self._site.plan.pages, reader,
                                                readings=result.readings)
            self._internal_names = frozenset(posixpath.basename(uri) for uri in self._internal_uses)
            self._leak_inputs = dict(
                charter=result.charter, public=result.public, reader=reader, readings=result.readings,
                public_pages=self._site.plan.pages, use_directory_urls=config.use_directory_urls,
                public_texts=[config.site_name or "", config.site_description or "", config.copyright or "",
                              *site_words(_partials(config))])

    def _show_versions(self, config: MkDocsConfig) -> None:
        if os.environ.get("MIKE_DOCS_VERSION"):  # built by `mike deploy`: show its version menu
            from ..project.publish import enable_version_selector  # (publishing's module: mike's builds only)

            enable_version_selector(config.extra)

    def _internal_assets(self, config: MkDocsConfig) -> set[str]:
        """The attachments of the content folder that only internal content uses: a public build
        leaves them out (on_env) and its leak check makes sure they stay out."""
        # The nav as this build keeps it (filtered for the audience): a file it links to is shown
        # by every public page. `validation.nav` has its own setting for `/` paths.
        nav_shown = nav_links(config.nav, root_relative=_relative_to_docs(config.validation.nav))
        docs_dir = Path(config.docs_dir)
        # What mkdocs.yml names is the steward's choice: published whatever uses it.
        return {uri for uri in self._internal_uses - self._shown - nav_shown
                if Path(uri).suffix.lower() in PUBLISHED_SUFFIXES and uri not in self.named_assets
                and (docs_dir / uri).is_file()}

    def _filter_user_nav(self, config: MkDocsConfig, charter) -> None:
        # A site's own nav keeps the title of an entry whose page is hidden (as a link).
        hidden = {uri for uri in charter.sources if uri.endswith(".md")} - set(self._site.plan.pages)
        assert config.nav is not None  # called for a site's own nav only
        config.nav, dropped = filter_nav(config.nav, hidden)
        if dropped:
            log.info(f"coalition: left {dropped} entr{'ies' if dropped != 1 else 'y'} out of the "
                     f"nav of mkdocs.yml (pages the {self.audience} audience may not see)")

    def _stage_output(self, config: MkDocsConfig) -> None:
        """Build into a fresh folder beside site_dir, moved into place in on_post_build."""
        self.staged = None
        if self.command == "serve":
            return
        target = Path(config.site_dir)
        if self.audience == "internal":
            try:
                target = separate_site_dirs(target, _public_site_dir(config))
            except CoalitionSiteError as exc:
                raise PluginError(f"coalition: {exc}") from None
            if target != Path(config.site_dir).resolve():
                log.info(f"coalition: building the internal site in '{target}', never in the "
                         "public site's folder")
        try:
            # Never the project's own folder or its content: a pull request can change site_dir.
            self.staged = StagedOutput(target, docs_dir=config.docs_dir, project_dir=Path(
                config.config_file_path).parent if config.config_file_path else None)
        except CoalitionSiteError as exc:
            raise PluginError(f"coalition: {exc}") from None
        except OSError as exc:
            raise PluginError(f"coalition: cannot build in '{target}': {os_reason(exc)}") from None
        config.site_dir = str(self.staged.path)

    def _refuse_public_destinations(self, config: MkDocsConfig) -> None:
        """Stop an internal build that would go where only public ones may: GitHub Pages, or a
        dev server that other machines can reach. Before anything is built."""
        internal = self.audience == "internal"
        if internal and self.command == "gh-deploy":
            source, undo = self._audience_source()
            raise PluginError(
                "coalition: 'mkdocs gh-deploy' publishes to GitHub Pages, where anyone can read it, "
                f"and this is a build of the internal site ({source}); nothing was built or pushed. "
                f"To deploy the public site, {undo}. Build the internal site with 'coalition-site "
                "build --audience internal' and host it behind a sign-in.")
        if self.command != "serve" and not _served_by_mkdocs(config):
            return
        # MkDocs reads dev_addr before any plugin sees the config, and binds after the first
        # build: an address can be refused here, not changed. Nor does the plugin API tell
        # whether it came from mkdocs.yml or from `-a` (coalition-site serve tells, handing the
        # address over), so off loopback only the command line's address is served.
        host, port = config.dev_addr
        open_to_network = not serve_address.is_loopback(host)
        requested = self.handed.requested_address if self.handed is not None else None
        if internal and open_to_network and requested != (host, port):
            raise PluginError(f"coalition: {serve_address.refused(host, port)}")
        if self._announce_serving:
            self._announce_serving = False
            where = "open to the network" if open_to_network else "this machine only"
            log.info(f"coalition: serving the {self.audience} site on "
                     f"{serve_address.address(host, port)} ({where})")

    def _audience_source(self) -> tuple[str, str]:
        """What made this build internal, and how to undo it."""
        if os.environ.get("COALITION_AUDIENCE"):
            return "COALITION_AUDIENCE=internal", "run it without COALITION_AUDIENCE"
        return ("audience: internal in the coalition plugin's options in mkdocs.yml",
                "set audience: public there")

    # -- on_files: what is published --------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.failed_check is not None:
            return Files([])  # nothing of a charter that did not load is served, not even raw
        if self.build is None:
            return None
        planned = self.build.plan.pages
        for file in list(files):
            if not file.generated_by and file.src_uri.endswith((".yml", ".yaml")):
                files.remove(file)  # charter data is shown through pages, never copied raw
            elif file.is_documentation_page() and file.src_uri not in planned:
                files.remove(file)  # hidden from this audience: not built, indexed or listed
            elif _from_docs(file, config) and not file.is_documentation_page() \
                    and not is_published_asset(file.src_uri, self.named_assets):
                files.remove(file)  # could run code on the site's address (check warns)
        for page in planned.values():
            if page.generated and files.get_file_from_path(page.src_uri) is None:
                files.append(File.generated(config, page.src_uri, content=f"# {page.title}\n"))
        by_uri = files.src_uris
        for uri, content in self.build.files(lambda here: _links_from(by_uri, here)).items():
            files.append(File.generated(config, uri, content=content))  # a diagram's own .svg
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(ASSETS_DIR / "coalition.css")))
        if self.audience == "internal" and files.get_file_from_path("robots.txt") is None:
            files.append(File.generated(config, "robots.txt", content=ROBOTS_TXT))
        self.theme_files = _theme_files(files, config)
        return files

    # -- pages ----------------------------------------------------------------------------------
    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.build is None:
            return None
        planned = self.build.page(page.file.src_uri)
        body = getattr(planned.item, "body", None) if planned is not None else None
        if planned is None or body is None or planned.kind == "page":
            return None  # ordinary pages keep their front matter; generated pages have none
        # A charter file's front matter was read and validated in on_config; MkDocs parsing it
        # again (every partner's alignment in every review ...) cost as much as the check itself
        # on a large charter. An empty front matter keeps MkDocs from reading the body's first
        # lines as MultiMarkdown metadata; on_page_markdown sets the page's meta.
        return "---\n{}\n---\n" + body

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
        if not planned.searched:
            meta["search"] = {"exclude": True}  # as Material's search reads it from front matter
        page.meta = safe_meta(meta)  # Material's templates print these without escaping
        if getattr(planned.item, "body", None) is not None:
            return planned.item.body  # internal blocks go as Markdown parses it (markup/blocks.py)
        return f"# {planned.title}\n"

    # -- on_page_content: the page as Markdown read it, then its partial ------------------------
    @event_priority(100)  # first: the page's own HTML, before any other plugin changes it
    def _read_page(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.build is None or self.extension is None:
            return None
        findings, self.extension.findings = self.extension.findings, []
        if findings:
            # check() read every charter file the same way and would have stopped the build:
            # this is a page it did not read, or Markdown that another plugin changed.
            planned = self.build.page(page.file.src_uri)
            first_line = getattr(getattr(planned, "item", None), "body_line", 1)
            problems = findings_to_problems(findings, Locator(page.markdown or "", first_line),
                                            _display(config, page.file))
            raise PluginError("coalition: a privacy marker is not exactly one; nothing was built:\n"
                              + "\n".join(str(p) for p in problems))
        if self.audience == "public":
            self._public_prose += text_fragments(html)  # what the public may read anyway
        return None

    def _render_page(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.build is None:
            return None

        link = _links_from(files.src_uris, page.url)
        try:
            rendered = self.build.render(page.file.src_uri, html, link)
        except CoalitionSiteError as exc:
            raise PluginError(f"coalition: {page.file.src_uri}: {exc}") from None
        if rendered is not html:
            # The partial's sections, for Material's TOC. (Python-Markdown's toc tokens, which
            # MkDocs types as a TypedDict of its own.)
            page.toc = get_toc(toc_tokens(rendered))  # type: ignore[arg-type]
        if self.build.workers.started:
            # What the features do to every page once all are rendered, begun in the workers
            # now (on_env finishes it, from the pages as they are by then).
            self._rendered.append((page.file.src_uri, rendered, link))
            if len(self._rendered) == BEGIN_BATCH:
                self.build.begin_finishing(self._rendered)
                self._rendered = []
        if self.audience == "public" and self._internal_uses \
                and _may_show(rendered, page.url, self._internal_names):
            # Only a file that internal content uses could be left out: with none, there is
            # nothing to weigh a page's links against, and no page is read for them; nor is a
            # page that names none of them (reading every page's links was a third of a large
            # public build).
            self._shown |= _shown_files(rendered, page.url)
        return rendered

    on_page_content = CombinedEvent(_read_page, _render_page)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        self._stop_private_downloads()  # the privacy plugin's on_env (priority 50) waited for them
        if self.build is not None:
            self._finish_pages(files)
            self._fill_summaries(files)
        short_name = self.build.charter.coalition.short_name if self.build is not None else None
        if short_name == config.site_name:
            short_name = None  # nothing shorter to show
        env.filters["coalition_short_name"] = functools.partial(with_short_name, short_name=short_name)
        if self.build is not None and env.bytecode_cache is None:
            # The theme's templates are compiled anew by every build, as our partials were: the
            # same private, checksum-keyed cache serves them (render/pages.py).
            env.bytecode_cache = BYTECODE_CACHE
        if self.build is not None and self.audience == "public":
            # Every page has been rendered and no file copied yet: what no public page shows and
            # internal content uses stays out of the site.
            self.internal_assets = self._internal_assets(config)
            left_out = 0
            for file in list(files):
                if file.src_uri in self.internal_assets and _from_docs(file, config):
                    files.remove(file)
                    left_out += 1
            if left_out:
                log.info(f"coalition: left {left_out} attachment{'s' * (left_out != 1)} out of the "
                         "public site (only internal content uses them)")
        if self.build is not None and self._leak_inputs is not None:
            self._list_internal_values()
        return env

    def _list_internal_values(self) -> None:
        """What the leak check looks for, once every page is rendered (what they show of the
        public charter's prose is known) and no file is written yet: on a large site, the pages
        are scanned in the workers as MkDocs writes them (on_post_page)."""
        assert self._leak_inputs is not None and self.build is not None
        started = time.monotonic()
        self.scanner = LeakScanner(internal_values(
            **self._leak_inputs, internal_assets=self.internal_assets, public_prose=self._public_prose))
        log.debug(f"coalition: listed the internal values in {time.monotonic() - started:.2f} s")
        if self.build.workers.started:
            self._ahead = ScanAhead(self.scanner, self.build.workers.submit, SCAN_BATCH)

    def _finish_pages(self, files: Files) -> None:
        """What the features change on every page once all are rendered (the glossary's links),
        all pages at once: on a large site, on every core (parallel.py). Before the
        summaries are filled in, which are never linked (they were not, page by page)."""
        assert self.build is not None
        self._rendered = []  # too few to send on their own: finished with the others
        pages = [file.page for file in files.documentation_pages()
                 if file.page is not None and file.page.content]
        try:
            # A batch at a time, each page's old HTML let go as its new one comes: the whole
            # site twice over would be a large coalition's peak of memory.
            for start in range(0, len(pages), FINISH_BATCH):
                batch = pages[start:start + FINISH_BATCH]
                finished = self.build.finish_pages([
                    (page.file.src_uri, page.content or "", _links_from(files.src_uris, page.url)) for page in batch])
                for page, html in zip(batch, finished):
                    page.content = html
        finally:
            if self._leak_inputs is None and self.scanner is None:
                self.build.workers.close()  # no leak check to come

    def _fill_summaries(self, files: Files) -> None:
        """The problem statement's first paragraph on the pages that show it (the home page,
        Start here): MkDocs renders the home page before the problem statement's page, so this
        waits until every page is rendered, and before search indexes any (on_page_context)."""
        assert self.build is not None
        source = files.get_file_from_path(PROBLEM_STATEMENT)
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.content:
                page.content = self.build.finish(
                    page.content, _relink(source.url if source is not None else None, page.url))

    # -- search: what the index reads of a charter page (search_skip.py) ----------------------------
    # Search plugins read page.content in on_page_context; the page itself is rendered after.
    # So the content is lightened for them (first) and restored for the page (last).
    @event_priority(100)
    def _lighten_for_search(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self.build is not None and page.content:
            planned = self.build.page(page.file.src_uri)
            full = searched = page.content
            # A page no search plugin reads is neither lightened nor tried on the search parser:
            # the staff pages, the largest of a site, cost a serve rebuild a tenth of its time so.
            excluded = _excluded_from_search(page)
            if planned is not None and planned.kind != "page":
                full = searched = for_page(page.content)
                # A large coalition's partner pages and reviews are found by their titles and
                # first paragraphs (docs/format.md, Large coalitions): their full text made the
                # index every visitor downloads grow with the partners times the reviews.
                if not excluded:
                    brief = planned.kind in BRIEFLY_SEARCHED and is_large(self.build.charter)
                    searched = for_brief_search(page.content) if brief else for_search(page.content)
            if not excluded:
                searched = readable_by_search(searched, self._search_parser)
            if searched is not page.content or full is not page.content:
                self._full_content[page.file.src_uri] = full
                page.content = searched
        return context

    @event_priority(-100)
    def _restore_after_search(self, context, *, page: Page, config: MkDocsConfig, nav):
        full = self._full_content.pop(page.file.src_uri, None)
        if full is not None:
            page.content = full
        return context

    on_page_context = CombinedEvent(_lighten_for_search, _restore_after_search)

    # -- the internal site's marks ---------------------------------------------------------------
    def _mark_internal(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.build is None or self.audience != "internal":
            return None
        return mark_internal(output)

    @event_priority(-100)  # last: the page as MkDocs writes it (the scan reads it again to be sure)
    def _scan_ahead(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self._ahead is not None:
            self._ahead.add(page.file.dest_uri, output)
        return None

    on_post_page = CombinedEvent(_mark_internal, _scan_ahead)

    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        if self.build is None or self.audience != "internal" or not template_name.endswith(".html"):
            return None
        return mark_internal(output_content)  # 404.html

    # -- after the build: prove it, then publish it ----------------------------------------------
    @event_priority(-100)  # last, so that what other plugins write is scanned too
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.failed_check is not None:
            self._show_failure(config.site_dir, config.site_name, problems=self.failed_check.errors)
            return
        if self.build is None:
            return
        self._stop_private_downloads()  # those of templates, after the privacy plugin's (50)
        if self._leak_inputs is not None and self.scanner is None:
            self._list_internal_values()  # on_env did not run (another plugin's error, say)
        if self.scanner is not None:
            started = time.monotonic()
            try:
                leaks = scan_site(config.site_dir, self.scanner, unchanged=self.theme_files,
                                  map_files=self.build.workers.map, ahead=self._ahead)
            finally:
                self._ahead = None
                self.build.workers.close()
            log.debug(f"coalition: looked for {len(self.scanner.values)} internal values in the "
                      f"public build in {time.monotonic() - started:.2f} s")
            if leaks:
                kept = f" '{self.staged.target}' was left as it was." if self.staged else ""
                raise PluginError(
                    f"coalition: the public build holds {len(leaks)} internal value"
                    f"{'s' * (len(leaks) != 1)}; nothing was published.{kept}\n"
                    + "\n".join(f"  {leak}" for leak in leaks)
                    + "\nA template override, hook or plugin put them there: remove it, or "
                      "build for the internal audience.")
        if self.staged is None or _strict_warnings(config):
            return  # under --strict, MkDocs aborts next; on_build_error discards the folder
        staged, self.staged = self.staged, None
        try:
            config.site_dir = str(staged.commit())
        except CoalitionSiteError as exc:  # files that no build made appeared during this one
            staged.discard()
            raise PluginError(f"coalition: {exc}") from None
        except OSError as exc:
            staged.discard()
            raise PluginError(f"coalition: cannot move the build into '{staged.target}': {exc}") from None

    def _stop_private_downloads(self) -> None:
        refusals = self.fetch_guard.refusals if self.fetch_guard is not None else []
        if refusals:
            raise PluginError(
                "coalition: a public build downloads from public hosts only, and Material's privacy "
                "plugin was asked to download from the builder's own network; nothing was "
                "published:\n" + "\n".join(f"  {refusal}" for refusal in refusals)
                + "\nUse a public https:// address, or put the file in the content folder "
                  "('coalition-site check' shows the line).")

    # -- serve: a build that fails is a page that says why ----------------------------------------
    def on_serve(self, server, /, *, config: MkDocsConfig, builder):
        """Rebuilds that fail for any other reason (a leak found, a template's error) show it
        too: MkDocs' own server would keep every request waiting until a build succeeds."""
        rebuild = server.builder
        site_name = config.site_name

        def build_or_show_failure() -> None:
            try:
                rebuild()
            except (Exception, Abort) as exc:  # Abort is a SystemExit: MkDocs' --strict
                message = str(getattr(exc, "message", exc))
                log.error(f"coalition: the site could not be built; the browser shows why: {message}")
                self._show_failure(server.root, site_name, message=message)

        server.builder = build_or_show_failure
        return server

    def _show_failure(self, site_dir: str, site_name: str, *, problems=(), message: str = "") -> None:
        """Every page of serve's private folder replaced by the page that says what failed."""
        folder = Path(site_dir)
        clean_directory(str(folder))  # MkDocs' own folder for serve, which it cleans every build
        page = serve_error_page(audience=self.audience, site_name=site_name, problems=problems,
                                message=message)
        for name in SERVE_ERROR_PAGES:  # 404.html: MkDocs' server answers every other URL with it
            (folder / name).write_text(page, encoding="utf-8")

    def on_build_error(self, *, error: Exception) -> None:
        self._ahead = None
        if self.build is not None:
            self.build.workers.close()
        if self.staged is not None:
            self.staged.discard()
            self.staged = None


FINISH_BATCH = 256
"""Pages finished at once (parallel.py sends each batch to the workers in chunks)."""
BEGIN_BATCH = 32
"""Pages rendered that the features begin to finish at once, in a worker (parallel.py)."""
SCAN_BATCH = 128
"""Pages written that a worker scans at once (audience/leaks.py): each batch carries the internal
values to the worker again, so not too few pages."""


def _errors_line(result: CheckResult, outcome: str) -> str:
    errors = result.errors
    return (f"coalition: the charter has {len(errors)} error{'s' * (len(errors) != 1)}; {outcome}:\n"
            + "\n".join(str(p) for p in errors))


def _relink(source_url: str | None, here_url: str):
    """A link as the page at ``source_url`` has it (MkDocs made it relative to that page) → the
    same target from the page at ``here_url``; ``None`` for one that leaves the site's folder."""
    def relink(url: str) -> str | None:
        parts = urlsplit(url)
        if source_url is None:
            return None
        if parts.scheme or parts.netloc or url.startswith(("/", "\\")):
            return url
        folder = source_url if source_url.endswith("/") or not source_url else posixpath.dirname(source_url) + "/"
        if parts.path:
            target = posixpath.normpath(posixpath.join(folder, parts.path))
            if target.startswith("../") or target == "..":
                return None
            target = "" if target == "." else target + ("/" if parts.path.endswith("/") else "")
        else:
            target = source_url  # `#fn:1`: on the page it came from
        return (get_relative_url(target, here_url) + (f"?{parts.query}" if parts.query else "")
                + (f"#{parts.fragment}" if parts.fragment else ""))
    return relink


def _links_from(by_uri: Mapping[str, File], here: str):
    """A ``link`` function for the page or generated file at the URL ``here``: a page's
    ``src_uri`` → its URL relative to that one ("#" for none)."""
    # Partials link every partner from every review: thousands of calls on a large charter.
    # Our src_uris are already normalised, so the dict lookup skips get_file_from_path's
    # pathlib round trip, and each target is resolved once per page.
    @functools.lru_cache(maxsize=None)
    def link(src_uri: str) -> str:
        target = by_uri.get(src_uri)
        return get_relative_url(target.url, here) if target else "#"
    return link


def _may_show(html: str, page_url: str, names: frozenset[str]) -> bool:
    """Whether the page at ``page_url`` may link to or show a file named one of ``names``:
    whether one is written in its HTML as a link's path reads it (HTML entities, then %-escapes
    decoded), or in its own address (a link to "." or ".."). A file a page shows ends its path
    there, so a page that is not read shows none of them."""
    if not names or "" in names:
        return bool(names)  # an empty name is in every page
    finder = _finder(names)
    return bool(finder.find_matches_as_indexes(page_url)
                or finder.find_matches_as_indexes(unquote(html_module.unescape(html))))


@functools.lru_cache(maxsize=4)
def _finder(names: frozenset[str]) -> ahocorasick_rs.AhoCorasick:
    # One pass over a page for all the names: looking for each in turn read a large public
    # build's every page ~90 times over. Built as the leak check builds its own: in time linear
    # in the names, whatever a pull request names its files.
    return matcher(sorted(names))


def _shown_files(html: str, page_url: str) -> set[str]:
    """The files of the site a rendered page links to or shows, as site paths: MkDocs has made
    each link relative to the page's URL (and a link from the site's root stays one)."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    shown = set()
    for url in page_links(html):
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = unquote(parts.path)
        target = posixpath.normpath(path.lstrip("/") if path.startswith("/") else base + path)
        if not target.startswith(("../", "/")) and target not in (".", ".."):
            shown.add(target)
    return shown


def _project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path or ".").resolve().parent


def _display(config: MkDocsConfig, file: File) -> str:
    """A page's file as problems print it: relative to the project's folder."""
    project = Path(config.config_file_path or ".").resolve().parent
    try:
        return Path(file.abs_src_path or "").resolve().relative_to(project).as_posix()
    except ValueError:
        return file.src_uri


def _served_by_mkdocs(config: MkDocsConfig) -> bool:
    """Whether MkDocs' dev server runs this build: `mkdocs serve --clean` tells plugins that its
    command is `build`, and the one trace of serving is the site_url it gives the config, the dev
    server's own address (no site's real address is `http://0.0.0.0:8000/`)."""
    host, port = config.dev_addr
    return bool(config.site_url and config.site_url.startswith(f"http://{host}:{port}/"))


def _relative_to_docs(section) -> bool:
    """Whether MkDocs reads a ``/`` path in this ``validation`` section (``nav``, ``links``) as a
    file of the content folder (``absolute_links: relative_to_docs``)."""
    return getattr(section.absolute_links, "name", None) == "RELATIVE_TO_DOCS"


def _excluded_from_search(page: Page) -> bool:
    """Whether the page's meta leaves it out of the search index (``search: {exclude: true}``,
    as Material's and MkDocs' search plugins read it): a staff page, say, the largest of a site."""
    search = page.meta.get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


def _search_parser(config: MkDocsConfig):
    """The HTML parser of the site's search plugin when it is Material's (whose parser fails on
    some nestings of headings: search_skip.readable_by_search), else ``None``."""
    try:
        from material.plugins.search.plugin import Parser, SearchPlugin
    except ImportError:
        return None
    return Parser if any(isinstance(plugin, SearchPlugin) for plugin in config.plugins.values()) else None


def _from_docs(file: File, config: MkDocsConfig) -> bool:
    """Whether a file comes from the content folder (not from the theme or a plugin)."""
    if file.generated_by or not file.abs_src_path:
        return False
    return Path(file.abs_src_path).resolve().is_relative_to(Path(config.docs_dir).resolve())


def _public_site_dir(config: MkDocsConfig) -> Path:
    """The folder mkdocs.yml itself names (public builds go there unless told otherwise)."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    raw = read_mkdocs_yaml(config_file).data if config_file.is_file() else {}
    return config_file.parent / str(raw.get("site_dir") or "site")


def _theme_files(files: Files, config: MkDocsConfig) -> dict[str, str]:
    """Built file → the installed theme's file it is copied from (a site's custom_dir aside).

    Such a file holds nothing of the charter while it stays byte for byte what the theme
    shipped: the leak check compares it with its source and skips it.
    """
    custom = Path(config.theme.custom_dir).resolve() if config.theme.custom_dir else None
    packaged = [d for d in (Path(d).resolve() for d in config.theme.dirs) if d != custom]
    found = {STYLESHEET: str(ASSETS_DIR / "coalition.css")}
    for file in files:
        if file.abs_src_path and not file.is_documentation_page() and not file.generated_by \
                and any(Path(file.abs_src_path).resolve().is_relative_to(d) for d in packaged):
            found[file.dest_uri] = file.abs_src_path
    return found


def _partials(config: MkDocsConfig) -> list[Path]:
    """The coalition partials this build renders with (a site's overrides first)."""
    found: dict[str, Path] = {}
    for folder in config.theme.dirs:
        for path in sorted(Path(folder).glob("coalition/**/*.html")):
            found.setdefault(path.relative_to(folder).as_posix(), path)
    return list(found.values())


def _strict_warnings(config: MkDocsConfig) -> bool:
    return bool(config.strict) and any(
        isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)
