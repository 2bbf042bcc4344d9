"""Results of pure steps, kept from one build to the next under ``coalition-site serve``.

An edit to one review leaves most pages as they were: a step whose output depends only on its
input (linking the glossary's terms into a page's HTML, say) need not run again on the same
input. A :class:`ContentMemo` is keyed by the whole input, compared for equality (never by a
name, a path or a date), so a changed input always runs the step again and nothing stale can
come back: the internal and the public build of a page share an entry only when their inputs
are the same text, and then the output is the same too.

It keeps what the last build used and what the current one uses, nothing older: its memory is
at most two builds' worth of the steps' inputs and outputs. Only the dev server makes one (a
build run once would hold the site twice in memory for nothing).
"""

from __future__ import annotations

from typing import Callable, Hashable, TypeVar

T = TypeVar("T")


class ContentMemo:
    """Outputs of pure steps by ``(step, input ...)``, for the current build and the last one."""

    def __init__(self) -> None:
        self._current: dict[Hashable, object] = {}
        self._previous: dict[Hashable, object] = {}
        self.hits = 0
        """Lookups answered without running the step, in the current build."""

    def new_build(self) -> None:
        """Start a build: what the build before the last did not use again is let go."""
        self._previous, self._current = self._current, {}
        self.hits = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The output for ``key`` (the step's name and its whole input), computed when unseen.

        Outputs must be immutable (text): the same object is handed to every caller.
        """
        if key in self._current:
            self.hits += 1
            return self._current[key]  # type: ignore[return-value]
        if key in self._previous:
            self.hits += 1
            value = self._previous.pop(key)
        else:
            value = compute()
        self._current[key] = value
        return value  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._current) + len(self._previous)
