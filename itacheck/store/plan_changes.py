"""Editing a year's plan without losing evidence: what an edit removes is kept in the audit log,
all of it under one change id, so the edit can be taken back.

A plan edit can leave records without a place: their task was removed, or its cadence changed so
that their period no longer exists. Such an edit is refused until the officer agrees; then the
records are removed one by one with their full copy in the audit log, beside the removed tasks
and measures, and `restore_change` puts back whatever fits the plan again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from itacheck.domain.model import Measure, Plan, Record
from itacheck.store.codec import measure_from_dict, measure_to_dict, record_from_dict, task_from_dict, task_to_dict


class WouldRemoveRecords(ValueError):
    """Saving the edited plan would remove these records (they no longer fit it)."""

    def __init__(self, records: Sequence[Record]) -> None:
        tasks = sorted({r.task_id for r in records})
        super().__init__(f"การแก้ไขนี้จะลบหลักฐาน {len(records)} รายการของงาน {', '.join(tasks)} ที่ไม่มีที่อยู่ในแผนใหม่ "
                         f"(เก็บไว้ในประวัติและกู้คืนได้) (this edit would remove {len(records)} records of "
                         f"{', '.join(tasks)} that no longer fit the plan; they would be kept in the audit log and "
                         "can be restored)")
        self.records = tuple(records)


def fits(plan: Plan, record: Record) -> bool:
    try:
        plan.occurrence(record.task_id, record.occurrence)
    except ValueError:
        return False
    return True


def removed_parts(old: Plan | None, new: Plan) -> dict[str, list[dict[str, Any]]]:
    """The measures and tasks of ``old`` that ``new`` no longer has, as documents (with the place
    of each task, so that it goes back where it was)."""
    if old is None:
        return {"removed_measures": [], "removed_tasks": []}
    kept_measures = {m.id for m in new.measures}
    kept_tasks = {t.id for t in new.tasks()}
    return {
        "removed_measures": [measure_to_dict(m) for m in old.measures if m.id not in kept_measures],
        "removed_tasks": [{"measure": m.id, "index": i, "task": task_to_dict(t)}
                          for m in old.measures if m.id in kept_measures
                          for i, t in enumerate(m.tasks) if t.id not in kept_tasks],
    }


def with_parts_back(plan: Plan, change: dict[str, Any]) -> Plan:
    """``plan`` with the measures and tasks an edit removed put back (those whose id is free)."""
    taken = {m.id for m in plan.measures} | {t.id for t in plan.tasks()}
    measures: list[Measure] = list(plan.measures)
    for doc in change.get("removed_measures", []):
        m = measure_from_dict(doc, "restored measure")
        if m.id not in taken and not any(t.id in taken for t in m.tasks):
            measures.append(m)
            taken |= {m.id} | {t.id for t in m.tasks}
    for doc in change.get("removed_tasks", []):
        task = task_from_dict(doc["task"], "restored task")
        at = next((i for i, m in enumerate(measures) if m.id == doc["measure"]), None)
        if at is None or task.id in taken:
            continue
        tasks = list(measures[at].tasks)
        tasks.insert(min(int(doc.get("index", len(tasks))), len(tasks)), task)
        measures[at] = replace(measures[at], tasks=tuple(tasks))
        taken.add(task.id)
    return replace(plan, measures=tuple(measures))


def removed_records(audit_docs: Sequence[dict[str, Any]], change: str) -> list[Record]:
    return [record_from_dict(d["data"]) for d in audit_docs
            if d.get("change") == change and d.get("action") == "remove" and isinstance(d.get("data"), dict)]
