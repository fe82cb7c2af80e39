"""Crashes: a writer SIGKILLed at random points never corrupts the database or loses an
acknowledged write (see crash_harness.py for how the kill points are chosen and what is checked).

Default: 100 kills. ``ITACHECK_STRESS=1``: 1000 kills. Replacing the atomic write by a plain
in-place write makes this test fail (5–16 corrupt databases per 100–250 kills when it was tried).
"""

from __future__ import annotations

import os
import signal
import time
from datetime import date
from pathlib import Path

import pytest

import crash_harness
from reliability_support import YEAR, stress
from itacheck.store.repository import Repository
from itacheck.store.yearfile import YearFile


@pytest.mark.slow
def test_random_sigkills_never_corrupt_or_lose_acknowledged_writes(tmp_path):
    kills = stress(100, 1000)
    figures = crash_harness.run(kills, seed=2566, workdir=tmp_path)
    print("\ncrash harness:", figures.summary())
    assert figures.kills >= kills * 0.95, figures.summary()
    assert figures.ok, figures.summary() + "\n" + "\n".join(figures.problems[:10] + figures.child_errors[:5])
    # The children did real work, counted rather than timed: every kill came after the child had
    # acknowledged an operation, and most landed inside one (a kill between two operations proves little).
    assert figures.kills_after_work == figures.kills, figures.summary()
    assert figures.kills_in_operations > figures.kills // 2, figures.summary()


def _fork(fn) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        try:
            fn()
        finally:
            os._exit(0)
    return pid


def test_a_killed_lock_holder_never_blocks_the_others(data_dir: Path):
    """The kernel drops a flock when its process dies: no stale lock, no manual clean-up."""
    ready_r, ready_w = os.pipe()

    def hold_forever():
        yf = YearFile(data_dir / f"{YEAR}.json")
        with yf.transaction():
            os.write(ready_w, b"x")
            time.sleep(3600)

    pid = _fork(hold_forever)
    assert os.read(ready_r, 1) == b"x"
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    record = Repository(data_dir, user="next", lock_timeout=5).add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1))
    assert record.id in {r.id for r in Repository(data_dir).records(YEAR)}


@pytest.mark.parametrize("seed", range(stress(12, 60)))
def test_a_kill_during_restore_leaves_the_old_or_the_restored_file(data_dir: Path, seed: int):
    """`itacheck restore` replaces the whole file: a kill at any of its calls leaves one version."""
    repo = Repository(data_dir, user="tester")
    yf = repo.year_file(YEAR)
    with yf.transaction_raw():
        backup = yf.backup(reason="manual")
    repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note="after the backup")
    before = yf.path.read_bytes()
    target = seed % 12 + 1
    rfd, wfd = os.pipe()

    def restore_with_kill():
        seen = 0

        def hook(frame, event, arg):
            nonlocal seen
            if event in ("c_call", "c_return") and crash_harness._is_io(arg):
                seen += 1
                if seen >= target:
                    os.kill(os.getpid(), signal.SIGKILL)

        import sys
        sys.setprofile(hook)
        YearFile(yf.path).restore(backup)
        sys.setprofile(None)
        os.write(wfd, b"done")

    pid = _fork(restore_with_kill)
    os.close(wfd)
    _, status = os.waitpid(pid, 0)
    finished = os.read(rfd, 4) == b"done"
    after = yf.path.read_bytes()
    assert after in (before, backup.read_bytes())
    if finished:
        assert after == backup.read_bytes()
    Repository(data_dir).records(YEAR)  # opens
