"""The repository as the TUI uses it, with no Textual in it so it can be tested on its own.

The app reads and writes from worker threads (a save may wait for another officer's lock, a read
may be slow on a shared disk); one lock keeps those calls from interleaving inside the store.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from itacheck.domain.fiscal import default_round, fiscal_round
from itacheck.domain.model import AuditEntry, Record
from itacheck.domain.status import PlanStatus, plan_status
from itacheck.store.repository import Repository, default_year


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


class Session:
    """Reads and writes for the TUI; every call may block and is meant for a worker thread."""

    def __init__(self, repository: Repository, today: date | None = None) -> None:
        self.repository = repository
        self._today = today
        self._lock = threading.Lock()

    def today(self) -> date:
        """The fixed day of a test or a demo, else the real one (asked each time: SSH sessions
        stay open past midnight)."""
        return self._today or date.today()

    def first_period(self) -> Period | None:
        """This year's current round as of today; for an older plan (this year has none yet) the
        whole year, because its half-year round is long closed. None when there is no plan."""
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
        status = plan_status(plan, records, fiscal_round(period.year, period.round), period.as_of) if plan else None
        return Snapshot(period, years, status, token)

    def record(self, year: int, task_id: str, occurrence: str, done_on: date, *, note: str = "",
               links: Sequence[str] = (), files: Sequence[Path] = (), skipped: bool = False) -> Record:
        with self._lock:
            return self.repository.add_record(year, task_id, occurrence, done_on, note=note, links=links,
                                              files=files, skipped=skipped)

    def undo(self, year: int) -> Record | None:
        with self._lock:
            return self.repository.undo_last(year)

    def audit(self, year: int) -> tuple[AuditEntry, ...]:
        with self._lock:
            return self.repository.audit(year)
