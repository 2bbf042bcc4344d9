"""The project folder and its ``mkdocs.yml``, shared by both fronts (the CLI and the plugin).

mkdocs_yaml.py       ``mkdocs.yml`` read safely, before MkDocs reads it (no tag runs code)
config.py            the project: its content folder, the coalition plugin's options, what it names
settings.py          those options validated once (rules, build date, cache folder), the audience,
                     and what a command hands the plugin (:class:`~.settings.Handover`)
check.py             the check of both fronts: the charter's, then mkdocs.yml's
nav.py               attachments a site's own nav would publish, located in mkdocs.yml
risky_extensions.py  what in mkdocs.yml lets a page read files or run code
clock.py             the build's "as of" date; user_cache.py the diagrams' private cache folder
output_dir.py        where a build may go, built aside and moved into place
serve_address.py     where the internal site may be served
publish.py           a version of the site on a git branch, as mike lays it out
scaffold/            the starter project of ``coalition-site new``
"""

from .config import Project, find_project

__all__ = ["Project", "find_project"]
