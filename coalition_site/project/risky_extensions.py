"""Markdown extensions and MkDocs plugins that let a page's text read files or run templates.

Charter pages come by pull request from many organizations. With ``pymdownx.snippets`` a
partner's page can include ``--8<-- "content/board-notes.md"`` (an internal page, inside a
public one); with the ``macros`` plugin, ``{{ ... }}`` in a page runs a template with the whole
configuration at hand. coalition-site never enables them; ``check`` warns when a site's
``mkdocs.yml`` does (rule ``unsafe-extension``), and so does the build. So for ``hooks:``,
which runs Python files of the repository as part of the build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from .mkdocs_yaml import Location
from ..problems import Problem

RULE = "unsafe-extension"
_INCLUDES = "lets a page include any file of the repository (an internal page into a public one)"
_TEMPLATES = "runs the text of every page as a template, with the site's configuration at hand"
RISKY_EXTENSIONS = {
    "pymdownx.snippets": _INCLUDES,
    "markdown_include.include": _INCLUDES,
    "markdown_include": _INCLUDES,
    "mdx_include": _INCLUDES,
    "markdown_exec": "runs the code blocks of a page on the machine that builds the site",
}
RISKY_PLUGINS = {
    "macros": _TEMPLATES,
    "markdownextradata": _TEMPLATES,
    "include-markdown": _INCLUDES,
    "table-reader": "lets a page read any data file of the repository into a table",
    "render_swagger": "lets a page read any file of the repository",
    "embed_external_markdown": "lets a page include text from any address on the web",
    "markdown-exec": "runs the code blocks of a page on the machine that builds the site",
    "execute": "runs the code of a page on the machine that builds the site",
    "kroki": "sends the text of the page's diagrams to a diagram server on the web",
}


def find_risky(markdown_extensions: Iterable[str], plugins: Iterable[str],
               config_text: str = "") -> list[tuple[str, str, str]]:
    """``(kind, name, what it does)`` for each risky extension (kind ``extension``) or plugin.

    ``config_text`` is the raw mkdocs.yml: ``markdown_exec`` hides in a superfences option.
    """
    found = []
    names = list(markdown_extensions)
    if "markdown_exec" in config_text and "markdown_exec" not in names:
        names.append("markdown_exec")
    for name in names:
        if name in RISKY_EXTENSIONS:
            found.append(("extension", name, RISKY_EXTENSIONS[name]))
    for name in plugins:
        bare = name.split("/")[-1]  # `material/...` and the like
        if bare in RISKY_PLUGINS:
            found.append(("plugin", name, RISKY_PLUGINS[bare]))
    return found


def message(kind: str, name: str, effect: str) -> str:
    where = "markdown_extensions" if kind == "extension" else "plugins"
    return (f"the {kind} '{name}' {effect}, and charter pages come from every partner; remove "
            f"it from '{where}' in mkdocs.yml (coalition-site never needs it)")


def hooks_message(hooks: Iterable[str]) -> str:
    return (f"'hooks' runs the Python files it lists ({', '.join(hooks)}) on the machine that builds "
            "the site, with the whole build at hand, and a pull request can change them; remove "
            "'hooks' from mkdocs.yml (coalition-site never needs it)")


def risky_extension_problems(config_file: Path, markdown_extensions: Iterable[str],
                             plugins: Iterable[str], hooks: Iterable[str] = (),
                             hooks_at: Location | None = None) -> list[Problem]:
    """Warnings located in ``config_file`` (mkdocs.yml) for each risky extension or plugin, and
    for ``hooks`` (at ``hooks_at``, where ``hooks:`` stands)."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    problems = []
    for kind, name, effect in find_risky(markdown_extensions, plugins, text):
        line, column = _locate(text, name)
        problems.append(Problem(config_file.name, line, column, "warning",
                                message(kind, name, effect), RULE))
    hooks = list(hooks)
    if hooks:
        at = hooks_at or Location(config_file.name, 1, 1)
        problems.append(Problem(at.file, at.line, at.column, "warning", hooks_message(hooks), RULE))
    return problems


def _locate(text: str, name: str) -> tuple[int, int]:
    pattern = re.compile(rf"(?<![\w.-]){re.escape(name)}(?![\w-])")
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith("#"):
            continue
        match = pattern.search(line)
        if match:
            return number, match.start() + 1
    return 1, 1
