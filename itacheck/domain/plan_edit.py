"""Edits of a plan as pure functions: each returns a new `Plan`, so the editor keeps a draft it
can throw away, and every edit is tested without a screen.

Ids are stable and never reused: a new task takes the next number of its measure past every id
the year has ever used (``taken``: the plan's, and those of removed tasks that records and the
audit log still name), so a restored record can never land on a different task.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from itacheck.domain.catalogue import Catalogue
from itacheck.domain.model import Measure, Plan, Task

_NUMBERED = re.compile(r"^(?P<measure>.+)-(?P<role>[sr])(?P<n>\d+)$")


def next_task_id(plan: Plan, measure_id: str, role: str, taken: Collection[str] = ()) -> str:
    """``e6-s4`` for the next step of e6 (``e6-r3`` for a reporting item)."""
    letter = "s" if role == "step" else "r"
    used = {t.id for t in plan.tasks()} | set(taken)
    numbers = [int(m["n"]) for i in used if (m := _NUMBERED.match(i)) and m["measure"] == measure_id
               and m["role"] == letter]
    n = max(numbers, default=0) + 1
    while f"{measure_id}-{letter}{n}" in used:
        n += 1
    return f"{measure_id}-{letter}{n}"


def new_measure_id(plan: Plan, code: str, tool: str, indicator: int, taken: Collection[str] = ()) -> str:
    """The item code (``e6``) or tool and indicator (``oit10``), made unique (``e6-2``)."""
    base = (code or f"{tool}{indicator}").lower()
    used = {m.id.lower() for m in plan.measures} | {t.lower() for t in taken}
    mid, n = base, 2
    while mid in used:
        mid, n = f"{base}-{n}", n + 1
    return mid


def put_measure(plan: Plan, measure: Measure) -> Plan:
    """Replace the measure with the same id, or add it at the end."""
    if any(m.id == measure.id for m in plan.measures):
        return replace(plan, measures=tuple(measure if m.id == measure.id else m for m in plan.measures))
    return replace(plan, measures=(*plan.measures, measure))


def remove_measure(plan: Plan, measure_id: str) -> Plan:
    return replace(plan, measures=tuple(m for m in plan.measures if m.id != measure_id))


def put_task(plan: Plan, measure_id: str, task: Task) -> Plan:
    """Replace the task with the same id, or add it after the measure's last task of its role
    (steps before reporting items, as the report prints them)."""
    def edited(m: Measure) -> Measure:
        if m.id != measure_id:
            return m
        if any(t.id == task.id for t in m.tasks):
            return replace(m, tasks=tuple(task if t.id == task.id else t for t in m.tasks))
        at = max((i + 1 for i, t in enumerate(m.tasks) if t.role == task.role),
                 default=0 if task.role == "step" else len(m.tasks))
        return replace(m, tasks=(*m.tasks[:at], task, *m.tasks[at:]))

    return replace(plan, measures=tuple(edited(m) for m in plan.measures))


def remove_task(plan: Plan, task_id: str) -> Plan:
    return replace(plan, measures=tuple(replace(m, tasks=tuple(t for t in m.tasks if t.id != task_id))
                                        for m in plan.measures))


def move(plan: Plan, item_id: str, step: int) -> Plan:
    """Move a measure among the measures, or a task among its measure's tasks of the same role,
    ``step`` places (−1 up, +1 down); at an end it stays."""
    measures = list(plan.measures)
    for i, m in enumerate(measures):
        if m.id == item_id:
            j = i + step
            if 0 <= j < len(measures):
                measures[i], measures[j] = measures[j], measures[i]
            return replace(plan, measures=tuple(measures))
        tasks = list(m.tasks)
        for k, t in enumerate(tasks):
            if t.id == item_id:
                j = k + step
                if 0 <= j < len(tasks) and tasks[j].role == t.role:
                    tasks[k], tasks[j] = tasks[j], tasks[k]
                measures[i] = replace(m, tasks=tuple(tasks))
                return replace(plan, measures=tuple(measures))
    return plan


def copy_review(copied: Plan, catalogue: Catalogue) -> list[str]:
    """What to look at after carrying a plan into a new year (Thai, English in brackets): the
    one-off deadlines that moved a year on, and item codes or indicators the new year's ITA
    catalogue does not have (the NACC renumbers items between years)."""
    once = [t.id for t in copied.tasks() if t.cadence.kind == "once"]
    points = []
    if once:
        points.append(f"งานครั้งเดียว {len(once)} รายการเลื่อนวันครบกำหนดไป ๑ ปี: ตรวจสอบวันที่ "
                      f"({len(once)} one-off deadlines moved a year on: check them): {', '.join(once)}")
    for m in copied.measures:
        if problem := catalogue.check_measure(m.tool, m.indicator):
            points.append(f"{m.id}: ตัวชี้วัดไม่ตรงกับเกณฑ์ปี {copied.year} ({problem})")
        elif m.code and catalogue.item(m.code) is None:
            points.append(f"{m.id}: ไม่พบรหัสข้อ {m.code} ในเกณฑ์ปี {copied.year} "
                          f"(item code {m.code} is not in the {copied.year} catalogue: check the new numbering)")
    points.append("ตรวจสอบประเด็นของแต่ละมาตรการกับผลการประเมิน ITA ล่าสุด "
                  "(check each measure's issue against the latest ITA results)")
    return points
