"""Last year's report in, the plan out: the reference report's text, the same table as a Word
file and as a table pasted from Word give the bundled sample plan."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from report_tables import HEADER, measure_cells, section, title_lines

from itacheck.domain.model import Plan
from itacheck.locations import data_files_dir
from itacheck.reportimport import read_report, read_report_text
from itacheck.store.planfile import read_plan_file

#: The text extracted from the real half-year report the sample plan was taken from.
REFERENCE = Path(__file__).resolve().parents[1] / "data" / "report-2566-half-year-mueangnoi.txt"


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(data_files_dir() / "sample-2566.toml")[0]


def spacing_free(text: str) -> str:
    """``text`` without the spaces next to Thai letters. A PDF's line breaks come out of text
    extraction as spaces (``ดำเนินการ วิเคราะห์``) that nothing can tell from real ones, so the text
    of a PDF is compared without them; a Word file and pasted text are compared exactly."""
    return re.sub(r"\s*([\u0e00-\u0e7f])\s*", r"\1", " ".join(text.split()))


def shape(plan: Plan, normalise=lambda s: s) -> list[tuple]:
    return [(m.id, m.tool, m.indicator, normalise(m.indicator_name), m.code, normalise(m.issue), m.responsible,
             [(t.id, t.role, normalise(t.text), t.cadence) for t in m.tasks]) for m in plan.measures]


def test_the_reference_reports_text_gives_the_sample_plan(sample: Plan):
    draft = read_report(REFERENCE)
    plan = draft.plan
    assert shape(plan, spacing_free) == shape(sample, spacing_free)
    assert (plan.year, plan.organisation.name, plan.organisation.province) == (2566, sample.organisation.name,
                                                                               "ศรีสะเกษ")
    assert spacing_free(plan.intro) == spacing_free(sample.intro)
    # every guess is said: the lost "๑.", the slips fixed, the inferred cadences
    notes = [n.message_en for n in draft.notes]
    assert any("item 1 had lost its number" in n for n in notes)
    assert sum("ผู้บริหา" in n for n in notes) == 3
    assert draft.readings["oit10-r3"].how_en.startswith("no time given")
    assert draft.readings["e9-r2"].how_en.startswith("every 6 months, in the same months")
    assert draft.readings["oit10-s1"].how_en == "the deadline of reporting item 1"
    assert draft.readings["e6-r1"].words and "ไตรมาสละ" in draft.readings["e6-r1"].words
    # results are kept for review with their dates, not recorded
    assert [(r.measure_id, [d.isoformat() for d in r.dates]) for r in draft.results] == [
        ("oit10", ["2022-10-31"]), ("e6", ["2022-10-25"]), ("e7", ["2022-10-25"]), ("e9", ["2023-03-31"]),
        ("e10", ["2022-10-25"])]


def write_docx(plan: Plan, path: Path, *, split_after: int = 2) -> None:
    """The sample as a Word report: title paragraphs, then two tables (as when a report is pasted
    together from pages): section rows merged across the five columns, the header row at the top
    and repeated mid-table as on a new page, each step a numbered paragraph of its cell, and a
    "responsible" cell merged down over two rows that share it."""
    import docx

    document = docx.Document()
    for line in title_lines(plan):
        document.add_paragraph(line)
    groups = [plan.measures[:split_after], plan.measures[split_after:]]
    for group in groups:
        table = document.add_table(rows=0, cols=5)
        _add_row(table, [[h] for h in HEADER])
        current = None
        for n, m in enumerate(group):
            if (m.tool, m.indicator) != current:
                current = (m.tool, m.indicator)
                row = table.add_row().cells
                merged = row[0].merge(row[4])
                merged.text = section(m)
            if n == 1:
                _add_row(table, [[h] for h in HEADER])  # the header again, as at the top of a page
            _add_row(table, measure_cells(m))
    document.save(str(path))


def _add_row(table, cells: list[list[str]]) -> None:
    row = table.add_row().cells
    for cell, paragraphs in zip(row, cells):
        cell.text = paragraphs[0] if paragraphs else ""
        for p in paragraphs[1:]:
            cell.add_paragraph(p)


def test_a_word_file_of_the_same_table_gives_the_sample_plan_exactly(sample: Plan, tmp_path: Path):
    path = tmp_path / "รายงาน ๖ เดือน 2566.docx"
    write_docx(sample, path)
    draft = read_report(path)
    assert shape(draft.plan) == shape(sample)
    assert draft.plan.intro == sample.intro
    assert draft.plan.organisation == sample.organisation
    assert [r.measure_id for r in draft.results] == [m.id for m in sample.measures]


def test_a_vertically_merged_responsible_cell_holds_for_both_rows(sample: Plan, tmp_path: Path):
    import docx

    path = tmp_path / "merged.docx"
    write_docx(sample, path, split_after=5)
    document = docx.Document(str(path))
    table = document.tables[0]
    e9, e10 = table.rows[-2].cells, table.rows[-1].cells
    e9[1].merge(e10[1])
    document.save(str(path))
    e9_units = next(m.responsible for m in read_report(path).plan.measures if m.id == "e9")
    assert next(m.responsible for m in read_report(path).plan.measures if m.id == "e10") == e9_units


def pasted_table(plan: Plan) -> str:
    """The table as Word puts it on the clipboard: cells separated by tabs, a cell with line
    breaks in double quotes; the title and section rows as plain lines."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for line in title_lines(plan):
        out.write(line + "\n")
    writer.writerow(HEADER)
    current = None
    for m in plan.measures:
        if (m.tool, m.indicator) != current:
            current = (m.tool, m.indicator)
            out.write(section(m) + "\n")
        writer.writerow(["\n".join(paragraphs) for paragraphs in measure_cells(m)])
    return out.getvalue()


def test_a_table_pasted_from_word_gives_the_sample_plan_exactly(sample: Plan):
    draft = read_report_text(pasted_table(sample))
    assert shape(draft.plan) == shape(sample)
