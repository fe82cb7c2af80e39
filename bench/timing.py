"""Timing helpers shared by the benchmarks: percentiles, fresh processes, one line per figure.

Every figure is printed with the baseline measured in the same run and their ratio, so a machine
that is slower, or busy with other work, moves both and the ratio still says something.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def compile_sources() -> None:
    """Byte-compile the package, as installing it does (pip writes the .pyc files of a wheel).
    In a checkout run with PYTHONDONTWRITEBYTECODE nothing else writes them, and every fresh
    process timed here would compile ~70 modules from source (~100 ms of each start-up) that an
    installation loads compiled, while the baselines (Textual, the standard library) load theirs
    compiled."""
    import compileall

    compileall.compile_dir(ROOT / "itacheck", quiet=1)


compile_sources()


def samples(fn: Callable[[], object], n: int, *, warm: int = 1) -> list[float]:
    """Seconds taken by ``n`` calls of ``fn`` (after ``warm`` calls that are not counted)."""
    for _ in range(warm):
        fn()
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def pct(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def p50(values: Sequence[float]) -> float:
    return statistics.median(values)


def run_process(args: Sequence[str], n: int, *, env: dict[str, str] | None = None, cwd: Path = ROOT,
                before: Callable[[], object] | None = None) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds (user + system of the child) of ``n`` runs of ``args``; each
    run must succeed. ``before`` runs ahead of each (untimed), e.g. to reset a data directory."""
    walls, cpus = [], []
    full_env = {**os.environ, **(env or {})}
    for _ in range(n):
        if before:
            before()
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        done = subprocess.run(list(args), env=full_env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return walls, cpus


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def line(figure: str, value: str, baseline: str = "", ratio: float | None = None, target: str = "",
         met: bool | None = None) -> str:
    """One printed figure: what, its value, the baseline of this run, the ratio, the target."""
    parts = [f"{figure:<46} {value:>22}"]
    parts.append(f"baseline {baseline:<26}" if baseline else " " * 35)
    parts.append(f"ratio {ratio:5.2f}x" if ratio is not None else " " * 12)
    if target:
        parts.append(f"target {target}" + ("" if met is None else (" ok" if met else " MISSED")))
    return "  ".join(parts).rstrip()


def show(text: str) -> None:
    print(text, flush=True)
