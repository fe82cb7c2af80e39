"""Measure concurrent ticks: N processes x M ticks on one year file.

    python bench/store_concurrency.py [WRITERS] [TICKS]

Prints the wall time, the records found, the lock waits (StoreBusy retries) and the file size.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from itacheck.store.errors import StoreBusy
from itacheck.store.repository import Repository

TASK, KEY = "e6-r1", "2566-Q2"


def writer(data: str, n: int, ticks: int, start, out) -> None:
    repo = Repository(Path(data), user=f"writer{n}", lock_timeout=60)
    start.wait()
    busy = 0
    worst = 0.0
    for i in range(ticks):
        while True:
            t0 = time.perf_counter()
            try:
                repo.add_record(2566, TASK, KEY, date(2023, 2, 1), note=f"w{n} t{i}")
                break
            except StoreBusy:
                busy += 1
            finally:
                worst = max(worst, time.perf_counter() - t0)
    out.put((n, busy, worst))


def main() -> None:
    writers = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    ticks = int(sys.argv[2]) if len(sys.argv) > 2 else 250
    with tempfile.TemporaryDirectory() as tmp:
        Repository(Path(tmp), user="seed").load_sample()
        ctx = mp.get_context("fork")
        start, out = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=writer, args=(tmp, n, ticks, start, out)) for n in range(writers)]
        for p in procs:
            p.start()
        t0 = time.perf_counter()
        start.set()
        for p in procs:
            p.join()
        elapsed = time.perf_counter() - t0
        results = [out.get() for _ in procs]
        busy = sum(r[1] for r in results)
        worst = max(r[2] for r in results)
        records = Repository(Path(tmp)).records(2566)
        ticked = sum(1 for r in records if r.task_id == TASK and r.occurrence == KEY and r.note.startswith("w"))
        size = (Path(tmp) / "2566.json").stat().st_size
        print(f"{writers} writers x {ticks} ticks: {ticked} records found (expected {writers * ticks}), "
              f"{elapsed:.1f} s, {elapsed / (writers * ticks) * 1000:.1f} ms/tick, busy retries {busy}, "
              f"longest single tick {worst:.2f} s, file {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
