"""The privacy marker, and the words that look like it.

Exactly one spelling marks a block internal: the class ``internal`` on an admonition or details
block (``!!! internal``, ``??? internal``, ``/// admonition`` with ``type: internal``). A word
that a hurried partner may have meant as that marker (a typo, a synonym, a longer class) is
not the marker, and a block carrying it would be published: :func:`looks_internal` finds such
words, so that they can be refused rather than guessed at.
"""

from __future__ import annotations

import difflib
import re

INTERNAL = "internal"
"""The one class that marks a block internal."""

SYNONYMS = frozenset({
    "private", "confidential", "secret", "restricted", "hidden", "sensitive", "nonpublic",
    "not-public", "partners-only", "partner-only", "members-only", "staff-only", "internal-only",
    "internals", "intern", "privat", "vertraulich", "interne", "interno", "interna",
})
"""Words a partner may write for ``internal``: each is refused where a marker is expected."""

# A typo of `internal` is this close to it (difflib's ratio): `internl` 0.93, `itnernal` 0.88,
# `eternal` 0.80; `external` (0.75) and `informal` (0.63) are words of their own.
_TYPO_RATIO = 0.8
_WORD_SPLIT = re.compile(r"[\s_]+")


def is_internal(classes: str | list[str]) -> bool:
    """Whether a block's classes hold the marker exactly (Python-Markdown lowercases them)."""
    words = classes.split() if isinstance(classes, str) else classes
    return INTERNAL in (w.lower() for w in words)


def looks_internal(word: str) -> bool:
    """Whether ``word`` (one class, one title word) may have been meant as ``internal``
    without being it: a typo, a synonym, or a longer word built on it (``internal-note``)."""
    word = word.strip().lower().strip(".:;,!?\"'()[]")
    if not word or word == INTERNAL:
        return False
    if word in SYNONYMS or "intern" in word:
        return True
    if any(part in SYNONYMS for part in re.split(r"[-_]", word) if part):
        return True
    return difflib.SequenceMatcher(None, word, INTERNAL).ratio() >= _TYPO_RATIO


def near_miss(classes: list[str], title: str | None = None) -> str | None:
    """The word of a block's classes (or the first word of its title) that looks like the
    marker, when the block is not marked internal; ``None`` when there is none."""
    if is_internal(classes):
        return None
    for word in classes:
        if looks_internal(word):
            return word
    if title:
        first = _WORD_SPLIT.split(title.strip(), maxsplit=1)[0]
        if first.lower().strip(".:;,!?\"'()[]") == INTERNAL or looks_internal(first):
            return first
    return None
