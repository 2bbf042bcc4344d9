"""The exceptions coalition-site raises: one base class and a few subclasses.

Every one carries a message fit to print as it is; the CLI prints ``error: <message>`` and exits
non-zero, the MkDocs plugin turns them into a ``PluginError``. No traceback reaches a user for
anything they wrote.
"""

from __future__ import annotations

import errno
from typing import Sequence

from .problems import Problem, format_problems, summary


class CoalitionSiteError(Exception):
    """Base class of every error coalition-site raises on purpose."""


class CharterError(CoalitionSiteError):
    """The charter has errors; ``problems`` holds every one, located."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__(
            f"the charter has {summary(self.problems)}:\n{format_problems(self.problems)}"
        )


class ProjectError(CoalitionSiteError):
    """The project itself cannot be used: no content folder, no mkdocs.yml, and the like."""


class ConfigError(ProjectError):
    """A setting of the project is wrong (a rule id or level, the build date, the audience): the
    message names the setting and the fix; each front says where the setting was written."""


class BuildError(CoalitionSiteError):
    """A site cannot be built, served or put in place: its output folder refused, its address
    taken, MkDocs' own failure. The message says which, and the fix."""


class RenderError(CoalitionSiteError):
    """A diagram or chart could not be rendered (``dot`` missing, timed out, ...)."""


def os_reason(exc: OSError) -> str:
    """Why the file system refused, in words (a path through a file says so plainly)."""
    if exc.errno == errno.ENOTDIR:
        return "part of the path is a file, not a folder"
    return (exc.strerror or str(exc)).lower()
