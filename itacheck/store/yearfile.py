"""One fiscal year's TinyDB file, safe for several processes and against crashes.

Stock TinyDB overwrites its JSON file in place and never locks, so two officers saving at once
lose one save and a crash mid-write leaves a truncated file. Here every change runs inside
`YearFile.transaction()`:

* an exclusive lock (`LockFile`) is held across the whole read-modify-write;
* the file is read afresh from disk when the transaction starts and checked (`yearformat.parse`);
  TinyDB then works on a copy in memory, and the outermost transaction writes it back
  **once**, when it ends without an exception (an exception discards every change of the
  transaction: it is all or nothing);
* the write is atomic and durable (`safefile.atomic_write_bytes`), after an automatic backup
  (`Backups`).

Reads outside a transaction (displays, reports) take no lock: they see the last complete save.

A big agency's year is 2–12 MB, read after every save and many times a minute by the TUI, so
each version of the file is parsed and checked once: a read whose bytes are those already
checked reuses that content (and its decoded plan and records) rather than copying it, and a
transaction copies only what it changes (`copyonwrite`).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from tinydb import TinyDB
from tinydb.storages import Storage

from itacheck.gcpause import paused_gc
from itacheck.store.backups import DAMAGED, Backups
from itacheck.store.codec import plan_from_dict, record_from_dict
from itacheck.store.copyonwrite import TransactionDB, working_copy
from itacheck.store.errors import CorruptFile, NewerSchema, StoreError
from itacheck.store.filetext import TextFindings, listed
from itacheck.store.inputfile import read_input_file
from itacheck.store.lockfile import LockFile, lock_timeout_from_environment
from itacheck.store.nofollow import YEAR_FILE, read_regular
from itacheck.store.safefile import atomic_write_bytes, file_mode, make_dir
from itacheck.store.yearformat import (APP, MAX_YEAR_FILE, MIGRATIONS, SCHEMA_VERSION, Damaged, Encoded, Parsed,
                                       damage_message, parse, serialise)

#: A file whose status last changed this long before it was read is known by its `os.stat`
#: alone: any later write, rename or in-place edit gives it a newer change time (``st_ctime``,
#: which no one can set back). A file changed more recently is compared by its bytes, as a change
#: within the file system's timestamp granularity (up to 2 s) could leave the times as they were.
_SETTLED_NS = 2_000_000_000


class Restored(NamedTuple):
    """What `YearFile.restore` did: where the replaced file was kept, and the fields of the
    restored file whose control characters or escape sequences were removed."""

    kept: Path | None
    cleaned: tuple[str, ...]


class _TransactionStorage(Storage):
    """TinyDB storage over the working copy of the current transaction (see `YearFile`)."""

    def __init__(self, year_file: YearFile) -> None:
        self._year_file = year_file

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._year_file._working

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._year_file._stage(data)


class _ReadOnlyStorage(Storage):
    """TinyDB storage for a read-only view of the last complete save. The view shares the
    documents of that save: readers never change them (they decode them into domain values)."""

    def __init__(self, year_file: YearFile) -> None:
        self._year_file = year_file

    def read(self) -> dict[str, dict[str, Any]] | None:
        current = self._year_file._current()
        return None if current is None else current.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        raise StoreError("internal error: write to a read-only snapshot")


class YearFile:
    """The TinyDB file of one fiscal year, with its lock, backups and schema check."""

    def __init__(self, path: Path, *, lock_timeout: float | None = None) -> None:
        self.path = Path(path)
        self.lock = LockFile(self.path, lock_timeout if lock_timeout is not None else lock_timeout_from_environment())
        self.backup_store = Backups(self.path)
        self._held = 0
        self._thread_lock = threading.RLock()
        # The last complete save seen and checked (see `_Snapshot`).
        self._snapshot: _Snapshot | None = None
        # The current transaction's data (None outside one, or while the file does not exist yet).
        self._working: dict[str, Any] | None = None
        self._dirty = False
        self._aborted = False

    # --- reading ---------------------------------------------------------------------------

    def signature(self) -> tuple[int, int, int] | None:
        """Changes whenever any process replaces the file (a new inode each time): cheap to poll."""
        try:
            st = os.lstat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _read_raw(self) -> bytes | None:
        """The file's bytes (None when it does not exist): a regular file, not a link, FIFO or
        device a colleague put in its place, and at most `MAX_YEAR_FILE` bytes."""
        try:
            return read_regular(self.path, YEAR_FILE, MAX_YEAR_FILE)
        except PermissionError:
            raise CorruptFile(f"อ่านไฟล์ {self.path} ไม่ได้: ไม่มีสิทธิ์ (cannot read {self.path}: permission "
                              "denied; ask the administrator to check the data directory's group)") from None

    def content(self) -> Parsed | None:
        """The file's last complete save, checked; ``None`` when it does not exist yet. The file
        is looked at each time (so no other process's save is ever missed) but parsed and checked
        only when it changed. The content is shared: never change it (a transaction works on a
        copy of what it changes)."""
        current = self._current()
        return None if current is None else current.parsed

    def _current(self) -> _Snapshot | None:
        signature = self._settled_signature()
        known = self._snapshot
        if known is not None and signature is not None and known.signature == signature:
            return known
        raw = self._read_raw()
        if raw is None:
            return None
        if known is None or not known.holds(raw):
            parsed = self._parse(raw)
            known = _Snapshot(hashlib.sha256(raw).digest(), signature, parsed.data, parsed)
        known.signature = signature  # a signature taken before the read: a later change has another
        self._snapshot = known
        return known

    def _settled_signature(self) -> tuple[int, int, int, int] | None:
        """The file's (inode, size, mtime, ctime) if its status last changed `_SETTLED_NS` ago or
        more (see there), else None."""
        try:
            st = os.lstat(self.path)
        except OSError:
            return None
        if time.time_ns() - max(st.st_ctime_ns, st.st_mtime_ns) < _SETTLED_NS:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    def corrupt(self, reason: str) -> CorruptFile:
        """The error for a file whose content is wrong (``reason``), naming it and what to do."""
        return CorruptFile(f"{damage_message(self.path, reason)}. {self.backup_store.restore_hint()}")

    def _parse(self, raw: bytes, *, thorough: bool = False) -> Parsed:
        try:
            return parse(raw, self.path, thorough=thorough)
        except Damaged as exc:
            raise CorruptFile(f"{exc}. {self.backup_store.restore_hint()}") from None

    def text_findings(self) -> TextFindings:
        """What the rules for text from files find in the file as it is now (for `check`): the
        fields that reads clean, and links a report would never make live."""
        raw = self._read_raw()
        return TextFindings() if raw is None else self._parse(raw, thorough=True).findings

    # --- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """A TinyDB on this file with the exclusive lock held throughout; re-entrant. The changes
        are written once, when the outermost transaction ends; an exception discards them all."""
        with self._thread_lock:
            self._acquire()
            outer = self._held == 1
            try:
                if outer:
                    self._working = self._load_for_update()
                    self._dirty = self._aborted = False
                db = TransactionDB(storage=_TransactionStorage, year_file=self)
                try:
                    self._migrate_if_needed(db)
                    yield db
                except BaseException:
                    self._aborted = True
                    raise
                if outer and self._aborted:
                    raise StoreError("internal error: a nested change failed; nothing was saved")
                if outer and self._dirty:
                    self.save(self._working)
            finally:
                if outer:
                    self._working = None
                    self._dirty = False
                self._release()

    def _load_for_update(self) -> dict[str, Any]:
        """The file as it is on disk now (under the lock), parsed and checked; {} when new."""
        current = self._current()
        return {} if current is None else working_copy(current.data)

    def _stage(self, data: dict[str, Any]) -> None:
        if not self._held:
            raise StoreError("internal error: write outside a transaction")
        self._working = data
        self._dirty = True

    def snapshot(self) -> TinyDB:
        """A read-only TinyDB view of the file as it is now (for displays and reports)."""
        return TinyDB(storage=_ReadOnlyStorage, year_file=self)

    def save(self, data: dict[str, Any]) -> None:
        """Write ``data`` as the whole file (under the lock): automatic backup, then atomic write."""
        if not self._held:
            raise StoreError("internal error: write outside a transaction")
        make_dir(self.path.parent)
        self._rotate_backup()
        encoded = self._snapshot.encoded if self._snapshot is not None else {}
        payload = serialise(data, encoded)
        atomic_write_bytes(self.path, payload, file_mode(self.path.parent))
        self._snapshot = _Snapshot(None, None, data, before=self._snapshot, encoded=encoded, written=payload)

    def _acquire(self) -> None:
        if self._held:
            self._held += 1
            return
        make_dir(self.path.parent)
        self.lock.acquire()
        self._held = 1
        self._remove_stale_temporaries()

    def _release(self) -> None:
        self._held -= 1
        if self._held == 0:
            self.lock.release()

    def _remove_stale_temporaries(self) -> None:
        """Temporary files of this year file and of its backups left by a writer that was killed
        mid-save. Only a lock holder writes them, so under the lock every one found is stale."""
        try:
            for tmp in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                tmp.unlink(missing_ok=True)  # removes a link itself, never what it points to
            self.backup_store.remove_temporaries()
        except (OSError, StoreError):  # an unusable backups folder is reported by the backup itself
            pass

    def _migrate_if_needed(self, db: TinyDB) -> None:
        meta = db.table("meta")
        doc = meta.get(doc_id=1)
        if doc is None:
            meta.insert({"app": APP, "schema_version": SCHEMA_VERSION})
            return
        version = doc["schema_version"]
        if version < SCHEMA_VERSION:
            self.backup(reason=f"before-migration-v{version}")
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](db)
                version += 1
            meta.update({"schema_version": version}, doc_ids=[1])

    # --- backups ---------------------------------------------------------------------------

    def backups(self) -> list[Path]:
        """This year's backups, newest first."""
        return self.backup_store.all()

    def backup(self, reason: str = "manual") -> Path | None:
        """Copy the current file into ``backups/`` (nothing to copy → ``None``). A file that fails
        the check is copied too, for an expert to look at, but named ``…-REASON-damaged.json`` so
        it is never offered for restore (see `is_damaged_copy`)."""
        raw = self._read_raw()
        if raw is None:
            return None
        return self.backup_store.take(raw, reason if self._passes_check(raw) else reason + DAMAGED)

    def _passes_check(self, raw: bytes) -> bool:
        if self._snapshot and self._snapshot.holds(raw):
            return True  # the content last read (or saved) and checked
        try:
            parse(raw, self.path)
        except Damaged:
            return False
        except NewerSchema:  # not damaged: written by a newer itacheck
            return True
        return True

    def _rotate_backup(self) -> None:
        """Automatic backups: at most one an hour, the newest `BACKUPS_KEPT` kept."""
        if not self.backup_store.automatic_due():
            return
        self.backup(reason="auto")
        self.backup_store.prune_automatic()

    def restore(self, source: Path) -> Restored:
        """Replace the year file by ``source`` (checked first: an itacheck database of this year);
        the replaced file, even a corrupt one, is kept in ``backups/``.

        ``source`` meets the rules of `plan import`: its texts are brought in cleaned (control
        characters and escape sequences removed; the fields are named in the result, and nothing
        of the evidence is lost), and a text over its size limit or a record link that is not an
        http(s) URL is refused, as nothing short of dropping evidence would make it pass."""
        source = Path(source)
        raw = read_input_file(source, MAX_YEAR_FILE)
        try:
            data, findings, _, _ = parse(raw, source, thorough=True)
        except Damaged as exc:
            raise CorruptFile(f"{exc}. {self.backup_store.restore_hint(excluding=source)}") from None
        if findings.bad_links:
            raise ValueError(f"{source} มีลิงก์ที่ไม่ใช่ http(s) จึงไม่กู้คืน ({source} holds links that are not "
                             f"http(s) URLs, so nothing was restored: {listed(findings.bad_links)}; correct or "
                             "remove them first)")
        plan = next(iter(data.get("plan", {}).values()), None)
        year = _year_of_name(self.path)
        if year is not None and isinstance(plan, dict) and plan.get("year") not in (None, year):
            raise ValueError(f"{source} เป็นแผนของปีงบประมาณ {plan.get('year')!r} ไม่ใช่ปี {self.path.stem} "
                             f"({source} holds the plan of fiscal year {plan.get('year')!r}, not "
                             f"{self.path.stem}: name the file after its year, e.g. {plan.get('year')}.json)")
        with self.transaction_raw():
            kept = self.backup(reason="before-restore")
            atomic_write_bytes(self.path, serialise(data) if findings.cleaned else raw, file_mode(self.path.parent))
            self._snapshot = None
            return Restored(kept, findings.cleaned)

    @contextmanager
    def transaction_raw(self) -> Iterator[None]:
        """The lock alone, for whole-file operations that must not parse a corrupt file."""
        with self._thread_lock:
            self._acquire()
            try:
                yield
            finally:
                self._release()


class _Snapshot:
    """The last complete save seen and checked: its bytes as this process wrote them (``written``)
    or, for a file read, a hash of them (``digest``), the file's settled signature when it was read
    (see `_SETTLED_NS`; None: compare the bytes), its content and the JSON of the documents it has
    written (see `serialise`). The content of a save this process wrote is decoded when first
    read: `itacheck tick` never reads it."""

    def __init__(self, digest: bytes | None, signature: tuple[int, int, int, int] | None, data: dict[str, Any],
                 parsed: Parsed | None = None, before: _Snapshot | None = None,
                 encoded: Encoded | None = None, written: bytes | None = None) -> None:
        self.digest, self.signature, self.data, self.written = digest, signature, data, written
        self.encoded: Encoded = encoded if encoded is not None else {}
        self._parsed = parsed
        # decoded records of the save before, reused for the documents this save kept
        self._before = before._parsed if before is not None else None

    def holds(self, raw: bytes) -> bool:
        """Whether ``raw`` are this save's bytes. Those this process wrote are compared as they
        are: the file read back after a save is the one most often looked at (the next change of a
        busy year comes within seconds), and comparing is a hundred times cheaper than hashing."""
        if self.written is not None:
            return raw == self.written
        return self.digest == hashlib.sha256(raw).digest()

    @property
    def parsed(self) -> Parsed:
        if self._parsed is None:
            self._parsed = _decoded(self.data, self._before)
            self._before = None
        return self._parsed


def _decoded(data: dict[str, dict[str, Any]], before: Parsed | None) -> Parsed:
    """The content of a save this process wrote (made from a checked file by changes that were
    checked on their way in): the plan and records decoded, reusing the decoded records of
    ``before`` whose documents the save kept."""
    previous = {}
    if before is not None:
        previous = {id(doc): record for doc, record in zip(before.data.get("records", {}).values(), before.records)}
    with paused_gc():
        plan_doc = data.get("plan", {}).get("1")
        records = tuple(previous.get(id(doc)) or record_from_dict(doc) for doc in data.get("records", {}).values())
        return Parsed(data, TextFindings(), plan_from_dict(plan_doc) if plan_doc is not None else None, records)


def _year_of_name(path: Path) -> int | None:
    return int(path.stem) if path.stem.isdigit() else None
