"""The GitHub kit: the ``.github/`` folder that makes a pull request obey the charter.

``coalition-site new`` writes it with the starter project and ``coalition-site github`` writes or
refreshes it: the workflows (static templates, in ``templates/``), the pinned requirement they
install, and the files generated from the charter (CODEOWNERS, the pull-request template, the
issue forms). Every file records the hash of what was generated in a header, as copier and
pre-commit's generators do, so that a refresh can tell a file the steward changed from one
coalition-site wrote, and never overwrites the former without being told to.
"""

from __future__ import annotations

from .kit import FileStatus, KitFile, kit_files, survey, write_kit
from .summary import step_summary

__all__ = ["FileStatus", "KitFile", "kit_files", "step_summary", "survey", "write_kit"]
