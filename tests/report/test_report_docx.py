"""The Word copy of the report, read back with python-docx and compared with the PDF read back
with pypdf: the same title block, table cells, sections, summary and signatures."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from pdfcheck import Built, sample_status, squash

from itacheck.cli import main
from itacheck.report import build_word
from itacheck.report.content import report_content
from itacheck.report.wording import COLUMN_TITLES, SUMMARY_COLUMNS, TITLE_LINES
from itacheck.report.word import FONT

ZWSP = "\u200b"


@pytest.fixture(scope="module")
def word(half_status) -> docx.document.Document:
    return docx.Document(io.BytesIO(build_word(half_status)))


def cell_paragraphs(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def flat(text: str) -> str:
    """For comparing across the two readers: no whitespace (a PDF line break eats a space, the
    Word copy's numbered paragraphs have a tab after the number) and no break hints."""
    return squash(text.replace(ZWSP, ""))


def measure_rows(table) -> list[list]:
    """The rows of five different cells: not the header, not a band merged across the table."""
    rows = []
    for row in table.rows[1:]:
        cells = row.cells
        if len({id(c._tc) for c in cells}) == 5:
            rows.append(cells)
    return rows


def test_cells_of_the_measures_table_are_the_pdfs(word, half_year: Built, half_status) -> None:
    """Repro: agencies retouch the report in Word and there was no Word copy. Every cell of the
    Word table holds the paragraphs of the report's content model, and each one is found in the
    same column of the PDF (read back with pypdf, rows split over pages whole again)."""
    table = word.tables[0]
    content = report_content(half_status, "thai")
    expected = [row for section in content.sections for row in section.rows]
    rows = measure_rows(table)
    assert len(rows) == len(expected) == len(half_status.measures) == 5
    pdf_columns = [flat(c) for c in half_year.columns]
    for cells, want in zip(rows, expected):
        for column, (cell, paras) in enumerate(zip(cells, want)):
            got = cell_paragraphs(cell)
            assert [flat(g) for g in got] == [flat(p.text) for p in paras]
            for paragraph in got:
                assert flat(paragraph) in pdf_columns[column], (column, paragraph)


def test_header_row_repeats_and_sections_and_summaries_match_the_pdf(word, half_year: Built) -> None:
    table = word.tables[0]
    header = table.rows[0]
    assert [c.text for c in header.cells] == list(COLUMN_TITLES)
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # Word repeats it on every page
    assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in table.rows[1:])
    bands = [row.cells[0].text for row in table.rows[1:] if len({id(c._tc) for c in row.cells}) == 1]
    assert bands[0] == "เครื่องมือการประเมิน OIT ตัวชี้วัดที่ ๑๐ การดำเนินการเพื่อป้องกันการทุจริต"
    assert any(b.startswith("สรุปผลตัวชี้วัดที่ ๗: ต้องดำเนินการ") for b in bands)
    pdf = flat(half_year.text)
    for band in bands:
        assert flat(band) in pdf, band


def test_summary_table_and_signatures_match_the_pdf(word, half_year: Built) -> None:
    summary = word.tables[1]
    assert [c.text for c in summary.rows[0].cells] == list(SUMMARY_COLUMNS)
    assert summary.rows[-1].cells[0].text == "รวมทั้งแผน"
    pdf = flat(half_year.text)
    for row in summary.rows[1:]:
        assert flat("".join(c.text for c in row.cells)) in pdf
    signatures = word.tables[2]
    for cell in signatures.rows[0].cells:
        for line in cell_paragraphs(cell):
            assert flat(line) in pdf
    assert "(ลงชื่อ)" in signatures.rows[0].cells[0].text and "ผู้อนุมัติ" in signatures.rows[0].cells[1].text


def test_title_block_and_intro_as_in_the_pdf(word, half_year: Built) -> None:
    texts = [p.text for p in word.paragraphs if p.text.strip()]
    cover = flat(half_year.pages[0])
    for line in (*TITLE_LINES, "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน", "(เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)",
                 "องค์การบริหารส่วนตำบลเมืองน้อย", "อำเภอกันทรารมย์ จังหวัดศรีสะเกษ"):
        assert line in texts and flat(line) in cover
    pdf = flat(half_year.text)
    for paragraph in texts[6:]:  # heading, intro, as-of line, summary title
        assert flat(paragraph) in pdf, paragraph
    assert "ข้อมูลการดำเนินการ ณ วันที่ ๓๑ มีนาคม ๒๕๖๖" in texts


def test_a4_landscape_thai_font_for_complex_script(word) -> None:
    section = word.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((297, 210), abs=0.01)
    assert section.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE
    normal = word.styles["Normal"].element.rPr
    fonts = normal.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == FONT == "TH SarabunPSK"  # Word takes Thai's font from w:cs
    assert fonts.get(qn("w:ascii")) == FONT
    assert normal.find(qn("w:szCs")) is not None
    assert normal.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
    header_run = word.tables[0].rows[0].cells[0].paragraphs[0].runs[0]._r.rPr
    assert header_run.find(qn("w:bCs")) is not None  # bold Thai needs bCs, not only b


def test_links_are_live_and_pages_numbered(tmp_path) -> None:
    """A record's http(s) link is a hyperlink, as in the PDF; the footer numbers the pages."""
    from datetime import date

    from itacheck.domain.model import Record
    from itacheck.domain.status import plan_status

    status = sample_status()
    task = status.measures[1].tasks[0].task
    record = Record("r-link", task.id, status.measures[1].tasks[0].occurrences[0].occurrence.key, date(2022, 10, 20),
                    links=("https://www.example.go.th/ita/หลักฐาน.pdf", "javascript:alert(1)"))
    status = plan_status(status.plan, [record], status.round, status.as_of)
    document = docx.Document(io.BytesIO(build_word(status)))
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")]
    assert targets == ["https://www.example.go.th/ita/หลักฐาน.pdf"]
    text = "\n".join(p.text for row in document.tables[0].rows for c in row.cells for p in c.paragraphs)
    assert "https://www.example.go.th/ita/หลักฐาน.pdf" in text and "javascript:alert(1)" in text  # shown, not live
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "หน้า" in footer


def test_same_data_gives_identical_bytes_with_fixed_times(half_status, monkeypatch) -> None:
    first = build_word(half_status)
    assert build_word(half_status) == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 3, 31, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    props = docx.Document(io.BytesIO(build_word(half_status))).core_properties
    assert props.created.year == 2023 and props.created.month == 11
    assert props.title.startswith("รายงานการดำเนินการตามมาตรการ") and props.author == "องค์การบริหารส่วนตำบลเมืองน้อย"


def test_arabic_digits_follow_the_option(half_status) -> None:
    document = docx.Document(io.BytesIO(build_word(half_status, digits="arabic")))
    text = "".join(c.text for row in document.tables[0].rows for c in row.cells)
    assert "25 ตุลาคม 2565" in text and not any("๐" <= ch <= "๙" for ch in text)


def test_the_command_writes_the_word_copy(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ITACHECK_DATA", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--sample"]) == 0
    assert main(["report", "--year", "2566", "--round", "half", "--as-of", "2023-03-31", "--format", "docx"]) == 0
    assert "ita-report-2566-half.docx" in capsys.readouterr().out
    document = docx.Document(str(tmp_path / "ita-report-2566-half.docx"))
    assert document.tables[0].rows[0].cells[4].text == "การดำเนินการ"
    assert main(["report", "--format", "odt"]) == 2
