"""Narrowing the checklist: words typed after `/` (Thai or English, tone marks and case ignored)
and a choice of what to show (everything, what is overdue, what falls due this month, one
unit's work). Plain Python, so the rules are tested without a screen."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from itacheck.domain.status import MeasureStatus, OccurrenceStatus, PlanStatus

SHOWS = ("all", "overdue", "month")
_MARKS = re.compile("[\u0e47-\u0e4e]")  # tone marks, mai taikhu, thanthakhat…: often typed or left out


def fold(text: str) -> str:
    """Text as compared by the filter: lower case, single spaces, no Thai tone marks."""
    return _MARKS.sub("", " ".join(text.lower().split()))


@dataclass(frozen=True)
class Filter:
    """``show`` is one of `SHOWS` or ``unit:<name>`` (a responsible unit of the plan)."""

    words: str = ""
    show: str = "all"

    @property
    def active(self) -> bool:
        return bool(self.words.strip()) or self.show != "all"

    def apply(self, status: PlanStatus) -> PlanStatus:
        """The measures, tasks and occurrences that pass, with every other one left out."""
        if not self.active:
            return status
        words = fold(self.words).split()
        measures = []
        for m in status.measures:
            if self.show.startswith("unit:") and not self._unit_of(m, self.show[5:]):
                continue
            measure_text = fold(" ".join((m.measure.id, m.measure.code, m.measure.issue, *m.measure.responsible)))
            tasks = []
            for task in m.tasks:
                task_text = fold(f"{task.task.id} {task.task.text} {task.task.responsible}")
                if not all(w in measure_text or w in task_text for w in words):
                    continue
                if self.show in ("overdue", "month"):
                    occurrences = tuple(o for o in task.occurrences if self._shows(o, status))
                    if not occurrences:
                        continue
                    task = replace(task, occurrences=occurrences)
                tasks.append(task)
            if tasks:
                measures.append(MeasureStatus(m.measure, tuple(tasks)))
        return replace(status, measures=tuple(measures))

    def _shows(self, o: OccurrenceStatus, status: PlanStatus) -> bool:
        if self.show == "overdue":
            return o.status == "overdue"
        due, as_of = o.occurrence.due, status.as_of
        return o.status not in ("done", "late", "skipped") and (due.year, due.month) == (as_of.year, as_of.month)

    @staticmethod
    def _unit_of(m: MeasureStatus, unit: str) -> bool:
        return unit in m.measure.responsible or any(t.task.responsible == unit for t in m.tasks)


def units(status: PlanStatus | None) -> list[str]:
    """The plan's responsible units, in the order they first appear."""
    seen: dict[str, None] = {}
    for m in status.measures if status else ():
        for unit in (*m.measure.responsible, *(t.task.responsible for t in m.tasks)):
            if unit:
                seen.setdefault(unit, None)
    return list(seen)
