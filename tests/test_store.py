import json
import multiprocessing
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from itacheck.store.errors import CorruptFile, NewerSchema
from itacheck.store.repository import Repository, default_year


def test_first_use_seeds_the_sample_plan_once(tmp_path: Path):
    repo = Repository(tmp_path / "d")
    assert repo.load_sample() is True
    assert repo.load_sample() is False
    assert repo.years() == [2566]
    assert repo.plan(2566).organisation.name == "องค์การบริหารส่วนตำบลเมืองน้อย"
    assert len(repo.records(2566)) == 21


def test_year_file_is_tinydb_json_with_a_schema_version_and_private_mode(repo: Repository):
    path = repo.data_dir / "2566.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["meta"]["1"] == {"app": "itacheck", "schema_version": 1}
    assert set(doc) >= {"meta", "plan", "records", "audit"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_tick_is_stored_with_who_and_when_and_undo_keeps_it_in_the_audit_log(repo: Repository):
    record = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 3, 20), note="[bold]x[/]", links=["https://a.example/x"])
    assert record in repo.records(2566)
    assert record.recorded_by == "tester"
    assert record.note == "[bold]x[/]"
    assert repo.undo_last(2566) == record
    assert record not in repo.records(2566)
    actions = [(e.action, e.record_id) for e in repo.audit(2566)[:2]]
    assert actions == [("undo", record.id), ("tick", record.id)]
    assert repo.undo_last(2566) is None  # the sample's own records are not this user's ticks


def test_invalid_input_writes_nothing(repo: Repository):
    before = (repo.data_dir / "2566.json").read_bytes()
    with pytest.raises(ValueError, match="no occurrence"):
        repo.add_record(2566, "e6-r1", "2566-M01", date(2023, 1, 1))
    with pytest.raises(ValueError, match="no task"):
        repo.add_record(2566, "nope", "once", date(2023, 1, 1))
    with pytest.raises(ValueError, match="http"):
        repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 1, 1), links=["javascript:alert(1)"])
    with pytest.raises(ValueError, match="no such file"):
        repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 1, 1), files=[repo.data_dir / "missing.pdf"])
    assert (repo.data_dir / "2566.json").read_bytes() == before


def test_control_characters_are_stripped_from_notes(repo: Repository):
    record = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 3, 1), note="ok\x1b[31m red\x00\x07 ไทย")
    assert record.note == "ok red ไทย"


def test_attachments_are_stored_by_sha256_under_the_data_directory(repo: Repository, tmp_path: Path):
    evidence = tmp_path / "..รายงาน [bold].pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence")
    record = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 3, 1), files=[evidence])
    (att,) = record.attachments
    stored = repo.attachments.path_of(att.sha256)
    assert stored.read_bytes() == b"%PDF-1.4 evidence"
    assert stored.is_relative_to(repo.data_dir / "attachments")
    assert att.name == "..รายงาน [bold].pdf"
    assert repo.attachments.verify(att) is None


def test_plan_copy_carries_tasks_into_the_next_year_without_records(repo: Repository):
    copied = repo.copy_plan(2566, 2567)
    assert repo.years() == [2566, 2567]
    assert repo.records(2567) == ()
    assert copied.task("oit10-s1").cadence.due == date(2023, 10, 31)
    assert [t.id for t in copied.tasks()] == [t.id for t in repo.plan(2566).tasks()]
    with pytest.raises(ValueError, match="already has a plan"):
        repo.copy_plan(2566, 2567)


def test_default_year_is_this_fiscal_year_when_it_has_a_plan(repo: Repository):
    assert default_year(repo, date(2026, 11, 28)) == 2566
    repo.copy_plan(2566, 2570)
    assert default_year(repo, date(2026, 11, 28)) == 2570


def test_corrupt_and_newer_files_are_refused_and_left_untouched(repo: Repository):
    path = repo.data_dir / "2566.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["meta"]["1"]["schema_version"] = 99
    path.write_text(json.dumps(doc), encoding="utf-8")
    fresh = Repository(repo.data_dir)
    with pytest.raises(NewerSchema, match="newer itacheck"):
        fresh.plan(2566)
    path.write_bytes(b'{"meta": {"1": {"app": "itac')
    with pytest.raises(CorruptFile, match="itacheck restore"):
        Repository(repo.data_dir).add_record(2566, "e6-r1", "2566-Q2", date(2023, 3, 1))
    assert path.read_bytes() == b'{"meta": {"1": {"app": "itac'


def _tick_many(data_dir: str, worker: int, count: int) -> None:
    repo = Repository(Path(data_dir), user=f"worker{worker}")
    for i in range(count):
        repo.add_record(2566, "e7-r2", "2566-M02", date(2022, 11, 1), note=f"{worker}-{i}")


def test_two_processes_ticking_100_times_each_keep_all_200_records(repo: Repository):
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_tick_many, args=(str(repo.data_dir), w, 100)) for w in range(2)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(120)
        assert p.exitcode == 0
    notes = [r.note for r in Repository(repo.data_dir).records(2566) if r.occurrence == "2566-M02" and r.task_id == "e7-r2"]
    assert sorted(notes) == sorted(f"{w}-{i}" for w in range(2) for i in range(100))
    ids = json.loads((repo.data_dir / "2566.json").read_text(encoding="utf-8"))["records"].keys()
    assert len(ids) == 21 + 200  # TinyDB doc ids never collided
    assert not [p for p in os.listdir(repo.data_dir) if p.endswith(".tmp")]
