"""The plan an agency writes and the evidence it records, as immutable values.

A plan is one fiscal year's มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน: measures (one row of the
report table each) whose steps and reporting items are tasks with a cadence. Records are what
officers did; they are kept apart from the plan so that editing a plan never loses evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from itacheck.domain.cadence import Cadence, Occurrence, occurrences_for

TOOLS = ("IIT", "EIT", "OIT")
ROLES = ("step", "reporting")


@dataclass(frozen=True)
class Organisation:
    name: str
    district: str = ""
    province: str = ""


@dataclass(frozen=True)
class Signatory:
    """A person who signs the report (ผู้รายงาน, ผู้อนุมัติ); a blank name prints a dotted line."""

    name: str = ""
    position: str = ""


@dataclass(frozen=True)
class Task:
    """A step (ขั้นตอนหรือวิธีการ) or reporting item (การรายงานผลและการกำกับติดตาม).

    ``id`` is stable and never reused: records point at it across plan edits and years."""

    id: str
    role: str
    text: str
    cadence: Cadence
    responsible: str = ""

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"task {self.id!r}: role must be 'step' or 'reporting', not {self.role!r}")


@dataclass(frozen=True)
class Measure:
    """One row of the report: an issue found by last year's ITA and what the agency does about it."""

    id: str
    tool: str
    indicator: int
    indicator_name: str
    issue: str
    responsible: tuple[str, ...] = ()
    tasks: tuple[Task, ...] = ()
    code: str = ""

    def __post_init__(self) -> None:
        if self.tool not in TOOLS:
            raise ValueError(f"measure {self.id!r}: tool must be IIT, EIT or OIT, not {self.tool!r}")
        if not 1 <= self.indicator <= 10:
            raise ValueError(f"measure {self.id!r}: indicator must be 1–10, not {self.indicator}")

    @property
    def steps(self) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if t.role == "step")

    @property
    def reporting(self) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if t.role == "reporting")


@dataclass(frozen=True)
class Plan:
    year: int
    organisation: Organisation
    intro: str = ""
    reporter: Signatory = field(default_factory=Signatory)
    approver: Signatory = field(default_factory=Signatory)
    measures: tuple[Measure, ...] = ()

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for measure in self.measures:
            if measure.id in seen:
                raise ValueError(f"measure id {measure.id!r} is used twice")
            seen.add(measure.id)
            for task in measure.tasks:
                if task.id in seen:
                    raise ValueError(f"task id {task.id!r} is used twice")
                seen.add(task.id)

    def tasks(self) -> tuple[Task, ...]:
        return tuple(t for m in self.measures for t in m.tasks)

    def task(self, task_id: str) -> Task:
        for t in self.tasks():
            if t.id == task_id:
                return t
        raise KeyError(task_id)

    def occurrence(self, task_id: str, key: str) -> Occurrence:
        """The occurrence ``key`` of a task in this plan's year; ValueError naming the valid keys."""
        try:
            task = self.task(task_id)
        except KeyError:
            raise ValueError(f"no task {task_id!r} in the {self.year} plan") from None
        occurrences = occurrences_for(task.cadence, self.year)
        for o in occurrences:
            if o.key == key:
                return o
        valid = ", ".join(o.key for o in occurrences)
        raise ValueError(f"task {task_id!r} has no occurrence {key!r} (valid: {valid})")


@dataclass(frozen=True)
class Attachment:
    """A file kept in the data directory under its sha256; ``name`` is what the officer called it."""

    sha256: str
    name: str
    size: int


@dataclass(frozen=True)
class Record:
    """Evidence that an occurrence was done (or, with ``skipped``, that it does not apply: the note
    then says why). Several records may pile up on one occurrence; the earliest date decides."""

    id: str
    task_id: str
    occurrence: str
    done_on: date
    note: str = ""
    links: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    recorded_by: str = ""
    recorded_at: datetime | None = None
    skipped: bool = False


@dataclass(frozen=True)
class AuditEntry:
    """One line of a year's audit log: who changed what, and when. Undoing a tick adds an entry
    (``action="undo"``) that keeps the removed record, so nothing disappears without a trace."""

    at: datetime
    user: str
    action: str
    summary: str
    task_id: str = ""
    occurrence: str = ""
    record_id: str = ""
