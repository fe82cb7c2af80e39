"""The checklist's filter, on its own."""

from __future__ import annotations

from datetime import date

from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.status import plan_status
from itacheck.tui.filtering import Filter, fold, units


def _status(repo):
    return plan_status(repo.plan(2566), repo.records(2566), fiscal_round(2566, "half"), date(2023, 3, 31))


def _tasks(status):
    return [t.task.id for m in status.measures for t in m.tasks]


def test_words_match_task_and_measure_text_ignoring_tone_marks_and_case(repo):
    status = _status(repo)
    assert _tasks(Filter("ร้องเรียน").apply(status))[:1] == ["e10-s1"]  # the measure's issue names it
    assert _tasks(Filter("รองเรียน").apply(status)) == _tasks(Filter("ร้องเรียน").apply(status))
    assert _tasks(Filter("E7-R2").apply(status)) == ["e7-r2"]
    assert _tasks(Filter("ผู้บริหาร ทุกเดือน").apply(status)) == ["e7-r2"]  # every word must match
    assert Filter("ไม่มีคำนี้ในแผน").apply(status).measures == ()
    assert fold("ผู้บริหาร  ITA") == "ผูบริหาร ita"


def test_overdue_and_due_this_month_keep_only_those_periods(repo):
    status = _status(repo)
    overdue = Filter(show="overdue").apply(status)
    assert {o.status for m in overdue.measures for t in m.tasks for o in t.occurrences} == {"overdue"}
    assert sum(len(t.occurrences) for m in overdue.measures for t in m.tasks) == 20
    month = Filter(show="month").apply(status)
    dues = {o.occurrence.due for m in month.measures for t in m.tasks for o in t.occurrences}
    assert dues == {date(2023, 3, 31)} and "e6-r1" in _tasks(month)


def test_one_units_work(repo):
    status = _status(repo)
    assert units(status) == ["สำนักปลัด", "ผู้บริหาร", "เจ้าหน้าที่ทุกภารกิจงาน", "ภารกิจอื่นที่เกี่ยวข้อง"]
    shown = Filter(show="unit:เจ้าหน้าที่ทุกภารกิจงาน").apply(status)
    assert [m.measure.id for m in shown.measures] == ["e7"]
    assert not Filter().active and Filter().apply(status) is status
