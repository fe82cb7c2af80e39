"""The checklist decides "already recorded?" against the file, not against what it last read, and
never takes back a tick made elsewhere without asking."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from textual.widgets import Input, Static

from itacheck.store.repository import Repository
from itacheck.tui.app import make_app
from itacheck.tui.dialogs.confirm import ConfirmDialog
from itacheck.tui.dialogs.evidence_form import EvidenceForm
from itacheck.tui.screens.main import MainScreen

TODAY = date(2023, 3, 31)


def _records(repo: Repository, task_id: str, key: str):
    return [r for r in repo.records(2566) if (r.task_id, r.occurrence) == (task_id, key)]


def _colleague_ticks(repo: Repository, *args: str) -> None:
    """A colleague's `itacheck tick` in another SSH session: a separate process."""
    done = subprocess.run([sys.executable, "-c", "import sys; from itacheck.cli import main; sys.exit(main())",
                           "--data", str(repo.data_dir), "tick", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


async def test_space_on_a_period_a_colleague_just_recorded_asks_first(repo, settle) -> None:
    """Repro: a CLI tick and Space in the TUI on the same row made two records, because the TUI's
    "already recorded" guard looked at its snapshot (up to 2 s old; here it is never refreshed).
    Now the store refuses under its lock, and the officer is told who recorded it and when and
    asked; only an explicit yes adds a second record."""
    app = make_app(repo, today=TODAY, refresh_seconds=3600)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        _colleague_ticks(repo, "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01")
        [theirs] = _records(repo, "e6-r1", "2566-Q2")
        await pilot.press("space")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert theirs.recorded_by in question and "๑ ก.พ. ๖๖" in question, question
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and len(_records(repo, "e6-r1", "2566-Q2")) == 1
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert len(_records(repo, "e6-r1", "2566-Q2")) == 2


async def test_u_asks_before_undoing_a_tick_made_in_another_terminal(repo, settle) -> None:
    """Repro: `u` undid the latest tick recorded under the officer's name, even one made a minute
    ago in another terminal (or by a colleague sharing the login), without a word. Now only this
    window's own ticks are undone at once; any other is named, with who and when, and asked."""
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        elsewhere = Repository(repo.data_dir, user=repo.user).add_record(2566, "e7-s1", "2566-M02", date(2022, 11, 30))
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert "tester" in question and "๓๐ พ.ย. ๖๕" in question and "พ.ย. ๖๕" in question, question
        await pilot.press("escape")
        await settle(pilot)
        assert [r.id for r in _records(repo, "e7-s1", "2566-M02")] == [elsewhere.id]
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert _records(repo, "e7-s1", "2566-M02") == []
        assert repo.audit(2566)[0].action == "undo"


async def test_this_windows_own_tick_is_undone_at_once_even_after_a_later_one_elsewhere(repo, settle) -> None:
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        await pilot.press("space")
        await settle(pilot)
        Repository(repo.data_dir, user=repo.user).add_record(2566, "e7-s1", "2566-M02", date(2022, 11, 30))
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert _records(repo, "e6-r1", "2566-Q2") == [] and len(_records(repo, "e7-s1", "2566-M02")) == 1


async def test_the_evidence_form_points_out_a_date_outside_the_period(app, repo, settle) -> None:
    """A date done outside the chosen period (January typed for November's item) is pointed out
    as it is typed, and saving it needs a second ctrl+s."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e7", "e7-s1", "2566-M02")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EvidenceForm)
        date_input = form.query_one("#date", Input)
        date_input.value = ""
        date_input.insert_text_at_cursor("15 ม.ค. 66")
        await pilot.pause()
        echo = str(form.query_one("#date-echo", Static).render())
        assert "อยู่นอกช่วง พ.ย. ๖๕" in echo and "๓๐ พ.ย. ๖๕" in echo, echo
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EvidenceForm) and _records(repo, "e7-s1", "2566-M02") == []
        assert "ctrl+s" in str(form.query_one("#errors", Static).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        [record] = _records(repo, "e7-s1", "2566-M02")
        assert record.done_on == date(2023, 1, 15)
