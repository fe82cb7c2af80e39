"""Shared fixtures: a data directory seeded with the bundled sample plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from itacheck.cli import main
from itacheck.store.repository import Repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository(tmp_path / "data", user="tester")
    repository.load_sample()
    return repository


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory started as a new officer would: `itacheck init --sample`, named by
    ITACHECK_DATA for the commands the test runs."""
    monkeypatch.setenv("ITACHECK_DATA", str(tmp_path / "data"))
    assert main(["init", "--sample"]) == 0
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def private_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test has its own per-user state (one-time notices) and cache (link checks), never the
    developer's."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
