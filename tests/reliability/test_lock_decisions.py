"""A colleague's save lands while this program waits for the lock: what the change decides ("has
this period a record?", "has this year a plan?") must take that save into account.

`test_races.py` races real processes, which hits the window only some of the time; here the
colleague holds the lock, and saves only once the officer's change is blocked waiting for it, so a
decision taken on a read from before the lock is caught every time.
"""

from __future__ import annotations

import dataclasses
import fcntl
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from itacheck.locations import data_files_dir
from itacheck.store.errors import AlreadyRecorded
from itacheck.store.planfile import read_plan_file
from itacheck.store.repository import Repository
from reliability_support import YEAR


def _colleague_saves_while_officer_waits(colleague: Repository, officer_change: Callable[[], Any],
                                         colleague_change: Callable[[], Any],
                                         monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Run ``officer_change`` in a thread while ``colleague`` holds the year's lock; the colleague
    makes ``colleague_change`` once the officer is blocked waiting for the lock, and saves it as the
    lock is released. The officer's result (``result``) or exception (``error``)."""
    waiting = threading.Event()
    real_flock = fcntl.flock

    def flock(fd: int, operation: int) -> None:
        if operation == fcntl.LOCK_EX:  # a blocking wait: the officer's change is queued behind ours
            waiting.set()
        real_flock(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock)
    outcome: dict[str, Any] = {}

    def officer() -> None:
        try:
            outcome["result"] = officer_change()
        except Exception as exc:  # what the test looks at
            outcome["error"] = exc

    with colleague.year_file(YEAR).transaction():
        thread = threading.Thread(target=officer)
        thread.start()
        assert waiting.wait(60), "the officer's change never waited for the lock"
        colleague_change()
    thread.join(60)
    assert not thread.is_alive()
    return outcome


def test_a_tick_sees_the_record_a_colleague_saved_while_it_waited(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    colleague = Repository(data_dir, user="colleague")
    officer = Repository(data_dir, user="officer", lock_timeout=60)
    tick = (YEAR, "e7-s1", None, date(2023, 9, 30))  # September: 2566-M12, open in the sample
    outcome = _colleague_saves_while_officer_waits(colleague, lambda: officer.add_record(*tick),
                                                   lambda: colleague.add_record(*tick), monkeypatch)
    assert isinstance(outcome.get("error"), AlreadyRecorded), outcome
    september = [r for r in Repository(data_dir).records(YEAR) if (r.task_id, r.occurrence) == ("e7-s1", "2566-M12")]
    assert [r.recorded_by for r in september] == ["colleague"]


def test_the_sample_never_replaces_a_plan_imported_while_it_waited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "data"
    colleague = Repository(data, user="colleague")
    officer = Repository(data, user="officer", lock_timeout=60)
    sample, _ = read_plan_file(data_files_dir() / "sample-2566.toml")
    ours = dataclasses.replace(sample, organisation=dataclasses.replace(sample.organisation, name="เทศบาลตำบลทดสอบ"))
    outcome = _colleague_saves_while_officer_waits(colleague, officer.load_sample, lambda: colleague.import_plan(ours),
                                                   monkeypatch)
    assert outcome == {"result": False}
    assert Repository(data).plan(YEAR).organisation.name == "เทศบาลตำบลทดสอบ"
