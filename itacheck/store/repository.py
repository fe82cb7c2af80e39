"""The data directory as the rest of the program sees it: plans, records, audit log, attachments.

Every method converts between TinyDB documents and domain values here and nowhere else, and every
change runs inside one locked transaction of its year file.
"""

from __future__ import annotations

import os
import pwd
import re
import uuid
from dataclasses import replace
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from tinydb import Query, TinyDB

from itacheck import thai
from itacheck.domain.cadence import Occurrence, occurrence_on, occurrences_for
from itacheck.domain.fiscal import default_year as default_year_of
from itacheck.domain.limits import MAX_RECORDS_PER_YEAR
from itacheck.domain.model import Attachment, AuditEntry, Plan, Record, plan_for_year
from itacheck.domain.text import MAX_LINE, check_link, clean_text
from itacheck.locations import data_files_dir
from itacheck.store.attachments import AttachmentStore
from itacheck.store.codec import plan_from_dict, plan_to_dict, record_from_dict, record_to_dict
from itacheck.store.errors import AlreadyRecorded, NoPeriod, PlanExists
from itacheck.store.plan_changes import (WouldRemoveRecords, fits, removed_parts, removed_records,
                                         with_parts_back)
from itacheck.store.planfile import check_date_in_year, clean_plan_document, read_plan_file
from itacheck.store.safefile import make_dir
from itacheck.store.yearfile import YearFile

SAMPLE_PLAN = "sample-2566.toml"
_YEAR_FILE = re.compile(r"(\d{4})\.json")


def current_user() -> str:
    """"login (Full Name)" of the process's real uid, so the audit log says who did it over SSH.
    Never from ``LOGNAME``/``USER`` (what `getpass.getuser` reads): whoever starts the program sets
    those, and could record or undo evidence under a colleague's name."""
    uid = os.getuid()
    try:
        entry = pwd.getpwuid(uid)
        login, full = entry.pw_name, entry.pw_gecos.split(",")[0].strip()
    except KeyError:  # a uid without an account entry (some containers)
        login, full = f"uid {uid}", ""
    name = f"{login} ({full})" if full and full != login else login
    return clean_text(name[:200], limit=200, what="user name", multiline=False)  # chfn lets users set it


class Repository:
    """Plans and evidence in one data directory (one TinyDB file per fiscal year)."""

    def __init__(self, data_dir: Path, *, user: str | None = None, lock_timeout: float | None = None) -> None:
        """``lock_timeout``: seconds a save waits for a colleague's before "busy, try again"
        (default: $ITACHECK_LOCK_TIMEOUT, else 10)."""
        self.data_dir = Path(data_dir)
        self.user = user or current_user()
        self.lock_timeout = lock_timeout
        self.attachments = AttachmentStore(self.data_dir / "attachments")
        self._files: dict[int, YearFile] = {}

    # --- files -----------------------------------------------------------------------------

    def year_file(self, year: int) -> YearFile:
        if year not in self._files:
            self._files[year] = YearFile(self.data_dir / f"{year}.json", lock_timeout=self.lock_timeout)
        return self._files[year]

    def years(self) -> list[int]:
        """Fiscal years that have a file, oldest first."""
        if not self.data_dir.is_dir():
            return []
        return sorted(int(m.group(1)) for p in self.data_dir.iterdir() if (m := _YEAR_FILE.fullmatch(p.name)))

    def change_token(self, year: int) -> tuple[int, int, int] | None:
        """Differs whenever anyone saved the year: cheap enough to poll for live refresh."""
        return self.year_file(year).signature()

    def create(self) -> bool:
        """Create the data directory (0700, or group-shared under a setgid parent); False when it
        was there already. Only an explicit start does this: a mistyped path must not become a
        new, empty data directory that takes the officer's evidence."""
        if self.data_dir.is_dir():
            return False
        make_dir(self.data_dir)
        return True

    def load_sample(self) -> bool:
        """Load the bundled sample plan (FY2566, with its recorded results) for an officer who
        asked to try it. Decided under the year file's lock, so a plan that is there, even one a
        colleague imported a moment ago, is never replaced: False then."""
        plan, records = read_plan_file(data_files_dir() / SAMPLE_PLAN)
        try:
            self.import_plan(plan, records, summary="ตัวอย่างแผนปี 2566 (sample plan)", overwrite=False)
        except PlanExists:
            return False
        return True

    # --- reading ---------------------------------------------------------------------------

    def plan(self, year: int) -> Plan | None:
        content = self.year_file(year).content()
        return content.plan if content else None

    def records(self, year: int) -> tuple[Record, ...]:
        content = self.year_file(year).content()
        return content.records if content else ()

    def audit(self, year: int) -> tuple[AuditEntry, ...]:
        """The year's audit log, newest first."""
        docs = self.year_file(year).snapshot().table("audit").all()
        try:
            entries = [AuditEntry(datetime.fromisoformat(d["at"]), d["user"], d["action"], d.get("summary", ""),
                                  d.get("task", ""), d.get("occurrence", ""), d.get("record", ""),
                                  str(d.get("change", "")),
                                  bool(d.get("removed_tasks") or d.get("removed_measures"))) for d in docs]
        except (KeyError, TypeError, ValueError) as exc:
            raise self.year_file(year).corrupt(f"audit log: {exc!r}") from None
        return tuple(reversed(entries))

    # --- writing ---------------------------------------------------------------------------

    def _audit(self, db, action: str, summary: str, record: Record | None = None, **extra) -> None:
        summary = clean_text(summary, limit=MAX_LINE, what="summary", multiline=False)  # may name a file
        doc = {"at": datetime.now().isoformat(timespec="seconds"), "user": self.user, "action": action,
               "summary": summary, **extra}
        if record is not None:
            doc |= {"task": record.task_id, "occurrence": record.occurrence, "record": record.id,
                    "data": record_to_dict(record)}
        db.table("audit").insert(doc)

    def import_plan(self, plan: Plan, records: Iterable[Record] = (), *, summary: str = "",
                    overwrite: bool = True) -> None:
        """Store ``plan`` as its year's plan. Existing records are kept; imported records whose id is
        already there are skipped, so importing the same file twice adds nothing. With
        ``overwrite=False`` a year that has a plan is left alone (PlanExists), decided under the lock."""
        plan = plan_from_dict(clean_plan_document(plan_to_dict(plan)))  # the TUI's editor too: same cleaning
        with self.year_file(plan.year).transaction() as db:
            if not overwrite and db.table("plan").get(doc_id=1) is not None:
                raise PlanExists(plan.year)
            for task_id, key in {(r["task"], r["occurrence"]) for r in db.table("records").all()}:
                try:
                    plan.occurrence(task_id, key)
                except ValueError as exc:
                    raise ValueError(f"the new plan would orphan recorded evidence: {exc}") from None
            db.table("plan").upsert(plan_to_dict(plan) | {"_": 1}, Query()["_"] == 1)
            table = db.table("records")
            have = {d["id"] for d in table.all()}
            new = [record_to_dict(r) for r in records if r.id not in have]
            if new:
                table.insert_multiple(new)
            self._audit(db, "import", summary or f"นำเข้าแผนปี {plan.year} (plan imported), {len(new)} records")

    def add_record(self, year: int, task_id: str, occurrence: str | None, done_on: date, *, note: str = "",
                   links: Sequence[str] = (), files: Sequence[Path] = (), skipped: bool = False,
                   only_if_free: bool = False) -> Record:
        """Record evidence for one occurrence. Everything is checked before the file is touched.

        ``occurrence=None``: the period ``done_on`` belongs to (`occurrence_on`), refused with
        AlreadyRecorded when it has a record. A named occurrence takes more evidence on purpose,
        unless ``only_if_free``. Both are decided under the lock, against the file: what this
        process read a moment ago may be out of date."""
        note, links, attachments = self._evidence(year, done_on, note, links, files)
        with self.year_file(year).transaction() as db:
            _check_room_for_a_record(db, year)
            doc = db.table("plan").get(doc_id=1)
            if doc is None:
                raise ValueError(f"ยังไม่มีแผนของปี {year} (no plan for fiscal year {year})")
            table = db.table("records")
            free_only = occurrence is None or only_if_free  # else the period takes more evidence on purpose
            earlier = [record_from_dict(d) for d in table.search(lambda d: d.get("task") == task_id)] \
                if free_only else []
            chosen = self._occurrence_for(plan_from_dict(doc), task_id, occurrence, done_on, earlier)
            there = sorted((r for r in earlier if r.occurrence == chosen.key), key=lambda r: (r.done_on, r.id))
            if there:
                raise AlreadyRecorded(chosen, there[0])
            record = Record(id=uuid.uuid4().hex, task_id=task_id, occurrence=chosen.key, done_on=done_on,
                            note=note, links=links, attachments=attachments, recorded_by=self.user,
                            recorded_at=datetime.now().replace(microsecond=0), skipped=skipped)
            table.insert(record_to_dict(record))
            self._audit(db, "skip" if skipped else "tick", f"{task_id} {chosen.key} {done_on.isoformat()}", record)
        return record

    def _evidence(self, year: int, done_on: date, note: str, links: Sequence[str],
                  files: Sequence[Path]) -> tuple[str, tuple[str, ...], tuple[Attachment, ...]]:
        """The evidence fields checked and cleaned, the files stored: all before the lock is taken."""
        note = clean_text(note, what="note")
        links = tuple(check_link(link) for link in links)
        check_date_in_year(done_on, year, "date done")
        return note, links, tuple(self.attachments.add(Path(f)) for f in files)

    def edit_record(self, year: int, record_id: str, done_on: date, *, note: str = "", links: Sequence[str] = (),
                    files: Sequence[Path] = (), drop_attachments: bool = False, skipped: bool = False) -> Record:
        """Correct a record's date, note, links, files or not-applicable mark. It keeps its id, task,
        period and who first recorded it; the audit log keeps the version it replaces, so a
        correction is never a silent overwrite."""
        note, links, added = self._evidence(year, done_on, note, links, files)
        with self.year_file(year).transaction() as db:
            table = db.table("records")
            doc = table.get(Query().id == record_id)
            if doc is None:
                raise ValueError(f"บันทึกนี้ถูกลบไปแล้ว (this record was removed meanwhile: {record_id[:12]})")
            old = record_from_dict(doc)
            kept = () if drop_attachments else old.attachments
            record = replace(old, done_on=done_on, note=note, links=links, attachments=(*kept, *added),
                             skipped=skipped)
            table.remove(doc_ids=[doc.doc_id])
            table.insert(record_to_dict(record))
            self._audit(db, "correct", f"{record.task_id} {record.occurrence} {done_on.isoformat()}", record,
                        before=record_to_dict(old))
        return record

    @staticmethod
    def _occurrence_for(plan: Plan, task_id: str, key: str | None, done_on: date,
                        earlier: Sequence[Record]) -> Occurrence:
        if key is not None:
            return plan.occurrence(task_id, key)
        try:
            occurrences = occurrences_for(plan.task(task_id).cadence, plan.year)
        except KeyError:
            raise ValueError(f"ไม่มีงาน {task_id!r} ในแผนปี {plan.year} (no task {task_id!r} in the {plan.year} "
                             "plan)") from None
        chosen = occurrence_on(occurrences, done_on, {r.occurrence for r in earlier})
        if chosen is None:
            valid = ", ".join(o.key for o in occurrences)
            raise NoPeriod(f"วันที่ {thai.format_date(done_on)} ไม่อยู่ในช่วงใดของงาน {task_id} ในปีงบประมาณ {plan.year} "
                           f"({done_on.isoformat()} is in no period of task {task_id} in fiscal year {plan.year}; "
                           f"name the period: {valid})")
        return chosen

    def save_plan(self, plan: Plan, *, remove_records: bool = False, summary: str = "") -> tuple[Record, ...]:
        """Replace the year's plan by the edited ``plan``. Records that no longer fit it refuse the
        save (WouldRemoveRecords, decided under the lock) unless ``remove_records``; they are then
        removed, each kept whole in the audit log under this edit's change id with the tasks and
        measures it removed, so that `restore_change` can bring them back."""
        plan = plan_from_dict(clean_plan_document(plan_to_dict(plan)))
        with self.year_file(plan.year).transaction() as db:
            old_doc = db.table("plan").get(doc_id=1)
            old = plan_from_dict(old_doc) if old_doc else None
            table = db.table("records")
            orphans = [(d.doc_id, r) for d in table.all() if not fits(plan, r := record_from_dict(d))]
            if orphans and not remove_records:
                raise WouldRemoveRecords([r for _, r in orphans])
            change = uuid.uuid4().hex
            for doc_id, record in orphans:
                table.remove(doc_ids=[doc_id])
                self._audit(db, "remove", f"{record.task_id} {record.occurrence} {record.done_on.isoformat()}",
                            record, change=change)
            db.table("plan").upsert(plan_to_dict(plan) | {"_": 1}, Query()["_"] == 1)
            self._audit(db, "edit", summary or f"แก้ไขแผนปี {plan.year} (plan edited)", change=change,
                        **removed_parts(old, plan))
        return tuple(r for _, r in orphans)

    def task_ids_in_use(self, year: int) -> set[str]:
        """Every task id the year has used: the plan's, and those records and the audit log still
        name (a removed task's id is never given to a new one)."""
        snapshot = self.year_file(year).snapshot()
        ids = {d.get("task", "") for d in snapshot.table("records").all()}
        for entry in snapshot.table("audit").all():
            ids.add(entry.get("task", ""))
            ids |= {t.get("task", {}).get("id", "") for t in entry.get("removed_tasks", [])}
            ids |= {t.get("id", "") for m in entry.get("removed_measures", []) for t in m.get("tasks", [])}
        plan = self.plan(year)
        return (ids | ({t.id for t in plan.tasks()} if plan else set())) - {""}

    def restore_change(self, year: int, change: str) -> tuple[Plan, tuple[Record, ...]]:
        """Put back what the plan edit ``change`` removed: its measures and tasks (where their ids
        are free) and its records that fit the plan again. Under the lock, audited."""
        with self.year_file(year).transaction() as db:
            audit = db.table("audit").all()
            edit = next((d for d in audit if d.get("change") == change and d.get("action") == "edit"), None)
            doc = db.table("plan").get(doc_id=1)
            if edit is None or doc is None:
                raise ValueError(f"ไม่พบการแก้ไขแผนที่จะกู้คืน (no plan edit {change[:12]!r} to restore in {year})")
            plan = with_parts_back(plan_from_dict(doc), edit)
            table = db.table("records")
            present = {d["id"] for d in table.all()}
            back = [r for r in removed_records(audit, change) if r.id not in present and fits(plan, r)]
            db.table("plan").upsert(plan_to_dict(plan) | {"_": 1}, Query()["_"] == 1)
            if back:
                table.insert_multiple(record_to_dict(r) for r in back)
            self._audit(db, "restore", f"กู้คืนสิ่งที่ลบในการแก้ไขแผน ({len(back)} records) (restored a plan edit)",
                        change=change)
        return plan, tuple(back)

    def remove_record(self, year: int, record_id: str, *, action: str = "undo") -> Record | None:
        """Take a record back; the audit log keeps a full copy of it."""
        with self.year_file(year).transaction() as db:
            table = db.table("records")
            doc = table.get(Query().id == record_id)
            if doc is None:
                return None
            record = record_from_dict(doc)
            table.remove(doc_ids=[doc.doc_id])
            self._audit(db, action, f"{record.task_id} {record.occurrence} {record.done_on.isoformat()}", record)
            return record

    def last_tick(self, year: int) -> Record | None:
        """This user's latest tick (or not-applicable mark) that is still in place."""
        snapshot = self.year_file(year).snapshot()
        present = {d["id"]: d for d in snapshot.table("records").all()}
        for entry in reversed(snapshot.table("audit").all()):
            if entry.get("user") == self.user and entry.get("action") in ("tick", "skip") \
                    and entry.get("record") in present:
                return record_from_dict(present[entry["record"]])
        return None

    def undo_last(self, year: int) -> Record | None:
        """Undo this user's latest tick that is still in place."""
        with self.year_file(year).transaction():
            last = self.last_tick(year)
            return self.remove_record(year, last.id) if last else None

    def copy_plan(self, source_year: int, target_year: int) -> Plan:
        """Carry a plan into a new fiscal year (without its records); one-off due dates move by the
        year difference, so they still fall in the new year."""
        plan = self.plan(source_year)
        if plan is None:
            raise ValueError(f"ยังไม่มีแผนของปี {source_year} (no plan for fiscal year {source_year})")
        copied = plan_for_year(plan, target_year)
        self.import_plan(copied, summary=f"คัดลอกแผนจากปี {source_year} (plan copied from {source_year})",
                         overwrite=False)
        return copied


def _check_room_for_a_record(db: TinyDB, year: int) -> None:
    """ValueError when the year already holds `MAX_RECORDS_PER_YEAR` records (decided under the
    lock, against the file, so colleagues ticking at once cannot overshoot it)."""
    if len(db.table("records")) >= MAX_RECORDS_PER_YEAR:
        raise ValueError(f"ปี {year} มีบันทึกครบ {MAX_RECORDS_PER_YEAR:,} รายการแล้ว ซึ่งเป็นจำนวนสูงสุดต่อปี "
                         f"(fiscal year {year} already holds {MAX_RECORDS_PER_YEAR:,} records, the most a year "
                         "may hold; nothing was recorded)")


def default_year(repo: Repository, today: date) -> int | None:
    """See `itacheck.domain.fiscal.default_year`."""
    return default_year_of(repo.years(), today)
