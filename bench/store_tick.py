"""Cost of one tick and of one read as the year file grows.

    python bench/store_tick.py [RECORDS ...]      (default: 0 250 1000 2000)

Each line: records already in the file, file size, median time of a tick (lock, read, parse and
check every document, write a temporary file, fsync, rename, fsync the directory) and of a read
by another Repository (records() of a changed file) and of an unchanged file (bytes compared).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from itacheck.store.repository import Repository


def median_ms(fn, n: int = 15) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [0, 250, 1000, 2000]
    with tempfile.TemporaryDirectory() as tmp:
        repo = Repository(Path(tmp), user="bench")
        repo.load_sample()
        have = 0
        for target in sizes:
            while have < target:
                repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1), note=f"บันทึก {have}")
                have += 1
            tick = median_ms(lambda: repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1), note="bench"))
            have += 15
            other = Repository(Path(tmp), user="reader")
            cold = median_ms(lambda: (Repository(Path(tmp)).records(2566)), 7)
            other.records(2566)
            warm = median_ms(lambda: other.records(2566))
            size = (Path(tmp) / "2566.json").stat().st_size
            print(f"{target:5d} records  {size / 1e6:5.2f} MB  tick {tick:6.1f} ms  "
                  f"first read {cold:6.1f} ms  unchanged read {warm:5.1f} ms")


if __name__ == "__main__":
    main()
