"""What can go wrong with the data directory, each with a message an officer can act on."""

from __future__ import annotations

from itacheck import thai
from itacheck.domain.cadence import Occurrence
from itacheck.domain.model import Record
from itacheck.labels import occurrence_label


class StoreError(Exception):
    """Base of every storage problem; ``str()`` is the user-facing message."""


class StoreBusy(StoreError):
    """Another officer's save held the lock for too long."""


class CorruptFile(StoreError):
    """A year file cannot be read as an itacheck database. It is never overwritten."""


class NewerSchema(StoreError):
    """A year file was written by a newer itacheck."""


class WriteFailed(StoreError):
    """A save could not be completed (disk full, permissions…); the previous file is intact."""


class UnsafeFile(StoreError):
    """An entry of the data directory is not what it must be: a symbolic link, FIFO, device or
    directory where a regular file belongs (or a link where a folder belongs), or a file too big
    to be real. It is never followed, read or changed."""


class PlanExists(ValueError):
    """A plan would have been replaced by one that must only go where there is none (the sample,
    a copied plan)."""

    def __init__(self, year: int) -> None:
        super().__init__(f"ปีงบประมาณ {year} มีแผนอยู่แล้ว จึงไม่ได้เขียนทับ "
                         f"(fiscal year {year} already has a plan; it was not replaced)")
        self.year = year


class AlreadyRecorded(ValueError):
    """The period has evidence already, found under the lock; ``record`` is the earliest one."""

    def __init__(self, occurrence: Occurrence, record: Record) -> None:
        when = f" เมื่อ {record.recorded_at:%Y-%m-%d %H:%M}" if record.recorded_at else ""
        when_en = f" at {record.recorded_at:%Y-%m-%d %H:%M}" if record.recorded_at else ""
        super().__init__(
            f"{record.task_id} {occurrence_label(occurrence)} ({occurrence.key}) บันทึกไว้แล้วโดย {record.recorded_by}"
            f"{when} ว่าเสร็จวันที่ {thai.format_date(record.done_on, style='short')} "
            f"({record.task_id} {occurrence_label(occurrence, 'en')} is already recorded by {record.recorded_by}"
            f"{when_en}, done on {record.done_on.isoformat()})")
        self.occurrence = occurrence
        self.record = record


class NoPeriod(ValueError):
    """A date done that falls in no period of the task: the officer must name the period."""
