"""Shared fixtures; the helpers themselves live in ``support.py`` beside this file."""

from __future__ import annotations

import pytest

from support import Sample


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
