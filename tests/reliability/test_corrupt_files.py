"""Corrupt or foreign year files: a clear message naming the file and `itacheck restore`, and the
file is never overwritten. Backups (manual, automatic, before a restore) and `itacheck check`."""

from __future__ import annotations

import json
import os
import random
import re
from datetime import date
from pathlib import Path

import pytest

from itacheck.locations import data_files_dir
from itacheck.store import backups as backup_files, yearformat
from itacheck.store.errors import CorruptFile, NewerSchema, StoreError
from itacheck.store.planfile import read_plan_file
from itacheck.store.repository import Repository
from itacheck.store.yearfile import YearFile
from reliability_support import YEAR, assert_clean_failure, run_cli


def _valid(data_dir: Path) -> bytes:
    return (data_dir / f"{YEAR}.json").read_bytes()


def _meta(version) -> dict:
    return {"meta": {"1": {"app": "itacheck", "schema_version": version}}}


CORRUPTIONS = {
    "truncated JSON": lambda ok: ok[: len(ok) // 2],
    "last byte missing": lambda ok: ok.rstrip()[:-1],
    "random bytes": lambda ok: random.Random(7).randbytes(4096),
    "NUL bytes": lambda ok: b"\0" * 4096,
    "invalid UTF-8 inside the JSON": lambda ok: ok.replace("บันทึก".encode(), b"\xff\xfe", 1)
    if "บันทึก".encode() in ok else ok[:100] + b"\xff\xfe" + ok[100:],
    "empty file": lambda ok: b"",
    "only blanks": lambda ok: b" \n\t\n",
    "stock TinyDB file": lambda ok: json.dumps({"_default": {"1": {"task": "x"}}}).encode(),
    "JSON list": lambda ok: b"[1, 2, 3]",
    "JSON string": lambda ok: b'"2566"',
    "JSON null": lambda ok: b"null",
    "another program's meta": lambda ok: json.dumps({"meta": {"1": {"app": "other", "schema_version": 1}}}).encode(),
    "schema version is text": lambda ok: json.dumps(_meta("1")).encode(),
    "schema version 0": lambda ok: json.dumps(_meta(0)).encode(),
    "table is a list": lambda ok: json.dumps(_meta(1) | {"records": [1, 2]}).encode(),
    "document is a number": lambda ok: json.dumps(_meta(1) | {"records": {"1": 5}}).encode(),
    "a record without its task": lambda ok: ok.replace(b'"task":"', b'"tusk":"', 1),
    "a plan year as text": lambda ok: ok.replace(b'"year":2566', b'"year":"2566"', 1),
    "an audit entry without a time": lambda ok: ok.replace(b'"at":"', b'"when":"', 1),
    "deeply nested": lambda ok: b"[" * 200_000 + b"]" * 200_000,
    "newer schema": lambda ok: json.dumps(_meta(yearformat.SCHEMA_VERSION + 1)).encode(),
}


@pytest.fixture
def backed_up(data_dir: Path) -> tuple[Path, Path]:
    """A seeded data directory with a backup made by the real `itacheck backup`."""
    done = run_cli("backup", data=data_dir)
    assert done.returncode == 0, done.stderr
    backup = Path(done.stdout.strip().splitlines()[-1])
    assert backup.read_bytes() == _valid(data_dir)
    return data_dir, backup


def _expect_message(exc: StoreError | str, file: Path, kind: str) -> None:
    message = str(exc)
    assert str(file) in message
    if kind == "newer schema":
        assert "upgrade" in message and "ปรับรุ่น" in message
    else:
        assert "itacheck restore" in message


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_a_corrupt_or_foreign_file_is_reported_and_never_overwritten(backed_up, kind):
    data_dir, backup = backed_up
    file = data_dir / f"{YEAR}.json"
    ok = _valid(data_dir)
    bad = CORRUPTIONS[kind](ok)
    assert bad != ok
    file.write_bytes(bad)
    repo = Repository(data_dir, user="officer")
    expected = NewerSchema if kind == "newer schema" else CorruptFile

    plan, _ = read_plan_file(data_files_dir() / "sample-2566.toml")
    # Importing a plan is the change that needs nothing from the file: it would start afresh.
    for attempt in (lambda: repo.records(YEAR), lambda: repo.plan(YEAR), lambda: repo.audit(YEAR),
                    lambda: repo.import_plan(plan), lambda: repo.load_sample(),
                    lambda: repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1)),
                    lambda: repo.undo_last(YEAR), lambda: repo.copy_plan(YEAR, YEAR + 1)):
        with pytest.raises(expected) as exc:
            attempt()
        _expect_message(exc.value, file, kind)
    assert file.read_bytes() == bad

    # The real commands: a message on stderr, exit 1, no traceback, the file untouched.
    for args in (["status"], ["tick", "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01"], ["plan", "list"]):
        done = run_cli(*args, data=data_dir)
        assert done.returncode in (1, 2), (args, done.stderr)
        assert_clean_failure(done, done.returncode)
        assert str(file) in done.stderr
        assert file.read_bytes() == bad

    # `itacheck check` says what is wrong, and exits 1.
    done = run_cli("check", data=data_dir)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert str(file) in done.stdout + done.stderr
    assert file.read_bytes() == bad

    # The message names the latest backup; restoring it works and keeps the damaged file.
    if kind != "newer schema":
        with pytest.raises(StoreError) as err:
            repo.records(YEAR)
        offered = re.search(r"itacheck restore (\S+\.json)`", str(err.value))
        assert offered and Path(offered.group(1)) == backup
    done = run_cli("restore", str(backup), data=data_dir)
    assert done.returncode == 0, done.stderr
    assert file.read_bytes() == backup.read_bytes()
    # The replaced file is kept, named damaged (never offered for restore) unless only newer.
    suffix = "-before-restore.json" if kind == "newer schema" else "-before-restore-damaged.json"
    kept = [p for p in YearFile(file).backups() if p.name.endswith(suffix)]
    assert len(kept) == 1 and kept[0].read_bytes() == bad
    assert len(Repository(data_dir).records(YEAR)) == 21


def test_random_damage_to_a_real_file_is_always_caught_or_harmless(data_dir: Path):
    """Flip, cut or insert bytes at random places of a real year file: reading either works (the
    damage fell somewhere harmless, e.g. inside a note) or fails with a CorruptFile/NewerSchema;
    never another exception, never a silent write."""
    file = data_dir / f"{YEAR}.json"
    ok = file.read_bytes()
    rng = random.Random(2566)
    caught = 0
    for _ in range(300):
        bad = bytearray(ok)
        for _ in range(rng.randint(1, 4)):
            where = rng.randrange(len(bad))
            action = rng.random()
            if action < 0.4:
                bad[where] = rng.randrange(256)
            elif action < 0.7:
                del bad[where:where + rng.randint(1, 200)]
            else:
                bad[where:where] = rng.randbytes(rng.randint(1, 20))
        file.write_bytes(bytes(bad))
        repo = Repository(data_dir)
        try:
            repo.plan(YEAR), repo.records(YEAR), repo.audit(YEAR)
        except (CorruptFile, NewerSchema) as exc:
            assert str(file) in str(exc)
            caught += 1
        assert file.read_bytes() == bytes(bad)
    print(f"\nrandom damage: 300 damaged files, {caught} refused with a clear message, the rest readable")
    assert caught > 150


def test_restore_refuses_a_bad_source_and_changes_nothing(backed_up, tmp_path):
    data_dir, backup = backed_up
    file = data_dir / f"{YEAR}.json"
    before = file.read_bytes()
    bad = tmp_path / "2566.json"
    bad.write_bytes(before[:300])
    done = run_cli("restore", str(bad), data=data_dir)
    assert_clean_failure(done, 1)
    assert str(bad) in done.stderr
    done = run_cli("restore", str(tmp_path / "2566-missing.json"), data=data_dir)
    assert_clean_failure(done, 2)
    # A backup of 2566 named as if it were 2567 is not restored over 2567.
    wrong = tmp_path / "2567.json"
    wrong.write_bytes(before)
    done = run_cli("restore", str(wrong), data=data_dir)
    assert_clean_failure(done, 2)
    assert "2566" in done.stderr and not (data_dir / "2567.json").exists()
    assert file.read_bytes() == before
    assert not [p for p in YearFile(file).backups() if "before-restore" in p.name]


def test_restore_keeps_a_backup_of_what_it_replaces(backed_up):
    data_dir, backup = backed_up
    repo = Repository(data_dir, user="officer")
    repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note="after the backup")
    current = _valid(data_dir)
    done = run_cli("restore", str(backup), data=data_dir)
    assert done.returncode == 0, done.stderr
    kept = [p for p in YearFile(data_dir / f"{YEAR}.json").backups() if p.name.endswith("-before-restore.json")]
    assert len(kept) == 1 and kept[0].read_bytes() == current and str(kept[0]) in done.stdout
    assert "after the backup" not in {r.note for r in repo.records(YEAR)}  # the open Repository sees it
    # ... and that backup can itself be restored: nothing is ever lost.
    assert run_cli("restore", str(kept[0]), data=data_dir).returncode == 0
    assert "after the backup" in {r.note for r in repo.records(YEAR)}


def test_automatic_backups_rotate_beside_the_database(data_dir: Path, monkeypatch):
    monkeypatch.setattr(backup_files, "BACKUP_INTERVAL_S", 0)
    monkeypatch.setattr(backup_files, "BACKUPS_KEPT", 3)
    repo = Repository(data_dir, user="officer")
    yf = repo.year_file(YEAR)
    with yf.transaction_raw():
        manual = yf.backup(reason="manual")
    states = []
    for i in range(8):
        states.append(_valid(data_dir))
        repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note=f"save {i}")
    autos = [p for p in yf.backups() if p.name.endswith("-auto.json")]
    assert len(autos) == 3
    assert [p.read_bytes() for p in autos] == states[::-1][:3]  # newest first: the state before each save
    assert manual in yf.backups()  # manual backups are never rotated away
    for p in yf.backups():
        yf._parse(p.read_bytes())


def test_at_most_one_automatic_backup_an_hour(data_dir: Path):
    repo = Repository(data_dir, user="officer")
    for i in range(5):
        repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note=f"save {i}")
    autos = [p for p in repo.year_file(YEAR).backups() if p.name.endswith("-auto.json")]
    assert len(autos) == 1


def test_check_verifies_attachments_by_sha256(data_dir: Path, tmp_path: Path):
    evidence = tmp_path / "หนังสือเวียน.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence " * 100)
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8 photo" * 100)
    repo = Repository(data_dir, user="officer")
    r1 = repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[evidence])
    r2 = repo.add_record(YEAR, "e6-r1", "2566-Q3", date(2023, 5, 1), files=[other])
    done = run_cli("check", data=data_dir)
    assert done.returncode == 0 and "2 attachments OK" in done.stdout, done.stdout

    damaged = repo.attachments.path_of(r1.attachments[0].sha256)
    damaged.write_bytes(b"%PDF-1.4 tampered")
    repo.attachments.path_of(r2.attachments[0].sha256).unlink()
    done = run_cli("check", data=data_dir)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "damaged" in done.stdout and "หนังสือเวียน.pdf" in done.stdout
    assert "missing" in done.stdout and "photo.jpg" in done.stdout


def test_check_reports_records_that_point_nowhere(data_dir: Path):
    """A hand-edited file whose record names a task the plan does not have."""
    file = data_dir / f"{YEAR}.json"
    doc = json.loads(file.read_text(encoding="utf-8"))
    first = next(iter(doc["records"]))
    doc["records"][first]["task"] = "no-such-task"
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    done = run_cli("check", data=data_dir)
    assert done.returncode == 1 and "no-such-task" in done.stdout and "Traceback" not in done.stderr


def test_the_backup_command_copies_every_year(data_dir: Path):
    Repository(data_dir, user="officer").copy_plan(2566, 2567)
    done = run_cli("backup", data=data_dir)
    assert done.returncode == 0, done.stderr
    made = [Path(line) for line in done.stdout.split()]
    assert sorted(p.name.split("-")[0] for p in made) == ["2566", "2567"]
    for p in made:
        assert p.read_bytes() == (data_dir / f"{p.name.split('-')[0]}.json").read_bytes()
        assert oct(os.stat(p).st_mode & 0o777) == oct(0o600)
