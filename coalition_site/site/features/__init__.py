"""Site features beyond the charter pages, each adding pages and fragments to a build."""

from .base import Feature
from .history import HistoryFeature
from .logic import LogicFeature
from .onboarding import OnboardingFeature
from .vitality import VitalityFeature

FEATURES: list[type[Feature]] = [OnboardingFeature, LogicFeature, VitalityFeature, HistoryFeature]
"""The feature classes every build uses, in navigation order."""

__all__ = ["FEATURES", "Feature", "HistoryFeature", "LogicFeature", "OnboardingFeature", "VitalityFeature"]
