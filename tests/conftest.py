"""Shared fixtures; the helpers themselves live in ``support.py`` beside this file."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from leak_grammar import fuzzing
from support import Sample

# `make fuzz`: random seeds, no deadline, and no bound on examples; the leak property tests run
# it in rounds of their usual size until the time the Makefile gives them is up
# (leak_grammar.for_the_time_given) or a counterexample is found, shrunk, printed and kept in
# .hypothesis/ for the next run to try first.
settings.register_profile("fuzz", max_examples=10**9, derandomize=False, deadline=None,
                          print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Every other run: no deadline. A property test checks what a function does, not how fast (the
# benchmarks and tests/test_linear_scanners.py measure that); on CI's two busy cores a 200 ms
# deadline fails a correct example at random.
# And a fixed seed: CI reports what the code does, not what one run's random draw found (that is
# `make fuzz`'s work, whose finds .hypothesis/ keeps for every later run to try first).
settings.register_profile("suite", deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("fuzz" if fuzzing() else "suite")


@pytest.fixture
def sample(tmp_path) -> Sample:
    """A fresh copy of the minimal sample project, to edit."""
    return Sample.copy(tmp_path / "project")



@pytest.fixture(autouse=True, scope="session")
def _private_user_cache(tmp_path_factory):
    """Builds cache their diagrams per user (user_cache.py): in the test session's own folder,
    never the real ~/.cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
    yield
    mp.undo()
