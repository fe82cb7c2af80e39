"""The evidence form: Thai dates read back as typed, invalid input explained and nothing saved."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static, TextArea

from itacheck.store.errors import StoreBusy
from itacheck.tui.dialogs.evidence_form import EvidenceForm
from itacheck.tui.screens.main import MainScreen
from itacheck.tui.widgets.evidence_view import EvidenceView


def _records(repo, task_id, key):
    return [r for r in repo.records(2566) if (r.task_id, r.occurrence) == (task_id, key)]


async def _open_form(app, pilot, settle, target=("e6", "e6-r1", "2566-Q2")) -> EvidenceForm:
    await settle(pilot)
    app.screen.jump_to(*target)
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, EvidenceForm)
    return app.screen


async def _type_date(pilot, form: EvidenceForm, text: str) -> None:
    """Clear the date and type ``text`` (inserted as a terminal delivers pasted or IME text)."""
    date_input = form.query_one("#date", Input)
    date_input.focus()
    await pilot.press("end", *["backspace"] * len(date_input.value))
    assert date_input.value == ""
    date_input.insert_text_at_cursor(text)
    await pilot.pause()


async def test_a_thai_date_is_read_back_and_saved(app, repo, settle, tmp_path) -> None:
    evidence = tmp_path / "รายงาน ไตรมาส 2.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence")
    async with app.run_test(size=(100, 30)) as pilot:
        form = await _open_form(app, pilot, settle)
        await _type_date(pilot, form, "๒๕ มีนาคม ๒๕๖๖")
        assert "✓ ๒๕ มีนาคม ๒๕๖๖" in str(form.query_one("#date-echo", Static).render())
        form.query_one("#note", TextArea).text = "[bold]x[/] ส่งรายงานแล้ว"
        form.query_one("#links", Input).value = "https://example.go.th/ita/o43"
        form.query_one("#files", Input).value = str(evidence)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        [record] = _records(repo, "e6-r1", "2566-Q2")
        assert record.done_on == date(2023, 3, 25)
        assert record.note == "[bold]x[/] ส่งรายงานแล้ว"
        assert record.links == ("https://example.go.th/ita/o43",)
        assert record.attachments[0].name == "รายงาน ไตรมาส 2.pdf"
        shown = str(app.screen.query_one(EvidenceView).render())
        assert "[bold]x[/] ส่งรายงานแล้ว" in shown and "รายงาน ไตรมาส 2.pdf" in shown


async def test_an_impossible_date_is_explained_and_nothing_is_saved(app, repo, settle) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        form = await _open_form(app, pilot, settle)
        await _type_date(pilot, form, "๓๑ เมษายน ๒๕๖๖")
        echo = str(form.query_one("#date-echo", Static).render())
        assert echo.startswith("✗") and "เมษายน" in echo and "มี ๓๐ วัน" in echo
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "วันที่ดำเนินการ" in str(form.query_one("#errors", Static).render())
        assert form.query_one("#date", Input).has_focus
        assert _records(repo, "e6-r1", "2566-Q2") == []


async def test_a_future_date_a_bad_link_and_a_missing_file_are_refused(app, repo, settle, tmp_path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        form = await _open_form(app, pilot, settle)
        await _type_date(pilot, form, "2023-04-02")
        form.query_one("#links", Input).value = "javascript:alert(1)"
        form.query_one("#files", Input).value = str(tmp_path / "missing.pdf")
        await pilot.press("ctrl+s")
        await settle(pilot)
        errors = str(form.query_one("#errors", Static).render())
        assert "ยังมาไม่ถึง" in errors and "http" in errors and "ไม่พบไฟล์" in errors
        assert app.screen is form and _records(repo, "e6-r1", "2566-Q2") == []


async def test_not_applicable_needs_a_reason(app, repo, settle) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        form = await _open_form(app, pilot, settle)
        form.query_one("#skipped").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "เหตุผล" in str(form.query_one("#errors", Static).render())
        form.query_one("#note", TextArea).text = "ไม่มีการร้องเรียนในไตรมาสนี้"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [record] = _records(repo, "e6-r1", "2566-Q2")
        assert record.skipped


async def test_a_busy_store_keeps_the_form_and_what_was_typed(app, repo, settle, monkeypatch) -> None:
    def busy(*args, **kwargs):
        raise StoreBusy("ข้อมูลกำลังถูกบันทึกโดยผู้ใช้อื่น (the data is busy)")

    async with app.run_test(size=(100, 30)) as pilot:
        form = await _open_form(app, pilot, settle)
        monkeypatch.setattr(repo, "add_record", busy)
        form.query_one("#note", TextArea).text = "บันทึกสำคัญ"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#note", TextArea).text == "บันทึกสำคัญ"
        assert "busy" in str(form.query_one("#errors", Static).render())
        assert not form.query_one("#save").disabled


async def test_escape_cancels_without_saving(app, repo, settle) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_form(app, pilot, settle)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert _records(repo, "e6-r1", "2566-Q2") == []


async def test_the_form_stays_open_through_a_live_refresh(app, repo, settle) -> None:
    from itacheck.store.repository import Repository

    async with app.run_test(size=(100, 30)) as pilot:
        form = await _open_form(app, pilot, settle)
        form.query_one("#note", TextArea).text = "กำลังพิมพ์"
        token = app.snapshot.token
        Repository(repo.data_dir, user="colleague").add_record(2566, "e7-s1", "2566-M02", date(2023, 3, 1))
        for _ in range(40):
            await pilot.pause(0.1)
            if app.snapshot.token != token:
                break
        await settle(pilot)
        assert app.snapshot.token != token
        assert app.screen is form and form.query_one("#note", TextArea).text == "กำลังพิมพ์"


async def test_space_on_an_old_plan_asks_for_the_date(repo, settle) -> None:
    """Opened today (2026) on the FY2566 plan, "done today" would be refused by the store: Space
    opens the form with no date, and a real date typed there is saved."""
    from itacheck.tui.app import make_app

    app = make_app(repo, today=date(2026, 11, 28))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e6", "e6-r2", "2566-M02")
        await pilot.press("space")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EvidenceForm)
        assert form.query_one("#date", Input).value == ""
        await _type_date(pilot, form, "๑๕ พ.ย. ๖๕")
        await pilot.press("ctrl+s")
        await settle(pilot)
        [record] = _records(repo, "e6-r2", "2566-M02")
        assert record.done_on == date(2022, 11, 15)
