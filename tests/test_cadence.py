from datetime import date

import pytest

from itacheck.domain.cadence import Cadence, describe, occurrences_for, parse_cadence


def spans(cadence: Cadence, year: int = 2566):
    return [(o.key, o.start, o.end, o.due) for o in occurrences_for(cadence, year)]


def test_once_is_due_on_its_date_with_a_window_from_the_fiscal_year_start():
    assert spans(Cadence("once", due=date(2022, 10, 31))) == [
        ("once", date(2022, 10, 1), date(2022, 10, 31), date(2022, 10, 31))]


def test_monthly_has_twelve_windows_from_october_including_february_of_a_leap_year():
    occ = spans(Cadence("monthly"), 2567)
    assert len(occ) == 12
    assert occ[0] == ("2567-M01", date(2023, 10, 1), date(2023, 10, 31), date(2023, 10, 31))
    assert occ[3] == ("2567-M04", date(2024, 1, 1), date(2024, 1, 31), date(2024, 1, 31))
    assert occ[4] == ("2567-M05", date(2024, 2, 1), date(2024, 2, 29), date(2024, 2, 29))
    assert occ[11] == ("2567-M12", date(2024, 9, 1), date(2024, 9, 30), date(2024, 9, 30))


def test_continuous_expects_evidence_each_month():
    assert [k for k, *_ in spans(Cadence("continuous"))] == [f"2566-M{i:02d}" for i in range(1, 13)]


def test_quarterly_follows_fiscal_quarters_across_the_calendar_year():
    assert spans(Cadence("quarterly")) == [
        ("2566-Q1", date(2022, 10, 1), date(2022, 12, 31), date(2022, 12, 31)),
        ("2566-Q2", date(2023, 1, 1), date(2023, 3, 31), date(2023, 3, 31)),
        ("2566-Q3", date(2023, 4, 1), date(2023, 6, 30), date(2023, 6, 30)),
        ("2566-Q4", date(2023, 7, 1), date(2023, 9, 30), date(2023, 9, 30)),
    ]


def test_semiannual_reports_fall_due_in_april_and_in_october_of_the_next_fiscal_year():
    assert spans(Cadence("semiannual", due_months=(4, 10))) == [
        ("2566-H1", date(2022, 10, 1), date(2023, 3, 31), date(2023, 4, 30)),
        ("2566-H2", date(2023, 4, 1), date(2023, 9, 30), date(2023, 10, 31)),
    ]


def test_semiannual_without_due_months_is_due_at_the_end_of_each_half():
    assert [o.due for o in occurrences_for(Cadence("semiannual"), 2566)] == [date(2023, 3, 31), date(2023, 9, 30)]


def test_yearly_covers_the_whole_fiscal_year():
    assert spans(Cadence("yearly")) == [("2566-Y", date(2022, 10, 1), date(2023, 9, 30), date(2023, 9, 30))]


def test_rrule_windows_run_between_rule_dates():
    occ = spans(Cadence("rrule", rule="FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15"))
    assert occ[0] == ("2566-R2022-10-15", date(2022, 10, 1), date(2022, 10, 15), date(2022, 10, 15))
    assert occ[1] == ("2566-R2022-12-15", date(2022, 10, 16), date(2022, 12, 15), date(2022, 12, 15))
    assert occ[-1][2] == date(2023, 8, 15)
    assert len(occ) == 6


@pytest.mark.parametrize("bad", [Cadence, lambda: Cadence("weekly"), lambda: Cadence("once"),
                                 lambda: Cadence("rrule", rule="FREQ=SOMETIMES"),
                                 lambda: Cadence("semiannual", due_months=(13,))])
def test_invalid_cadences_are_value_errors(bad):
    with pytest.raises((ValueError, TypeError)):
        bad()


# Every cadence phrase of the reference report, and common variants.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("เจ้าหน้าที่ผู้รับผิดชอบดำเนินการวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๕ เพื่อกำหนดมาตรการ "
         "และการรายงานติดตามผลภายในเดือนตุลาคม ๒๕๖๕", Cadence("once", due=date(2022, 10, 31))),
        ("เจ้าหน้าที่ผู้รับผิดชอบจัดทำรายงานการดำเนินการตามมาตรการ ภายใน เดือนเมษายน ๒๕๖๖",
         Cadence("once", due=date(2023, 4, 30))),
        ("รายงานให้ผู้บริหารทราบ อย่างน้อยไตรมาสละ ๑ ครั้ง", Cadence("quarterly")),
        ("ให้ผู้บริหารทราบถึงการประชาสัมพันธ์ ไตรมาสละ 1 ครั้ง", Cadence("quarterly")),
        ("ผู้บริหารกำกับติดตามการดำเนินการของเจ้าหน้าที่ทุกไตรมาส", Cadence("quarterly")),
        ("รายงานทุก ๓ เดือน", Cadence("quarterly")),
        ("รายงานผลให้ผู้บริหารทราบทุก ๖ เดือนภายในเดือนเมษายน และเดือนตุลาคม ของทุกปี",
         Cadence("semiannual", due_months=(4, 10))),
        ("ผู้บริหารกำกับติดตามการดำเนินการของเจ้าหน้าที่ทุก ๖ เดือนตามกำหนด", Cadence("semiannual")),
        ("รายงานรอบ ๖ เดือน และรอบ ๑๒ เดือน", Cadence("semiannual")),
        ("ผู้บริหารกำกับติดตามการประชาสัมพันธ์ทุกเดือน", Cadence("monthly")),
        ("รายงานเดือนละ 1 ครั้ง", Cadence("monthly")),
        ("ทบทวนมาตรการปีละ ๑ ครั้ง", Cadence("yearly")),
        ("กำกับให้เจ้าหน้าที่รายงานผลการดำเนินการประชาสัมพันธ์อย่างต่อเนื่อง", Cadence("continuous")),
        ("ดำเนินการประชาสัมพันธ์ทุกภารกิจงานอย่างสม่ำเสมอเป็นปัจจุบัน", Cadence("continuous")),
        ("ตรวจสอบช่องทางร้องเรียนเป็นประจำ", Cadence("continuous")),
        ("ส่งรายงานภายในวันที่ ๑๕ มกราคม ๒๕๖๖", Cadence("once", due=date(2023, 1, 15))),
        ("ภายในวันที่ 30 ก.ย. 66", Cadence("once", due=date(2023, 9, 30))),
    ],
)
def test_parse_cadence_reads_thai_report_wording(text, expected):
    assert parse_cadence(text) == expected


@pytest.mark.parametrize("text", ["รายงานผู้บริหาร", "แจ้งผลภายใน ๑๕ วัน นับแต่ได้รับเรื่อง", "", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"])
def test_parse_cadence_returns_none_when_the_wording_names_no_calendar_cadence(text):
    assert parse_cadence(text) is None


def test_describe_in_thai_and_english():
    assert describe(Cadence("quarterly")) == "ไตรมาสละ ๑ ครั้ง"
    assert describe(Cadence("semiannual", due_months=(4, 10))) == "ทุก ๖ เดือน ภายในเดือนเมษายน และเดือนตุลาคม"
    assert describe(Cadence("once", due=date(2022, 10, 31))) == "ภายในวันที่ ๓๑ ตุลาคม ๒๕๖๕"
    assert describe(Cadence("once", due=date(2022, 10, 31)), digits="arabic") == "ภายในวันที่ 31 ตุลาคม 2565"
    assert describe(Cadence("monthly"), lang="en") == "monthly"
