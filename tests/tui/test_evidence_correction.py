"""Evidence can be corrected or deleted from the checklist, never silently; and nothing typed in
the form is thrown away by a stray Esc or a colleague's save."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Select, Static, TextArea

from itacheck.store.repository import Repository
from itacheck.tui.app import make_app
from itacheck.tui.dialogs.confirm import ConfirmDialog
from itacheck.tui.dialogs.evidence_form import EvidenceForm
from itacheck.tui.dialogs.record_choice import ADD, RecordChoice
from itacheck.tui.screens.main import MainScreen

TODAY = date(2023, 3, 31)


def _records(repo, task_id, key):
    return [r for r in repo.records(2566) if (r.task_id, r.occurrence) == (task_id, key)]


async def _correct(app, pilot, settle, target, choice):
    app.screen.jump_to(*target)
    await pilot.press("e")
    await settle(pilot)
    chooser = app.screen
    assert isinstance(chooser, RecordChoice)
    chooser.dismiss(choice)
    await settle(pilot)
    assert isinstance(app.screen, EvidenceForm)
    return app.screen


async def test_e_on_a_done_item_corrects_its_record_and_the_audit_log_keeps_the_old_one(repo, tmp_path, settle):
    """Repro: `e` on a done item only added another record; a wrong date or note could not be fixed."""
    evidence = tmp_path / "wrong.pdf"
    evidence.write_bytes(b"wrong file")
    first = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1), note="พิมพ์ผิด", files=[evidence])
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _correct(app, pilot, settle, ("e6", "e6-r1", "2566-Q2"), first.id)
        assert form.query_one("#note", TextArea).text == "พิมพ์ผิด"
        assert form.query_one("#date", Input).value == "๑ ก.พ. ๖๖"
        form.query_one("#note", TextArea).text = "รายงานผู้บริหารแล้ว"
        form.query_one("#drop-files", Select).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        [fixed] = _records(repo, "e6-r1", "2566-Q2")
        assert (fixed.id, fixed.note, fixed.attachments) == (first.id, "รายงานผู้บริหารแล้ว", ())
        assert repo.audit(2566)[0].action == "correct"


async def test_a_record_is_deleted_only_after_a_question(repo, settle):
    first = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1))
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _correct(app, pilot, settle, ("e6", "e6-r1", "2566-Q2"), first.id)
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert _records(repo, "e6-r1", "2566-Q2")
        await pilot.press("ctrl+d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and _records(repo, "e6-r1", "2566-Q2") == []
        assert repo.audit(2566)[0].action == "delete"


async def test_adding_another_record_to_a_done_item_is_still_one_choice_away(repo, settle):
    repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1))
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _correct(app, pilot, settle, ("e6", "e6-r1", "2566-Q2"), ADD)
        assert form.record is None and form.query_one("#note", TextArea).text == ""
        form.query_one("#note", TextArea).text = "อีกฉบับ"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(_records(repo, "e6-r1", "2566-Q2")) == 2


async def test_esc_on_a_filled_form_asks_and_a_colleagues_save_keeps_the_typing(repo, settle):
    app = make_app(repo, today=TODAY, refresh_seconds=0.1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        form.query_one("#note", TextArea).text = "ครึ่งทางแล้ว"
        Repository(repo.data_dir, user="colleague").add_record(2566, "e7-r2", "2566-M05", date(2023, 2, 28))
        await pilot.pause(0.5)  # a few live refreshes
        await settle(pilot)
        assert app.screen is form and form.query_one("#note", TextArea).text == "ครึ่งทางแล้ว"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "ทิ้ง" in str(app.screen.query_one("#confirm-question", Static).render())
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is form and form.query_one("#note", TextArea).text == "ครึ่งทางแล้ว"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and not _records(repo, "e6-r1", "2566-Q2")


async def test_esc_on_an_untouched_form_just_closes_it(repo, settle):
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
