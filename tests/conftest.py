"""Shared fixtures; the helpers themselves live in ``support.py`` beside this file."""

from __future__ import annotations

import pytest

from support import Sample


@pytest.fixture
def sample(tmp_path) -> Sample:
    """A fresh copy of the minimal sample project, to edit."""
    return Sample.copy(tmp_path / "project")

