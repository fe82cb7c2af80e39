"""Where a table row, a section and the signatures meet the foot of a page.

A row that goes over a page is split between the paragraphs or bullets of each cell, or inside a
paragraph only with two lines of it on each side and never just before a date (``…เมื่อวันที่`` /
``๒๕ ตุลาคม ๒๕๖๕``); a cell's heading (``การรายงานผลที่ ๑: ทุกเดือน``) goes with its first bullet;
at least two lines of the row stay on each page. A section starts at the foot of a page when its
title, the header and two lines of its first row fit there. The signatures stay with the summary.

Each rule is tried with every sample row started at every height of the page: the split each
layout makes is read back from the drawn lines and judged against the paragraphs they came from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from pdfcheck import FULL_YEAR_AS_OF, Built, sample_status

from itacheck.report import outcomes, wording
from itacheck.report.compose import compose
from itacheck.report.content import report_content
from itacheck.report.layout import MARGIN_LEFT, Flow, Style, Text
from itacheck.report.table import PAD_X, Column, Table
from itacheck.report.wording import Para
from itacheck.thaitext.segment import KEEP_TOGETHER

#: The report's five columns (mm), written here rather than read from the code under test.
WIDTHS = (50.0, 27.0, 61.0, 57.0, 72.0)
LINE = 10.5 * 1.4 * 25.4 / 72  # a body line: Sarabun 10.5 pt with a leading of 1.4, in mm
LINE_STYLE = Style(14, bold=True)
TITLE = "เครื่องมือการประเมิน EIT ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร"


@dataclass(frozen=True)
class Placed:
    """A row laid out from the top of a page that had ``room`` mm left: for each cell, its lines
    (text, paragraph number, whether the paragraph heads bullets) and the page of each."""

    room: float
    cells: list[list[tuple[str, int, bool]]]
    pages: list[list[int]]


def sample_rows() -> list[list[list[Para]]]:
    status = sample_status()
    return [[wording.issue_paras(m.measure, "thai"), wording.responsible_paras(m.measure, "thai"),
             wording.task_paras(m.measure.steps, "thai"), wording.task_paras(m.measure.reporting, "thai"),
             outcomes.outcome_paras(m, "thai")] for m in status.measures]


def paragraph_lines(table: Table, cells: list[list[Para]]) -> list[list[tuple[str, int, bool]]]:
    """Each cell's lines with the paragraph they belong to, wrapped as the table wraps them, and
    whether that paragraph is a heading: the paragraph after it is indented further (a bullet)."""
    out = []
    for paras, column in zip(cells, table.columns):
        lines = []
        for number, para in enumerate(paras):
            heading = number + 1 < len(paras) and paras[number + 1].indent > para.indent
            for line in table.cell_lines([para], column):
                lines.append((line.text, number, heading))
        out.append(lines)
    return out


def place(cells: list[list[Para]], room: float, then: float = 0.0) -> Placed:
    flow = Flow()
    flow.new_page()
    table = Table(flow, [Column(str(i), w) for i, w in enumerate(WIDTHS)])
    table.begin()
    table.section_band(TITLE)
    flow.y = flow.bottom - room
    table.row(cells, then=then)
    table.end()
    edges = [MARGIN_LEFT]
    for width in WIDTHS:
        edges.append(edges[-1] + width)
    pages: list[list[int]] = [[] for _ in WIDTHS]
    for number, items in enumerate(flow.pages):
        for item in items:
            if isinstance(item, Text) and not item.style.bold and item.text.strip():
                column = max(i for i, edge in enumerate(edges[:-1]) if item.x >= edge + PAD_X - 1e-6)
                pages[column].append(number)
    lines = paragraph_lines(table, cells)
    for column, cell in enumerate(lines):
        assert len([t for t, _, _ in cell if t.strip()]) == len(pages[column]), "a line was lost or doubled"
    return Placed(room, lines, pages)


def bad_breaks(placed: Placed) -> list[str]:
    """The rules a row's page breaks break, in words."""
    problems = []
    firsts, rests = [], []
    for column, (cell, pages) in enumerate(zip(placed.cells, placed.pages)):
        cell = [c for c in cell if c[0].strip()]
        at = [i for i in range(1, len(pages)) if pages[i] != pages[i - 1]]
        firsts.append(at[0] if at else len(pages))
        rests.append(len(pages) - at[-1] if at else 0)
        for s in at:
            (text, para, keep), (following, next_para, _) = cell[s - 1], cell[s]
            where = f"room {placed.room:.1f} mm, column {column}: {text!r} / {following!r}"
            if para == next_para:
                before = sum(1 for c in cell[:s] if c[1] == para)
                after = sum(1 for c in cell[s:] if c[1] == para)
                if before < 2 or after < 2:
                    problems.append(f"a paragraph split {before}/{after} ({where})")
                if KEEP_TOGETHER.match(following):
                    problems.append(f"a date parted from its label ({where})")
            elif keep:  # `keep`: the paragraph heads bullets
                problems.append(f"a heading parted from its first bullet ({where})")
    if any(rests):
        if max(firsts) < 2:
            problems.append(f"fewer than two lines before the page break (room {placed.room:.1f} mm)")
        if max(rests) < 2:
            problems.append(f"fewer than two lines after the page break (room {placed.room:.1f} mm)")
    return problems


@pytest.mark.parametrize("index", range(5), ids=["oit10", "e6", "e7", "e9", "e10"])
def test_every_sample_row_splits_only_where_a_typesetter_would(index: int) -> None:
    """The row started at every height of the page, in steps of a third of a line."""
    row = sample_rows()[index]
    problems, splits = [], 0
    for step in range(3, 3 * 36):
        placed = place(row, step * LINE / 3)
        splits += any(len(set(p)) > 1 for p in placed.pages)
        problems += bad_breaks(placed)
    assert splits > 20  # the sweep did split the row, many ways
    assert not problems, "\n".join(problems[:10])


def test_a_bullet_is_not_split_and_its_heading_goes_with_it() -> None:
    """``- เดือนพฤศจิกายน ๒๕๖๕ - มีนาคม ๒๕๖๖`` ended page 3 and ``(๕ เดือน): เกินกำหนด…`` opened page 4."""
    head = Para("การรายงานผลที่ ๒: อย่างต่อเนื่อง (ทุกเดือน)", hang=1, keep_with_next=True)
    bullet = Para("- เดือนพฤศจิกายน ๒๕๖๕ - มีนาคม ๒๕๖๖ (๕ เดือน): เกินกำหนด ยังไม่ได้ดำเนินการ", indent=1, hang=1)
    filler = [Para("ขั้นตอน: ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕")] * 3
    cells = [[Para("ก")], [Para("ข")], [Para("ค")], [Para("ง")], [*filler, head, bullet]]
    seen = set()
    for step in range(6, 60):
        placed = place(cells, step * LINE / 4)
        assert not bad_breaks(placed)
        pages = placed.pages[4]
        seen.add(tuple(pages))
        bullet_pages = {p for (text, para, _), p in zip(placed.cells[4], pages) if para == 4}
        head_page = next(p for (text, para, _), p in zip(placed.cells[4], pages) if para == 3)
        assert len(bullet_pages) == 1 and head_page in bullet_pages
    assert len(seen) > 2


def test_a_date_stays_with_its_label() -> None:
    """A long paragraph whose lines end ``…แล้วเสร็จภายใน`` is never split before the date."""
    sentence = "เจ้าหน้าที่สำนักปลัดดำเนินการแล้วเสร็จภายใน ๒๕ ตุลาคม ๒๕๖๕ "
    cells = [[Para("ก")], [Para("ข")], [Para("ค")], [Para("ง")], [Para(sentence * 6)]]
    dates = 0
    for step in range(6, 90):
        placed = place(cells, step * LINE / 4)
        assert not bad_breaks(placed)
        dates += sum(1 for text, _, _ in placed.cells[4] if KEEP_TOGETHER.match(text))
    assert dates  # lines do start with a date: the rule had a choice to make


def test_a_row_never_leaves_one_line_alone_on_the_next_page() -> None:
    """Six one-line paragraphs with room for five: the sixth would go over alone; two go."""
    cells = [[Para("ก")], [Para("ข")], [Para("ค")], [Para("ง")],
             [Para(f"ขั้นตอนที่ {n}: ดำเนินการแล้วเสร็จ") for n in "๑๒๓๔๕๖"]]
    title = header = LINE + 2  # one line each, with the cell's padding (columns are named "0" to "4")
    for lines in range(2, 8):
        placed = place(cells, title + header + lines * LINE + 2 + 0.5)
        assert not bad_breaks(placed), lines
        assert placed.pages[4].count(1) in (0, 2, 3, 4, 5, 6), (lines, placed.pages[4])


def test_a_section_starts_at_the_foot_of_a_page_when_two_lines_fit() -> None:
    """Title, header and two lines of the first row fit: the row starts here and goes on over the
    page (it used to move whole, leaving a quarter of the page empty)."""
    row = sample_rows()[1]  # e6: longer than any room left at the foot of a page
    title, header, two_lines = LINE + 2, LINE + 2, 2 * LINE + 2  # each with its cell padding
    placed = place(row, title + header + two_lines + 1)
    assert min(min(p) for p in placed.pages if p) == 0, "the row did not start on the first page"
    assert not bad_breaks(placed)


def test_what_must_follow_a_row_takes_two_of_its_lines_over() -> None:
    """An indicator's summary that does not fit below the row's last line takes two lines of the
    row to the next page, never one."""
    cells = [[Para("ก")], [Para("ข")], [Para("ค")], [Para("ง")],
             [Para(f"ขั้นตอนที่ {n}: ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕") for n in "๑๒๓๔๕๖"]]
    placed = place(cells, LINE * 8 + 2 + 15, then=20.0)
    assert not bad_breaks(placed)
    assert 0 in placed.pages[4] and placed.pages[4].count(1) >= 2


def test_the_half_year_report_starts_the_eit_section_on_page_two(half_year: Built) -> None:
    assert "เครื่องมือการประเมิน EIT ตัวชี้วัดที่ ๗" in half_year.pages[1].replace("\n", "")


@pytest.mark.parametrize("report", ["half_year", "full_year"])
def test_the_signatures_stay_with_the_summary(report: str, request: pytest.FixtureRequest) -> None:
    built: Built = request.getfixturevalue(report)
    last = built.pages[-1].replace("\n", "")
    assert "(ลงชื่อ)" in last and "รวมทั้งแผน" in last


def summary_rows(count: int) -> list[list[str]]:
    rows = [[f"EIT ตัวชี้วัดที่ {n}", "๑", "๑", "๐", "๐", "๐", "๐", "๑๐๐.๐"] for n in range(1, count)]
    return rows + [["รวมทั้งแผน", "๔", "๔", "๐", "๐", "๐", "๐", "๑๐๐.๐"]]


def place_summary(rows: list[list[str]], start: float, then: float) -> tuple[Flow, list[int]]:
    """The summary table laid out from ``start`` mm down the first page: the flow, and the page
    of each row."""
    widths = (83.0, 27.0, 24.0, 24.0, 24.0, 24.0, 27.0, 34.0)
    flow = Flow()
    flow.new_page()
    flow.y += start
    table = Table(flow, [Column(str(i), w) for i, w in enumerate(widths)], caption=("สรุปผล", LINE_STYLE))
    table.begin()
    table.rows_of_text(rows, then=then)
    table.end()
    pages = [n for n, items in enumerate(flow.pages) for item in items
             if isinstance(item, Text) and item.text.startswith(("EIT", "รวม"))]
    assert len(pages) == len(rows)
    return flow, pages


def test_a_summary_longer_than_a_page_keeps_its_last_rows_with_the_signatures() -> None:
    rows = summary_rows(40)
    for step in range(0, 120, 3):
        flow, pages = place_summary(rows, step * 1.5, 30.0)
        assert flow.room >= 30.0, f"start {step * 1.5} mm: no room for the signatures"
        assert pages.count(pages[-1]) >= 2
        assert pages.count(pages[0]) >= 2 or pages[0] > 0


def test_the_signatures_never_end_up_alone_below_the_summary() -> None:
    """The summary table started at every height of the page: what follows it (the signatures,
    30 mm) always has room on the page of its last rows, which holds two rows at least, and a table
    that a page can hold is never split."""
    rows = summary_rows(5)
    for step in range(0, 120):
        flow, pages = place_summary(rows, step * 1.5, 30.0)
        assert flow.room >= 30.0, f"start {step * 1.5} mm: no room for the signatures"
        assert len(set(pages)) == 1, f"start {step * 1.5} mm: a table a page holds was split"


def test_the_report_keeps_the_signatures_with_the_summary_wherever_it_ends() -> None:
    """The sample's report with its introduction made longer a line at a time, so that the summary
    meets the foot of a page at every height: the signatures are always on the page of the plan's
    total row (the annual report's last page used to hold the signatures alone)."""
    content = report_content(sample_status("full", FULL_YEAR_AS_OF), "thai")
    for extra in range(0, 36):
        pages = compose(replace(content, intro=content.intro + "\nเพิ่มเติม" * extra))
        texts = ["".join(i.text for i in items if isinstance(i, Text)) for items in pages]
        signed = [n for n, text in enumerate(texts) if "(ลงชื่อ)" in text]
        assert signed and all("รวมทั้งแผน" in texts[n] for n in signed), f"{extra} lines more: {len(pages)} pages"
