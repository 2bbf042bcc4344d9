"""coalition-site: publish a coalition's charter as a website.

The library reads a charter (Markdown and YAML, see docs/format.md), validates it with located
problems, filters it for an audience and renders its pages; the MkDocs plugin (``coalition``)
and the ``coalition-site`` command are thin fronts to it.
"""

from importlib.metadata import PackageNotFoundError, version

from .audience import for_audience, strip_internal_blocks
from .check import CheckResult, check_charter
from .errors import CharterError, CoalitionSiteError, ProjectError, RenderError
from .load.charter import LoadResult, load_charter
from .model import Charter
from .problems import Problem, format_problems
from .render.site import BuildOptions, SiteBuild

try:
    __version__ = version("coalition-site")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "BuildOptions", "Charter", "CharterError", "CheckResult", "CoalitionSiteError", "LoadResult",
    "Problem", "ProjectError", "RenderError", "SiteBuild", "check_charter", "for_audience",
    "format_problems", "load_charter", "strip_internal_blocks", "__version__",
]
