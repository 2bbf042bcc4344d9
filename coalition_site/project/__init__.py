"""The project folder and its ``mkdocs.yml``, shared by both fronts (the CLI and the plugin).

mkdocs_yaml.py  ``mkdocs.yml`` read safely, before MkDocs reads it (no tag runs code)
config.py       the project: its content folder, the coalition plugin's options, what the site names
"""

from .config import Project, find_project

__all__ = ["Project", "find_project"]
