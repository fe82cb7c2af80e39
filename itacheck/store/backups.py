"""Copies of a year file in ``backups/``: automatic (hourly, rotated), manual and before a restore.

A backup is a byte-for-byte copy named ``2566-YYYYMMDDTHHMMSSffffff-REASON.json``, so names sort by
age and say why they were taken. A copy of a file that fails the check (kept for an expert to look
at) is named ``…-REASON-damaged.json``, and what is offered for restore is only ever the newest
backup that passes the check, with its age. ``backups/`` is reached through its descriptor, opened without
following a link: a colleague who replaces it by a link to someone's folder makes every backup
refuse with a message, never write, prune or clean up in that folder.
"""

from __future__ import annotations

import fnmatch
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from itacheck.store.errors import StoreError, UnsafeFile
from itacheck.store.nofollow import BACKUP, BACKUPS_FOLDER, open_directory, open_folder, read_regular
from itacheck.store.safefile import file_mode, make_dir, write_failed, write_in
from itacheck.store.yearformat import MAX_YEAR_FILE, Damaged, parse

#: An automatic backup is taken before a save when the newest one is older than this (seconds).
BACKUP_INTERVAL_S = 3600
#: How many automatic backups are kept (manual ones are never rotated away).
BACKUPS_KEPT = 20
#: The end of a backup's reason when the copied file failed the check.
DAMAGED = "-damaged"


class Backups:
    """The backups of one year file, in ``backups/`` beside it."""

    def __init__(self, year_path: Path) -> None:
        self.year_path = Path(year_path)
        self.dir = self.year_path.parent / "backups"

    @contextmanager
    def _folder(self, *, create: bool) -> Iterator[int | None]:
        """The descriptor of ``backups/`` (None when missing and not ``create``)."""
        if create:
            make_dir(self.year_path.parent)
        try:
            parent = open_directory(self.year_path.parent)
        except FileNotFoundError:
            yield None
            return
        try:
            fd = open_folder(parent, self.dir, BACKUPS_FOLDER, create=create)
        finally:
            os.close(parent)
        try:
            yield fd
        finally:
            if fd is not None:
                os.close(fd)

    def _names(self, fd: int | None, pattern: str) -> list[str]:
        return sorted((n for n in os.listdir(fd) if fnmatch.fnmatchcase(n, pattern)), reverse=True) \
            if fd is not None else []

    def all(self) -> list[Path]:
        """This year's backups, newest first."""
        with self._folder(create=False) as fd:
            return [self.dir / n for n in self._names(fd, f"{self.year_path.stem}-*.json")]

    def remove_temporaries(self) -> None:
        """Remove temporary files of this year's backups (a writer killed mid-copy leaves them)."""
        with self._folder(create=False) as fd:
            for name in self._names(fd, f".{self.year_path.stem}-*.json.*.tmp"):
                os.unlink(name, dir_fd=fd)

    def take(self, raw: bytes, reason: str) -> Path:
        """Store ``raw`` (the year file's bytes) as a new backup named for ``reason``."""
        target = self.dir / f"{self.year_path.stem}-{datetime.now():%Y%m%dT%H%M%S%f}-{reason}.json"
        try:
            with self._folder(create=True) as fd:
                write_in(fd, target, raw, file_mode(self.year_path.parent))
        except OSError as exc:  # making or opening the folder
            raise write_failed(target, exc) from exc
        return target

    def automatic_due(self) -> bool:
        """Whether the newest automatic backup is more than `BACKUP_INTERVAL_S` old (or missing)."""
        with self._folder(create=False) as fd:
            existing = self._names(fd, f"{self.year_path.stem}-*-auto.json")
            try:
                return not existing or \
                    time.time() - os.stat(existing[0], dir_fd=fd, follow_symlinks=False).st_mtime >= BACKUP_INTERVAL_S
            except FileNotFoundError:
                return True

    def prune_automatic(self) -> None:
        """Keep the newest `BACKUPS_KEPT` automatic backups."""
        with self._folder(create=False) as fd:
            for old in self._names(fd, f"{self.year_path.stem}-*-auto.json")[BACKUPS_KEPT:]:
                try:
                    os.unlink(old, dir_fd=fd)
                except FileNotFoundError:
                    pass

    def newest_good(self, *, excluding: Path | None = None) -> tuple[Path, datetime] | None:
        """The newest backup that passes the year file's check, and when it was taken; a copy named
        damaged, one that fails the check, and ``excluding`` are passed over."""
        with self._folder(create=False) as fd:
            for name in self._names(fd, f"{self.year_path.stem}-*.json"):
                path = self.dir / name
                if name.endswith(f"{DAMAGED}.json") or (excluding is not None and _same(path, excluding)):
                    continue
                try:
                    parse(read_regular(path, BACKUP, MAX_YEAR_FILE, dir_fd=fd) or b"", path)
                except (Damaged, StoreError, OSError):
                    continue
                return path, _taken_at(name) or datetime.fromtimestamp(os.stat(name, dir_fd=fd).st_mtime)
        return None

    def restore_hint(self, *, excluding: Path | None = None) -> str:
        """What to do about a damaged year file (or a backup that would not restore, ``excluding``):
        restore the newest backup that passes the check."""
        try:
            good = self.newest_good(excluding=excluding)
        except (UnsafeFile, OSError) as exc:
            return f"ไฟล์เดิมไม่ถูกแก้ไข (the file was left untouched); {exc}"
        if good is None:
            return (f"ไฟล์เดิมไม่ถูกแก้ไข และไม่มีสำเนาสำรองที่ใช้ได้ใน {self.dir} กู้จากสำเนาของเครื่องแม่ข่ายด้วย "
                    f"`itacheck restore FILE` (the file was left untouched; no backup in {self.dir} passes the "
                    "check: recover a copy from the server's own backups with `itacheck restore FILE`)")
        path, taken = good
        th, en = age_in_words(datetime.now() - taken)
        return (f"ไฟล์เดิมไม่ถูกแก้ไข กู้คืนสำเนาสำรองล่าสุดที่ตรวจแล้วว่าใช้ได้ (สำรองไว้ {th}) ด้วย "
                f"`itacheck restore {path}` (the file was left untouched; to recover the newest backup that "
                f"passes the check, taken {en}, run `itacheck restore {path}`; older backups are in {self.dir})")


def is_damaged_copy(path: Path) -> bool:
    """Whether ``path`` is a backup of a file that failed the check (never offered for restore)."""
    return Path(path).name.endswith(f"{DAMAGED}.json")


def age_in_words(age: timedelta) -> tuple[str, str]:
    """``age`` in whole minutes, hours or days, in Thai and in English ("3 ชั่วโมงที่แล้ว", "3 hours ago")."""
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 1:
        return "เมื่อสักครู่", "just now"
    size, th, en = next(unit for unit in _UNITS if minutes >= unit[0])
    n = minutes // size
    return f"{n} {th}ที่แล้ว", f"{n} {en}{'s' if n != 1 else ''} ago"


_UNITS = ((24 * 60, "วัน", "day"), (60, "ชั่วโมง", "hour"), (1, "นาที", "minute"))


def _taken_at(name: str) -> datetime | None:
    """The time in a backup's name (``2566-20240405T101500123456-auto.json``)."""
    try:
        return datetime.strptime(name.split("-")[1], "%Y%m%dT%H%M%S%f")
    except (IndexError, ValueError):
        return None


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
