"""Start-up: the screen comes first, the year file after it; the modules the first screen does not
need are imported when they are used."""

from __future__ import annotations

import subprocess
import sys
import threading

from textual.widgets import Static

from itacheck.tui.app import make_app
from itacheck.tui.widgets.plan_tree import PlanTree


async def test_the_screen_is_drawn_before_the_year_file_is_read(repo, today, settle) -> None:
    """A big year takes a second to read: the officer sees the screen, saying it is loading, before
    the read starts (a read started first would also share the interpreter with drawing it), and
    the data follow without a key being pressed. Repro: start the app with a read that waits
    until it is let go; the screen must be on the terminal by the time the read is asked for."""
    app = make_app(repo, today=today)
    frames: list[int] = []
    display = app._display

    def counting(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if renderable is not None:
            frames.append(1)
        display(screen, renderable)

    app._display = counting  # type: ignore[method-assign]
    drawn_before_read: list[int] = []
    let_go = threading.Event()
    load = app.session.load

    def slow_load(period):  # type: ignore[no-untyped-def]
        drawn_before_read.append(len(frames))
        let_go.wait(10)
        return load(period)

    app.session.load = slow_load  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        while not drawn_before_read:
            await pilot.pause(0.01)
        assert drawn_before_read[0] >= 1
        assert app.reading  # what the tests' wait helper waits for
        assert "กำลังโหลด" in str(app.screen.query_one("#period-bar", Static).render())
        let_go.set()
        await settle(pilot)
        assert not app.reading
        assert app.screen.query_one(PlanTree).measure_id == "oit10"


def test_opening_the_checklist_leaves_the_other_screens_and_the_store_unimported() -> None:
    """What only a dialog or another screen needs (the evidence form's text area, the report,
    the plan editor, the PDF code) is imported when it is opened, and the store (TinyDB, the
    year file's reading) by the first read, not before the first frame. Repro: import the
    command line, the app and its first screen in a fresh interpreter and list the modules."""
    code = ("import sys, itacheck.cli, itacheck.tui.app, itacheck.tui.screens.main; "
            "print('\\n'.join(sorted(sys.modules)))")
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout.split())
    unwanted = {"itacheck.tui.dialogs.evidence_form", "itacheck.tui.dialogs.record_choice",
                "itacheck.tui.dialogs.confirm", "textual.widgets._text_area", "itacheck.tui.screens.report",
                "itacheck.tui.screens.plan_editor", "itacheck.tui.screens.welcome", "itacheck.report", "fpdf",
                "itacheck.reportimport", "docx", "httpx", "itacheck.store.repository", "itacheck.store.yearfile",
                "tinydb", "orjson"}
    assert not loaded & unwanted


async def test_an_app_given_a_data_directory_opens_it_with_the_first_read(repo, today, settle) -> None:
    """The command line gives the app the data directory, not an opened store: the first read
    opens it, and the checklist shows the year as with a store given."""
    app = make_app(repo.data_dir, today=today)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.session.repository.data_dir == repo.data_dir
        assert app.screen.query_one(PlanTree).measure_id == "oit10"


def test_the_command_line_starts_the_app_before_importing_the_store(repo) -> None:
    """`itacheck` (the TUI) hands the data directory to the app, which opens the store with its
    first read. Repro: start the command in a fresh interpreter with the app's run replaced by a
    look at the modules loaded by then."""
    code = ("import sys, itacheck.cli, itacheck.tui.app as a; "
            "a.ItaCheckApp.run = lambda self: print(' '.join(sorted(sys.modules))); "
            f"sys.exit(itacheck.cli.main(['--data', {str(repo.data_dir)!r}]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert "itacheck.tui.app" in loaded and not loaded & {"itacheck.store.repository", "tinydb", "orjson"}
