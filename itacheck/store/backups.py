"""Copies of a year file in ``backups/``: automatic (hourly, rotated), manual and before a restore.

A backup is a byte-for-byte copy named ``2566-YYYYMMDDTHHMMSSffffff-REASON.json``, so names sort by
age and say why they were taken. ``backups/`` is reached through its descriptor, opened without
following a link: a colleague who replaces it by a link to someone's folder makes every backup
refuse with a message, never write, prune or clean up in that folder.
"""

from __future__ import annotations

import fnmatch
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from itacheck.store.errors import UnsafeFile
from itacheck.store.nofollow import BACKUPS_FOLDER, open_directory, open_folder
from itacheck.store.safefile import file_mode, make_dir, write_failed, write_in

#: An automatic backup is taken before a save when the newest one is older than this (seconds).
BACKUP_INTERVAL_S = 3600
#: How many automatic backups are kept (manual ones are never rotated away).
BACKUPS_KEPT = 20


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

    def restore_hint(self) -> str:
        """What to do about a damaged year file: restore the newest backup."""
        try:
            found = self.all()
        except UnsafeFile as exc:
            return f"ไฟล์เดิมไม่ถูกแก้ไข (the file was left untouched); {exc}"
        if found:
            return (f"ไฟล์เดิมไม่ถูกแก้ไข กู้คืนจากสำเนาสำรองล่าสุดด้วย `itacheck restore {found[0]}` "
                    f"(the file was left untouched; to recover the latest backup run "
                    f"`itacheck restore {found[0]}`; older backups are in {self.dir})")
        return (f"ไฟล์เดิมไม่ถูกแก้ไข ใช้ `itacheck restore FILE` เพื่อกู้จากสำเนาสำรอง "
                f"(the file was left untouched; no backup found in {self.dir}: "
                f"recover a copy with `itacheck restore FILE`)")
