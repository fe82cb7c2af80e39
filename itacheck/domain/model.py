"""The plan an agency writes and the evidence it records, as immutable values.

A plan is one fiscal year's มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน: measures (one row of the
report table each) whose steps and reporting items are tasks with a cadence. Records are what
officers did; they are kept apart from the plan so that editing a plan never loses evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from itacheck.domain.cadence import Cadence, Occurrence, occurrences_for
from itacheck.domain.limits import (MAX_ATTACHMENTS_PER_RECORD, MAX_LINKS_PER_RECORD, MAX_MEASURES,
                                     MAX_TASKS_PER_MEASURE, check_count)

TOOLS = ("IIT", "EIT", "OIT")
ROLES = ("step", "reporting")
#: Task and measure ids: typed in `itacheck tick TASK_ID`, printed in lists, kept in every record.
#: Short ASCII slugs, so no id is empty, invisible (a zero-width space) or looks like another.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
_ID_RULE = "1–40 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit"
_KIND_TH = {"task": "งาน", "measure": "มาตรการ"}


class InvalidId(ValueError):
    """A task or measure id that is not a short ASCII slug, or one used twice in a plan.

    ``value`` is the offending id and ``duplicate`` tells which rule it broke, so a file reader can
    point at the line the id came from."""

    def __init__(self, message: str, value: str, *, duplicate: bool = False) -> None:
        super().__init__(message)
        self.value = value
        self.duplicate = duplicate


def check_id(value: str, kind: str) -> None:
    """InvalidId unless ``value`` is a valid id for a ``kind`` ("task" or "measure")."""
    if not (isinstance(value, str) and ID_PATTERN.fullmatch(value)):
        raise InvalidId(f"รหัส{_KIND_TH[kind]} {value!r} ไม่ถูกต้อง ({kind} id {value!r} is not a valid id: "
                        f"use {_ID_RULE})", value)


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
        check_id(self.id, "task")
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
    label: str = ""  #: a short name for narrow screens; see `short_label`

    def __post_init__(self) -> None:
        check_id(self.id, "measure")
        check_count(len(self.tasks), MAX_TASKS_PER_MEASURE, f"งานของมาตรการ {self.id} ",
                    f"tasks in measure {self.id!r}")
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
        """Ids are unique within the plan, measures and tasks together, whatever their case:
        `E6-R1` beside `e6-r1` would be two tasks an officer cannot tell apart."""
        check_count(len(self.measures), MAX_MEASURES, "มาตรการในแผน", "measures in a plan")
        seen: dict[str, str] = {}
        for measure in self.measures:
            for kind, item in (("measure", measure), *(("task", t) for t in measure.tasks)):
                key = item.id.lower()
                if key in seen:
                    same = "" if seen[key] == item.id else f" (as {seen[key]!r})"
                    raise InvalidId(f"รหัส{_KIND_TH[kind]} {item.id!r} ซ้ำกับที่ใช้แล้ว ({kind} id {item.id!r} is "
                                    f"used twice{same}; ids are unique within a plan, whatever their case)",
                                    item.id, duplicate=True)
                seen[key] = item.id

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


@dataclass(frozen=True, slots=True)
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

    def __post_init__(self) -> None:
        check_count(len(self.links), MAX_LINKS_PER_RECORD, "ลิงก์ของบันทึกหนึ่ง", "links in one record")
        check_count(len(self.attachments), MAX_ATTACHMENTS_PER_RECORD, "ไฟล์แนบของบันทึกหนึ่ง",
                    "attached files in one record")


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
    change: str = ""  #: the plan edit an entry belongs to (its removals can be restored together)
    removed_plan_parts: bool = False  #: a plan edit that removed tasks or measures


def plan_for_year(plan: Plan, year: int) -> Plan:
    """``plan`` carried into fiscal year ``year``: one-off deadlines move by the same number of
    years, so "ภายในเดือนตุลาคม ๒๕๖๕" of a 2566 plan becomes October 2566 in a 2567 plan."""
    shift = relativedelta(years=year - plan.year)
    measures = tuple(
        replace(m, tasks=tuple(replace(t, cadence=replace(t.cadence, due=t.cadence.due + shift)) if t.cadence.due else t
                               for t in m.tasks))
        for m in plan.measures)
    return replace(plan, year=year, measures=measures)


# Words every EIT/IIT question shares; left out of a measure's short name so that its own words show.
_BOILERPLATE = re.compile(r"^(?:หน่วยงานที่ท่าน(?:ติดต่อ)?|ท่าน(?:เห็นว่า)?|บุคลากรในหน่วยงานของท่าน)\s*|^(?:มีการ|มี)\s*"
                          r"|\s*(?:มากน้อยเพียงใด|หรือไม่|อย่างไร|มีลักษณะ(?:ดัง)?ต่อไปนี้)\s*$")


def short_label(measure: Measure) -> str:
    """What a narrow screen calls a measure: its label when the plan gives one, else its issue
    without the words every survey question starts and ends with, so that e7, e9 and e10 no
    longer all read "หน่วยงานที่ท่านติดต่อ…"."""
    if measure.label:
        return measure.label
    text = " ".join(measure.issue.split("\n", 1)[0].split())
    for _ in range(3):  # prefixes come in layers: "หน่วยงานที่ท่านติดต่อ มีการ…"
        shorter = _BOILERPLATE.sub("", text).strip()
        if shorter == text or not shorter:
            break
        text = shorter
    return text
