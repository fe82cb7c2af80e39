"""What needs doing, one line per task: a monthly step overdue for five months is one item with
its five periods, not five items. The dashboard and `itacheck due` both list these."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from itacheck.domain.status import DEFAULT_SOON_DAYS, MeasureStatus, OccurrenceStatus, PlanStatus, TaskStatus

_OPEN = ("overdue", "due_soon", "open", "upcoming")


@dataclass(frozen=True)
class Attention:
    """A task's periods that are overdue (``kind="overdue"``) or due soon (``"due_soon"``), oldest
    first; the officer is taken to the oldest."""

    measure: MeasureStatus
    task: TaskStatus
    kind: str
    occurrences: tuple[OccurrenceStatus, ...]

    @property
    def oldest(self) -> OccurrenceStatus:
        return self.occurrences[0]

    @property
    def number(self) -> int:
        """The task's place among its measure's steps (or reporting items): ขั้นตอน ๑, การรายงาน ๒."""
        same_role = [t for t in self.measure.measure.tasks if t.role == self.task.task.role]
        return same_role.index(self.task.task) + 1


def natural_key(code: str) -> tuple[object, ...]:
    """``e6`` before ``e10``, ``oit10`` after ``e…``: numbers compared as numbers."""
    return tuple(int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", code))


def attention(status: PlanStatus, days: int = DEFAULT_SOON_DAYS) -> tuple[list[Attention], list[Attention]]:
    """(overdue, due within ``days`` of the as-of date), one item per task, in the order of the
    plan's codes (e6 before e10), then task."""
    horizon = status.as_of + timedelta(days=days)
    overdue, soon = [], []
    for m in status.measures:
        for task in m.tasks:
            late = tuple(o for o in task.occurrences if o.status == "overdue")
            coming = tuple(o for o in task.occurrences if o.status in _OPEN and o.status != "overdue"
                           and o.occurrence.due <= horizon)
            if late:
                overdue.append(Attention(m, task, "overdue", late))
            if coming:
                soon.append(Attention(m, task, "due_soon", coming))
    key = lambda a: (natural_key(a.measure.measure.code or a.measure.measure.id),  # noqa: E731
                     a.task.task.role != "step", a.number)
    return sorted(overdue, key=key), sorted(soon, key=key)
