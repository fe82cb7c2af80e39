"""The sample plan's half-year report, read back with real PDF readers (pypdf; poppler's pdftotext
where installed): wording, title block, page numbers, fonts, metadata, reproducibility."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime, timezone

import pypdf
import pytest
from pdfcheck import Built, pdftotext, squash

from itacheck import thai
from itacheck.report import build_report
from itacheck.report.wording import COLUMN_TITLES, TITLE_LINES, localise

A4_LANDSCAPE = (841.89, 595.28)


def plan_texts(status, digits: str = "thai") -> list[tuple[int, str]]:
    """Every piece of plan text a reader must find, with the table column it belongs in."""
    texts = []
    for m in status.plan.measures:
        issue = f"{m.code} {m.issue}" if m.code else m.issue
        texts.extend((0, line) for line in issue.split("\n"))
        texts.extend((1, unit) for unit in m.responsible)
        texts.extend((2, t.text) for t in m.steps)
        texts.extend((3, t.text) for t in m.reporting)
    return [(column, localise(t, digits)) for column, t in texts]


def test_every_measure_comes_back_from_the_pdf_text(half_year: Built, half_status) -> None:
    """Issue, units, steps and reporting items, each in its column, every character as typed
    (rows split over two pages are read across the page break)."""
    missing = [t for column, t in plan_texts(half_status) if t not in half_year.columns[column]]
    assert not missing


def test_recorded_dates_and_outcomes_come_back(half_year: Built) -> None:
    for phrase in ("ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕",
                   "เจ้าหน้าที่สำนักปลัดดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕",
                   "สำนักปลัดดำเนินการแล้วเสร็จ รอบ ๖ เดือน เมื่อวันที่ ๓๑ มีนาคม ๒๕๖๖",
                   "ดำเนินการแล้วเสร็จเมื่อวันที่ ๓๑ มีนาคม ๒๕๖๖",
                   "และรายงานผลเมื่อวันที่ ๓๑ ตุลาคม ๒๕๖๕"):
        assert phrase in half_year.columns[4]


def test_occurrences_not_done_say_so_in_words(half_year: Built) -> None:
    text = half_year.columns[4]
    assert "เดือนพฤศจิกายน ๒๕๖๕ - กุมภาพันธ์ ๒๕๖๖ (๔ เดือน): เกินกำหนด ยังไม่ได้ดำเนินการ" in text
    assert "ไตรมาสที่ ๒: ยังไม่ได้ดำเนินการ ใกล้ครบกำหนด (กำหนดวันที่ ๓๑ มีนาคม ๒๕๖๖)" in text
    assert "ไม่มีกำหนดดำเนินการในรอบนี้ (ภายในวันที่ ๓๐ เมษายน ๒๕๖๖)" in text


def test_title_block_as_in_the_reference(half_year: Built) -> None:
    cover = half_year.pages[0].replace("\n", "")
    for line in (*TITLE_LINES, "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน", "(เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)",
                 "องค์การบริหารส่วนตำบลเมืองน้อย", "อำเภอกันทรารมย์ จังหวัดศรีสะเกษ"):
        assert line in cover
    assert ("มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ องค์การบริหารส่วนตำบลเมืองน้อย "
            "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖") in half_year.text
    assert "จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕" in half_year.text


def test_sections_per_tool_and_indicator_and_summaries(half_year: Built) -> None:
    text = half_year.text
    assert "เครื่องมือการประเมิน OIT ตัวชี้วัดที่ ๑๐ การดำเนินการเพื่อป้องกันการทุจริต" in text
    assert "เครื่องมือการประเมิน EIT ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร" in text
    assert text.index("ตัวชี้วัดที่ ๑๐") < text.index("ตัวชี้วัดที่ ๗")
    assert re.search(r"สรุปผลตัวชี้วัดที่ ๗: ต้องดำเนินการ [๐-๙]+ ครั้ง", text)
    assert "รวมทั้งแผน" in text


def test_table_header_is_on_every_table_page(half_year: Built) -> None:
    table_pages = [p.replace("\n", "") for p in half_year.pages[1:] if "การดำเนินการ" in p]
    assert len(table_pages) >= 2
    for page in table_pages[:-1]:  # the last page holds the summary table
        for title in COLUMN_TITLES:
            assert title.replace(" ", "") in page.replace(" ", "")


def test_page_numbers(half_year: Built) -> None:
    total = len(half_year.pages)
    assert total >= 3
    for number, page in enumerate(half_year.pages[1:], start=2):
        assert f"หน้า {thai.to_thai_digits(str(number))}/{thai.to_thai_digits(str(total))}" in page


def test_pages_are_a4_landscape_and_fonts_embedded(half_year: Built) -> None:
    for page in half_year.reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_LANDSCAPE, abs=0.1)
    fonts = half_year.reader.pages[1]["/Resources"]["/Font"]
    names = set()
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, "font not embedded"
        assert "/ToUnicode" in font
        names.add(str(font["/BaseFont"]))
    assert any("Sarabun" in n and "Bold" not in n for n in names) and any("SarabunBold" in n for n in names)


def test_metadata(half_year: Built) -> None:
    meta = half_year.reader.metadata
    assert meta.title.startswith("รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรม")
    assert "รอบ ๖ เดือน" in meta.title
    assert meta.author == "องค์การบริหารส่วนตำบลเมืองน้อย"
    root = half_year.reader.trailer["/Root"]
    assert root["/Lang"] == "th"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True


def test_copied_text_has_sara_am_and_stacked_marks_intact(half_year: Built) -> None:
    """HarfBuzz draws ำ as two glyphs; stock fpdf2 gave `ประจำ#ปี`. Tall consonants with shifted
    marks gave `ปั้ น` in pypdf. No zero-width spaces are written at all."""
    text = half_year.text
    for word in ("ประจำปีงบประมาณ", "สำนักปลัด", "กำหนด", "ดำเนินการ", "ครบทุกขั้นตอน", "ทั่วถึง"):
        assert word in text
    assert "\u200b" not in text and "#" not in text and "(cid:" not in text
    assert not re.search(r"[\x00-\x08\x0e-\x1f]", text)


def test_poppler_reads_the_same_characters_as_pypdf(half_year: Built) -> None:
    """pdftotext in content order gives, page by page, exactly pypdf's characters (it drops a
    line's trailing space, hence the comparison without whitespace), so everything pypdf finds
    in the table above, poppler finds too."""
    for number, page in enumerate(half_year.pages, start=1):
        raw = pdftotext(half_year.path, "-raw", "-f", str(number), "-l", str(number))
        assert squash(raw) == squash(page), f"page {number}"


def test_poppler_reading_order_text(half_year: Built) -> None:
    text = half_year.poppler_text.replace("\n", " ")  # poppler's own layout analysis
    for phrase in ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน", "(เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)",
                   "๒๕ ตุลาคม ๒๕๖๕", "๓๑ มีนาคม ๒๕๖๖", "อำเภอกันทรารมย์ จังหวัดศรีสะเกษ"):
        assert phrase in text
    assert "ประจำ ปี" not in text and "ปั้ น" not in text and "\u200b" not in text


def test_same_data_gives_identical_bytes(half_status, half_year: Built) -> None:
    assert build_report(half_status) == half_year.data


def test_creation_date_is_the_as_of_date_or_source_date_epoch(half_status, half_year: Built,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert half_year.reader.metadata.creation_date.date().isoformat() == "2023-03-31"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = build_report(half_status)
    assert data != half_year.data
    assert b"D:20231114221320Z" in data or b"D:20231114221320+00'00'" in data
    assert datetime.fromtimestamp(1700000000, tz=timezone.utc).strftime("%Y%m%d") == "20231114"
    assert build_report(half_status) == data


def test_arabic_digits_everywhere(half_year_arabic: Built) -> None:
    text = half_year_arabic.text
    assert not re.search("[๐-๙]", text)
    assert "ประจำปีงบประมาณ พ.ศ. 2566 รอบ 6 เดือน" in text
    assert "25 ตุลาคม 2565" in text and "31 มีนาคม 2566" in text
    assert f"หน้า 2/{len(half_year_arabic.pages)}" in half_year_arabic.pages[1]


def test_bad_digits_are_refused(half_status) -> None:
    with pytest.raises(ValueError):
        build_report(half_status, digits="roman")


def test_annual_report(full_year: Built) -> None:
    text = full_year.text
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๑๒ เดือน" in text
    assert "(เดือนตุลาคม ๒๕๖๕ - กันยายน ๒๕๖๖)" in text
    assert "ขั้นตอนที่ ๒: เกินกำหนด ยังไม่ได้ดำเนินการ (กำหนดวันที่ ๓๐ เมษายน ๒๕๖๖)" in text


def test_pdf_is_well_formed_for_a_strict_reader(half_year: Built) -> None:
    reader = pypdf.PdfReader(half_year.path, strict=True)
    assert len(reader.pages) == len(half_year.pages)


def test_qpdf_finds_no_structural_error(half_year: Built) -> None:
    exe = shutil.which("qpdf")
    if exe is None:
        pytest.skip("qpdf is not installed")
    run = subprocess.run([exe, "--check", str(half_year.path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No syntax or stream encoding errors" in run.stdout


def test_each_embedded_subset_has_its_own_tag(half_year: Built) -> None:
    """Both subsets were named ``MPDFAA+``: a reader that caches fonts by name may draw one with
    the other's glyphs. Each tag is six capital letters (ISO 32000-1, 9.6.4), one per subset, and
    the font, its descendant and its descriptor agree on the name."""
    names = {}
    for page in half_year.reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert font["/BaseFont"] == descendant["/BaseFont"] == descriptor["/FontName"]
            names[ref.idnum] = str(font["/BaseFont"])
    assert len(names) == 2
    tags = [name[1:].split("+")[0] for name in names.values()]
    assert all(re.fullmatch("[A-Z]{6}", tag) for tag in tags), names
    assert len(set(tags)) == 2, names


def test_the_producer_is_named(half_year: Built) -> None:
    import fpdf

    assert half_year.reader.metadata["/Producer"] == f"fpdf2 {fpdf.FPDF_VERSION}"
    assert half_year.reader.metadata["/Creator"].startswith("itacheck ")
