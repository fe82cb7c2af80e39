"""Plans an officer might really have: empty, half-written, pasted from Word or the web."""

from __future__ import annotations

from datetime import date

import pypdf
from pdfcheck import make_plan

from itacheck.domain.cadence import Cadence
from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.model import Measure, Record, Signatory, Task
from itacheck.domain.status import plan_status
from itacheck.report import build_report


def build(plan, records=(), tmp_path=None):
    status = plan_status(plan, records, fiscal_round(plan.year, "half"), date(2023, 3, 31))
    path = tmp_path / "odd.pdf"
    path.write_bytes(build_report(status))
    reader = pypdf.PdfReader(path)
    return "".join(p.extract_text() for p in reader.pages).replace("\n", ""), reader


def test_a_plan_without_measures_still_makes_a_report(tmp_path) -> None:
    text, reader = build(make_plan([]), tmp_path=tmp_path)
    assert "รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรม" in text and "รวมทั้งแผน" in text
    assert len(reader.pages) == 2


def test_text_pasted_from_elsewhere(tmp_path) -> None:
    once = Cadence("once", due=date(2023, 1, 31))
    url = "https://www.example.go.th/" + "a" * 150
    measure = Measure("m", "OIT", 9, "การป้องกันการทุจริต", "บรรทัดแรก\r\nบรรทัดที่สอง\tมีแท็บ ☐ เครื่องหมาย",
                      ("กองคลัง",), (Task("t", "step", "ขั้นตอนเดียว", once),))
    empty = Measure("n", "OIT", 9, "การป้องกันการทุจริต", "ยังไม่มีขั้นตอน")
    records = [Record("r", "t", "once", date(2023, 1, 5), links=(url,))]
    plan = make_plan([measure, empty], reporter=Signatory("นางสาวสมหญิง ใจดี", "นักวิเคราะห์นโยบายและแผน"))
    text, reader = build(plan, records, tmp_path)
    assert "บรรทัดแรก" in text and "บรรทัดที่สอง มีแท็บ • เครื่องหมาย" in text
    assert url in text  # a URL wider than the column is broken, not lost
    assert "ไม่มีขั้นตอนที่ต้องดำเนินการ" in text
    assert "(นางสาวสมหญิง ใจดี)" in text and "ตำแหน่ง นักวิเคราะห์นโยบายและแผน" in text


def test_a_character_the_font_lacks_is_kept_in_the_text(tmp_path) -> None:
    """Drawn as the font's empty box, but copied text still has it (fpdf2 alone drops it)."""
    measure = Measure("m", "OIT", 9, "การป้องกันการทุจริต", "อักษรจีน 中文 และ 😀 ท้ายประโยค")
    text, _ = build(make_plan([measure]), tmp_path=tmp_path)
    assert "อักษรจีน 中文 และ 😀 ท้ายประโยค" in text
