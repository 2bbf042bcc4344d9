"""Site features beyond the charter pages, each adding pages and fragments to a build."""

from .base import Feature
from .vitality import VitalityFeature

FEATURES: list[type[Feature]] = [VitalityFeature]
"""The feature classes every build uses, in navigation order."""

__all__ = ["FEATURES", "Feature"]
