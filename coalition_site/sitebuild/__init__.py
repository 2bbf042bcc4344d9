"""One build of a charter's site, independent of MkDocs: the site composed of its features.

build.py   :class:`SiteBuild`: the plan of an audience-filtered charter, and each page's HTML
features/  the parts of the site that add pages and fragments (onboarding, the Coalition Logic map, the
           vitality dashboard, the history), passed to the build: :data:`FEATURES`
"""

from __future__ import annotations

from typing import Iterable

import jinja2

from ..model import Charter
from .build import BuildOptions, SiteBuild
from .features import FEATURES, Feature

__all__ = ["BuildOptions", "CompleteSiteBuild", "FEATURES", "Feature", "SiteBuild"]


class CompleteSiteBuild(SiteBuild):
    """Everything one build of one audience needs to render its pages: the charter's own pages
    and every feature's (``coalition_site.SiteBuild``, as the library has always offered it).

    :class:`SiteBuild` composes only the features it is passed; this one passes them all unless
    told otherwise, so that code written against the library before the features were passed
    in still builds the whole site.
    """

    def __init__(self, charter: Charter, options: BuildOptions | None = None,
                 loader: jinja2.BaseLoader | None = None, *,
                 features: Iterable[type[Feature]] = FEATURES):
        super().__init__(charter, options, loader, features=features)
