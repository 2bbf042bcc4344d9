"""No reader's address goes to a font host: the system's fonts, unless mkdocs.yml asks for others.

Material's default (``theme.font``: Roboto) makes every page ask Google for its fonts, so every
reader's address reaches a third party: a real concern for coalitions with immigrant-rights or
labour partners. Material's own switch, ``font: false``, uses the system font stack instead.
A site whose mkdocs.yml names ``theme.font`` keeps its choice (Material's privacy plugin can
then serve those fonts from the site itself).
"""

from __future__ import annotations

from typing import Any, Mapping

from mkdocs.config.defaults import MkDocsConfig


def asks_for_fonts(mkdocs_yml: Mapping[str, Any]) -> bool:
    """Whether mkdocs.yml, as written (INHERIT followed), sets ``theme.font``."""
    theme = mkdocs_yml.get("theme")
    return isinstance(theme, Mapping) and "font" in theme


def use_system_fonts(config: MkDocsConfig, mkdocs_yml: Mapping[str, Any]) -> bool:
    """Switch Material to the system's fonts unless mkdocs.yml chose fonts; whether it did."""
    if config.theme.name != "material" or asks_for_fonts(mkdocs_yml):
        return False
    config.theme["font"] = False
    return True
