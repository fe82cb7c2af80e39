"""The report's Thai sentences, as plain strings: what an officer reads in each cell."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfcheck import make_plan

from itacheck.domain.cadence import Cadence
from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.model import Attachment, Measure, Organisation, Record, Signatory, Task
from itacheck.domain.status import plan_status
from itacheck.report import outcomes, wording


def measure(*tasks: Task) -> Measure:
    return Measure("m1", "EIT", 7, "ประสิทธิภาพการสื่อสาร", "ประเด็นทดสอบ", ("สำนักปลัด",), tasks, code="e6")


def outcome(tasks, records, as_of=date(2023, 3, 31), digits="thai", round_name="half") -> list[str]:
    plan = make_plan([measure(*tasks)])
    status = plan_status(plan, records, fiscal_round(2566, round_name), as_of)
    return [p.text for p in outcomes.outcome_paras(status.measures[0], digits)]


ONCE = Cadence("once", due=date(2022, 12, 31))


def test_done_says_who_and_when() -> None:
    task = Task("s1", "step", "ทำแผน", ONCE, responsible="กองคลัง")
    text = outcome([task], [Record("r1", "s1", "once", date(2022, 12, 20))])
    assert text == ["ขั้นตอน: กองคลังดำเนินการแล้วเสร็จเมื่อวันที่ ๒๐ ธันวาคม ๒๕๖๕"]


def test_a_note_that_tells_the_date_is_the_sentence_and_repeats_are_dropped() -> None:
    tasks = [Task("s1", "step", "ก", ONCE), Task("s2", "step", "ข", ONCE)]
    records = [Record("r1", "s1", "once", date(2022, 10, 25), note="เจ้าหน้าที่สำนักปลัดดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕"),
               Record("r2", "s2", "once", date(2022, 10, 25), note="ดำเนินการแล้ว")]
    assert outcome(tasks, records) == [
        "ขั้นตอนที่ ๑: เจ้าหน้าที่สำนักปลัดดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕",
        "ขั้นตอนที่ ๒: ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕",
    ]


def test_late_notes_links_and_files() -> None:
    task = Task("s1", "step", "ก", ONCE)
    record = Record("r1", "s1", "once", date(2023, 1, 5), note="ประชุมคณะทำงาน ครั้งที่ 1/2566",
                    links=("https://example.go.th/ita/1",), attachments=(Attachment("ab" * 32, "รายงาน.pdf", 10),))
    plan = make_plan([measure(task)])
    status = plan_status(plan, [record], fiscal_round(2566, "half"), date(2023, 3, 31))
    paras = outcomes.outcome_paras(status.measures[0], "thai")
    assert [p.text for p in paras] == [
        "ขั้นตอน: ดำเนินการแล้วเสร็จเมื่อวันที่ ๕ มกราคม ๒๕๖๖ ล่าช้ากว่ากำหนด (กำหนดวันที่ ๓๑ ธันวาคม ๒๕๖๕)",
        "ประชุมคณะทำงาน ครั้งที่ ๑/๒๕๖๖",
        "https://example.go.th/ita/1",
        "เอกสารแนบ: รายงาน.pdf",
    ]
    assert paras[2].link == "https://example.go.th/ita/1"  # digits in links are never changed


@pytest.mark.parametrize(("as_of", "words"), [
    (date(2023, 1, 10), "เกินกำหนด ยังไม่ได้ดำเนินการ (กำหนดวันที่ ๓๑ ธันวาคม ๒๕๖๕)"),
    (date(2022, 12, 25), "ยังไม่ได้ดำเนินการ ใกล้ครบกำหนด (กำหนดวันที่ ๓๑ ธันวาคม ๒๕๖๕)"),
    (date(2022, 10, 2), "ยังไม่ได้ดำเนินการ อยู่ในช่วงเวลาดำเนินการ (กำหนดวันที่ ๓๑ ธันวาคม ๒๕๖๕)"),
])
def test_not_done_is_never_blank(as_of: date, words: str) -> None:
    assert outcome([Task("s1", "step", "ก", ONCE)], [], as_of=as_of) == [f"ขั้นตอน: {words}"]


def test_skipped_gives_its_reason() -> None:
    record = Record("r1", "s1", "once", date(2022, 11, 1), note="ไม่มีผู้ร้องเรียนในรอบนี้", skipped=True)
    assert outcome([Task("s1", "step", "ก", ONCE)], [record]) == ["ขั้นตอน: ไม่ต้องดำเนินการ: ไม่มีผู้ร้องเรียนในรอบนี้"]


def test_monthly_runs_are_grouped_and_recorded_months_stand_alone() -> None:
    task = Task("r1", "reporting", "รายงานทุกเดือน", Cadence("monthly"))
    records = [Record("a", "r1", "2566-M01", date(2022, 10, 25)), Record("b", "r1", "2566-M04", date(2023, 1, 20))]
    assert outcome([task], records) == [
        "การรายงานผล: ทุกเดือน",
        "- เดือนตุลาคม ๒๕๖๕: ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕",
        "- เดือนพฤศจิกายน ๒๕๖๕ - ธันวาคม ๒๕๖๕ (๒ เดือน): เกินกำหนด ยังไม่ได้ดำเนินการ",
        "- เดือนมกราคม ๒๕๖๖: ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๐ มกราคม ๒๕๖๖",
        "- เดือนกุมภาพันธ์ ๒๕๖๖: เกินกำหนด ยังไม่ได้ดำเนินการ (กำหนดวันที่ ๒๘ กุมภาพันธ์ ๒๕๖๖)",
        "- เดือนมีนาคม ๒๕๖๖: ยังไม่ได้ดำเนินการ ใกล้ครบกำหนด (กำหนดวันที่ ๓๑ มีนาคม ๒๕๖๖)",
    ]


def test_quarters_halves_and_rules_are_named() -> None:
    tasks = [Task("q", "reporting", "ก", Cadence("quarterly")),
             Task("h", "reporting", "ข", Cadence("semiannual", due_months=(4, 10))),
             Task("x", "reporting", "ค", Cadence("rrule", rule="FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15"))]
    text = outcome(tasks, [], as_of=date(2023, 9, 30), round_name="full")
    assert "- ไตรมาสที่ ๑ - ๓: เกินกำหนด ยังไม่ได้ดำเนินการ" in text
    assert "- รอบ ๖ เดือนหลัง: ยังไม่ได้ดำเนินการ อยู่ในช่วงเวลาดำเนินการ (กำหนดวันที่ ๓๑ ตุลาคม ๒๕๖๖)" in text
    assert "- รอบ ๖ เดือนแรก: เกินกำหนด ยังไม่ได้ดำเนินการ (กำหนดวันที่ ๓๐ เมษายน ๒๕๖๖)" in text
    assert any(line.startswith("- ครั้งกำหนดวันที่ ๑๕ ตุลาคม ๒๕๖๕ - ๑๕ กรกฎาคม ๒๕๖๖ (๔ ครั้ง)") for line in text)


def test_a_task_outside_the_round_says_when_it_is_due() -> None:
    task = Task("s1", "step", "ก", Cadence("once", due=date(2023, 4, 30)))
    assert outcome([task], []) == ["ขั้นตอน: ไม่มีกำหนดดำเนินการในรอบนี้ (ภายในวันที่ ๓๐ เมษายน ๒๕๖๖)"]


def test_arabic_digits() -> None:
    task = Task("s1", "step", "ก", ONCE)
    text = outcome([task], [Record("r1", "s1", "once", date(2022, 12, 20), note="ครั้งที่ ๒")], digits="arabic")
    assert text == ["ขั้นตอน: ดำเนินการแล้วเสร็จเมื่อวันที่ 20 ธันวาคม 2565", "ครั้งที่ 2"]
    assert wording.page_label(3, 12, "arabic") == "หน้า 3/12"
    assert wording.page_label(3, 12, "thai") == "หน้า ๓/๑๒"


def test_numbered_steps_as_in_the_reference() -> None:
    tasks = (Task("a", "step", "แต่งตั้งเจ้าหน้าที่", ONCE), Task("b", "step", "รายงานผู้บริหาร", ONCE))
    paras = wording.task_paras(tasks, "thai")
    assert [p.text for p in paras] == ["๑. แต่งตั้งเจ้าหน้าที่", "๒. รายงานผู้บริหาร"]
    assert paras[0].hang_text == "๑. "
    assert [p.text for p in wording.task_paras(tasks[:1], "thai")] == ["แต่งตั้งเจ้าหน้าที่"]


def test_title_block_words() -> None:
    half = fiscal_round(2566, "half")
    assert wording.fiscal_year_line(half, "thai") == "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน"
    assert wording.months_line(half, "thai") == "(เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)"
    assert wording.months_line(fiscal_round(2566, "full"), "arabic") == "(เดือนตุลาคม 2565 - กันยายน 2566)"
    assert wording.place_line(Organisation("x", "กันทรารมย์", "ศรีสะเกษ")) == "อำเภอกันทรารมย์ จังหวัดศรีสะเกษ"
    assert wording.place_line(Organisation("x", "อำเภอเมือง", "จังหวัดเลย")) == "อำเภอเมือง จังหวัดเลย"
    assert wording.place_line(Organisation("x", "เขตบางรัก", "กรุงเทพมหานคร")) == "เขตบางรัก กรุงเทพมหานคร"
    assert wording.section_title("OIT", 10, "การดำเนินการเพื่อป้องกันการทุจริต", "thai") == \
        "เครื่องมือการประเมิน OIT ตัวชี้วัดที่ ๑๐ การดำเนินการเพื่อป้องกันการทุจริต"


def test_signatures_print_dotted_lines_for_blanks() -> None:
    blank = wording.signature_lines("ผู้รายงาน", Signatory(), "thai")
    assert blank == [f"(ลงชื่อ){wording.DOTS}ผู้รายงาน", f"({wording.DOTS})", f"ตำแหน่ง {wording.DOTS}"]
    named = wording.signature_lines("ผู้อนุมัติ", Signatory("นายสมชาย ใจดี", "นายก อบต."), "thai")
    assert named[1:] == ["(นายสมชาย ใจดี)", "ตำแหน่ง นายก อบต."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789๐๑๒๓๔๕๖๗๘๙กขา ก่\t\r\n\x00\x1f\x7f\u2028\u2029☐□○◦●▪☑☒✓✔•/x", max_size=40),
       st.sampled_from(["thai", "arabic"]))
def test_localise_in_one_pass_does_what_the_line_ends_controls_symbols_and_digits_each_did(text: str,
                                                                                          digits: str) -> None:
    """Line ends, control characters, missing symbols and digits are replaced in one pass over the
    text: the same result as replacing each kind in turn."""
    from itacheck import thai

    each = text.replace("\r\n", "\n").replace("\r", "\n").translate(wording._CONTROL).translate(wording._SYMBOLS)
    each = thai.to_thai_digits(each) if digits == "thai" else thai.to_arabic_digits(each)
    assert wording.localise(text, digits) == each


def test_localise_refuses_other_digits() -> None:
    with pytest.raises(ValueError, match="roman"):
        wording.localise("1", "roman")
