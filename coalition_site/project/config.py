"""A coalition-site project on disk: its ``mkdocs.yml``, content folder and plugin options.

Only what ``check`` needs is read here, cheaply and without building anything, so that
checking a charter does not depend on MkDocs being able to load every plugin of the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ..errors import ProjectError
from .mkdocs_yaml import Location, MkDocsYaml, RelativePath, read_mkdocs_yaml
from ..problems import Problem

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
# MkDocs runs every entry of a plugin, each with its own options (one public, one internal ...),
# and only warns; the plugin is made to run once.
TWICE = ("{config}: 'plugins' lists coalition {times} times; keep one entry (its options decide "
         "what check and build do)")
# Without the plugin, MkDocs builds the content folder as plain Markdown pages.
_UNFILTERED = ("MkDocs would publish the content folder as it is (every internal review, internal "
               "block and logic.yml)")
NO_PLUGINS = f"there is no 'plugins' list, so {_UNFILTERED}; add one: 'plugins: [search, coalition]'"
NOT_LISTED = (f"'plugins' does not list coalition, so {_UNFILTERED}; add it: "
              "'plugins: [search, coalition]'")
TURNED_OFF = ("'enabled: {value}' would turn the coalition plugin off, and " + _UNFILTERED
              + "; remove it: the coalition plugin cannot be turned off")
PLUGIN_RULE = "plugin-missing"


@dataclass
class Project:
    root: Path
    config_file: Path | None
    docs_dir: Path
    plugin_options: dict = field(default_factory=dict)
    markdown_extensions: list[str] = field(default_factory=list)
    markdown_configs: dict = field(default_factory=dict)
    """The options of each Markdown extension, by name (MkDocs' ``mdx_configs``)."""
    plugins: list[str] = field(default_factory=list)
    named_assets: list[str] = field(default_factory=list)
    """Files of the content folder that mkdocs.yml names (styles, scripts, logo, favicon)."""
    dev_addr: str | None = None
    """The address ``serve`` listens on, as mkdocs.yml writes it (``None``: MkDocs' default)."""
    nav: list | None = None
    """The site's own ``nav:``, as mkdocs.yml writes it (``None``: the plugin makes one)."""
    nav_root_relative: bool = False
    """Whether a ``/`` path in ``nav:`` names a file of the content folder (see :func:`relative_to_docs`)."""
    links_root_relative: bool = False
    """The same for links in pages."""
    site_dir: Path | None = None
    """Where mkdocs.yml says a build goes (``None``: it does not say; MkDocs' default)."""
    hooks: list[str] = field(default_factory=list)
    """The Python files ``hooks:`` runs (see risky_extensions.py)."""
    config: MkDocsYaml | None = None
    """``mkdocs.yml`` as read, safely, with where each of its keys stands."""
    plugin_problem: Problem | None = None
    """Why MkDocs would build this project without the coalition plugin, if it would."""

    def require_plugin(self) -> None:
        """Refuse to build (or serve, or publish) what MkDocs would build without the plugin."""
        problem = self.plugin_problem
        if problem is not None:
            raise ProjectError(f"{problem.path}:{problem.line}:{problem.column}: {problem.message}")


def _project_above(folder: Path) -> Project | None:
    """The project whose content folder holds ``folder``, found in the folders above it.

    The search stops at a repository's root (a folder holding ``.git``) and never reads the
    home folder or the file system's root: an unrelated mkdocs.yml there is no project of ours.
    """
    home = Path.home().resolve()
    for parent in folder.parents:
        if parent in (home, Path(parent.anchor)):
            return None
        if any((parent / name).is_file() for name in CONFIG_NAMES):
            project = find_project(parent)
            return project if folder.is_relative_to(project.docs_dir.resolve()) else None
        if (parent / ".git").exists():
            return None
    return None


def find_project(root: Path | str = ".") -> Project:
    """Read the project in ``root``: its ``mkdocs.yml`` or, without one, its ``content/``."""
    root = Path(root).resolve()
    if not root.is_dir():
        raise ProjectError(f"'{root}' is not a folder; give the folder that holds mkdocs.yml")
    config_file = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
    if config_file is None:
        if (root / "content").is_dir():
            return Project(root, None, root / "content")
        if (above := _project_above(root)) is not None:
            return above  # run in content/ (or deeper), as git finds its repository
        raise ProjectError(f"no mkdocs.yml in '{root}'; run this in a coalition-site project, give "
                           "its folder, or create one with 'coalition-site new DIR'")
    # Before anything else reads it: MkDocs' own loader would run the code a tag names.
    mkdocs_yaml = read_mkdocs_yaml(config_file, root)
    config = mkdocs_yaml.data
    docs_name = config.get("docs_dir") or "docs"
    if not isinstance(docs_name, str) or "\x00" in docs_name:
        raise ProjectError(f"{config_file.name}: 'docs_dir' must name a folder, like 'docs_dir: content'")
    docs_dir = root / docs_name
    options: dict = {}
    for name, entry_options in _entries(config.get("plugins")):
        if name == "coalition":
            # MkDocs refuses options that are not a mapping before any build reads them.
            options = cast(dict, entry_options or {})
    plugins = [name for name, _ in _entries(config.get("plugins"))]
    if plugins.count("coalition") > 1:
        raise ProjectError(TWICE.format(config=config_file.name, times=plugins.count("coalition")))
    if isinstance(config.get("markdown_extensions"), list) and {} in config["markdown_extensions"]:
        # MkDocs refuses every other malformed entry by name, but fails on this one with a traceback.
        raise ProjectError(f"{config_file.name}: 'markdown_extensions' has an empty entry ('- {{}}'); "
                           "remove it, or write the name of an extension")
    styles = config.get("extra_css")
    wrong = next((e for e in styles if not isinstance(e, (str, type(None)))), None) \
        if isinstance(styles, list) else None
    if wrong is not None:
        # MkDocs checks only that extra_css is a list, then fails on a number, list or mapping
        # in it with a traceback (an empty entry it skips).
        raise ProjectError(f"{config_file.name}: 'extra_css' lists {wrong!r}; list the paths of "
                           "stylesheets, like 'extra_css: [styles/extra.css]'")
    extensions = [name for name, _ in _entries(config.get("markdown_extensions"))]
    extension_configs = {name: _resolved(options, root, docs_dir)
                         for name, options in _entries(config.get("markdown_extensions"))
                         if isinstance(options, dict)}
    dev_addr = config.get("dev_addr")
    nav = config.get("nav")
    site_dir = config.get("site_dir")
    return Project(root, config_file, docs_dir, options if isinstance(options, dict) else {},
                   extensions, extension_configs, plugins, named_assets(config),
                   dev_addr if isinstance(dev_addr, str) else None,
                   nav if isinstance(nav, list) else None,
                   relative_to_docs(config, "nav"), relative_to_docs(config, "links"),
                   site_dir=root / site_dir if isinstance(site_dir, str) and "\x00" not in site_dir else None,
                   hooks=_hooks(config.get("hooks")), config=mkdocs_yaml,
                   plugin_problem=plugin_problem(mkdocs_yaml))


def plugin_problem(config: MkDocsYaml) -> Problem | None:
    """An error when MkDocs would build this ``mkdocs.yml`` without the coalition plugin: no
    ``plugins:`` (MkDocs then runs ``search`` alone), a list without ``coalition``, or the plugin
    turned off with ``enabled: false``."""
    start = Location(config.file, 1, 1)  # a missing key: where it is to be added
    if config.data.get("plugins") is None:
        return _plugin_problem(config.where("plugins") or start,
                               NO_PLUGINS if "plugins" not in config.data else NOT_LISTED)
    plugins = config.data["plugins"]
    at = config.where("plugins") or start
    # Each entry as (where its options stand, name, options), in either form MkDocs reads.
    entries: list[tuple[tuple[str | int, ...], object, object]]
    if isinstance(plugins, dict):
        entries = [(("plugins", name), name, options) for name, options in plugins.items()]
    elif isinstance(plugins, list):
        entries = []
        for index, entry in enumerate(plugins):
            if isinstance(entry, dict) and len(entry) == 1:
                (name, options), = entry.items()
                entries.append((("plugins", index, name), name, options))
            else:
                entries.append((("plugins", index), entry, None))
    else:
        return None  # MkDocs refuses it and says why
    listed = [(path, options) for path, name, options in entries if name == "coalition"]
    if not listed:
        return _plugin_problem(at, NOT_LISTED)
    path, options = listed[0]
    if isinstance(options, dict) and "enabled" in options and options["enabled"] is not True:
        value = options["enabled"]
        shown = "null" if value is None else str(value).lower() if isinstance(value, bool) else value
        return _plugin_problem(config.where(*path, "enabled") or at, TURNED_OFF.format(value=shown))
    return None


def _plugin_problem(at: Location, message: str) -> Problem:
    return Problem(at.file, at.line, at.column, "error", message, PLUGIN_RULE)


def _resolved(value, root: Path, docs_dir: Path):
    """An extension's options with each ``!relative`` path made a path, for ``check``'s reading
    of the charter (which has no page at hand: a page's own folder is read as the content folder)."""
    if isinstance(value, RelativePath):
        base = root if value.base == "config_dir" else docs_dir
        return str(base / value.suffix) if value.suffix else str(base)
    if isinstance(value, dict):
        return {key: _resolved(item, root, docs_dir) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolved(item, root, docs_dir) for item in value]
    return value


def relative_to_docs(config: dict, section: str) -> bool:
    """Whether MkDocs reads a path starting with ``/`` in ``section`` (``nav`` or ``links``) as
    a file of the content folder: ``validation: {nav: {absolute_links: relative_to_docs}}``, or
    ``absolute_links`` at the top of ``validation``, which MkDocs gives every section that does
    not set its own."""
    validation = config.get("validation")
    if not isinstance(validation, dict):
        return False
    own = validation.get(section)
    if isinstance(own, dict) and "absolute_links" in own:
        return own["absolute_links"] == "relative_to_docs"
    return validation.get("absolute_links") == "relative_to_docs"


def _entries(value) -> list[tuple[str, object]]:
    """``plugins`` or ``markdown_extensions`` as (name, options) pairs, read as MkDocs reads them:
    a list of names and one-key mappings, or one mapping of name to options.

    Entries MkDocs refuses (an empty mapping, a number) are left out here: the build names them.
    """
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = [next(iter(e.items())) if isinstance(e, dict) and len(e) == 1 else (e, None)
                 for e in value]
    else:
        items = []
    return [(name, options) for name, options in items if isinstance(name, str)]


def named_assets(config) -> list[str]:
    """The files of the content folder that a MkDocs config names: ``extra_css``,
    ``extra_javascript`` (a path, or a mapping with ``path``), the theme's logo and favicon.

    Works on the raw ``mkdocs.yml`` mapping and on MkDocs' loaded config alike.
    """
    theme = config.get("theme") or {}
    names = [*_listed(config.get("extra_css")), *_listed(config.get("extra_javascript")),
             theme.get("logo") if hasattr(theme, "get") else None,
             theme.get("favicon") if hasattr(theme, "get") else None]
    found = []
    for name in names:
        path = name.get("path") if isinstance(name, dict) else getattr(name, "path", name)
        if isinstance(path, str) and path and "://" not in path:
            found.append(path.lstrip("/"))
    return found


def _hooks(value) -> list[str]:
    """The files ``hooks:`` lists; whatever else it holds, as one (MkDocs refuses it, but a
    warning about it costs nothing)."""
    if isinstance(value, list):
        return [str(hook) for hook in value]
    return [str(value)] if value else []


def _listed(value) -> list:
    """A list option of MkDocs' config (``extra_css``); nothing when it is not a list (the
    build then says so)."""
    return list(value) if isinstance(value, (list, tuple)) else []

