"""One fiscal year's TinyDB file, safe for several processes and against crashes.

Stock TinyDB overwrites its JSON file in place and never locks, so two officers saving at once
lose one save and a crash mid-write leaves a truncated file. Here every change runs inside
`YearFile.transaction()`:

* an exclusive ``flock`` on a sidecar lock file is held across the whole read-modify-write (the
  kernel drops it when a process dies, so a killed writer never leaves a stale lock);
* the file is read afresh from disk when the transaction starts; TinyDB then works on that copy in
  memory, and the outermost transaction writes it back **once**, when it ends without an exception
  (an exception discards every change of the transaction: it is all or nothing);
* the write goes to a temporary file in the same directory that is fsynced and renamed over the old
  one, then the directory is fsynced, so the file on disk is always either the old or the new
  version, never a mix, and a save that was acknowledged survives a crash of the program.

Reads outside a transaction (displays, reports) take no lock: they see the last complete save.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import marshal
import os
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

from itacheck.store.codec import plan_from_dict, record_from_dict
from itacheck.store.errors import CorruptFile, NewerSchema, StoreBusy, StoreError, WriteFailed

SCHEMA_VERSION = 1
APP = "itacheck"
BACKUP_INTERVAL_S = 3600
BACKUPS_KEPT = 20
#: Seconds a save waits for a colleague's save before giving up with "busy, try again".
DEFAULT_LOCK_TIMEOUT = 10.0

#: Migrations from version N to N+1, applied in order after a backup. Empty while only version 1 exists.
MIGRATIONS: dict[int, Any] = {}


def file_mode(directory: Path) -> int:
    """0660 in a group-shared (setgid) directory so colleagues in the group can write, else 0600."""
    try:
        shared = bool(os.stat(directory).st_mode & stat.S_ISGID)
    except OSError:
        shared = False
    return 0o660 if shared else 0o600


def make_dir(directory: Path) -> None:
    """Create ``directory`` (and its parents) private to the user, or to the group when its parent
    is group-shared: 0700, or 02770 under a setgid parent (whatever the umask)."""
    directory = Path(directory)
    if directory.is_dir():
        return
    if not directory.parent.exists():
        make_dir(directory.parent)
    try:
        os.mkdir(directory, 0o700)
    except FileExistsError:
        return
    if file_mode(directory.parent) == 0o660:
        os.chmod(directory, 0o2770)
    else:
        os.chmod(directory, 0o700)


def fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_failed(path: Path, exc: OSError, *, replaced: bool = False) -> WriteFailed:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        th, en = "ดิสก์เต็มหรือเกินโควตา", "disk full or quota exceeded; free some space and try again"
    elif exc.errno == errno.EFBIG:
        th, en = "ไฟล์ใหญ่เกินที่ระบบอนุญาต", "file too large for this system (disk full?)"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        th, en = "ไม่มีสิทธิ์เขียน", f"{exc.strerror or exc}; check the data directory's owner, group and mode"
    else:
        th, en = "เขียนไฟล์ผิดพลาด", exc.strerror or str(exc)
    if replaced:
        return WriteFailed(f"บันทึก {path} แล้ว แต่ยืนยันการเขียนลงดิสก์ไม่ได้ ({th}) "
                           f"(saved {path}, but could not flush it to disk: {en}; run `itacheck check`)")
    return WriteFailed(f"บันทึก {path} ไม่สำเร็จ ({th}) ข้อมูลเดิมยังอยู่ครบ "
                       f"(could not save {path}: {en}; the previous data is intact)")


def atomic_write_bytes(path: Path, data: bytes, mode: int) -> None:
    """Write ``data`` so that ``path`` is always either its old or its new content. An OSError
    (disk full, I/O error, permissions) becomes `WriteFailed`; the old content is then untouched."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _write_failed(path, exc) from exc
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
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _write_failed(path, exc) from exc
        raise
    try:
        fsync_directory(path.parent)
    except OSError as exc:
        raise _write_failed(path, exc, replaced=True) from exc


def _copy(data: Any) -> Any:
    """A deep copy of plain JSON data (dicts, lists, str, int, float, bool, None), fast."""
    return marshal.loads(marshal.dumps(data))


def serialise(data: dict[str, dict[str, Any]]) -> bytes:
    """The year file's bytes: valid JSON with one document per line, tables in name order and
    documents in id order, so a file is readable in a text editor and diffs line by line.
    (A lone surrogate, possible only in a hand-edited file, is kept as its JSON escape.)"""
    dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
    parts = ["{"]
    for t, name in enumerate(sorted(data)):
        parts.append(f"{',' if t else ''}\n{dump(name)}:{{")
        for d, (doc_id, doc) in enumerate(data[name].items()):
            parts.append(f"{',' if d else ''}\n{dump(str(doc_id))}:{dump(doc)}")
        parts.append("}")
    parts.append("\n}\n")
    return "".join(parts).encode("utf-8", "backslashreplace")


class _TransactionStorage(Storage):
    """TinyDB storage over the working copy of the current transaction (see `YearFile`)."""

    def __init__(self, year_file: YearFile) -> None:
        self._year_file = year_file

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._year_file._working

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._year_file._stage(data)


class _ReadOnlyStorage(Storage):
    """TinyDB storage for a read-only view of the last complete save."""

    def __init__(self, year_file: YearFile) -> None:
        self._year_file = year_file

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._year_file.load()

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        raise StoreError("internal error: write to a read-only snapshot")


class YearFile:
    """The TinyDB file of one fiscal year, with its lock, backups and schema check."""

    def __init__(self, path: Path, *, lock_timeout: float | None = None) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.backup_dir = self.path.parent / "backups"
        if lock_timeout is None:
            try:
                lock_timeout = float(os.environ.get("ITACHECK_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
            except ValueError:
                lock_timeout = DEFAULT_LOCK_TIMEOUT
        self.lock_timeout = lock_timeout
        self._held = 0
        self._lock_fd: int | None = None
        self._thread_lock = threading.RLock()
        # The last complete save seen: a hash of its bytes, and its content.
        self._snapshot: tuple[bytes, dict[str, Any]] | None = None
        # The current transaction's data (None outside one, or while the file does not exist yet).
        self._working: dict[str, Any] | None = None
        self._dirty = False
        self._aborted = False

    # --- reading ---------------------------------------------------------------------------

    def signature(self) -> tuple[int, int, int] | None:
        """Changes whenever any process replaces the file (a new inode each time): cheap to poll."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _read_raw(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except PermissionError:
            raise CorruptFile(f"อ่านไฟล์ {self.path} ไม่ได้: ไม่มีสิทธิ์ (cannot read {self.path}: permission "
                              "denied; ask the administrator to check the data directory's group)") from None
        except IsADirectoryError:
            raise CorruptFile(f"{self.path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล (is a directory, not a database file)") from None

    def load(self) -> dict[str, Any] | None:
        """The file's last complete save, checked; ``None`` when it does not exist yet. The file
        is read each time (so no other process's save is ever missed) but parsed only when its
        bytes changed. Each call returns a fresh copy."""
        raw = self._read_raw()
        if raw is None:
            return None
        digest = hashlib.blake2b(raw, digest_size=20).digest()
        if self._snapshot and self._snapshot[0] == digest:
            return _copy(self._snapshot[1])
        data = self._parse(raw)
        self._snapshot = (digest, data)
        return _copy(data)

    def _hint(self) -> str:
        backups = self.backups()
        if backups:
            return (f"ไฟล์เดิมไม่ถูกแก้ไข กู้คืนจากสำเนาสำรองล่าสุดด้วย `itacheck restore {backups[0]}` "
                    f"(the file was left untouched; to recover the latest backup run "
                    f"`itacheck restore {backups[0]}`; older backups are in {self.backup_dir})")
        return (f"ไฟล์เดิมไม่ถูกแก้ไข ใช้ `itacheck restore FILE` เพื่อกู้จากสำเนาสำรอง "
                f"(the file was left untouched; no backup found in {self.backup_dir}: "
                f"recover a copy with `itacheck restore FILE`)")

    def corrupt(self, reason: str) -> CorruptFile:
        """The error for a file whose content is wrong (``reason``), naming it and what to do."""
        return CorruptFile(f"ไฟล์ฐานข้อมูล {self.path} เสียหาย (database file is damaged: {reason}). {self._hint()}")

    def _parse(self, raw: bytes) -> dict[str, Any]:
        if not raw.strip():
            raise CorruptFile(f"ไฟล์ฐานข้อมูล {self.path} ว่างเปล่า (database file is empty). {self._hint()}")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            reason = str(exc)[:200] if not isinstance(exc, RecursionError) else "nested too deeply"
            raise CorruptFile(f"ไฟล์ฐานข้อมูล {self.path} เสียหาย (database file is corrupt: {reason}). "
                              f"{self._hint()}") from None
        meta = data.get("meta", {}) if isinstance(data, dict) else None
        doc = next(iter(meta.values()), None) if isinstance(meta, dict) and meta else None
        version = doc.get("schema_version") if isinstance(doc, dict) else None
        if not isinstance(doc, dict) or doc.get("app") != APP or not isinstance(version, int) or isinstance(version, bool):
            raise CorruptFile(f"{self.path} ไม่ใช่ฐานข้อมูลของ itacheck (not an itacheck database). {self._hint()}")
        if version > SCHEMA_VERSION:
            raise NewerSchema(
                f"{self.path} สร้างโดย itacheck รุ่นใหม่กว่า (schema {version}, this program knows "
                f"{SCHEMA_VERSION}): กรุณาปรับรุ่นโปรแกรม (written by a newer itacheck: upgrade itacheck; "
                "the file was left untouched)")
        if any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
            raise CorruptFile(f"{self.path}: รุ่นของฐานข้อมูลไม่ถูกต้อง (unknown schema version {version}). "
                              f"{self._hint()}")
        for name, table in data.items():
            if not isinstance(table, dict) or not all(
                    isinstance(k, str) and k.isdigit() and isinstance(v, dict) for k, v in table.items()):
                raise CorruptFile(f"ไฟล์ฐานข้อมูล {self.path} เสียหาย: ตาราง {name!r} ผิดรูปแบบ "
                                  f"(database file is corrupt: table {name[:40]!r} is malformed). {self._hint()}")
        self._check_documents(data)
        return data

    def _check_documents(self, data: dict[str, Any]) -> None:
        """Every plan, record and audit entry must decode: a hand-edited or damaged document is
        refused here, for reads and writes alike, rather than crash a screen later."""
        try:
            for doc in data.get("plan", {}).values():
                plan_from_dict(doc)
            for doc in data.get("records", {}).values():
                record_from_dict(doc)
            for doc in data.get("audit", {}).values():
                datetime.fromisoformat(doc["at"])
                if not isinstance(doc["user"], str) or not isinstance(doc["action"], str):
                    raise ValueError("audit entry without user or action")
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            raise self.corrupt(f"{type(exc).__name__}: {str(exc)[:200]}") from None

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
                db = TinyDB(storage=_TransactionStorage, year_file=self)
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
        raw = self._read_raw()
        if raw is None:
            return {}
        digest = hashlib.blake2b(raw, digest_size=20).digest()
        if self._snapshot and self._snapshot[0] == digest:  # unchanged since it was last checked
            return _copy(self._snapshot[1])
        return self._parse(raw)

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
        payload = serialise(data)
        atomic_write_bytes(self.path, payload, file_mode(self.path.parent))
        self._snapshot = (hashlib.blake2b(payload, digest_size=20).digest(), data)

    def _open_lock_file(self) -> int:
        """The lock file's descriptor. It is opened read-only (flock needs no more) so a colleague's
        lock file is usable even when a umask left it without group write."""
        try:
            fd = os.open(self.lock_path, os.O_RDONLY | os.O_CREAT, 0o600)
        except PermissionError:
            raise WriteFailed(f"เปิดไฟล์ล็อก {self.lock_path} ไม่ได้: ไม่มีสิทธิ์ (cannot open the lock file "
                              f"{self.lock_path}: permission denied; check the data directory's group "
                              "and permissions)") from None
        except OSError as exc:
            raise _write_failed(self.path, exc) from exc
        try:
            st = os.fstat(fd)
            wanted = file_mode(self.path.parent)
            if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) != wanted:
                os.fchmod(fd, wanted)
        except OSError:
            pass
        return fd

    def _acquire(self) -> None:
        if self._held:
            self._held += 1
            return
        make_dir(self.path.parent)
        fd = self._open_lock_file()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            fd = self._wait_for_lock()
        self._lock_fd = fd
        self._held = 1
        self._remove_stale_temporaries()

    def _wait_for_lock(self) -> int:
        """Wait at most `lock_timeout` seconds for a colleague's save to end.

        The wait is a blocking ``flock`` (the kernel wakes the waiter the moment the lock is
        free; polling would let a busy writer starve the others) in a helper thread, because a
        blocking flock cannot time out by itself. A helper that gets the lock after its caller
        gave up releases it at once."""
        got = threading.Event()
        mutex = threading.Lock()
        state: dict[str, Any] = {"fd": None, "error": None, "abandoned": False}

        def wait() -> None:
            try:
                fd = self._open_lock_file()
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                except BaseException:
                    os.close(fd)
                    raise
            except BaseException as exc:  # reported to the caller
                state["error"] = exc
                got.set()
                return
            with mutex:
                if state["abandoned"]:
                    _unlock_and_close(fd)
                    return
                state["fd"] = fd
            got.set()

        threading.Thread(target=wait, name=f"itacheck-lock-{self.path.name}", daemon=True).start()
        acquired = False
        try:
            got.wait(self.lock_timeout)
            with mutex:
                if state["fd"] is not None:
                    acquired = True
                    return state["fd"]
                state["abandoned"] = True
        finally:
            if not acquired:  # timed out, or interrupted (Ctrl-C): never keep a lock nobody uses
                with mutex:
                    state["abandoned"] = True
                    if state["fd"] is not None:
                        _unlock_and_close(state["fd"])
                        state["fd"] = None
        error = state["error"]
        if isinstance(error, StoreError):
            raise error
        if isinstance(error, OSError):
            raise _write_failed(self.path, error)
        if error is not None:
            raise StoreError(f"internal error while waiting for the lock of {self.path}: {error!r}")
        raise StoreBusy(
            f"ผู้ใช้อื่นกำลังบันทึก {self.path.name} อยู่ กรุณาลองใหม่อีกครั้ง "
            f"(busy: someone else is saving {self.path.name}; try again)")

    def _release(self) -> None:
        self._held -= 1
        if self._held == 0 and self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    def _remove_stale_temporaries(self) -> None:
        """Temporary files of this year file and of its backups left by a writer that was killed
        mid-save. Only a lock holder writes them, so under the lock every one found is stale."""
        try:
            for tmp in [*self.path.parent.glob(f".{self.path.name}.*.tmp"),
                        *self.backup_dir.glob(f".{self.path.stem}-*.json.*.tmp")]:
                tmp.unlink(missing_ok=True)
        except OSError:
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
        if not self.backup_dir.is_dir():
            return []
        return sorted(self.backup_dir.glob(f"{self.path.stem}-*.json"), reverse=True)

    def backup(self, reason: str = "manual") -> Path | None:
        """Copy the current file into ``backups/`` (nothing to copy → ``None``)."""
        raw = self._read_raw()
        if raw is None:
            return None
        make_dir(self.backup_dir)
        target = self.backup_dir / f"{self.path.stem}-{datetime.now():%Y%m%dT%H%M%S%f}-{reason}.json"
        atomic_write_bytes(target, raw, file_mode(self.path.parent))
        return target

    def _rotate_backup(self) -> None:
        """Automatic backups: at most one an hour, the newest `BACKUPS_KEPT` kept."""
        existing = [p for p in self.backups() if p.name.endswith("-auto.json")]
        try:
            if existing and time.time() - existing[0].stat().st_mtime < BACKUP_INTERVAL_S:
                return
        except FileNotFoundError:
            pass
        self.backup(reason="auto")
        for old in [p for p in self.backups() if p.name.endswith("-auto.json")][BACKUPS_KEPT:]:
            old.unlink(missing_ok=True)

    def restore(self, source: Path) -> Path | None:
        """Replace the year file by ``source`` (checked first: an itacheck database of this year);
        the replaced file, even a corrupt one, is kept in ``backups/``."""
        raw = Path(source).read_bytes()
        data = YearFile(Path(source))._parse(raw)
        plan = next(iter(data.get("plan", {}).values()), None)
        year = _year_of_name(self.path)
        if year is not None and isinstance(plan, dict) and plan.get("year") not in (None, year):
            raise ValueError(f"{source} holds the plan of fiscal year {plan.get('year')!r}, not "
                             f"{self.path.stem}: name the file after its year (e.g. {plan.get('year')}.json)")
        with self.transaction_raw():
            kept = self.backup(reason="before-restore")
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


def _unlock_and_close(fd: int) -> None:
    """Unlock explicitly: closing alone would keep the lock while a forked child holds a copy of
    the descriptor."""
    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _year_of_name(path: Path) -> int | None:
    return int(path.stem) if path.stem.isdigit() else None

