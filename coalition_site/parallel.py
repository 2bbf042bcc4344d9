"""A pure function mapped over many items on every core of the machine, when that is safe.

MkDocs renders pages one after another, in one process. Some steps are pure functions of one
item: linking the glossary's terms into a page (its HTML in, its HTML out), searching a built
file for internal values, reading one charter file. :class:`Workers` runs such a step over many
items in worker processes, one a core, and gives the same list as running it here would, in the
same order (:meth:`Workers.map`), or starts it and goes on (:meth:`Workers.submit`: the pages
of a large build are linked and searched beside MkDocs rendering and writing the next ones);
:func:`map_once` forks workers for a single step (a first check's files). At the bottom of the
layers: it knows nothing of charters or sites.

The workers are forked from the build's process, which is cheap and needs no ``__main__``
guard in a script that builds a site (a spawned worker would import that script again). They
are forked early (:meth:`Workers.start`, once the site is planned), while the process is small:
a copy forked once every page is rendered would count the whole site in its memory. Forking a
process that runs other threads may leave a lock held in the copy for ever, so whenever another
thread runs (``mkdocs serve``'s server, say), or the machine has one core, or there are too few
items to pay for the workers, or the operating system cannot fork, the step runs here.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 400
"""A site of fewer pages than this starts no workers (the plugin decides): starting them and
sending the pages to them and back costs about what linking a few hundred pages does, and a
small site is built as it always was."""
MIN_ONCE = 200
"""Fewer items than this are not worth forking workers for one step (:func:`map_once`): reading
a charter file takes about a millisecond, forking and feeding the workers some tens."""
CHUNKS_PER_WORKER = 4
"""Items go to the workers in this many chunks each, so that one slow chunk does not leave a
core idle for long, and the pipe carries a few large messages rather than many small ones."""


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether worker processes can be forked safely from this one, now."""
    return ("fork" in multiprocessing.get_all_start_methods() and cores() > 1
            and threading.active_count() == 1)


class Workers:
    """Worker processes for :meth:`map`, forked by :meth:`start` and stopped by :meth:`close`."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Fork one worker a core now, if that is safe (else :meth:`map` runs here)."""
        if self._pool is not None or not can_fork():
            return
        try:
            # At the same priority as the build: a lower one bought nothing on an idle machine,
            # and on a busy one left the build waiting on workers starved by other programs.
            pool = ProcessPoolExecutor(cores(), mp_context=multiprocessing.get_context("fork"))
            pool.submit(int).result()  # forks every worker now, while this process is small
        except (OSError, BrokenProcessPool):
            return  # no fork here (a sandbox's limit on processes, no /dev/shm ...)
        self._pool = pool

    @property
    def started(self) -> bool:
        return self._pool is not None

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]:
        """``[function(item) for item in items]``, in the workers once started.

        ``function`` must be pure (its result depends on its item only) and defined at a
        module's top level; its items and results are sent to and from the workers, so they
        are plain values.
        """
        if self._pool is None:
            return [function(item) for item in items]
        workers = cores()
        chunk = max(1, -(-len(items) // (workers * CHUNKS_PER_WORKER)))
        try:
            return list(self._pool.map(function, items, chunksize=chunk))
        except BrokenProcessPool:
            # A worker died (killed for its memory, say): the step is pure, so running it
            # again here gives the same result.
            self.close()
            return [function(item) for item in items]

    def submit(self, function: Callable[[T], R], items: Sequence[T]) -> Callable[[], list[R] | None]:
        """Start ``[function(item) for item in items]`` in a worker and go on; the function
        returned waits for the list and gives it, or ``None`` if there are no workers (any more):
        the caller then does the work itself. ``function`` and ``items`` as for :meth:`map`; the
        items are not kept here once sent (a large build sends every page)."""
        future = None
        if self._pool is not None:
            try:
                future = self._pool.submit(_each, function, list(items))
            except (BrokenProcessPool, RuntimeError):  # a worker died, or the pool was closed
                future = None

        def result() -> list[R] | None:
            if future is None:
                return None
            try:
                return future.result()
            except (BrokenProcessPool, CancelledError):  # a worker died; or, since, another step's
                self.close()  # death closed the pool, and what was waiting with it
                return None
        return result

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def map_once(function: Callable[[T], R], items: Sequence[T], *, min_items: int = MIN_ONCE) -> list[R]:
    """``[function(item) for item in items]`` on every core, by workers forked for it and stopped
    after, when that is safe and there are ``min_items`` or more (a check's files, say); else here.
    ``function`` and ``items`` as for :meth:`Workers.map`."""
    if len(items) < min_items:
        return [function(item) for item in items]
    workers = Workers()
    workers.start()
    try:
        return workers.map(function, items)
    finally:
        workers.close()


def _each(function: Callable[[T], R], items: list[T]) -> list[R]:
    return [function(item) for item in items]
