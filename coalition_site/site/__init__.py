"""One build of a charter's site, independent of MkDocs: the site composed of its features.

build.py   :class:`SiteBuild`: the plan of an audience-filtered charter, and each page's HTML
features/  the parts of the site that add pages and fragments (the Coalition Logic map, the
           vitality dashboard, the history), passed to the build: :data:`FEATURES`
"""

from .build import BuildOptions, SiteBuild
from .features import FEATURES, Feature

__all__ = ["BuildOptions", "FEATURES", "Feature", "SiteBuild"]
