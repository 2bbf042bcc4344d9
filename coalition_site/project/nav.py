"""The attachments a site's own ``nav:`` would publish although only internal content uses them
(:func:`~coalition_site.audience.nav_attachments.listed_internal_attachments`), as warnings at
their entries' lines of mkdocs.yml (rule ``nav-publishes-attachment``)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import yaml

from ..audience.nav_attachments import nav_links
from ..problems import Problem

RULE = "nav-publishes-attachment"


def message(src_uri: str) -> str:
    return (f"nav: lists '{src_uri}', which only internal content links to, so the public site "
            "publishes it; if it is internal, take its entry out of nav: (internal pages still "
            "link to it), and if it is for everyone, link to it from a public page too")


def nav_attachment_problems(config_file: Path, attachments: Iterable[str], *,
                            nav_root_relative: bool = False) -> list[Problem]:
    """A warning for each of ``attachments``, at its entry's line of ``config_file``."""
    attachments = list(attachments)
    if not attachments:
        return []
    places = _entry_places(config_file, nav_root_relative)
    return [Problem(config_file.name, *places.get(uri, (1, 1)), "warning", message(uri), RULE, "nav")
            for uri in attachments]


def _entry_places(config_file: Path, nav_root_relative: bool) -> dict[str, tuple[int, int]]:
    """Line and column of the first ``nav:`` entry naming each file (composed, never
    constructed: MkDocs' own tags such as ``!ENV`` need no constructor)."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}  # MkDocs reads the file (or fails) on its own: the warning goes to line 1
    nav = next((value for key, value in getattr(root, "value", ()) if
                isinstance(root, yaml.MappingNode) and getattr(key, "value", None) == "nav"), None)
    places: dict[str, tuple[int, int]] = {}

    def walk(node) -> None:
        if isinstance(node, yaml.ScalarNode):
            for uri in nav_links([node.value], root_relative=nav_root_relative):
                places.setdefault(uri, (node.start_mark.line + 1, node.start_mark.column + 1))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for _, value in node.value:
                walk(value)

    if nav is not None:
        walk(nav)
    return places
