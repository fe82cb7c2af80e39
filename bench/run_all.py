"""Every speed benchmark of itacheck, one line per figure with the baseline of the same run.

    python bench/run_all.py [--quick]

Builds the data sets (`datasets.py`, kept in bench/.data while unchanged), then runs
`tick.py`, `status.py`, `tui.py` (needs tmux) and `pdf.py` (the WeasyPrint baseline needs the
bench extra: `pip install ".[bench]"`), each in a fresh process. Takes 2–4 minutes on a 2-core
machine; `--quick` runs each figure fewer times. Figures and targets: bench/RESULTS.md.
Nothing here is a test: timings are never asserted, the lines say "MISSED" where a target is not met.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import datasets  # noqa: E402

RUNS = {"tick.py": 40, "status.py": 20, "tui.py": 5, "pdf.py": 5}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs of each figure")
    args = parser.parse_args()
    t0 = time.perf_counter()
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    print(f"Python {platform.python_version()}, {platform.machine()}, load average {load} at the start", flush=True)
    datasets.build()
    print(f"data sets ready in {time.perf_counter() - t0:.1f} s", flush=True)
    failed = 0
    for script, runs in RUNS.items():
        runs = max(3, runs // 4) if args.quick else runs
        done = subprocess.run([sys.executable, str(HERE / script), "--runs", str(runs)])
        failed += done.returncode != 0
    print(f"all benchmarks in {time.perf_counter() - t0:.0f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
