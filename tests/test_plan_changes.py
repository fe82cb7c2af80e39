"""Editing a plan never loses evidence silently: what an edit would remove is refused until the
officer agrees, kept in the audit log, and can be put back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from itacheck.domain.cadence import Cadence
from itacheck.store.plan_changes import WouldRemoveRecords
from itacheck.store.repository import Repository


def _without_task(plan, task_id):
    return replace(plan, measures=tuple(replace(m, tasks=tuple(t for t in m.tasks if t.id != task_id))
                                        for m in plan.measures))


def test_removing_a_task_with_records_is_refused_then_kept_and_restorable(repo: Repository):
    plan = repo.plan(2566)
    repo.add_record(2566, "e7-s1", "2566-M02", date(2022, 11, 20), note="พฤศจิกายน")
    ours = sorted(r.id for r in repo.records(2566) if r.task_id == "e7-s1")
    assert len(ours) == 2
    with pytest.raises(WouldRemoveRecords) as refused:
        repo.save_plan(_without_task(plan, "e7-s1"))
    assert "e7-s1" in str(refused.value) and len(refused.value.records) == 2
    assert repo.plan(2566) == plan  # nothing changed
    removed = repo.save_plan(_without_task(plan, "e7-s1"), remove_records=True)
    assert sorted(r.id for r in removed) == ours
    assert "e7-s1" not in {t.id for t in repo.plan(2566).tasks()}
    assert not any(r.task_id == "e7-s1" for r in repo.records(2566))
    edit = next(e for e in repo.audit(2566) if e.action == "edit")
    assert edit.removed_plan_parts and edit.change
    restored_plan, back = repo.restore_change(2566, edit.change)
    assert sorted(r.id for r in back) == ours
    assert repo.plan(2566) == plan  # the task is back in its place, with its cadence
    assert sorted(r.id for r in repo.records(2566) if r.task_id == "e7-s1") == ours
    assert repo.audit(2566)[0].action == "restore"


def test_a_cadence_change_that_strands_records_asks_too(repo: Repository):
    plan = repo.plan(2566)
    quarterly = replace(plan, measures=tuple(
        replace(m, tasks=tuple(replace(t, cadence=Cadence("quarterly")) if t.id == "e7-r2" else t for t in m.tasks))
        for m in plan.measures))
    with pytest.raises(WouldRemoveRecords) as refused:
        repo.save_plan(quarterly)
    assert [r.occurrence for r in refused.value.records] == ["2566-M01"]
    repo.save_plan(quarterly, remove_records=True)
    change = next(e for e in repo.audit(2566) if e.action == "edit").change
    _, back = repo.restore_change(2566, change)
    assert back == ()  # a monthly record has no place in a quarterly task: it stays in the audit log
    assert repo.plan(2566).task("e7-r2").cadence == Cadence("quarterly")


def test_removing_a_whole_measure_and_restoring_it(repo: Repository):
    plan = repo.plan(2566)
    without = replace(plan, measures=tuple(m for m in plan.measures if m.id != "e9"))
    repo.save_plan(without, remove_records=True)
    assert [m.id for m in repo.plan(2566).measures] == ["oit10", "e6", "e7", "e10"]
    change = next(e for e in repo.audit(2566) if e.action == "edit").change
    restored, back = repo.restore_change(2566, change)
    assert [m.id for m in restored.measures] == ["oit10", "e6", "e7", "e10", "e9"]
    assert {r.task_id for r in back} == {"e9-s1", "e9-s2", "e9-s3", "e9-r1", "e9-r2"}


def test_a_record_a_colleague_adds_after_the_editor_read_the_plan_is_not_lost(repo: Repository):
    """The check runs under the lock, against the file: an edit prepared before a colleague's
    tick still asks about that tick."""
    edited = _without_task(repo.plan(2566), "e6-r1")
    Repository(repo.data_dir, user="colleague").add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1))
    with pytest.raises(WouldRemoveRecords) as refused:
        repo.save_plan(edited)
    assert {r.recorded_by for r in refused.value.records} >= {"colleague"}
