"""The data sets the benchmarks run on, built the way officers build them.

    python bench/datasets.py [DIR]      (default: bench/.data; rebuilt when this file changed)

* ``sample``: the bundled sample plan, as `itacheck init --sample` loads it.
* ``tick-1y``: the sample plan (FY2566) with 2,000 records made by ticks: each record with its
  audit-log entry holding a copy of it, as `Repository.add_record` writes them.
* ``tick-10y``: the same for ten fiscal years, 2557–2566 (the plan copied into each year).
* ``big``: a large agency's year: 100 measures of 10 monthly tasks, and a record for each of the
  12,000 monthly occurrences (every month of FY2566 done), also made by ticks.

The records are written in one transaction per year (12,000 separate ticks would take minutes);
the file is the same a year of separate ticks would leave: the same documents, in the same order.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from itacheck.domain.cadence import Cadence, occurrences_for  # noqa: E402
from itacheck.domain.model import Measure, Organisation, Plan, Record, Task, plan_for_year  # noqa: E402
from itacheck.store.codec import record_to_dict  # noqa: E402
from itacheck.store.repository import Repository  # noqa: E402

DEFAULT_DIR = ROOT / "bench" / ".data"
USERS = ("somchai (สมชาย ใจดี)", "malee (มาลี ศรีสุข)", "prasert (ประเสริฐ มั่นคง)")
NOTES = ("ส่งรายงานผลการดำเนินงานประจำเดือนให้ผู้บริหารทราบแล้ว", "เผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน",
         "ประชุมชี้แจงบุคลากรในหน่วยงาน ณ ห้องประชุมสำนักปลัด", "")


def _record(i: int, task: Task, key: str, done_on: date) -> Record:
    links = (f"https://www.example.go.th/ita/2566/{task.id}/{i}.pdf",) if i % 3 == 0 else ()
    return Record(id=hashlib.md5(f"{task.id}{key}{i}".encode()).hexdigest(), task_id=task.id, occurrence=key,
                  done_on=done_on, note=NOTES[i % len(NOTES)], links=links, recorded_by=USERS[i % len(USERS)],
                  recorded_at=datetime.combine(done_on, datetime.min.time()) + timedelta(hours=9, minutes=i % 60))


def _tick_documents(records: list[Record]) -> tuple[list[dict], list[dict]]:
    """The record documents and their audit entries, shaped as `Repository.add_record` writes them."""
    audit = []
    for r in records:
        audit.append({"at": r.recorded_at.isoformat(timespec="seconds"), "user": r.recorded_by, "action": "tick",
                      "summary": f"{r.task_id} {r.occurrence} {r.done_on.isoformat()}", "task": r.task_id,
                      "occurrence": r.occurrence, "record": r.id, "data": record_to_dict(r)})
    return [record_to_dict(r) for r in records], audit


def _write_year(repo: Repository, plan: Plan, records: list[Record]) -> None:
    repo.import_plan(plan, summary="bench")
    docs, audit = _tick_documents(records)
    with repo.year_file(plan.year).transaction() as db:
        db.table("records").insert_multiple(docs)
        db.table("audit").insert_multiple(audit)


def _spread(plan: Plan, count: int) -> list[Record]:
    """``count`` records over the plan's tasks and occurrences, round robin, each dated in its window."""
    slots = [(t, o) for t in plan.tasks() for o in occurrences_for(t.cadence, plan.year)]
    out = []
    for i in range(count):
        task, occ = slots[i % len(slots)]
        out.append(_record(i, task, occ.key, min(occ.end, occ.start + timedelta(days=i % 20))))
    return out


def sample_plan() -> Plan:
    from itacheck.locations import data_files_dir
    from itacheck.store.planfile import read_plan_file

    return read_plan_file(data_files_dir() / "sample-2566.toml")[0]


def big_plan(measures: int = 100, tasks: int = 10) -> Plan:
    """A large agency's plan: ``measures`` measures of ``tasks`` monthly tasks, realistic Thai text."""
    ms = []
    for i in range(1, measures + 1):
        tool = ("IIT", "EIT", "OIT")[i % 3]
        ts = tuple(Task(f"m{i}-t{j}", "step" if j < 7 else "reporting",
                        f"ขั้นตอนที่ {j} ของมาตรการที่ {i} จัดทำรายงานผลการดำเนินงานและเผยแพร่บนเว็บไซต์ของหน่วยงาน"
                        "ทุกเดือน", Cadence("monthly"), responsible="สำนักปลัด" if j % 2 else "")
                   for j in range(1, tasks + 1))
        ms.append(Measure(f"m{i}", tool, 1 + i % 10, f"ตัวชี้วัดที่ {1 + i % 10}",
                          f"ประเด็นที่ {i}: หน่วยงานมีการเปิดเผยข้อมูลการดำเนินงานและการใช้จ่ายงบประมาณอย่างโปร่งใส"
                          "ตรวจสอบได้", ("สำนักปลัด", "กองคลัง"), ts, code=f"{tool[0].lower()}{i}"))
    return Plan(2566, Organisation("องค์การบริหารส่วนตำบลทดสอบ", "กันทรารมย์", "ศรีสะเกษ"),
                intro="รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", measures=tuple(ms))


def build(where: Path = DEFAULT_DIR) -> dict[str, Path]:
    """Build the data sets under ``where`` (kept while this file is unchanged); their directories."""
    stamp = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    sets = {name: where / name for name in ("sample", "tick-1y", "tick-10y", "big")}
    if (where / "stamp").is_file() and (where / "stamp").read_text() == stamp:
        return sets
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    Repository(sets["sample"], user="bench").load_sample()
    sample = sample_plan()
    _write_year(Repository(sets["tick-1y"], user="bench"), sample, _spread(sample, 2000))
    for year in range(2557, 2567):
        plan = plan_for_year(sample, year)
        _write_year(Repository(sets["tick-10y"], user="bench"), plan, _spread(plan, 2000))
    big = big_plan()
    records = [_record(i, t, o.key, o.start + timedelta(days=i % 25))
               for i, (t, o) in enumerate((t, o) for t in big.tasks() for o in occurrences_for(t.cadence, 2566))]
    _write_year(Repository(sets["big"], user="bench"), big, records)
    (where / "stamp").write_text(stamp)
    return sets


if __name__ == "__main__":
    for name, path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR).items():
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in sorted(path.glob("*.json")))
        print(f"{name}: {path} ({sizes})")
