"""Site features beyond the charter pages, each adding pages and fragments to a build."""

from .base import Feature

FEATURES: list[type[Feature]] = []
"""The feature classes every build uses, in navigation order."""

__all__ = ["FEATURES", "Feature"]
