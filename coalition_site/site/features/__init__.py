"""Site features beyond the charter pages, each adding pages and fragments to a build."""

from .base import Feature
from .history import HistoryFeature
from .logic import LogicFeature
from .vitality import VitalityFeature

FEATURES: list[type[Feature]] = [LogicFeature, VitalityFeature, HistoryFeature]
"""The feature classes every build uses, in navigation order."""

__all__ = ["FEATURES", "Feature", "HistoryFeature", "LogicFeature", "VitalityFeature"]
