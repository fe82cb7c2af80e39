from datetime import date

import pytest

from itacheck.domain.cadence import Cadence, Occurrence
from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.model import Measure, Organisation, Plan, Record, Task
from itacheck.domain.status import Tally, in_round, occurrence_status, plan_status

Q2 = Occurrence("2566-Q2", date(2023, 1, 1), date(2023, 3, 31), date(2023, 3, 31))


def rec(done_on: date, *, skipped: bool = False, task: str = "t", key: str = "2566-Q2") -> Record:
    return Record(id=f"{task}{key}{done_on}", task_id=task, occurrence=key, done_on=done_on, skipped=skipped)


@pytest.mark.parametrize(
    ("records", "as_of", "expected", "done_on"),
    [
        ([rec(date(2023, 3, 31))], date(2023, 4, 5), "done", date(2023, 3, 31)),
        ([rec(date(2023, 4, 2))], date(2023, 4, 5), "late", date(2023, 4, 2)),
        ([], date(2023, 4, 1), "overdue", None),
        ([], date(2023, 3, 17), "due_soon", None),
        ([], date(2023, 3, 16), "open", None),
        ([], date(2022, 12, 20), "upcoming", None),
        ([rec(date(2023, 2, 1), skipped=True)], date(2023, 4, 5), "skipped", None),
    ],
)
def test_every_status(records, as_of, expected, done_on):
    result = occurrence_status(Q2, records, as_of)
    assert (result.status, result.done_on) == (expected, done_on)


def test_earliest_record_decides_and_later_evidence_accumulates():
    result = occurrence_status(Q2, [rec(date(2023, 4, 10)), rec(date(2023, 3, 1))], date(2023, 5, 1))
    assert result.status == "done"
    assert result.done_on == date(2023, 3, 1)
    assert len(result.records) == 2


def test_records_after_the_as_of_date_do_not_count_yet():
    assert occurrence_status(Q2, [rec(date(2023, 3, 20))], date(2023, 3, 19)).status == "due_soon"


def test_due_soon_window_is_configurable():
    assert occurrence_status(Q2, [], date(2023, 3, 1), soon_days=30).status == "due_soon"
    assert occurrence_status(Q2, [], date(2023, 3, 1)).status == "open"


def test_round_membership_by_window_end_and_by_due_date_for_one_off_tasks():
    half = fiscal_round(2566, "half")
    semi = Task("s", "reporting", "x", Cadence("semiannual", due_months=(4, 10)))
    h1 = Occurrence("2566-H1", date(2022, 10, 1), date(2023, 3, 31), date(2023, 4, 30))
    assert in_round(h1, semi, half)  # due in April, but its window ends in March
    once = Task("o", "step", "x", Cadence("once", due=date(2023, 4, 30)))
    assert not in_round(Occurrence("once", date(2022, 10, 1), date(2023, 4, 30), date(2023, 4, 30)), once, half)


def _plan() -> Plan:
    tasks = (
        Task("q", "reporting", "รายงานไตรมาส", Cadence("quarterly")),
        Task("m", "reporting", "กำกับทุกเดือน", Cadence("monthly")),
        Task("y", "step", "ทบทวนปีละครั้ง", Cadence("yearly")),
    )
    other = (Task("o", "step", "ครั้งเดียว", Cadence("once", due=date(2022, 11, 30))),)
    return Plan(2566, Organisation("อบต.ทดสอบ"), measures=(
        Measure("m1", "EIT", 7, "ประสิทธิภาพการสื่อสาร", "ประเด็น ๑", tasks=tasks),
        Measure("m2", "EIT", 7, "ประสิทธิภาพการสื่อสาร", "ประเด็น ๒", tasks=other),
        Measure("m3", "OIT", 10, "การป้องกันการทุจริต", "ประเด็น ๓", tasks=(
            Task("s", "step", "ข้าม", Cadence("quarterly")),)),
    ))


def test_aggregates_per_task_measure_indicator_tool_and_plan():
    records = [rec(date(2022, 12, 1), task="q", key="2566-Q1"), rec(date(2023, 1, 5), task="m", key="2566-M03"),
               rec(date(2022, 11, 1), task="o", key="once"), rec(date(2022, 11, 1), task="s", key="2566-Q1", skipped=True)]
    status = plan_status(_plan(), records, fiscal_round(2566, "half"), date(2023, 3, 31))
    m1 = status.measures[0]
    assert [len(t.occurrences) for t in m1.tasks] == [2, 6, 0]  # the yearly task ends in September
    assert m1.tasks[0].tally["done"] == 1 and m1.tasks[0].tally["due_soon"] == 1
    assert m1.tasks[1].tally["late"] == 1 and m1.tasks[1].tally["overdue"] == 4
    assert m1.tally.total == 8 and m1.tally.completed == 2
    assert status.by_indicator()[0].tally.total == 9  # m1 + m2
    assert status.by_tool()["OIT"]["skipped"] == 1
    plan_tally = status.tally
    assert plan_tally.total == 11
    assert plan_tally["skipped"] == 1
    assert plan_tally.percent_complete == round(100 * 3 / 10, 1)  # skipped excluded
    assert plan_tally.headline == "overdue"


def test_empty_tally_has_no_percentage():
    assert Tally.of([]).percent_complete is None
    assert Tally.of(["skipped"]).percent_complete is None
    assert Tally.of(["done", "late", "overdue", "open"]).percent_complete == 50.0


def test_report_date_is_today_while_the_round_runs_and_its_last_deadline_afterwards():
    from itacheck.domain.status import report_as_of

    plan = Plan(2566, Organisation("x"), measures=(Measure("m", "EIT", 7, "", "i", tasks=(
        Task("h", "reporting", "ทุก ๖ เดือน", Cadence("semiannual", due_months=(4, 10))),)),))
    half = fiscal_round(2566, "half")
    assert report_as_of(plan, half, date(2023, 2, 1)) == date(2023, 2, 1)
    assert report_as_of(plan, half, date(2026, 11, 28)) == date(2023, 4, 30)
    assert report_as_of(_plan(), half, date(2026, 11, 28)) == date(2023, 3, 31)


def test_status_follows_the_records_it_is_given_each_time():
    """The records of a year are grouped once per tuple (a screen recomputes the same year's status
    again and again): a new tuple, or the same records in a list, must never get another's groups."""
    task = Task("t", "step", "ทำ", Cadence("quarterly"))
    plan = Plan(2566, Organisation("อบต."), measures=(Measure("m", "OIT", 1, "", "ประเด็น", tasks=(task,)),))
    rnd, as_of = fiscal_round(2566, "full"), date(2023, 9, 30)
    before = (rec(date(2023, 1, 5), key="2566-Q1"),)
    after = (*before, rec(date(2023, 3, 1)))

    def statuses(records) -> list[str]:
        return [o.status for _, _, o in plan_status(plan, records, rnd, as_of).occurrences()]

    assert statuses(before) == ["late", "overdue", "overdue", "due_soon"]
    assert statuses(before) == ["late", "overdue", "overdue", "due_soon"]
    assert statuses(after) == ["late", "done", "overdue", "due_soon"]
    assert statuses(before) == ["late", "overdue", "overdue", "due_soon"]
    assert statuses(list(after)) == ["late", "done", "overdue", "due_soon"]
    assert statuses(list(before)) == ["late", "overdue", "overdue", "due_soon"]
