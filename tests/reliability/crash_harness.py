"""Kill a writer with SIGKILL at random points and check that nothing acknowledged is lost.

Each round forks a child that works on one data directory (ticks with and without attachments,
undo, manual backups, plan re-imports, with automatic backups on or off) and reports on a pipe
``B <op>`` before each operation and ``A …`` once it returned. The kill is armed only once the
child has acknowledged its first operation, so every child killed has done real work whatever the
speed of the machine (a loaded CI runner included), and the child is then killed either

* at a random input/output call (``hook``): a profile hook counts the child's calls to open,
  write, flush, fsync, replace, close, unlink, flock…, before and after each, and SIGKILLs the
  child at a randomly chosen one, so every gap between two system calls of a save is a candidate
  (e.g. between truncating a file and writing it, or between the rename and the directory fsync);
* or after a random delay (``timer``), as an officer's closed SSH session would.

Each kill is counted as landing inside an operation (``B`` without its ``A``) or between two.

After each kill the parent opens the database and checks: it opens (no corruption); every record
whose tick was acknowledged is there unless its undo was acknowledged; at most the one operation in
flight is half-visible, and never half-applied (a record is there with its audit entry or not at
all); every backup opens; referenced attachments verify (sha256); no temporary file survives the
next save.

    python tests/reliability/crash_harness.py [KILLS] [SEED]
"""

from __future__ import annotations

import io
import os
import random
import select
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from itacheck.store import backups as backup_files, yearfile
from itacheck.store.errors import StoreError
from itacheck.store.repository import Repository

YEAR = 2566
TASKS = [("e6-r1", "2566-Q2"), ("e6-r1", "2566-Q3"), ("e7-r2", "2566-M03"), ("oit10-s1", "once")]
#: Calls that change files or locks: the points where a kill can hurt.
IO_CALLS = frozenset({"open", "write", "flush", "fsync", "fdatasync", "replace", "rename", "close", "unlink",
                      "remove", "fchmod", "chmod", "flock", "mkdir", "truncate", "ftruncate"})
ROUNDS_PER_DIRECTORY = 60
CHILD_DEADLINE_S = 30.0


def _is_io(fn: object) -> bool:
    if getattr(fn, "__name__", "") not in IO_CALLS:
        return False
    owner = getattr(fn, "__self__", None)
    if isinstance(owner, io.IOBase):
        return True
    return getattr(fn, "__module__", None) in ("posix", "io", "_io", "fcntl")


def _child(data: Path, scratch: Path, seed: int, mode: str, target: int, wfd: int) -> None:
    """Runs in the forked child until it is killed. Never returns."""
    rng = random.Random(seed)

    def say(line: str) -> None:
        os.write(wfd, (line + "\n").encode())

    try:
        backup_files.BACKUP_INTERVAL_S = rng.choice([0, 0, 3600])
        backup_files.BACKUPS_KEPT = 5
        repo = Repository(data, user="crash", lock_timeout=20)
        if mode == "hook":
            seen = 0

            def hook(frame, event, arg):
                nonlocal seen
                if event in ("c_call", "c_return") and _is_io(arg):
                    seen += 1
                    if seen >= target:
                        os.kill(os.getpid(), signal.SIGKILL)
        n = 0
        while True:
            n += 1
            if mode == "hook" and n == 2:  # armed once the first operation was acknowledged
                sys.setprofile(hook)
            op = rng.random()
            task, key = rng.choice(TASKS)
            if op < 0.55:
                say("B add")
                r = repo.add_record(YEAR, task, key, date(2023, 3, 1), note=f"seed {seed} op {n} บันทึก")
                say(f"A add {r.id}")
            elif op < 0.70:
                evidence = scratch / f"evidence-{seed}-{n}.bin"
                evidence.write_bytes(rng.randbytes(rng.randint(1, 50_000)))
                say("B add")
                r = repo.add_record(YEAR, task, key, date(2023, 3, 2), files=[evidence])
                say(f"A add {r.id}")
            elif op < 0.85:
                say("B undo")
                r = repo.undo_last(YEAR)
                say(f"A undo {r.id if r else '-'}")
            elif op < 0.95:
                say("B backup")
                with repo.year_file(YEAR).transaction_raw():
                    repo.year_file(YEAR).backup(reason="manual")
                say("A backup")
            else:
                say("B import")
                repo.import_plan(repo.plan(YEAR), summary="re-import")
                say("A import")
    except BaseException as exc:  # a real failure of the store: report it, do not hide it
        sys.setprofile(None)
        try:
            say(f"E {type(exc).__name__}: {str(exc)[:300]!r}")
        finally:
            os._exit(3)
    os._exit(4)


@dataclass
class Figures:
    kills: int = 0
    hook_kills: int = 0
    timer_kills: int = 0
    acknowledged_ops: int = 0
    acknowledged_ticks: int = 0
    kills_after_work: int = 0
    kills_in_operations: int = 0
    corruptions: int = 0
    lost_acknowledged: int = 0
    phantom_or_half_applied: int = 0
    bad_backups: int = 0
    bad_attachments: int = 0
    leftover_temporaries: int = 0
    child_errors: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.corruptions or self.lost_acknowledged or self.phantom_or_half_applied or self.bad_backups
                    or self.bad_attachments or self.leftover_temporaries or self.child_errors)

    def summary(self) -> str:
        return (f"{self.kills} kills ({self.hook_kills} at random I/O calls, {self.timer_kills} after random delays), "
                f"{self.acknowledged_ops} acknowledged operations ({self.acknowledged_ticks} ticks), "
                f"{self.kills_after_work} kills after acknowledged work, "
                f"{self.kills_in_operations} inside an operation; "
                f"corrupt databases: {self.corruptions}, acknowledged writes lost: {self.lost_acknowledged}, "
                f"phantom/half-applied: {self.phantom_or_half_applied}, bad backups: {self.bad_backups}, "
                f"bad attachments: {self.bad_attachments}, leftover temporaries: {self.leftover_temporaries}, "
                f"child errors: {len(self.child_errors)}")


def _run_child(data: Path, scratch: Path, seed: int, mode: str, rng: random.Random) -> tuple[list[str], int]:
    rfd, wfd = os.pipe()
    target = rng.randint(1, 100)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        os.close(rfd)
        _child(data, scratch, seed, mode, target, wfd)
    os.close(wfd)
    delay = rng.uniform(0.0, 0.08)
    deadline = time.monotonic() + CHILD_DEADLINE_S
    kill_at = None  # timer mode: set when the child acknowledges its first operation
    killed = False
    buf = bytearray()
    while True:
        now = time.monotonic()
        if not killed and ((kill_at is not None and now >= kill_at) or now >= deadline):
            os.kill(pid, signal.SIGKILL)
            killed = True
        wait = 1.0 if killed else min(deadline, kill_at if kill_at is not None else deadline) - now
        ready, _, _ = select.select([rfd], [], [], max(0.0, wait))
        if ready:
            chunk = os.read(rfd, 65536)
            if not chunk:
                break
            buf += chunk
            if mode == "timer" and kill_at is None and b"\nA " in b"\n" + buf:
                kill_at = time.monotonic() + delay
    os.close(rfd)
    _, status = os.waitpid(pid, 0)
    return buf.decode(errors="replace").splitlines(), status


def _count_kill(lines: list[str], fig: Figures) -> None:
    """Where the kill landed: after acknowledged work, inside an operation (a ``B`` line without
    its ``A``)."""
    marks = [line.split()[0] for line in lines if line.split() and line.split()[0] in ("A", "B")]
    if "A" in marks:
        fig.kills_after_work += 1
    if marks and marks[-1] == "B":
        fig.kills_in_operations += 1


def _verify(data: Path, present: set[str], undone: set[str], seeded: set[str], lines: list[str],
            fig: Figures) -> set[str] | None:
    """Check the database after a kill; returns the ids now present (the model for the next round),
    None when the database is corrupt."""
    inflight = None
    for line in lines:
        parts = line.split()
        if parts[0] == "B":
            inflight = parts[1]
        elif parts[0] == "A":
            fig.acknowledged_ops += 1
            inflight = None
            if parts[1] == "add":
                fig.acknowledged_ticks += 1
                present.add(parts[2])
            elif parts[1] == "undo" and parts[2] != "-":
                present.discard(parts[2])
                undone.add(parts[2])
        elif parts[0] == "E":
            fig.child_errors.append(line)

    repo = Repository(data, user="checker")
    try:
        records = repo.records(YEAR)
        audit = repo.audit(YEAR)
    except StoreError as exc:
        fig.corruptions += 1
        fig.problems.append(f"corrupt after kill: {exc}")
        return None
    found = {r.id for r in records}
    missing, extra = present - found, found - present
    allowed_missing = 1 if inflight == "undo" else 0
    allowed_extra = 1 if inflight == "add" else 0
    if len(missing) > allowed_missing:
        fig.lost_acknowledged += len(missing) - allowed_missing
        fig.problems.append(f"acknowledged records lost: {sorted(missing)} (in flight: {inflight})")
    if len(extra) > allowed_extra or extra & undone:
        fig.phantom_or_half_applied += 1
        fig.problems.append(f"unexpected records: {sorted(extra)} (in flight: {inflight})")
    ticked = {e.record_id for e in audit if e.action in ("tick", "skip")}
    removed = {e.record_id for e in audit if e.action == "undo"}
    if found - seeded - ticked or missing - removed:
        fig.phantom_or_half_applied += 1
        fig.problems.append(f"record and audit log disagree: {sorted(found - seeded - ticked)} "
                            f"{sorted(missing - removed)}")
    for backup in repo.year_file(YEAR).backups():
        try:
            yearfile.YearFile(backup)._parse(backup.read_bytes())
        except StoreError as exc:
            fig.bad_backups += 1
            fig.problems.append(f"bad backup: {exc}")
    for r in records:
        for a in r.attachments:
            if problem := repo.attachments.verify(a):
                fig.bad_attachments += 1
                fig.problems.append(problem)
    # The next save (here: taking the lock) clears what a killed writer left behind.
    with repo.year_file(YEAR).transaction_raw():
        pass
    leftovers = list(data.glob(".*.tmp")) + list((data / "backups").glob(".*.tmp"))
    if leftovers:
        fig.leftover_temporaries += len(leftovers)
        fig.problems.append(f"temporary files left: {leftovers}")
    return found


def run(kills: int, seed: int = 2566, workdir: Path | None = None) -> Figures:
    rng = random.Random(seed)
    fig = Figures()
    root = Path(tempfile.mkdtemp(prefix="itacheck-crash-", dir=workdir))
    try:
        data = None
        present: set[str] = set()
        undone: set[str] = set()
        seeded: set[str] = set()
        for round_ in range(kills):
            if round_ % ROUNDS_PER_DIRECTORY == 0 or data is None:
                data = root / f"data{round_}"
                seed_repo = Repository(data, user="crash")
                seed_repo.load_sample()
                seeded = {r.id for r in seed_repo.records(YEAR)}
                present, undone = set(seeded), set()
            scratch = root / "scratch"
            scratch.mkdir(exist_ok=True)
            mode = "hook" if rng.random() < 0.75 else "timer"
            lines, status = _run_child(data, scratch, rng.randrange(2**32), mode, rng)
            if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
                fig.kills += 1
                if mode == "hook":
                    fig.hook_kills += 1
                else:
                    fig.timer_kills += 1
                _count_kill(lines, fig)
            elif not any(line.startswith("E") for line in lines):
                fig.child_errors.append(f"child ended without being killed: status {status}")
            checked = _verify(data, present, undone, seeded, lines, fig)
            if checked is None:
                data = None  # start again on a fresh directory after a corruption
            else:
                present = checked
            shutil.rmtree(scratch, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return fig


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    s = int(sys.argv[2]) if len(sys.argv) > 2 else 2566
    t0 = time.perf_counter()
    figures = run(n, s)
    print(figures.summary(), f"in {time.perf_counter() - t0:.1f} s")
    for p in figures.problems[:20] + figures.child_errors[:5]:
        print("  ", p[:300])
    sys.exit(0 if figures.ok else 1)
