"""The repository as the TUI uses it, with no Textual in it so it can be tested on its own.

The app reads and writes from worker threads (a save may wait for another officer's lock, a read
may be slow on a shared disk); one lock keeps those calls from interleaving inside the store. The
store is imported by the first of those calls, so the screen is drawn without waiting for it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from itacheck.domain.fiscal import default_round, fiscal_round
from itacheck.domain.model import AuditEntry, Plan, Record
from itacheck.domain.status import PlanStatus, plan_status, report_as_of

if TYPE_CHECKING:
    from itacheck.domain.catalogue import Catalogue, Item
    from itacheck.store.repository import Repository


@dataclass(frozen=True)
class Period:
    """What the officer is looking at: a fiscal year, one of its rounds, and the date statuses are
    computed for."""

    year: int
    round: str
    as_of: date


@dataclass(frozen=True)
class Snapshot:
    """Everything one screen refresh needs, read in one go."""

    period: Period
    years: tuple[int, ...]
    status: PlanStatus | None
    token: object = None
    error: str = ""
    #: The year's records as read, for :attr:`report`.
    records: tuple[Record, ...] = ()

    @cached_property
    def report(self) -> PlanStatus | None:
        """The round's report as `itacheck report` writes it: as of the period's date, but no
        later than the round's last deadline (a half-year report chosen in June counts nothing
        from May). Computed when first asked for: only the report screen shows it, and on a big
        year it costs as much as the status itself."""
        status, period = self.status, self.period
        if status is None or period.round not in ("half", "full"):
            return status
        as_of = report_as_of(status.plan, status.round, period.as_of)
        return status if as_of == period.as_of else plan_status(status.plan, self.records, status.round, as_of)


class Session:
    """Reads and writes for the TUI; every call may block and is meant for a worker thread."""

    def __init__(self, repository: Repository | Path, today: date | None = None) -> None:
        self._repository = repository
        self._today = today
        self._lock = threading.Lock()
        self._mine: list[tuple[int, str]] = []  # (year, record id) of the ticks made here, oldest first

    @property
    def repository(self) -> Repository:
        """The store; given as a data directory, it is opened on first use (by the first read, in
        a worker, once the first frame is drawn)."""
        if isinstance(self._repository, Path):
            from itacheck.store.repository import Repository

            self._repository = Repository(self._repository)
        return self._repository

    def today(self) -> date:
        """The fixed day of a test or a demo, else the real one (asked each time: SSH sessions
        stay open past midnight)."""
        return self._today or date.today()

    def first_period(self) -> Period | None:
        """This year's current round as of today; for an older plan (this year has none yet) the
        whole year, because its half-year round is long closed. None when there is no plan."""
        from itacheck.store.repository import default_year

        today = self.today()
        with self._lock:
            year = default_year(self.repository, today)
        if year is None:
            return None
        return Period(year, default_round(year, today).name, today)

    def token(self, year: int) -> object:
        """Changes when anyone saves the year: a stat, cheap enough to poll."""
        with self._lock:
            return self.repository.change_token(year)

    def load(self, period: Period) -> Snapshot:
        """The period's statuses; the token is read first, so a save racing this read is seen
        by the next poll rather than lost."""
        with self._lock:
            token = self.repository.change_token(period.year)
            years = tuple(self.repository.years())
            plan = self.repository.plan(period.year)
            records = self.repository.records(period.year) if plan else ()
        if plan is None:
            return Snapshot(period, years, None, token)
        status = plan_status(plan, records, fiscal_round(period.year, period.round), period.as_of)
        return Snapshot(period, years, status, token, records=tuple(records))

    def record(self, year: int, task_id: str, occurrence: str, done_on: date, *, note: str = "",
               links: Sequence[str] = (), files: Sequence[Path] = (), skipped: bool = False,
               only_if_free: bool = False) -> Record:
        """``only_if_free``: AlreadyRecorded when the period has a record in the file now (the
        screen's copy may be seconds old)."""
        with self._lock:
            record = self.repository.add_record(year, task_id, occurrence, done_on, note=note, links=links,
                                                files=files, skipped=skipped, only_if_free=only_if_free)
            self._mine.append((year, record.id))
            return record

    def correct(self, year: int, record_id: str, done_on: date, *, note: str = "", links: Sequence[str] = (),
                files: Sequence[Path] = (), drop_attachments: bool = False, skipped: bool = False) -> Record:
        with self._lock:
            return self.repository.edit_record(year, record_id, done_on, note=note, links=links, files=files,
                                               drop_attachments=drop_attachments, skipped=skipped)

    def made_here(self) -> set[str]:
        """Ids of the records this window made (a live refresh announces only other people's)."""
        return {record_id for _, record_id in self._mine}

    def undo_candidate(self, year: int) -> tuple[Record, bool] | None:
        """What `u` would undo, and whether it is this session's own tick (undone at once) rather
        than one from another terminal or by a colleague under the same login (asked first)."""
        with self._lock:
            present = {r.id: r for r in self.repository.records(year)}
            for y, record_id in reversed(self._mine):
                if y == year and record_id in present:
                    return present[record_id], True
            last = self.repository.last_tick(year)
        return (last, False) if last else None

    def remove(self, year: int, record_id: str, action: str = "undo") -> Record | None:
        """Take one record back (None when someone already did); ``action`` names it in the audit
        log ("undo" of a tick, "delete" of evidence found wrong)."""
        with self._lock:
            return self.repository.remove_record(year, record_id, action=action)

    def load_sample(self) -> bool:
        with self._lock:
            return self.repository.load_sample()

    def import_plan(self, plan: Plan, records: Sequence[Record] = (), *, source: str, overwrite: bool) -> None:
        """Save an imported, reviewed plan; PlanExists when its year has one and ``overwrite`` is
        False (the officer is then asked)."""
        with self._lock:
            self.repository.import_plan(plan, records, summary=f"นำเข้าแผนจาก {source} (imported)",
                                        overwrite=overwrite)

    def save_plan(self, plan: Plan, *, remove_records: bool = False) -> tuple[Record, ...]:
        with self._lock:
            return self.repository.save_plan(plan, remove_records=remove_records)

    def restore_change(self, year: int, change: str) -> tuple[Plan, tuple[Record, ...]]:
        with self._lock:
            return self.repository.restore_change(year, change)

    def copy_plan(self, source: int, target: int) -> Plan:
        with self._lock:
            return self.repository.copy_plan(source, target)

    def editing(self, year: int) -> tuple[Plan | None, set[str], dict[str, int]]:
        """What the plan editor starts from: the plan, the task ids the year has used, and how
        many records each task has (removing one that has records asks first)."""
        with self._lock:
            plan = self.repository.plan(year)
            counts: dict[str, int] = {}
            for r in self.repository.records(year) if plan else ():
                counts[r.task_id] = counts.get(r.task_id, 0) + 1
            return plan, self.repository.task_ids_in_use(year), counts

    def catalogue(self, year: int) -> Catalogue:
        from itacheck.store.catalogue_file import catalogue_for

        """The ITA catalogue of ``year``, with the agency's corrections from the data directory."""
        return catalogue_for(year, self.repository.data_dir)

    def add_catalogue_item(self, year: int, item: Item) -> Catalogue:
        from itacheck.store.catalogue_file import add_agency_item

        with self._lock:
            return add_agency_item(self.repository.data_dir, year, item)

    def audit(self, year: int) -> tuple[AuditEntry, ...]:
        with self._lock:
            return self.repository.audit(year)
