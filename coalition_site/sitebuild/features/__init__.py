"""Site features beyond the charter pages, each adding pages and fragments to a build."""

from .base import Feature
from .decisions import DecisionsFeature
from .glossary import GlossaryFeature
from .history import HistoryFeature
from .logic import LogicFeature
from .onboarding import OnboardingFeature
from .vitality import VitalityFeature

FEATURES: list[type[Feature]] = [OnboardingFeature, LogicFeature, VitalityFeature, HistoryFeature,
                                  DecisionsFeature, GlossaryFeature]
"""The feature classes every build uses, in navigation order."""

__all__ = ["FEATURES", "DecisionsFeature", "Feature", "GlossaryFeature", "HistoryFeature",
           "LogicFeature", "OnboardingFeature", "VitalityFeature"]
