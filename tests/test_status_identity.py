"""`itacheck status` prints the same bytes whatever shortcuts compute them: the JSON and the table
of the sample plan and of a generated larger plan (long Thai texts that wrap, every cadence, every
status, texts repeated across tasks, several records on one occurrence, skipped ones) are compared
with what the straightforward implementation printed, kept in ``data/status-outputs.json.gz``.

Regenerate only when the output is meant to change: ``python tests/test_status_identity.py``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from itacheck.domain.cadence import Cadence, occurrences_for
from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.model import Measure, Plan, Record, Task
from itacheck.domain.status import plan_status
from itacheck.locations import data_files_dir
from itacheck.status_output import status_json, status_table
from itacheck.store.planfile import read_plan_file

GOLDEN = Path(__file__).parent / "data" / "status-outputs.json.gz"
CADENCES = (Cadence("monthly"), Cadence("quarterly"), Cadence("semiannual"), Cadence("yearly"),
            Cadence("continuous"), Cadence("once", due=date(2023, 3, 15)), Cadence("once", due=date(2023, 8, 31)),
            Cadence("quarterly", due_months=(12, 3, 6, 9)))


def generated(sample: Plan) -> tuple[Plan, list[Record]]:
    """A plan of 24 measures made from the sample's texts (some lengthened, some repeated, some
    with a bracket, a date or English words), every cadence, and records of every kind."""
    texts = [t.text for t in sample.tasks()] + [m.issue for m in sample.measures]
    measures = []
    for i in range(24):
        base = sample.measures[i % len(sample.measures)]
        tasks = tuple(
            Task(f"g{i}-t{j}", "step" if j % 3 else "reporting",
                 texts[(i * 7 + j) % len(texts)] + ("" if j % 2 else f" (ภายใน ๓๑ มีนาคม ๒๕๖๖) รอบที่ {j} report"),
                 CADENCES[(i + j) % len(CADENCES)], responsible="สำนักปลัด" if j % 2 else "")
            for j in range(1 + i % 6))
        measures.append(replace(base, id=f"g{i}", code=f"g{i}" if i % 4 else "", tasks=tasks,
                                issue=base.issue + (" และเผยแพร่ต่อสาธารณะ" * (i % 3))))
    plan = replace(sample, measures=tuple(measures))
    records = []
    for n, (task, occ) in enumerate((t, o) for t in plan.tasks() for o in occurrences_for(t.cadence, plan.year)):
        if n % 5 == 4:
            continue  # nothing recorded
        done = occ.start + timedelta(days=(n * 13) % 120)
        for k in range(1 + (n % 7 == 0)):  # some occurrences have two records
            records.append(Record(hashlib.md5(f"{n}-{k}".encode()).hexdigest(), task.id, occ.key,
                                  done + timedelta(days=k * 3), note="", skipped=n % 11 == 0 and k == 0,
                                  recorded_at=datetime(2023, 1, 1)))
    return plan, records


def outputs() -> dict[str, str]:
    """Every output compared: per plan, round, date, language, width and digits."""
    sample, sample_records = read_plan_file(data_files_dir() / "sample-2566.toml")
    plans = {"sample": (sample, list(sample_records)), "generated": generated(sample)}
    out = {}
    for name, (plan, records) in plans.items():
        for rnd_name, as_of in (("half", date(2023, 3, 31)), ("full", date(2023, 9, 30)), ("q3", date(2023, 5, 2))):
            status = plan_status(plan, records, fiscal_round(plan.year, rnd_name), as_of)
            out[f"{name} {rnd_name} json"] = json.dumps(status_json(status), indent=2, ensure_ascii=False)
            for lang, width, digits in (("th", 80, None), ("th", 40, "arabic"), ("en", 60, None), ("th", 133, None)):
                out[f"{name} {rnd_name} {lang} {width} {digits}"] = status_table(status, lang, width, digits)
    return out


def test_status_output_is_as_before() -> None:
    before = json.loads(gzip.decompress(GOLDEN.read_bytes()))
    now = outputs()
    assert sorted(now) == sorted(before)
    assert [key for key in before if now[key] != before[key]] == []


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    GOLDEN.write_bytes(gzip.compress(json.dumps(outputs(), ensure_ascii=False, sort_keys=True).encode(), 9, mtime=0))
    print(f"written {GOLDEN}")
