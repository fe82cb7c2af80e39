"""Shared fixtures: a data directory seeded with the bundled sample plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from itacheck.store.repository import Repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository(tmp_path / "data", user="tester")
    repository.load_sample()
    return repository
