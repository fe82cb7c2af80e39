"""Fixtures for the reliability tests: seeded data directories (helpers: reliability_support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from itacheck.store.repository import Repository


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data directory seeded with the bundled sample plan (FY2566, 21 records)."""
    data = tmp_path / "data"
    Repository(data, user="tester").load_sample()
    return data


@pytest.fixture
def repo(data_dir: Path) -> Repository:
    return Repository(data_dir, user="tester")
