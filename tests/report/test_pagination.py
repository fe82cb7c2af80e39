"""A large plan: 60 measures of long Thai text paginate with the header on every page, rows that
split between pages, every line inside its cell, and no text lost."""

from __future__ import annotations

from datetime import date

import pytest
from pdfcheck import Built, stress_plan

from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.status import plan_status
from itacheck.report import build_report
from itacheck.report.compose import compose
from itacheck.report.content import report_content
from itacheck.report.layout import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Box,
    Text,
)
from itacheck.report.table import PAD_X
from itacheck.report.wording import COLUMN_TITLES, localise


@pytest.fixture(scope="module")
def stress_status():
    plan, records = stress_plan(60)
    return plan_status(plan, records, fiscal_round(2566, "half"), date(2023, 3, 31))


@pytest.fixture(scope="module")
def stress_pdf(tmp_path_factory, stress_status) -> Built:
    path = tmp_path_factory.mktemp("stress") / "stress.pdf"
    data = build_report(stress_status)
    path.write_bytes(data)
    return Built(data, path)


def test_no_text_lost(stress_pdf: Built, stress_status) -> None:
    columns = stress_pdf.columns
    missing = []
    for m in stress_status.plan.measures:
        for column, text in ([(0, f"{m.code} {m.issue}")] + [(1, u) for u in m.responsible]
                             + [(2, t.text) for t in m.steps] + [(3, t.text) for t in m.reporting]):
            if localise(text, "thai") not in columns[column]:
                missing.append((m.id, column))
    assert not missing
    for m in stress_status.plan.measures[:5]:
        for t in m.tasks[:3]:
            assert f"https://www.example.go.th/ita/2566/{t.id}/หลักฐาน.pdf" in columns[4]


def test_header_on_every_table_page(stress_pdf: Built) -> None:
    pages = stress_pdf.pages
    assert len(pages) > 20
    summary = next(i for i, p in enumerate(pages) if "สรุปผลการดำเนินการตามมาตรการ" in p)
    for number, page in enumerate(pages[1:summary], start=2):
        flat = page.replace("\n", "").replace(" ", "")
        for title in COLUMN_TITLES:
            assert title.replace(" ", "") in flat, f"page {number} lacks the header"


def test_rows_continue_under_the_section_title(stress_pdf: Built) -> None:
    continued = [p for p in stress_pdf.pages if "(ต่อ)" in p]
    assert len(continued) > 5


def test_every_line_inside_its_cell_and_the_page(stress_status) -> None:
    pages = compose(report_content(stress_status, "thai"))
    for number, items in enumerate(pages, start=1):
        boxes = [b for b in items if isinstance(b, Box)]
        for box in boxes:
            assert box.y >= MARGIN_TOP - 1e-6 and box.y + box.h <= PAGE_HEIGHT - MARGIN_BOTTOM + 1e-6
        for text in (t for t in items if isinstance(t, Text) and t.text.strip()):
            right = text.x + text.style.width(text.text)
            assert text.x >= MARGIN_LEFT - 1e-6 and right <= PAGE_WIDTH - MARGIN_RIGHT + 1e-6, (number, text.text)
            holders = [b for b in boxes if b.x <= text.x <= b.x + b.w and b.y <= text.top <= b.y + b.h]
            if holders:  # table text: inside the narrowest box that holds it, with its padding
                cell = min(holders, key=lambda b: b.w)
                assert right <= cell.x + cell.w - PAD_X + 1e-6, (number, text.text)
                assert text.top + text.style.line_height <= cell.y + cell.h + 1e-6, (number, text.text)


def test_links_are_clickable(stress_pdf: Built) -> None:
    uris = []
    for page in stress_pdf.reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
    assert "https://www.example.go.th/ita/2566/m1-s1/หลักฐาน.pdf" in uris
