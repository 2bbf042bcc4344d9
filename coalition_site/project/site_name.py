"""The coalition's name in ``coalition.yml`` and the site's in ``mkdocs.yml`` (rule ``site-name``).

The charter's pages say ``name``; the site's header, its tab title and search say ``site_name``.
When they disagree (a coalition renamed in one file only, a starter project's placeholder kept),
readers see two names for one coalition. A warning, at ``site_name``'s line: the steward may
mean it (a site named for its campaign), and can turn the rule off.
"""

from __future__ import annotations

from ..problems import Problem
from .mkdocs_yaml import MkDocsYaml

RULE = "site-name"


def site_name_problems(config: MkDocsYaml, coalition_name: str,
                       short_name: str | None = None) -> list[Problem]:
    """A warning when ``site_name`` is neither the coalition's ``name`` nor its ``short_name``
    (the name for tight places, which a site's header is)."""
    site_name = config.data.get("site_name")
    names = {" ".join(name.split()) for name in (coalition_name, short_name) if name}
    if not isinstance(site_name, str) or " ".join(site_name.split()) in names:
        return []
    at = config.where("site_name")
    line, column = (at.line, at.column) if at else (1, 1)
    return [Problem(at.file if at else "mkdocs.yml", line, column, "warning",
                    f"'site_name' is {site_name!r} but coalition.yml's 'name' is {coalition_name!r}"
                    + (f" and its 'short_name' {short_name!r}" if short_name else "") + "; "
                    "make them the same, so that the site's header and its pages name the coalition "
                    "alike (or set 'site-name: off' under the plugin's 'rules' if the site is meant "
                    "to have another name)", RULE)]
