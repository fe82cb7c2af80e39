"""The plan editor as an officer uses it: add a measure and a monthly reporting item, remove a
task that has evidence and restore it, create a plan from nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Select, Static, TextArea

from itacheck.domain.cadence import Cadence, occurrences_for
from itacheck.store.repository import Repository
from itacheck.tui.app import make_app
from itacheck.tui.dialogs.confirm import ConfirmDialog
from itacheck.tui.dialogs.measure_form import MeasureForm
from itacheck.tui.dialogs.plan_header import PlanHeaderForm
from itacheck.tui.dialogs.task_form import TaskForm
from itacheck.tui.screens.audit import AuditScreen
from itacheck.tui.screens.main import MainScreen
from itacheck.tui.screens.plan_editor import EditorScreen

TODAY = date(2023, 3, 31)


async def _editor(pilot, settle) -> EditorScreen:
    await settle(pilot)
    await pilot.press("ctrl+e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, EditorScreen)
    return pilot.app.screen


def _highlight(editor: EditorScreen, option_id: str) -> None:
    listing = editor.query_one(OptionList)
    listing.highlighted = listing.get_option_index(option_id)


async def test_add_a_measure_with_a_monthly_reporting_item(repo, settle) -> None:
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _editor(pilot, settle)
        await pilot.press("m")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MeasureForm)
        form.query_one("#tool", Select).value = "IIT"
        await pilot.pause()
        form.query_one("#indicator", Select).value = 3
        form.query_one("#code", Input).value = "i12"
        form.query_one("#issue", TextArea).text = "บุคลากรรับรู้การใช้อำนาจอย่างเป็นธรรม [bold]ไม่ใช่มาร์กอัป[/]"
        form.query_one("#responsible", Input).value = "สำนักปลัด, กองคลัง"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("r")
        await settle(pilot)
        task_form = app.screen
        assert isinstance(task_form, TaskForm)
        task_form.query_one("#text", TextArea).text = "รายงานผลการดำเนินการให้ผู้บริหารทราบทุกเดือน"
        await pilot.pause()
        echo = str(task_form.query_one("#task-cadence", Static).render())
        assert "ทุกเดือน (ตามข้อความ)" in echo and "๑๒ ครั้งในปีงบประมาณ ๒๕๖๖" in echo, echo
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "ยังไม่บันทึก" in str(editor.query_one("#editor-title", Static).render())
        assert repo.plan(2566).measures[-1].id == "e10"  # nothing saved yet
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = repo.plan(2566)
        measure = saved.measures[-1]
        assert (measure.id, measure.tool, measure.indicator, measure.code) == ("i12", "IIT", 3, "i12")
        assert measure.indicator_name == "การใช้อำนาจ" and measure.responsible == ("สำนักปลัด", "กองคลัง")
        assert "[bold]ไม่ใช่มาร์กอัป[/]" in measure.issue
        [task] = measure.tasks
        assert (task.id, task.role, task.cadence) == ("i12-r1", "reporting", Cadence("monthly"))
        assert len(occurrences_for(task.cadence, 2566)) == 12
        assert repo.audit(2566)[0].action == "edit"


async def test_removing_a_task_with_records_asks_and_the_audit_log_restores_it(repo, settle) -> None:
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    before = repo.plan(2566)
    [evidence] = [r for r in repo.records(2566) if r.task_id == "e7-s1"]
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _editor(pilot, settle)
        _highlight(editor, "t:e7-s1")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "e7-s1" in str(app.screen.query_one("#confirm-question", Static).render())
        await pilot.press("y")
        await settle(pilot)
        assert "t:e7-s1" not in [o.id for o in editor.query_one(OptionList)._options]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)  # the store, under its lock: 1 record would be moved
        await pilot.press("y")
        await settle(pilot)
        assert "e7-s1" not in {t.id for t in repo.plan(2566).tasks()}
        assert evidence.id not in {r.id for r in repo.records(2566)}
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("a")
        await settle(pilot)
        audit = app.screen
        assert isinstance(audit, AuditScreen)
        table = audit.query_one(DataTable)
        row = next(i for i, e in enumerate(audit.entries) if e.action == "edit")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert repo.plan(2566) == before
        assert evidence.id in {r.id for r in repo.records(2566)}


async def test_create_a_plan_from_the_welcome_screen(tmp_path: Path, settle) -> None:
    data = tmp_path / "data"
    app = make_app(Repository(data, user="tester"), today=date(2024, 11, 5), refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        header = app.screen
        assert isinstance(header, PlanHeaderForm)
        header.query_one("#org", Input).value = "เทศบาลตำบลตัวอย่าง"
        header.query_one("#province", Input).value = "ขอนแก่น"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("m")
        await settle(pilot)
        app.screen.query_one("#issue", TextArea).text = "มาตรการภายในเพื่อป้องกันการทุจริต"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        plan = Repository(data).plan(2568)  # the fiscal year of 5 November 2024
        assert plan.organisation.name == "เทศบาลตำบลตัวอย่าง" and len(plan.measures) == 1
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and app.period.year == 2568


async def test_an_item_code_missing_from_the_catalogue_is_kept_in_the_agencys(repo, settle) -> None:
    """The editor offers the year's catalogue and lets the agency correct it: an OIT item numbered
    differently this year (o26) is recorded, with its text, in DATA/catalogue.toml."""
    from itacheck.store.catalogue_file import catalogue_for

    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await _editor(pilot, settle)
        await pilot.press("m")
        await settle(pilot)
        form = app.screen
        form.query_one("#tool", Select).value = "OIT"
        await pilot.pause()
        form.query_one("#indicator", Select).value = 10
        form.query_one("#code", Input).value = "o26"
        await pilot.pause()
        assert form.query_one("#item-text-field").display
        form.query_one("#item-text", Input).value = "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
        form.query_one("#issue", TextArea).text = "มาตรการภายในเพื่อป้องกันการทุจริต"
        await pilot.press("ctrl+s")
        await settle(pilot)
        item = catalogue_for(2566, repo.data_dir).item("o26")
        assert item is not None and item.indicator == 10 and item.text.startswith("การดำเนินการตามมาตรการ")
        assert catalogue_for(2566).item("o26") is None  # the bundled catalogue is untouched
        assert catalogue_for(2566, repo.data_dir).item("e6") is not None  # the year's other items stay
        await pilot.press("m")
        await settle(pilot)
        app.screen.query_one("#code", Input).value = "O26"
        await pilot.pause()
        assert "✓ o26" in str(app.screen.query_one("#items", Static).render())
