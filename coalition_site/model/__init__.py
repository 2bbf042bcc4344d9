"""Pydantic models of the charter format, one module per file kind."""

from .base import ID_PATTERN, Audience, MarkdownFile, StrictModel, Visibility
from .charter import Charter
from .charter_pages import (Agreement, Ask, Autonomy, ConflictProtocol, JointDemand,
                            ProblemStatement, Steward, StewardMandate)
from .coalition import CharterVersion, Coalition, HistoryEntry
from .logic import Condition, Dependency, Logic, Tension
from .page import KNOWN_PAGE_KEYS, Page
from .partner import Partner, Representative, SteppedBack
from .review import DECISION_STATUSES, SIGNS_OF_DECAY, SIGNS_OF_LIFE, Decision, Review

__all__ = [
    "ID_PATTERN", "Audience", "MarkdownFile", "StrictModel", "Visibility", "Charter",
    "Agreement", "Ask", "Autonomy", "ConflictProtocol", "JointDemand", "ProblemStatement",
    "Steward", "StewardMandate", "CharterVersion", "Coalition", "HistoryEntry", "Condition", "Dependency",
    "Logic", "Tension", "KNOWN_PAGE_KEYS", "Page", "Partner", "Representative", "SteppedBack",
    "SIGNS_OF_DECAY", "SIGNS_OF_LIFE", "Review", "DECISION_STATUSES", "Decision",
]
