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


async def test_a_past_rounds_report_from_the_screen_is_as_of_its_deadline_as_on_the_command_line(
        repo, settle, tmp_path: Path) -> None:
    """Repro: in June the officer chose the half-year round (p) and wrote its report: the screen's
    PDF was as of the day in June and counted May's entries, while `itacheck report` (and a
    reprint years later) is as of the round's last deadline. Both now write the same report."""
    from datetime import date

    from itacheck.domain.status import report_as_of
    from itacheck.tui.app import make_app
    from itacheck.tui.session import Period

    june = date(2023, 6, 15)
    half = fiscal_round(2566, "half")
    plan = repo.plan(2566)
    as_of = report_as_of(plan, half, june)
    assert as_of < june
    repo.add_record(2566, "e6-r2", None, date(2023, 5, 20), note="เดือนพฤษภาคม")  # after the deadline
    target = tmp_path / "half.pdf"
    app = make_app(repo, today=june, refresh_seconds=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.set_period(Period(2566, "half", june))
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        title = str(app.screen.query_one("#report-title", Static).render())
        assert "๓๐ เม.ย. ๖๖" in title, title
        app.screen.query_one("#pdf-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
    reader = pypdf.PdfReader(target)
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert "ข้อมูลการดำเนินการ ณ วันที่ ๓๐ เมษายน ๒๕๖๖" in text
    assert printed_summary(reader) == expected_by_indicator(plan_status(plan, repo.records(2566), half, as_of))
