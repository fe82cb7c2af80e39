"""Copies of a year file in ``backups/``: automatic (hourly, rotated), manual and before a restore.

A backup is a byte-for-byte copy named ``2566-YYYYMMDDTHHMMSSffffff-REASON.json``, so names sort by
age and say why they were taken.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from itacheck.store.safefile import atomic_write_bytes, file_mode, make_dir

#: An automatic backup is taken before a save when the newest one is older than this (seconds).
BACKUP_INTERVAL_S = 3600
#: How many automatic backups are kept (manual ones are never rotated away).
BACKUPS_KEPT = 20


class Backups:
    """The backups of one year file, in ``backups/`` beside it."""

    def __init__(self, year_path: Path) -> None:
        self.year_path = Path(year_path)
        self.dir = self.year_path.parent / "backups"

    def all(self) -> list[Path]:
        """This year's backups, newest first."""
        if not self.dir.is_dir():
            return []
        return sorted(self.dir.glob(f"{self.year_path.stem}-*.json"), reverse=True)

    def temporaries(self) -> list[Path]:
        """Temporary files of this year's backups (a writer killed mid-copy leaves them)."""
        return list(self.dir.glob(f".{self.year_path.stem}-*.json.*.tmp"))

    def take(self, raw: bytes, reason: str) -> Path:
        """Store ``raw`` (the year file's bytes) as a new backup named for ``reason``."""
        make_dir(self.dir)
        target = self.dir / f"{self.year_path.stem}-{datetime.now():%Y%m%dT%H%M%S%f}-{reason}.json"
        atomic_write_bytes(target, raw, file_mode(self.year_path.parent))
        return target

    def automatic_due(self) -> bool:
        """Whether the newest automatic backup is more than `BACKUP_INTERVAL_S` old (or missing)."""
        existing = [p for p in self.all() if p.name.endswith("-auto.json")]
        try:
            return not existing or time.time() - existing[0].stat().st_mtime >= BACKUP_INTERVAL_S
        except FileNotFoundError:
            return True

    def prune_automatic(self) -> None:
        """Keep the newest `BACKUPS_KEPT` automatic backups."""
        for old in [p for p in self.all() if p.name.endswith("-auto.json")][BACKUPS_KEPT:]:
            old.unlink(missing_ok=True)

    def restore_hint(self) -> str:
        """What to do about a damaged year file: restore the newest backup."""
        found = self.all()
        if found:
            return (f"ไฟล์เดิมไม่ถูกแก้ไข กู้คืนจากสำเนาสำรองล่าสุดด้วย `itacheck restore {found[0]}` "
                    f"(the file was left untouched; to recover the latest backup run "
                    f"`itacheck restore {found[0]}`; older backups are in {self.dir})")
        return (f"ไฟล์เดิมไม่ถูกแก้ไข ใช้ `itacheck restore FILE` เพื่อกู้จากสำเนาสำรอง "
                f"(the file was left untouched; no backup found in {self.dir}: "
                f"recover a copy with `itacheck restore FILE`)")
