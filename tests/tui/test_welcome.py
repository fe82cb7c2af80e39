"""A data directory without a plan opens on the welcome screen; nothing is created until the
officer chooses how to start."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Static

from itacheck.locations import data_files_dir
from itacheck.store.repository import Repository
from itacheck.tui.app import make_app
from itacheck.tui.screens.import_review import ReviewScreen
from itacheck.tui.screens.main import MainScreen
from itacheck.tui.screens.welcome import WelcomeScreen
from itacheck.tui.widgets.plan_tree import PlanTree

TODAY = date(2023, 3, 31)


async def test_enter_on_the_welcome_screen_loads_the_sample(tmp_path: Path, settle) -> None:
    data = tmp_path / "new" / "data"
    app = make_app(Repository(data, user="tester"), today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert not data.exists()  # nothing is created before the officer chooses
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert Repository(data).plan(2566).organisation.name == "องค์การบริหารส่วนตำบลเมืองน้อย"
        assert app.screen.query_one(PlanTree).measure_id == "oit10"


async def test_a_plan_file_imported_from_the_welcome_screen_opens_its_year(tmp_path: Path, settle) -> None:
    text = (data_files_dir() / "sample-2566.toml").read_text(encoding="utf-8").replace("เมืองน้อย", "บ้านเรา")
    (tmp_path / "ours.toml").write_text(text, encoding="utf-8")
    data = tmp_path / "data"
    app = make_app(Repository(data, user="tester"), today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        path = app.screen.query_one("#import-path", Input)
        assert path.has_focus
        path.insert_text_at_cursor(str(tmp_path / "ours.toml"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)  # a plan file is shown too before it is saved
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.period.year == 2566
        assert "บ้านเรา" in str(app.screen.query_one("#period-bar", Static).render())
        assert len(Repository(data).records(2566)) == 21  # a plan file's records come with it


async def test_a_data_directory_with_a_plan_opens_on_the_checklist(repo, settle) -> None:
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        app.action_welcome()
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")  # the sample: 2566 has a plan already, so nothing is replaced
        await settle(pilot)
        assert "มีแผนอยู่แล้ว" in str(app.screen.query_one("#welcome-state", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
