"""Several officers at once: no save ever wipes another's, and a long wait says "busy, try again".

Writers are separate processes (fork), as officers' SSH sessions are, or the real `itacheck`
command next to a long-lived Repository (what the TUI holds). No writer retries: a StoreBusy or
a lost record fails the test.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from itacheck.store.errors import StoreBusy
from itacheck.store.repository import Repository
from itacheck.store.yearfile import YearFile
from reliability_support import YEAR, assert_clean_failure, cli_env, run_cli

CTX = mp.get_context("fork")


def _ticker(data: str, writer: int, ticks: int, start, results) -> None:
    repo = Repository(Path(data), user=f"officer{writer}")
    start.wait()
    ids = []
    try:
        for i in range(ticks):
            r = repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note=f"officer{writer} tick {i}")
            ids.append(r.id)
        results.put((writer, ids, None))
    except BaseException as exc:  # reported to the test, which fails on it
        results.put((writer, ids, f"{type(exc).__name__}: {exc}"))


def _run_writers(data: Path, target, writers: int, *args) -> list:
    start, results = CTX.Event(), CTX.Queue()
    procs = [CTX.Process(target=target, args=(str(data), n, *args, start, results)) for n in range(writers)]
    for p in procs:
        p.start()
    start.set()
    out = [results.get(timeout=600) for _ in procs]
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    return sorted(out)


def test_four_processes_ticking_120_times_each_lose_nothing(data_dir: Path):
    """4 writers × 120 ticks on one year file at once → exactly 480 new records, each acknowledged
    id present once, one audit entry each, the file valid. (Without the lock, or with the file
    read outside it, this loses hundreds of records.)"""
    seeded = {r.id for r in Repository(data_dir).records(YEAR)}
    results = _run_writers(data_dir, _ticker, 4, 120)
    assert [err for _, _, err in results] == [None] * 4
    acknowledged = [i for _, ids, _ in results for i in ids]
    assert len(acknowledged) == len(set(acknowledged)) == 480

    repo = Repository(data_dir)
    records = repo.records(YEAR)
    new = [r for r in records if r.id not in seeded]
    print(f"\n4 writers x 120 ticks: {len(new)} records found")
    assert len(new) == 480
    assert {r.id for r in new} == set(acknowledged)
    assert Counter(r.recorded_by for r in new) == {f"officer{n}": 120 for n in range(4)}
    assert {r.note for r in new} == {f"officer{n} tick {i}" for n in range(4) for i in range(120)}
    ticks = [e for e in repo.audit(YEAR) if e.action == "tick"]
    assert sorted(e.record_id for e in ticks) == sorted(acknowledged)
    YearFile(data_dir / f"{YEAR}.json")._parse((data_dir / f"{YEAR}.json").read_bytes())


def _tick_and_undo(data: str, writer: int, ops: int, start, results) -> None:
    """A writer that ticks and undoes its own ticks; returns the ids it expects to remain."""
    import random

    rng = random.Random(writer)
    repo = Repository(Path(data), user=f"officer{writer}")
    start.wait()
    mine: list[str] = []
    try:
        for i in range(ops):
            if mine and rng.random() < 0.3:
                undone = repo.undo_last(YEAR)
                assert undone is not None and undone.id == mine[-1], (undone, mine[-1:])
                mine.pop()
            else:
                mine.append(repo.add_record(YEAR, "e7-r2", "2566-M03", date(2023, 3, 5), note=f"{writer}/{i}").id)
        results.put((writer, mine, None))
    except BaseException as exc:
        results.put((writer, mine, f"{type(exc).__name__}: {exc}"))


def test_ticks_and_undos_of_three_officers_interleave_correctly(data_dir: Path):
    """undo_last takes back the officer's own latest tick, never a colleague's, under contention."""
    results = _run_writers(data_dir, _tick_and_undo, 3, 80)
    assert [err for _, _, err in results] == [None] * 3
    repo = Repository(data_dir)
    for writer, mine, _ in results:
        have = [r.id for r in repo.records(YEAR) if r.recorded_by == f"officer{writer}"]
        assert sorted(have) == sorted(mine)
    undos = [e for e in repo.audit(YEAR) if e.action == "undo"]
    assert undos and all(e.record_id not in {r.id for r in repo.records(YEAR)} for e in undos)


def test_the_cli_and_a_long_lived_repository_write_at_the_same_time(data_dir: Path):
    """The TUI keeps one Repository open for hours; `itacheck tick` runs beside it. Both write,
    neither loses the other's records, and the open Repository sees the CLI's ticks at once."""
    tui = Repository(data_dir, user="tui-officer")
    before = {r.id for r in tui.records(YEAR)}  # warms the TUI's cache
    token = tui.change_token(YEAR)
    done = run_cli("tick", "e6-r1", "--occurrence", "2566-Q3", "--date", "๑ เม.ย. ๖๖", "--note", "from the CLI",
                   data=data_dir)
    assert done.returncode == 0, done.stderr
    assert tui.change_token(YEAR) != token
    assert {r.note for r in tui.records(YEAR) if r.id not in before} == {"from the CLI"}

    cli_runs = 25
    errors: list[str] = []

    def cli_loop():
        for i in range(cli_runs):
            d = run_cli("tick", "e7-r2", "--occurrence", "2566-M04", "--date", "2023-01-20", "--note", f"cli {i}",
                        data=data_dir)
            if d.returncode != 0:
                errors.append(d.stderr)

    thread = threading.Thread(target=cli_loop)
    thread.start()
    tui_ids = []
    while thread.is_alive() or len(tui_ids) < 50:
        tui_ids.append(tui.add_record(YEAR, "e7-r2", "2566-M04", date(2023, 1, 21), note=f"tui {len(tui_ids)}").id)
        time.sleep(0.005)  # an officer, not a benchmark: leave the CLI room to start its processes
    thread.join()
    assert errors == []
    records = tui.records(YEAR)
    assert {r.note for r in records if r.note.startswith("cli ")} == {f"cli {i}" for i in range(cli_runs)}
    assert set(tui_ids) <= {r.id for r in records}
    print(f"\nCLI + in-process writers: {cli_runs} CLI ticks and {len(tui_ids)} Repository ticks, all present")


def test_threads_of_one_process_and_separate_repositories_do_not_collide(data_dir: Path):
    shared = Repository(data_dir, user="shared")
    ids: list[str] = []
    lock = threading.Lock()

    def work(repo: Repository, n: int):
        for i in range(40):
            r = repo.add_record(YEAR, "e10-r1", "2566-Q1", date(2022, 12, 1), note=f"{n}/{i}")
            with lock:
                ids.append(r.id)

    threads = [threading.Thread(target=work, args=(shared if n < 2 else Repository(data_dir, user=f"t{n}"), n))
               for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ids) == 160
    assert set(ids) <= {r.id for r in Repository(data_dir).records(YEAR)}


def _hold_lock(path: str, ready, release) -> None:
    """A colleague's save that takes far too long (it also writes, inside the lock)."""
    repo = Repository(Path(path), user="slow-colleague")
    with repo.year_file(YEAR).transaction() as db:
        db.table("audit").insert({"at": "2023-01-01T00:00:00", "user": "slow-colleague", "action": "test",
                                  "summary": "held the lock"})
        ready.set()
        release.wait(120)


def test_a_lock_held_too_long_gives_busy_not_a_hang_or_a_lost_write(data_dir: Path):
    ready, release = CTX.Event(), CTX.Event()
    holder = CTX.Process(target=_hold_lock, args=(str(data_dir), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        file = data_dir / f"{YEAR}.json"
        before = file.read_bytes()
        officer = Repository(data_dir, user="officer", lock_timeout=0.5)
        with pytest.raises(StoreBusy) as busy:
            officer.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note="while busy")
        message = str(busy.value)
        assert f"{YEAR}.json" in message and "try again" in message and "ลองใหม่" in message
        assert file.read_bytes() == before  # nothing half-written

        # The real command says the same thing on stderr, exit code 1, no traceback.
        done = run_cli("tick", "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01", data=data_dir,
                       env=cli_env(ITACHECK_LOCK_TIMEOUT="0.5"))
        assert_clean_failure(done, 1)
        assert "try again" in done.stderr
        # Reading never waits for the lock.
        assert len(officer.records(YEAR)) == 21
    finally:
        release.set()
        holder.join(60)
    assert holder.exitcode == 0
    # Trying again works, and the slow colleague's write is kept.
    record = Repository(data_dir, user="officer").add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1))
    repo = Repository(data_dir)
    assert record.id in {r.id for r in repo.records(YEAR)}
    assert any(e.summary == "held the lock" for e in repo.audit(YEAR))


def test_a_timed_out_wait_does_not_keep_the_lock_afterwards(data_dir: Path):
    """The helper that waited for the lock gives it back as soon as it gets it after a timeout."""
    ready, release = CTX.Event(), CTX.Event()
    holder = CTX.Process(target=_hold_lock, args=(str(data_dir), ready, release))
    holder.start()
    assert ready.wait(30)
    officer = Repository(data_dir, user="officer", lock_timeout=0.2)
    for _ in range(3):
        with pytest.raises(StoreBusy):
            officer.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1))
    release.set()
    holder.join(60)
    # A third process gets the lock: the abandoned waiters of this one released it.
    other = CTX.Process(target=_tick_once, args=(str(data_dir),))
    other.start()
    other.join(30)
    if other.exitcode is None:
        os.kill(other.pid, signal.SIGKILL)
    assert other.exitcode == 0


def _tick_once(path: str) -> None:
    Repository(Path(path), user="third", lock_timeout=20).add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1))


def test_a_lock_given_up_is_released_even_if_a_forked_child_shares_the_descriptor(data_dir: Path):
    """An abandoned waiter may get the lock while the process forks (multiprocessing): closing its
    descriptor alone would leave the lock held by the child's copy; it is unlocked explicitly."""
    from itacheck.store.lockfile import unlock_and_close
    import fcntl

    lock = data_dir / f"{YEAR}.json.lock"
    fd = os.open(lock, os.O_RDONLY | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child: keeps its copy of the descriptor open
        time.sleep(30)
        os._exit(0)
    try:
        unlock_and_close(fd)
        record = Repository(data_dir, user="officer", lock_timeout=5).add_record(YEAR, "e6-r1", "2566-Q2",
                                                                                  date(2023, 2, 1))
        assert record.id in {r.id for r in Repository(data_dir).records(YEAR)}
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def test_a_waiter_sleeps_in_the_kernel_until_the_lock_is_free(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """Waiting for a colleague's save is one blocking flock, which the kernel ends the moment the
    lock is free. A waiter that polled (try, sleep, try again) could find the lock taken again by
    a busy colleague every time it looked, and starve (bench/store_concurrency.py measures waits)."""
    import fcntl

    operations: list[int] = []
    real_flock = fcntl.flock
    monkeypatch.setattr(fcntl, "flock", lambda fd, operation: operations.append(operation) or real_flock(fd, operation))
    held = os.open(data_dir / f"{YEAR}.json.lock", os.O_RDONLY | os.O_CREAT)
    real_flock(held, fcntl.LOCK_EX)  # a colleague's save in progress
    try:
        with pytest.raises(StoreBusy):
            Repository(data_dir, user="officer", lock_timeout=0.2).add_record(YEAR, "e6-r1", "2566-Q2",
                                                                                date(2023, 2, 1))
    finally:
        real_flock(held, fcntl.LOCK_UN)
        os.close(held)
    for waiter in [t for t in threading.enumerate() if t.name.startswith("itacheck-lock-")]:
        waiter.join(60)  # it gets the lock now, and gives it back at once
    assert fcntl.LOCK_EX in operations  # a blocking wait, not LOCK_EX | LOCK_NB again and again
