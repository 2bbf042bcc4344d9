"""A coalition-site project on disk: its ``mkdocs.yml``, content folder and plugin options.

Only what ``check`` needs is read here, cheaply and without building anything, so that
checking a charter does not depend on MkDocs being able to load every plugin of the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ProjectError

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


@dataclass
class Project:
    root: Path
    config_file: Path | None
    docs_dir: Path
    plugin_options: dict = field(default_factory=dict)
    markdown_extensions: list[str] = field(default_factory=list)
    plugins: list[str] = field(default_factory=list)
    named_assets: list[str] = field(default_factory=list)
    """Files of the content folder that mkdocs.yml names (styles, scripts, logo, favicon)."""
    dev_addr: str | None = None
    """The address ``serve`` listens on, as mkdocs.yml writes it (``None``: MkDocs' default)."""


def find_project(root: Path | str = ".") -> Project:
    """Read the project in ``root``: its ``mkdocs.yml`` or, without one, its ``content/``."""
    root = Path(root).resolve()
    if not root.is_dir():
        raise ProjectError(f"'{root}' is not a folder; give the folder that holds mkdocs.yml")
    config_file = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
    if config_file is None:
        if (root / "content").is_dir():
            return Project(root, None, root / "content")
        raise ProjectError(f"no mkdocs.yml in '{root}'; run this in a coalition-site project, give "
                           "its folder, or create one with 'coalition-site new DIR'")
    config = _read_config(config_file)
    docs_dir = root / str(config.get("docs_dir") or "docs")
    options: dict = {}
    for entry in config.get("plugins") or []:
        if entry == "coalition":
            options = {}
        elif isinstance(entry, dict) and "coalition" in entry:
            options = entry["coalition"] or {}
    extensions = [next(iter(e)) if isinstance(e, dict) else str(e)
                  for e in (config.get("markdown_extensions") or [])]
    plugins = [next(iter(e)) if isinstance(e, dict) else str(e) for e in (config.get("plugins") or [])]
    dev_addr = config.get("dev_addr")
    return Project(root, config_file, docs_dir, options if isinstance(options, dict) else {},
                   extensions, plugins, named_assets(config),
                   dev_addr if isinstance(dev_addr, str) else None)


def named_assets(config) -> list[str]:
    """The files of the content folder that a MkDocs config names: ``extra_css``,
    ``extra_javascript`` (a path, or a mapping with ``path``), the theme's logo and favicon.

    Works on the raw ``mkdocs.yml`` mapping and on MkDocs' loaded config alike.
    """
    theme = config.get("theme") or {}
    names = [*(config.get("extra_css") or []), *(config.get("extra_javascript") or []),
             theme.get("logo") if hasattr(theme, "get") else None,
             theme.get("favicon") if hasattr(theme, "get") else None]
    found = []
    for name in names:
        path = name.get("path") if isinstance(name, dict) else getattr(name, "path", name)
        if isinstance(path, str) and path and "://" not in path:
            found.append(path.lstrip("/"))
    return found


def _read_config(path: Path) -> dict:
    from mkdocs.utils import yaml_load  # understands !ENV and !relative, as MkDocs does

    try:
        with path.open("rb") as handle:
            config = yaml_load(handle)
    except (yaml.YAMLError, Exception) as exc:  # MkDocs wraps YAML errors in its own types
        raise ProjectError(f"{path.name} cannot be read: {exc}") from None
    if not isinstance(config, dict):
        raise ProjectError(f"{path.name} must be a set of 'key: value' lines")
    return config
