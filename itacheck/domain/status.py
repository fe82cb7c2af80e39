"""Where each task stands as of a date, and the totals a report or dashboard shows.

Time is always a parameter (``as_of``): the same records give the same statuses on any machine
on any day, which is what lets a report be regenerated and tested.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from datetime import date, timedelta

from itacheck.domain.cadence import Cadence, Occurrence, occurrences_for
from itacheck.domain.fiscal import Round
from itacheck.domain.limits import DEFAULT_SOON_DAYS
from itacheck.domain.model import Measure, Plan, Record, Task
from itacheck.gcpause import paused_gc

STATUSES = ("done", "late", "overdue", "due_soon", "open", "upcoming", "skipped")

#: Which status speaks for a group: what needs attention first.
_URGENCY = ("overdue", "due_soon", "open", "late", "upcoming", "done", "skipped")


@dataclass(frozen=True, slots=True)
class OccurrenceStatus:
    occurrence: Occurrence
    status: str
    done_on: date | None
    records: tuple[Record, ...]


def occurrence_status(occurrence: Occurrence, records: Iterable[Record], as_of: date,
                      soon_days: int = DEFAULT_SOON_DAYS) -> OccurrenceStatus:
    """Status of one occurrence from the records made for it. Records dated after ``as_of`` do not
    count yet, so a report "as of 31 March" ignores April's work."""
    if type(records) is tuple and all(r.done_on <= as_of for r in records):
        known = records  # a big year computes tens of thousands of these: reuse the caller's tuple
    else:
        known = tuple(r for r in records if r.done_on <= as_of)
    if known:  # most occurrences have one record or none
        return _recorded(occurrence, tuple(sorted(known, key=_done_on)) if len(known) > 1 else known)
    if as_of > occurrence.due:
        status = "overdue"
    elif occurrence.due - as_of <= timedelta(days=soon_days) and as_of >= occurrence.start:
        status = "due_soon"
    elif as_of >= occurrence.start:
        status = "open"
    else:
        status = "upcoming"
    return OccurrenceStatus(occurrence, status, None, ())


def _recorded(occurrence: Occurrence, known: tuple[Record, ...]) -> OccurrenceStatus:
    """The status ``known`` gives (records up to the as-of date, earliest first): the first one not
    marked skipped decides."""
    for r in known:
        if not r.skipped:
            return OccurrenceStatus(occurrence, "done" if r.done_on <= occurrence.due else "late", r.done_on, known)
    return OccurrenceStatus(occurrence, "skipped", None, known)


def _done_on(record: Record) -> date:
    return record.done_on


def in_round(occurrence: Occurrence, task: Task, rnd: Round) -> bool:
    """An occurrence belongs to the round in which its window ends (a one-off task: its due date)."""
    return _belongs(occurrence, task.cadence, rnd)


def _belongs(occurrence: Occurrence, cadence: Cadence, rnd: Round) -> bool:
    return rnd.contains(occurrence.due if cadence.kind == "once" else occurrence.end)


@lru_cache(maxsize=1024)
def _round_occurrences(cadence: Cadence, year_be: int, rnd: Round) -> tuple[Occurrence, ...]:
    """The occurrences of ``cadence`` that belong to ``rnd``: a big plan has a thousand tasks
    and a handful of distinct cadences, so each is expanded and filtered once."""
    return tuple(o for o in occurrences_for(cadence, year_be) if _belongs(o, cadence, rnd))


@dataclass(frozen=True)
class Tally:
    """Counts per status over some occurrences."""

    counts: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, statuses: Iterable[str]) -> Tally:
        counted = dict.fromkeys(STATUSES, 0)
        for s in statuses:
            counted[s] += 1
        return cls(tuple(counted.items()))

    @cached_property
    def _by_status(self) -> dict[str, int]:
        return dict(self.counts)

    def __getitem__(self, status: str) -> int:
        return self._by_status[status]

    def __add__(self, other: Tally) -> Tally:
        mine, theirs = self._by_status, other._by_status
        return Tally(tuple((s, mine[s] + theirs[s]) for s in STATUSES))

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    @property
    def completed(self) -> int:
        return self["done"] + self["late"]

    @property
    def percent_complete(self) -> float | None:
        """(done + late) / (all − skipped), in percent; ``None`` when nothing is expected."""
        expected = self.total - self["skipped"]
        return round(100 * self.completed / expected, 1) if expected else None

    @property
    def headline(self) -> str | None:
        """The status a tree node shows: the most urgent one present."""
        return next((s for s in _URGENCY if self[s]), None)

    def as_dict(self) -> dict[str, int | float | None]:
        return {"occurrences": self.total, **dict(self.counts), "percent_complete": self.percent_complete}


EMPTY = Tally.of(())


def _sum(tallies: Iterable[Tally]) -> Tally:
    total = EMPTY
    for t in tallies:
        total = total + t
    return total


@dataclass(frozen=True)
class TaskStatus:
    task: Task
    occurrences: tuple[OccurrenceStatus, ...]

    @cached_property
    def tally(self) -> Tally:
        return Tally.of(o.status for o in self.occurrences)


@dataclass(frozen=True)
class MeasureStatus:
    measure: Measure
    tasks: tuple[TaskStatus, ...]

    @cached_property
    def tally(self) -> Tally:
        return _sum(t.tally for t in self.tasks)


@dataclass(frozen=True)
class IndicatorTotal:
    tool: str
    indicator: int
    name: str
    tally: Tally


@dataclass(frozen=True)
class PlanStatus:
    plan: Plan
    round: Round
    as_of: date
    measures: tuple[MeasureStatus, ...]

    @cached_property
    def tally(self) -> Tally:
        return _sum(m.tally for m in self.measures)

    def by_indicator(self) -> tuple[IndicatorTotal, ...]:
        """Totals per (tool, indicator), in plan order."""
        groups: dict[tuple[str, int], IndicatorTotal] = {}
        for m in self.measures:
            key = (m.measure.tool, m.measure.indicator)
            prev = groups.get(key)
            groups[key] = IndicatorTotal(key[0], key[1], m.measure.indicator_name,
                                         m.tally if prev is None else prev.tally + m.tally)
        return tuple(groups.values())

    def by_tool(self) -> dict[str, Tally]:
        tools: dict[str, Tally] = {}
        for m in self.measures:
            tools[m.measure.tool] = tools.get(m.measure.tool, EMPTY) + m.tally
        return tools

    def occurrences(self) -> Iterable[tuple[MeasureStatus, TaskStatus, OccurrenceStatus]]:
        for m in self.measures:
            for t in m.tasks:
                for o in t.occurrences:
                    yield m, t, o


def plan_status(plan: Plan, records: Iterable[Record], rnd: Round, as_of: date,
                soon_days: int = DEFAULT_SOON_DAYS) -> PlanStatus:
    """Every occurrence of the plan that belongs to ``rnd``, with its status as of ``as_of``."""
    with paused_gc():  # tens of thousands of small values, no cycle (see itacheck.gcpause)
        return _plan_status(plan, records, rnd, as_of, soon_days)


def _plan_status(plan: Plan, records: Iterable[Record], rnd: Round, as_of: date, soon_days: int) -> PlanStatus:
    by_key = _by_occurrence(records)
    unrecorded: dict[int, OccurrenceStatus] = {}  # by occurrence (shared by the tasks of one cadence)
    measures = []
    for measure in plan.measures:
        tasks = []
        for task in measure.tasks:
            occs = []
            for o in _round_occurrences(task.cadence, plan.year, rnd):
                found = by_key.get((task.id, o.key))
                if found is None:
                    known = unrecorded.get(id(o))
                    if known is None:
                        known = unrecorded[id(o)] = occurrence_status(o, (), as_of, soon_days)
                    occs.append(known)
                elif len(found) == 1 and found[0].done_on <= as_of:  # most have one record: the short way
                    occs.append(_recorded(o, found))
                else:
                    occs.append(occurrence_status(o, found, as_of, soon_days))
            tasks.append(TaskStatus(task, tuple(occs)))
        measures.append(MeasureStatus(measure, tuple(tasks)))
    return PlanStatus(plan, rnd, as_of, tuple(measures))


#: The records of the last year grouped (see `_by_occurrence`), with the tuple they came from.
_grouped: tuple[tuple[Record, ...], dict[tuple[str, str], tuple[Record, ...]]] = ((), {})


def _by_occurrence(records: Iterable[Record]) -> dict[tuple[str, str], tuple[Record, ...]]:
    """The records by (task, occurrence), in their order. A year's records are one tuple for as
    long as its file is unchanged (the store decodes each version once), and a screen or report
    computes the status of the same records again and again: the last tuple's groups are kept."""
    global _grouped
    last, groups = _grouped
    if records is last:
        return groups
    lists: dict[tuple[str, str], list[Record]] = {}
    for r in records:
        lists.setdefault((r.task_id, r.occurrence), []).append(r)
    groups = {key: tuple(group) for key, group in lists.items()}
    if type(records) is tuple:
        _grouped = (records, groups)
    return groups


def report_as_of(plan: Plan, rnd: Round, today: date) -> date:
    """The date a round's report is computed for by default: today while the round runs, but no
    later than its last deadline (a half-year report is due in April for October–March), so a
    report regenerated years later says what it said then."""
    last_due = max((o.due for t in plan.tasks() for o in occurrences_for(t.cadence, plan.year) if in_round(o, t, rnd)),
                   default=rnd.end)
    return min(today, max(last_due, rnd.end))
