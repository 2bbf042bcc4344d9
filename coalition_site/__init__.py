"""coalition-site: publish a coalition's charter as a website.

The library reads a charter (Markdown and YAML, see docs/format.md), validates it with located
problems, filters it for an audience and renders its pages; the MkDocs plugin (``coalition``)
and the ``coalition-site`` command are thin fronts to it.
"""

from .audience import for_audience
from .check import CheckResult, check_charter
from .errors import CharterError, CoalitionSiteError, ProjectError, RenderError
from .load.charter import LoadResult, load_charter
from .markup import MarkupReader
from .model import Charter
from .problems import Problem, format_problems

__all__ = [
    "BuildOptions", "Charter", "CharterError", "CheckResult", "CoalitionSiteError", "LoadResult",
    "Problem", "ProjectError", "RenderError", "SiteBuild", "check_charter", "for_audience",
    "format_problems", "load_charter", "MarkupReader", "__version__",
]

# Rendering brings in Jinja, Graphviz and pygal, which checking a charter never needs: its names
# are imported when first used. (The plugin imports rendering as MkDocs loads it, so a build
# still stops at once when one of those is missing.)
_RENDERING = ("BuildOptions", "SiteBuild")


def __getattr__(name: str):
    if name in _RENDERING:
        from . import sitebuild

        # The public SiteBuild builds the whole site, features included, as it always has.
        value = sitebuild.CompleteSiteBuild if name == "SiteBuild" else getattr(sitebuild, name)
    elif name == "__version__":
        value = _installed_version()
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _installed_version() -> str:
    # Read when asked for, not on import: searching the installed packages' metadata cost
    # every build a few milliseconds.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("coalition-site")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"
