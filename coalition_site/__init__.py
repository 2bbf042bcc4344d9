"""coalition-site: publish a coalition's charter as a website.

The library reads a charter (Markdown and YAML, see docs/format.md), validates it with located
problems, filters it for an audience and renders its pages; the MkDocs plugin (``coalition``)
and the ``coalition-site`` command are thin fronts to it.
"""

from .audience import for_audience, strip_internal_blocks
from .check import CheckResult, check_charter
from .errors import CharterError, CoalitionSiteError, ProjectError, RenderError
from .load.charter import LoadResult, load_charter
from .model import Charter
from .problems import Problem, format_problems
from .render.site import BuildOptions, SiteBuild

__all__ = [
    "BuildOptions", "Charter", "CharterError", "CheckResult", "CoalitionSiteError", "LoadResult",
    "Problem", "ProjectError", "RenderError", "SiteBuild", "check_charter", "for_audience",
    "format_problems", "load_charter", "strip_internal_blocks", "__version__",
]


def __getattr__(name: str) -> str:
    # ``__version__`` is read from the installed package's metadata when it is asked for, not
    # on import: searching the installed packages cost every build a few milliseconds.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("coalition-site")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        value = "0.0.0"
    globals()["__version__"] = value
    return value
