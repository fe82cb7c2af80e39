"""The bundled sample plan (the reference half-year report of อบต.เมืองน้อย, FY2566) and the
statuses its recorded dates imply, written out by hand from the report."""

from datetime import date

from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.status import plan_status
from itacheck.locations import data_files_dir
from itacheck.store.planfile import read_plan_file

MONTHLY_FROM_OCTOBER = [("2566-M01", "done"), ("2566-M02", "overdue"), ("2566-M03", "overdue"),
                        ("2566-M04", "overdue"), ("2566-M05", "overdue"), ("2566-M06", "due_soon")]
QUARTERS = [("2566-Q1", "done"), ("2566-Q2", "due_soon")]

# Half-year round as of 31 March 2566 (2023): work recorded on 25/31 October 2565 is done; monthly
# supervision recorded only in October is overdue for November–February and due on 31 March;
# one-off tasks due in April 2566 and the yearly supervision belong to the annual round.
EXPECTED_HALF_YEAR = {
    "oit10-s1": [("once", "done")], "oit10-s2": [], "oit10-s3": [], "oit10-s4": [],
    "oit10-r1": [("once", "done")], "oit10-r2": [], "oit10-r3": [],
    "e6-s1": [("once", "done")], "e6-s2": [("once", "done")], "e6-s3": [("once", "done")],
    "e6-r1": QUARTERS, "e6-r2": MONTHLY_FROM_OCTOBER,
    "e7-s1": MONTHLY_FROM_OCTOBER, "e7-s2": [("once", "done")], "e7-s3": [("once", "done")],
    "e7-r1": MONTHLY_FROM_OCTOBER, "e7-r2": MONTHLY_FROM_OCTOBER,
    "e9-s1": [("once", "done")], "e9-s2": [("once", "done")], "e9-s3": [("once", "done")],
    "e9-r1": [("2566-H1", "done")], "e9-r2": [("2566-H1", "done")],
    "e10-s1": [("once", "done")], "e10-s2": MONTHLY_FROM_OCTOBER, "e10-r1": QUARTERS, "e10-r2": QUARTERS,
}


def sample():
    return read_plan_file(data_files_dir() / "sample-2566.toml")


def test_sample_plan_has_the_five_measures_of_the_reference_report():
    plan, records = sample()
    assert plan.year == 2566
    assert plan.organisation.name == "องค์การบริหารส่วนตำบลเมืองน้อย"
    assert (plan.organisation.district, plan.organisation.province) == ("กันทรารมย์", "ศรีสะเกษ")
    assert [(m.id, m.tool, m.indicator, m.code) for m in plan.measures] == [
        ("oit10", "OIT", 10, ""), ("e6", "EIT", 7, "e6"), ("e7", "EIT", 7, "e7"),
        ("e9", "EIT", 7, "e9"), ("e10", "EIT", 7, "e10")]
    assert [(len(m.steps), len(m.reporting)) for m in plan.measures] == [(4, 3), (3, 2), (3, 2), (3, 2), (2, 2)]
    assert "อย่างน้อยไตรมาสละ ๑ ครั้ง" in plan.task("e6-r1").text
    assert {r.done_on for r in records} == {date(2022, 10, 25), date(2022, 10, 31), date(2023, 3, 31)}


def test_sample_plan_half_year_status_table():
    plan, records = sample()
    status = plan_status(plan, records, fiscal_round(2566, "half"), date(2023, 3, 31))
    actual = {t.task.id: [(o.occurrence.key, o.status) for o in t.occurrences]
              for m in status.measures for t in m.tasks}
    assert actual == EXPECTED_HALF_YEAR
    per_measure = {m.measure.id: (m.tally.total, m.tally.completed, m.tally["overdue"], m.tally["due_soon"])
                   for m in status.measures}
    assert per_measure == {"oit10": (2, 2, 0, 0), "e6": (11, 5, 4, 2), "e7": (20, 5, 12, 3),
                           "e9": (5, 5, 0, 0), "e10": (11, 4, 4, 3)}
    assert status.tally.as_dict() == {"occurrences": 49, "done": 21, "late": 0, "overdue": 20, "due_soon": 8,
                                      "open": 0, "upcoming": 0, "skipped": 0, "percent_complete": 42.9}


def test_sample_plan_annual_round_at_year_end_has_the_april_deadlines_overdue():
    plan, records = sample()
    status = plan_status(plan, records, fiscal_round(2566, "full"), date(2023, 9, 30))
    by_task = {t.task.id: [(o.occurrence.key, o.status) for o in t.occurrences] for m in status.measures for t in m.tasks}
    assert by_task["oit10-s2"] == [("once", "overdue")]
    assert by_task["oit10-r3"] == [("2566-Y", "due_soon")]
    assert by_task["e9-r1"] == [("2566-H1", "done"), ("2566-H2", "open")]  # due 31 October
    assert len(by_task["e7-r2"]) == 12


def test_every_task_cadence_matches_what_its_wording_suggests_where_it_names_one():
    from itacheck.domain.cadence import parse_cadence

    plan, _ = sample()
    for task in plan.tasks():
        suggested = parse_cadence(task.text)
        if suggested is not None:
            assert suggested.kind == task.cadence.kind, task.id
