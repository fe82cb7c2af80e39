"""What needs doing, one line per task (the dashboard and `itacheck due`)."""

from __future__ import annotations

from datetime import date

from itacheck.domain.attention import attention, natural_key
from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.status import plan_status
from itacheck.labels import attention_line
from itacheck.store.repository import Repository


def _status(repo: Repository, as_of: date = date(2023, 3, 31)):
    return plan_status(repo.plan(2566), repo.records(2566), fiscal_round(2566, "half"), as_of)


def test_a_monthly_task_overdue_for_five_months_is_one_line(repo: Repository):
    """Repro: a monthly step overdue for five months filled five lines of the dashboard (20 lines
    for the sample); now each task is one line naming its periods."""
    overdue, soon = attention(_status(repo))
    e7_s1 = next(a for a in overdue if a.task.task.id == "e7-s1")
    assert [o.occurrence.key for o in e7_s1.occurrences] == ["2566-M02", "2566-M03", "2566-M04", "2566-M05"]
    assert attention_line(e7_s1) == "e7 ขั้นตอน ๑ · ! เกินกำหนด ๔ เดือน (พ.ย. ๖๕ – ก.พ. ๖๖)"
    assert attention_line(e7_s1, "en") == "e7 step 1 · ! overdue 4 months (Nov 2022 – Feb 2023)"
    assert len({(a.task.task.id, a.kind) for a in overdue}) == len(overdue)  # one line per task
    assert sum(len(a.occurrences) for a in overdue) == 20  # the sample's overdue periods, all there


def test_lines_follow_the_plans_codes_naturally_and_say_when_soon_items_are_due(repo: Repository):
    overdue, soon = attention(_status(repo))
    codes = [a.measure.measure.code or a.measure.measure.id for a in overdue]
    assert codes == sorted(codes, key=natural_key) and codes.index("e7") < codes.index("e10")
    e6_r1 = next(a for a in soon if a.task.task.id == "e6-r1")
    assert attention_line(e6_r1) == "e6 การรายงาน ๑ · • ใกล้ครบกำหนด (ไตรมาส ๒ · กำหนด ๓๑ มี.ค. ๖๖)"


def test_natural_order_of_codes():
    assert sorted(["e10", "e6", "oit10", "e9", "i2"], key=natural_key) == ["e6", "e9", "e10", "i2", "oit10"]
