"""Tick: in-process on a year of 2,000 records (and ten such years), and the whole `itacheck tick`.

    python bench/tick.py [--runs N]

Baselines of the same run: an atomic write (temporary file, fsync, rename, fsync of the
directory) of the same year file's bytes, which every tick must pay for; `python -c pass` for the
whole command. Each tick names its period (`--occurrence`), so every one adds a record.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import PYTHON, line, ms, p50, pct, run_process, samples, show  # noqa: E402

import datasets  # noqa: E402

TASK, KEY, DAY = "e6-r1", "2566-Q2", date(2023, 2, 1)


def in_process(data: Path, runs: int) -> list[float]:
    from itacheck.store.repository import Repository

    repo = Repository(data, user="bench")
    return samples(lambda: repo.add_record(2566, TASK, KEY, DAY, note="bench"), runs, warm=2)


def atomic_write(data: Path, runs: int) -> list[float]:
    from itacheck.store.safefile import atomic_write_bytes

    payload = (data / "2566.json").read_bytes()
    target = data / "copy.json"
    return samples(lambda: atomic_write_bytes(target, payload, 0o600), runs, warm=2)


def itacheck_command() -> list[str]:
    script = Path(PYTHON).parent / "itacheck"
    return [str(script)] if script.exists() else [PYTHON, "-m", "itacheck.cli"]


def main(runs: int = 40) -> None:
    sets = datasets.build()
    with tempfile.TemporaryDirectory() as tmp:
        one, ten = Path(tmp) / "one", Path(tmp) / "ten"
        shutil.copytree(sets["tick-1y"], one)
        shutil.copytree(sets["tick-10y"], ten)
        base = atomic_write(one, runs)
        tick = in_process(one, runs)
        show(line("tick in-process, 2,000 records: p50", ms(p50(tick)), ms(p50(base)) + " atomic write",
                  p50(tick) / p50(base)))
        show(line("tick in-process, 2,000 records: p95", ms(pct(tick, 95)), ms(pct(base, 95)) + " atomic write",
                  pct(tick, 95) / pct(base, 95), "p95 <= 30 ms and <= 3x",
                  pct(tick, 95) <= 0.030 and pct(tick, 95) <= 3 * pct(base, 95)))
        tick10 = in_process(ten, runs)
        show(line("tick in-process, 10 years x 2,000: p95", ms(pct(tick10, 95)), ms(pct(tick, 95)) + " one year",
                  pct(tick10, 95) / pct(tick, 95), "the same as one year"))
        command = [*itacheck_command(), "tick", TASK, "--occurrence", KEY, "--date", DAY.isoformat(),
                   "--data", str(one)]
        bare_wall, bare_cpu = run_process([PYTHON, "-c", "pass"], max(5, runs // 4))
        wall, cpu = run_process(command, max(5, runs // 4))
        show(line("whole `itacheck tick`, 2,000 records: wall", ms(p50(wall)), ms(p50(bare_wall)) + " python -c pass",
                  p50(wall) / p50(bare_wall), "<= 0.2 s", p50(wall) <= 0.2))
        show(line("whole `itacheck tick`, 2,000 records: CPU", ms(p50(cpu)), ms(p50(bare_cpu)) + " python -c pass",
                  p50(cpu) / p50(bare_cpu)))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=40)
    main(parser.parse_args().runs)
