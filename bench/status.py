"""Status of a large agency's year: 100 measures of 10 monthly tasks, 12,000 records.

    python bench/status.py [--runs N]

* computation: the plan, the records and every occurrence's status of the full year, in a process
  that has read the file before (as the TUI has, and as every read after the first is);
* first read: the same in a new Repository (the file parsed and checked);
* `itacheck status --json` and the plain table, whole processes, against `python -c pass`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import PYTHON, line, ms, p50, pct, run_process, samples, show  # noqa: E402

import datasets  # noqa: E402
from tick import itacheck_command  # noqa: E402

AS_OF = date(2023, 9, 30)


def main(runs: int = 20) -> None:
    from itacheck.domain.fiscal import fiscal_round
    from itacheck.domain.status import plan_status
    from itacheck.store.repository import Repository

    data = datasets.build()["big"]
    rnd = fiscal_round(2566, "full")

    def compute(repo: Repository):
        plan = repo.plan(2566)
        return plan_status(plan, repo.records(2566), rnd, AS_OF)

    repo = Repository(data)
    warm = samples(lambda: compute(repo), runs, warm=1)
    show(line("status computation, 100x10, 12k records: p50", ms(p50(warm))))
    show(line("status computation, 100x10, 12k records: p95", ms(pct(warm, 95)), target="< 50 ms",
              met=pct(warm, 95) < 0.05))
    first = samples(lambda: compute(Repository(data)), max(3, runs // 4), warm=0)
    show(line("status, first read in a process: p50", ms(p50(first))))
    n = max(3, runs // 4)
    bare_wall, bare_cpu = run_process([PYTHON, "-c", "pass"], n)
    args = ["status", "--year", "2566", "--round", "full", "--as-of", AS_OF.isoformat(), "--data", str(data)]
    for name, extra, target in (("`status --json`", ["--json"], 0.4), ("`status` plain table", [], 0.5)):
        wall, cpu = run_process([*itacheck_command(), *args, *extra], n)
        show(line(f"whole {name}: wall", ms(p50(wall)), ms(p50(bare_wall)) + " python -c pass",
                  p50(wall) / p50(bare_wall), f"< {target} s", p50(wall) < target))
        show(line(f"whole {name}: CPU", ms(p50(cpu)), ms(p50(bare_cpu)) + " python -c pass",
                  p50(cpu) / p50(bare_cpu)))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    main(parser.parse_args().runs)
