"""Correcting evidence: the record changes, the audit log keeps what it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from itacheck.store.repository import Repository


def test_a_record_is_corrected_and_the_audit_log_keeps_the_old_version(repo: Repository, tmp_path: Path):
    evidence = tmp_path / "minutes.pdf"
    evidence.write_bytes(b"%PDF minutes")
    first = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1), note="พิมพ์ผิด", links=["https://a.go.th/x"],
                            files=[evidence])
    fixed = repo.edit_record(2566, first.id, date(2023, 2, 3), note="รายงานผู้บริหารแล้ว",
                             links=["https://a.go.th/y"])
    assert (fixed.id, fixed.task_id, fixed.occurrence, fixed.recorded_by) == (first.id, "e6-r1", "2566-Q2", "tester")
    assert (fixed.done_on, fixed.note, fixed.links) == (date(2023, 2, 3), "รายงานผู้บริหารแล้ว", ("https://a.go.th/y",))
    assert fixed.attachments == first.attachments  # kept unless dropped
    [stored] = [r for r in repo.records(2566) if r.id == first.id]
    assert stored == fixed
    entry = repo.audit(2566)[0]
    assert (entry.action, entry.record_id) == ("correct", first.id)
    doc = next(d for d in repo.year_file(2566).snapshot().table("audit").all() if d.get("action") == "correct")
    assert doc["before"]["note"] == "พิมพ์ผิด" and doc["data"]["note"] == "รายงานผู้บริหารแล้ว"


def test_a_correction_can_mark_not_applicable_and_back_and_drop_files(repo: Repository, tmp_path: Path):
    evidence = tmp_path / "wrong.pdf"
    evidence.write_bytes(b"wrong file")
    first = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[evidence])
    skipped = repo.edit_record(2566, first.id, date(2023, 2, 1), note="ไม่มีงบประมาณ", skipped=True,
                               drop_attachments=True)
    assert skipped.skipped and skipped.attachments == ()
    again = repo.edit_record(2566, first.id, date(2023, 2, 1), note="ทำแล้ว")
    assert not again.skipped and not [r for r in repo.records(2566) if r.id == first.id][0].skipped


def test_correcting_a_record_a_colleague_removed_says_so(repo: Repository):
    first = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1))
    Repository(repo.data_dir, user="colleague").remove_record(2566, first.id)
    with pytest.raises(ValueError, match="removed meanwhile"):
        repo.edit_record(2566, first.id, date(2023, 2, 2))


def test_a_correction_is_checked_like_a_new_record(repo: Repository):
    first = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1))
    with pytest.raises(ValueError, match="http"):
        repo.edit_record(2566, first.id, date(2023, 2, 1), links=["javascript:alert(1)"])
    with pytest.raises(ValueError):
        repo.edit_record(2566, first.id, date(2066, 2, 1))  # a year in the wrong era
    assert [r for r in repo.records(2566) if r.id == first.id][0] == first
