"""One fiscal year's TinyDB file, safe for several processes and against crashes.

Stock TinyDB overwrites its JSON file in place and never locks, so two officers saving at once
lose one save and a crash mid-write leaves a truncated file. Here every change runs inside
`YearFile.transaction()`: an exclusive ``flock`` on a sidecar lock file is held across the whole
read-modify-write, TinyDB reads the file afresh inside it, and writes go to a temporary file that
is fsynced and renamed over the old one (then the directory is fsynced), so the file on disk is
always either the old or the new version.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from itacheck.store.errors import CorruptFile, NewerSchema, StoreBusy, StoreError, WriteFailed

SCHEMA_VERSION = 1
APP = "itacheck"
BACKUP_INTERVAL_S = 3600
BACKUPS_KEPT = 20

#: Migrations from version N to N+1, applied in order after a backup. Empty while only version 1 exists.
MIGRATIONS: dict[int, Any] = {}


def file_mode(directory: Path) -> int:
    """0660 in a group-shared (setgid) directory so colleagues in the group can write, else 0600."""
    try:
        shared = bool(os.stat(directory).st_mode & stat.S_ISGID)
    except OSError:
        shared = False
    return 0o660 if shared else 0o600


def fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, mode: int) -> None:
    """Write ``data`` so that ``path`` is always either its old or its new content."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            reason = "ดิสก์เต็ม (disk full)" if exc.errno == errno.ENOSPC else exc.strerror or str(exc)
            raise WriteFailed(f"บันทึก {path} ไม่สำเร็จ: {reason}; ข้อมูลเดิมยังอยู่ครบ "
                              f"(could not save {path}: {reason}; the previous data is intact)") from exc
        raise
    fsync_directory(path.parent)


class _SafeStorage(Storage):
    """TinyDB storage that reads and writes through a `YearFile` (writes only under its lock)."""

    def __init__(self, year_file: YearFile) -> None:
        self._year_file = year_file

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._year_file.load()

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._year_file.save(data)


class YearFile:
    """The TinyDB file of one fiscal year, with its lock, backups and schema check."""

    def __init__(self, path: Path, *, lock_timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.backup_dir = self.path.parent / "backups"
        self.lock_timeout = lock_timeout
        self._held = 0
        self._lock_fd: int | None = None
        self._thread_lock = threading.RLock()
        self._snapshot: tuple[tuple[int, int, int], dict[str, Any]] | None = None

    # --- reading ---------------------------------------------------------------------------

    def signature(self) -> tuple[int, int, int] | None:
        """Changes whenever any process replaces the file (a new inode each time)."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def load(self) -> dict[str, Any] | None:
        """The file's content, checked; ``None`` when it does not exist yet. Inside a transaction
        it is always read from disk; outside, an unchanged file is served from memory."""
        sig = self.signature()
        if sig is None:
            return None
        if not self._held and self._snapshot and self._snapshot[0] == sig:
            return json.loads(json.dumps(self._snapshot[1]))
        try:
            raw = self.path.read_bytes()
        except PermissionError:
            raise CorruptFile(f"อ่านไฟล์ {self.path} ไม่ได้: ไม่มีสิทธิ์ (cannot read {self.path}: permission denied)") from None
        data = self._parse(raw)
        self._snapshot = (sig, data)
        return json.loads(json.dumps(data))

    def _parse(self, raw: bytes) -> dict[str, Any]:
        hint = f"ไฟล์เดิมไม่ถูกแก้ไข ใช้ `itacheck restore` เพื่อกู้จากสำเนาสำรอง (the file was left untouched; run `itacheck restore` to recover a backup from {self.backup_dir})"
        if not raw.strip():
            raise CorruptFile(f"ไฟล์ฐานข้อมูล {self.path} ว่างเปล่า (database file is empty). {hint}")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CorruptFile(f"ไฟล์ฐานข้อมูล {self.path} เสียหาย (database file is corrupt: {exc}). {hint}") from None
        meta = data.get("meta", {}) if isinstance(data, dict) else None
        doc = next(iter(meta.values()), None) if isinstance(meta, dict) and meta else None
        if not isinstance(doc, dict) or doc.get("app") != APP or not isinstance(doc.get("schema_version"), int):
            raise CorruptFile(f"{self.path} ไม่ใช่ฐานข้อมูลของ itacheck (not an itacheck database). {hint}")
        if doc["schema_version"] > SCHEMA_VERSION:
            raise NewerSchema(
                f"{self.path} สร้างโดย itacheck รุ่นใหม่กว่า (schema {doc['schema_version']}, this program knows "
                f"{SCHEMA_VERSION}): กรุณาปรับรุ่นโปรแกรม (written by a newer itacheck: upgrade it; the file was left untouched)")
        return data

    # --- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """A TinyDB on this file with the exclusive lock held throughout; re-entrant."""
        with self._thread_lock:
            self._acquire()
            try:
                db = TinyDB(storage=_SafeStorage, year_file=self)
                self._migrate_if_needed(db)
                yield db
            finally:
                self._release()

    def snapshot(self) -> TinyDB:
        """A read-only TinyDB view of the file as it is now (for displays and reports)."""
        return TinyDB(storage=_ReadOnlyStorage, year_file=self)

    def save(self, data: dict[str, Any]) -> None:
        if not self._held:
            raise StoreError("internal error: write outside a transaction")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._rotate_backup()
        payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        atomic_write_bytes(self.path, payload, file_mode(self.path.parent))

    def _acquire(self) -> None:
        if self._held:
            self._held += 1
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        mode = file_mode(self.path.parent)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, mode)
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreBusy(
                        f"ผู้ใช้อื่นกำลังบันทึก {self.path.name} อยู่ กรุณาลองใหม่อีกครั้ง "
                        f"(busy: someone else is saving {self.path.name}; try again)") from None
                time.sleep(0.02)
        self._lock_fd = fd
        self._held = 1

    def _release(self) -> None:
        self._held -= 1
        if self._held == 0 and self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

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
        if not self.backup_dir.is_dir():
            return []
        return sorted(self.backup_dir.glob(f"{self.path.stem}-*.json"), reverse=True)

    def backup(self, reason: str = "manual") -> Path | None:
        """Copy the current file into ``backups/`` (nothing to copy → ``None``)."""
        if not self.path.exists():
            return None
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        target = self.backup_dir / f"{self.path.stem}-{datetime.now():%Y%m%dT%H%M%S%f}-{reason}.json"
        atomic_write_bytes(target, self.path.read_bytes(), file_mode(self.path.parent))
        return target

    def _rotate_backup(self) -> None:
        """Automatic backups: at most one an hour, the newest `BACKUPS_KEPT` kept."""
        existing = self.backups()
        if existing and time.time() - existing[0].stat().st_mtime < BACKUP_INTERVAL_S:
            return
        self.backup(reason="auto")
        for old in [p for p in self.backups() if p.name.endswith("-auto.json")][BACKUPS_KEPT:]:
            old.unlink(missing_ok=True)

    def restore(self, source: Path) -> Path | None:
        """Replace the year file by ``source`` (checked first); the replaced file is backed up."""
        raw = Path(source).read_bytes()
        self._parse(raw)
        with self.transaction_raw():
            kept = self.backup(reason="before-restore") if self.path.exists() else None
            atomic_write_bytes(self.path, raw, file_mode(self.path.parent))
            self._snapshot = None
            return kept

    @contextmanager
    def transaction_raw(self) -> Iterator[None]:
        """The lock alone, for whole-file operations that must not parse a corrupt file."""
        with self._thread_lock:
            self._acquire()
            try:
                yield
            finally:
                self._release()


class _ReadOnlyStorage(_SafeStorage):
    def write(self, data: dict[str, dict[str, Any]]) -> None:
        raise StoreError("internal error: write to a read-only snapshot")


def copy_file(src: Path, dst: Path) -> None:
    shutil.copyfile(src, dst)
