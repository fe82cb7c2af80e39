"""Fixtures for the TUI tests: a seeded data directory, a fixed today, and a way to wait until
the app's worker threads have finished and their results are on screen."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from itacheck.store.repository import Repository
from itacheck.tui.app import ItaCheckApp, make_app

#: FY2566, last day of the half-year round: the reference report's "as of".
TODAY = date(2023, 3, 31)


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository(tmp_path / "data", user="tester")
    repository.load_sample()
    return repository


@pytest.fixture
def app(repo: Repository) -> ItaCheckApp:
    return make_app(repo, today=TODAY, refresh_seconds=0.2)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def settle():
    """``await settle(pilot)``: see `wait_settled`."""
    return wait_settled


async def wait_settled(pilot: Pilot) -> None:
    """Wait for the keys typed ahead to be handled (on a loaded machine that can take seconds)
    and for the reads asked for to be shown (the first starts after the first frame), then for
    reads and writes in worker threads and for the messages they post."""
    deadline = time.monotonic() + 30
    while (pilot.app.typing_ahead or pilot.app.reading or not pilot.app._message_queue.empty()) \
            and time.monotonic() < deadline:
        await pilot.pause(0.05)
    for _ in range(6):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive worker (a reload) replaced by a newer one
            pass
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            await pilot.pause()
            if not any(w.is_running for w in pilot.app.workers):
                return
