"""Importing last year's report in the TUI: path or pasted table → review (every task with its
cadence, guesses marked) → correct a cadence → save → the checklist."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from textual.widgets import Input, OptionList, Select, Static, TextArea

from itacheck.domain.cadence import Cadence
from itacheck.locations import data_files_dir
from itacheck.store.planfile import read_plan_file
from itacheck.store.repository import Repository
from itacheck.tui.app import make_app
from itacheck.tui.dialogs.cadence import CadenceDialog
from itacheck.tui.screens.import_review import ReviewScreen
from itacheck.tui.screens.main import MainScreen
from itacheck.tui.screens.plan_import import ImportScreen
from itacheck.tui.screens.welcome import WelcomeScreen
from itacheck.tui.widgets.plan_tree import PlanTree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan_import"))
from test_reference_report import pasted_table  # noqa: E402

TODAY = date(2023, 3, 31)
SAMPLE = read_plan_file(data_files_dir() / "sample-2566.toml")[0]


async def _to_import_screen(pilot, settle) -> ImportScreen:
    await settle(pilot)
    assert isinstance(pilot.app.screen, WelcomeScreen)
    await pilot.press("down", "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ImportScreen)
    return pilot.app.screen


async def test_welcome_import_paste_review_save_shows_the_checklist(tmp_path: Path, settle) -> None:
    data = tmp_path / "data"
    app = make_app(Repository(data, user="tester"), today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _to_import_screen(pilot, settle)
        screen.query_one("#import-paste", TextArea).text = pasted_table(SAMPLE)
        await pilot.press("ctrl+s")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        title = str(review.query_one("#review-title", Static).render())
        assert "๕ มาตรการ" in title and "๒๖ งาน" in title
        prompts = [str(o.prompt) for o in review.query_one(OptionList)._options]
        assert sum(" · " in p and ("⚠" in p or "✓" in p) for p in prompts) == 26
        assert any("✓ e6-r1 · ไตรมาสละ ๑ ครั้ง" in p for p in prompts)
        assert any("⚠ oit10-r3 · ปีละ ๑ ครั้ง" in p for p in prompts)  # no time in its wording: a guess
        assert not data.exists()  # nothing saved while reviewing
        # correct the guessed cadence of oit10-r3: every six months, due April and October
        listing = review.query_one(OptionList)
        listing.highlighted = listing.get_option_index("oit10-r3")
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CadenceDialog)
        dialog.query_one("#kind", Select).value = "semiannual"
        dialog.query_one("#months", Input).value = "เมษายน ตุลาคม"
        await pilot.pause()
        assert "ครึ่งปีแรก (ครบ ๓๐ เม.ย. ๖๖)" in str(dialog.query_one("#cadence-echo", Static).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("✎ oit10-r3 · ทุก ๖ เดือน" in str(o.prompt) for o in review.query_one(OptionList)._options)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        plan = Repository(data).plan(2566)
        assert [m.id for m in plan.measures] == ["oit10", "e6", "e7", "e9", "e10"]
        assert plan.task("oit10-r3").cadence == Cadence("semiannual", due_months=(4, 10))
        assert app.screen.query_one(PlanTree).measure_id == "oit10"


async def test_a_report_read_from_a_path_can_be_saved_as_next_years_plan(tmp_path: Path, settle) -> None:
    report = tmp_path / "report.txt"
    report.write_text(pasted_table(SAMPLE), encoding="utf-8")
    data = tmp_path / "data"
    app = make_app(Repository(data, user="tester"), today=date(2023, 11, 1), refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _to_import_screen(pilot, settle)
        screen.query_one("#import-path", Input).value = str(tmp_path / "missing.docx")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen) and "missing.docx" in str(
            screen.query_one("#import-state", Static).render())
        screen.query_one("#import-path", Input).value = str(report)
        await pilot.press("enter")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        review.query_one("#target-year", Select).value = 2567
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        repo = Repository(data)
        assert repo.years() == [2567]
        assert repo.plan(2567).task("oit10-s1").cadence == Cadence("once", due=date(2023, 10, 31))
        assert app.period.year == 2567


async def test_importing_into_a_year_that_has_a_plan_asks_before_replacing(repo, settle) -> None:
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    text = pasted_table(SAMPLE).replace("เมืองน้อย", "บ้านใหม่")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(ImportScreen())
        await settle(pilot)
        app.screen.query_one("#import-paste", TextArea).text = text
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "ConfirmDialog" == type(app.screen).__name__
        await pilot.press("n")
        await settle(pilot)
        assert repo.plan(2566).organisation.name == "องค์การบริหารส่วนตำบลเมืองน้อย"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert repo.plan(2566).organisation.name == "องค์การบริหารส่วนตำบลบ้านใหม่"
        assert len(repo.records(2566)) == 21  # the evidence stays


async def test_the_reference_reports_text_pasted_on_the_welcome_screen_becomes_the_checklist(tmp_path, settle):
    """Welcome → import → paste the text of last year's PDF report → review → save → the
    checklist shows its five measures."""
    from test_reference_report import REFERENCE

    data = tmp_path / "data"
    app = make_app(Repository(data, user="tester"), today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _to_import_screen(pilot, settle)
        screen.query_one("#import-paste", TextArea).text = REFERENCE.read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert [str(leaf.data) for leaf in app.screen.query_one(PlanTree)._leaves()] == ["oit10", "e6", "e7", "e9",
                                                                                         "e10"]
        assert Repository(data).plan(2566).organisation.name == "องค์การบริหารส่วนตำบลเมืองน้อย"
