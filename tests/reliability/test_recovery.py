"""Recovery points the right way: only a backup that passes the check is ever offered for restore.

Repro (before): `itacheck backup` copied a damaged year file as ``…-manual.json`` like a good one,
and from then on every error message offered that damaged copy as "the latest backup"; a restore
from a damaged backup said to look in ``backups/backups``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from itacheck.store.errors import StoreError
from itacheck.store.repository import Repository
from reliability_support import YEAR, assert_clean_failure, run_cli


def _offered(message: str) -> Path | None:
    found = re.search(r"`itacheck restore (\S+\.json)`", message)
    return Path(found.group(1)) if found else None


def _backup_named(data: Path, when: datetime, reason: str, content: bytes) -> Path:
    """A backup as itacheck names it, taken at ``when``."""
    path = data / "backups" / f"{YEAR}-{when:%Y%m%dT%H%M%S%f}-{reason}.json"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def test_backup_of_a_damaged_year_file_is_named_damaged_and_never_offered(data_dir: Path):
    year = data_dir / f"{YEAR}.json"
    assert run_cli("backup", data=data_dir).returncode == 0
    good = [p for p in (data_dir / "backups").iterdir() if p.name.endswith("-manual.json")]
    assert len(good) == 1
    damaged = year.read_bytes()[:-40]
    year.write_bytes(damaged)
    done = run_cli("backup", data=data_dir)
    assert_clean_failure(done, 1)
    assert str(year) in done.stderr and "damaged" in done.stderr and "เสียหาย" in done.stderr
    copies = [p for p in (data_dir / "backups").iterdir() if p.read_bytes() == damaged]
    assert len(copies) == 1 and copies[0].name.endswith("-manual-damaged.json")
    assert str(copies[0]) in done.stderr
    # Every hint offers the good backup, never the newer damaged copy.
    done = run_cli("status", data=data_dir)
    assert_clean_failure(done, 1)
    assert _offered(done.stderr) == good[0]
    with pytest.raises(StoreError) as refused:
        Repository(data_dir).records(YEAR)
    assert _offered(str(refused.value)) == good[0]


def test_the_hint_offers_the_newest_backup_that_passes_the_check_with_its_age(data_dir: Path):
    year = data_dir / f"{YEAR}.json"
    now = datetime.now()
    good = _backup_named(data_dir, now - timedelta(hours=3, minutes=30), "manual", year.read_bytes())
    _backup_named(data_dir, now - timedelta(hours=1), "auto", year.read_bytes()[:100])  # newer, damaged
    _backup_named(data_dir, now - timedelta(minutes=30), "auto", b"")  # newest, empty
    year.write_bytes(b"{}")
    with pytest.raises(StoreError) as refused:
        Repository(data_dir).records(YEAR)
    message = str(refused.value)
    assert _offered(message) == good
    assert "3 ชั่วโมงที่แล้ว" in message and "3 hours ago" in message
    assert message.index("3 ชั่วโมงที่แล้ว") < message.index("3 hours ago")  # Thai, then English
    assert "\n" not in message


@pytest.mark.parametrize("age, thai, english", [
    (timedelta(seconds=20), "เมื่อสักครู่", "just now"),
    (timedelta(minutes=1, seconds=5), "1 นาทีที่แล้ว", "1 minute ago"),
    (timedelta(minutes=45), "45 นาทีที่แล้ว", "45 minutes ago"),
    (timedelta(days=2, hours=5), "2 วันที่แล้ว", "2 days ago"),
])
def test_the_age_of_the_offered_backup_is_said_in_words(data_dir: Path, age, thai, english):
    year = data_dir / f"{YEAR}.json"
    _backup_named(data_dir, datetime.now() - age, "manual", year.read_bytes())
    year.write_bytes(b"{}")
    with pytest.raises(StoreError) as refused:
        Repository(data_dir).records(YEAR)
    assert thai in str(refused.value) and english in str(refused.value)


def test_when_no_backup_passes_the_check_none_is_offered(data_dir: Path):
    year = data_dir / f"{YEAR}.json"
    _backup_named(data_dir, datetime.now() - timedelta(hours=1), "manual", b"not json")
    year.write_bytes(b"{}")
    with pytest.raises(StoreError) as refused:
        Repository(data_dir).records(YEAR)
    message = str(refused.value)
    assert _offered(message) is None and "not json" not in message
    assert "no backup" in message and str(data_dir / "backups") in message


def test_a_failed_restore_points_at_the_backups_that_are_usable(data_dir: Path):
    """Repro: restoring a damaged backup said "no backup found in DATA/backups/backups"."""
    year = data_dir / f"{YEAR}.json"
    good = _backup_named(data_dir, datetime.now() - timedelta(hours=2, minutes=10), "manual", year.read_bytes())
    bad = _backup_named(data_dir, datetime.now() - timedelta(minutes=5), "auto", year.read_bytes()[:300])
    before = year.read_bytes()
    done = run_cli("restore", str(bad), data=data_dir)
    assert_clean_failure(done, 1)
    assert "backups/backups" not in done.stderr
    assert str(bad) in done.stderr and _offered(done.stderr) == good and "2 hours ago" in done.stderr
    assert year.read_bytes() == before


def test_restoring_over_a_damaged_file_keeps_it_named_damaged(data_dir: Path):
    """The file a restore replaces is always kept, a damaged one too, but named so it is never
    offered as a backup to restore."""
    year = data_dir / f"{YEAR}.json"
    good = _backup_named(data_dir, datetime.now() - timedelta(hours=1), "manual", year.read_bytes())
    year.write_bytes(b"damaged")
    done = run_cli("restore", str(good), data=data_dir)
    assert done.returncode == 0, done.stderr
    kept = [p for p in (data_dir / "backups").iterdir() if p.read_bytes() == b"damaged"]
    assert len(kept) == 1 and kept[0].name.endswith("-before-restore-damaged.json")
