"""The report screen says why a PDF could not be written in the officer's words and path.

Repro: writing into a folder that does not exist showed
``FileNotFoundError: [Errno 2] No such file or directory: '…/.r.pdf.x1y2.tmp'``, the name of a
temporary file the officer never chose.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Input, Static

import itacheck.report
from itacheck.tui.screens.report import ReportScreen


@pytest.fixture
def stand_in_pdf(monkeypatch):
    """The real writer with stand-in PDF bytes: what is tested is where they go."""
    monkeypatch.setattr(itacheck.report, "build_report", lambda status, digits="thai": b"%PDF-1.7 stand-in")


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
async def test_a_report_that_cannot_be_written_names_the_path_typed(app, settle, stand_in_pdf, tmp_path: Path,
                                                                     where: str) -> None:
    target = tmp_path / "missing" / "r.pdf" if where == "missing folder" else tmp_path
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        app.screen.query_one("#pdf-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        state = str(app.screen.query_one("#report-state", Static).render())
    assert str(target) in state and ".tmp" not in state
    assert not re.search(r"[A-Z][a-z]+[A-Z]\w*:", state), state  # no exception class names (WriteFailed: …)
    assert state.startswith("เขียนรายงาน PDF ไม่สำเร็จ: ")
