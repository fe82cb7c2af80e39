"""The report screen's real path: `r`, a file name, Enter, and the PDF the officer then opens holds
the round's numbers as the plan's statuses give them (no stand-in for the report module)."""

from __future__ import annotations

from pathlib import Path

import pypdf
from pdf_numbers import expected_by_indicator, printed_summary
from textual.widgets import Input, Static

from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.status import plan_status
from itacheck.tui.screens.report import ReportScreen


async def test_the_report_screen_writes_a_pdf_with_the_rounds_numbers(app, repo, today, settle,
                                                                      tmp_path: Path) -> None:
    target = tmp_path / "รายงาน ๖ เดือน.pdf"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        app.screen.query_one("#pdf-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        state = str(app.screen.query_one("#report-state", Static).render())
        assert "เขียนรายงานแล้ว" in state and str(target) in state
    reader = pypdf.PdfReader(target)
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน" in text
    assert "ข้อมูลการดำเนินการ ณ วันที่ ๓๑ มีนาคม ๒๕๖๖" in text
    plan = repo.plan(2566)
    status = plan_status(plan, repo.records(2566), fiscal_round(2566, "half"), today)
    assert printed_summary(reader) == expected_by_indicator(status)
