"""Dashboard, report, audit log, help, command palette and the language toggle."""

from __future__ import annotations

import sys
import time
import types
import unicodedata

from textual.binding import Binding
from textual.widgets import DataTable, Input, OptionList, Static

from itacheck.tui.screens.audit import AuditScreen
from itacheck.tui.screens.dashboard import DashboardScreen
from itacheck.tui.screens.help import HelpScreen
from itacheck.tui.screens.main import MainScreen
from itacheck.tui.screens.report import ReportScreen
from itacheck.tui.widgets.checklist import Checklist


def _text(widget) -> str:
    return str(widget.render())


async def test_dashboard_lists_overdue_items_and_enter_jumps_to_one(app, settle) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        options = app.screen.query_one("#attention", OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert "e6\te6-r2\t2566-M02" in ids  # monthly supervision of November 2022: overdue
        first = options.get_option_at_index(options.highlighted)
        assert "! เกินกำหนด" in str(first.prompt)
        table = app.screen.query_one("#indicators", DataTable)
        assert table.row_count == 3  # OIT 10, EIT 7, total
        options.highlighted = ids.index("e6\te6-r2\t2566-M02")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        task, occ = app.screen.query_one(Checklist).current
        assert (task.task.id, occ.occurrence.key, occ.status) == ("e6-r2", "2566-M02", "overdue")


async def test_report_says_plainly_when_the_pdf_module_is_missing(app, settle, monkeypatch, tmp_path) -> None:
    monkeypatch.setitem(sys.modules, "itacheck.report", None)  # import fails as it did before it existed
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        summary = _text(app.screen.query_one("#summary", Static))
        assert "ตัวชี้วัดที่ ๗" in summary and "e6" in summary
        state = _text(app.screen.query_one("#report-state", Static))
        assert "ยังเขียนรายงาน PDF ไม่ได้" in state
        app.screen.query_one("#pdf-path", Input).value = str(tmp_path / "r.pdf")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "ยังเขียนรายงาน PDF ไม่ได้" in _text(app.screen.query_one("#report-state", Static))
        assert not (tmp_path / "r.pdf").exists()


async def test_report_writes_the_pdf_through_the_report_module(app, settle, monkeypatch, tmp_path) -> None:
    calls = []

    def write_report(status, path, *, digits="thai", format="pdf"):
        calls.append((status.round.name, digits))
        path.write_bytes(b"%PDF-1.7 fake")
        return b"%PDF-1.7 fake"

    monkeypatch.setitem(sys.modules, "itacheck.report", types.SimpleNamespace(write_report=write_report))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one("#pdf-path", Input).value = str(tmp_path / "รายงาน.pdf")
        await pilot.press("enter")
        await settle(pilot)
        assert calls == [("half", "thai")]
        assert (tmp_path / "รายงาน.pdf").read_bytes().startswith(b"%PDF")
        assert "เขียนรายงานแล้ว" in _text(app.screen.query_one("#report-state", Static))


async def test_report_refuses_a_quarter_and_shows_a_failure(app, settle, monkeypatch, tmp_path) -> None:
    def write_report(status, path, *, digits="thai", format="pdf"):
        raise OSError("No space left on device")

    monkeypatch.setitem(sys.modules, "itacheck.report", types.SimpleNamespace(write_report=write_report))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "No space left" in _text(app.screen.query_one("#report-state", Static))
        await pilot.press("escape", "n", "n", "n")  # half → full → q1 → q2
        await settle(pilot)
        await pilot.press("r", "ctrl+s")
        await settle(pilot)
        assert "รอบ ๖ เดือน หรือรอบ ๑๒ เดือน" in _text(app.screen.query_one("#report-state", Static))


async def test_audit_log_shows_who_did_what(app, settle) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        app.screen.jump_to("e10", "e10-r1", "2566-Q1")  # the checklist is elsewhere when the log opens
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AuditScreen)
        table = app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        # each row says when, who, what, which task and which period (before, every row read the
        # same truncated task text)
        assert rows[0][1:5] == ["tester", "ย้อนกลับ", "e6-r1", "ไตรมาส ๒"]
        assert rows[1][1:5] == ["tester", "บันทึกว่าเสร็จ", "e6-r1", "ไตรมาส ๒"]
        assert rows[0][0].endswith("น.") and rows[0][5].startswith("เจ้าหน้าที่ผู้รับผิดชอบรายงานสรุป")
        assert rows[-1][2] == "นำเข้าแผน"
        # Enter on a row about a task goes to it in the checklist
        await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        task, occ = app.screen.query_one(Checklist).current
        assert (task.task.id, occ.occurrence.key) == ("e6-r1", "2566-Q2")


async def test_help_lists_every_key(app, settle) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help Static").render())
        from itacheck.tui.app import ItaCheckApp

        for cls in (ItaCheckApp, MainScreen, DashboardScreen, ReportScreen, AuditScreen):
            for binding in cls.BINDINGS:
                for key in binding.key.split(","):
                    shown = f"◌{unicodedata.lookup(key.replace('_', ' '))}" if key.startswith("thai_character_") \
                        else app.get_key_display(Binding(key, binding.action))
                    assert shown in text, key
        assert "เกินกำหนด" in text and "space" in text.lower()
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_language_toggle_and_english_start(app, settle) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "ปีงบประมาณ" in _text(app.screen.query_one("#period-bar", Static))
        footer_keys = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "หลักฐาน" in footer_keys
        await pilot.press("l")
        await settle(pilot)
        assert "fiscal year 2566 half-year" in _text(app.screen.query_one("#period-bar", Static))
        assert "Evidence" in {b.binding.description for b in app.screen.active_bindings.values()}
        _, occ = app.screen.query_one(Checklist).current
        assert occ is not None


async def _search_palette(pilot, text: str, shown: str) -> list[str]:
    """Type ``text`` into the open command palette and wait until an option holding ``shown`` is
    listed: the search runs in the background, and on a loaded machine it takes its time."""
    from textual.command import CommandList

    pilot.app.screen.query_one(Input).value = text
    deadline = time.monotonic() + 30
    while True:
        await pilot.pause(0.05)
        options = [str(o.prompt) for o in pilot.app.screen.query_one(CommandList)._options]
        if any(shown in o for o in options) or time.monotonic() > deadline:
            return options


async def test_command_palette_opens_the_dashboard(app, settle) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await _search_palette(pilot, "ภาพรวม", "ภาพรวม")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_keys_work_with_a_thai_keyboard_layout(app, settle) -> None:
    """ก is on the d key of the Kedmanee layout: no need to switch to English first."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ก")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("escape", "ฦ")
        assert isinstance(app.screen, HelpScreen)


async def test_command_palette_finds_a_measure_whose_text_looks_like_markup(repo, today, settle) -> None:
    from dataclasses import replace

    from itacheck.tui.app import make_app

    plan = repo.plan(2566)
    measures = tuple(replace(m, issue="ช่องทาง [$accent]ร้องเรียน[/] [@click=app.quit]x\\\\") if m.id == "e10" else m
                     for m in plan.measures)
    repo.import_plan(replace(plan, measures=measures))
    app = make_app(repo, today=today)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await _search_palette(pilot, "e10", "e10")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and app.is_running
        assert app.screen.query_one(Checklist).has_focus
        task, _ = app.screen.query_one(Checklist).current
        assert task.task.id.startswith("e10-")


async def test_the_palette_and_the_forms_speak_the_officers_language(app, settle) -> None:
    """Repro: the palette said `Search for commands…` and `No matches found` in Thai mode; English
    mode showed Thai dates in the period dialog; the audit title read `1 entries`."""
    from itacheck.tui.dialogs.period import PeriodDialog

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(Input).placeholder == "ค้นหาคำสั่ง…"
        shown = await _search_palette(pilot, "zzzzqq", "ไม่พบคำสั่งที่ตรงกัน")
        assert any("ไม่พบคำสั่งที่ตรงกัน" in s for s in shown), shown
        await pilot.press("escape")
        await pilot.press("l")  # English
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PeriodDialog)
        echo = _text(app.screen.query_one("#as-of-echo", Static))
        assert "31 March 2023" in echo and "มีนาคม" not in echo
