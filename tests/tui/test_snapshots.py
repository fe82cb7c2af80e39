"""Pictures of the main screen with the sample plan (FY2566 half-year round as of 31 March 2023),
in Thai and English, at the smallest usual SSH window and a comfortable one. Update them with
``pytest tests/tui --snapshot-update`` after a deliberate change, and look at the SVGs."""

from __future__ import annotations

import pytest

from itacheck.tui.app import make_app


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_main_screen(snap_compare, repo, today, settle, lang, size) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        await settle(pilot)

    app = make_app(repo, lang=lang, today=today)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_dashboard(snap_compare, repo, today, settle, lang) -> None:
    """One line per task, overdue first, at 80×24."""
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)

    assert snap_compare(make_app(repo, lang=lang, today=today), terminal_size=(80, 24), run_before=run_before)


def test_evidence_form_with_a_thai_note(snap_compare, repo, today, settle) -> None:
    """The form over the checklist, its Thai title and the note wrapped between words."""
    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        pilot.app.screen.query_one("#note").text = (
            "รายงานผลการดำเนินงานไตรมาสที่๒ต่อผู้บริหารเพื่อทราบและพิจารณาสั่งการเมื่อวันที่ ๓ เมษายน ๒๕๖๖")
        for field in pilot.app.screen.query("Input, TextArea"):  # a blinking cursor is drawn or not by the clock
            field.cursor_blink = False
        await settle(pilot)

    assert snap_compare(make_app(repo, today=today), terminal_size=(80, 24), run_before=run_before)


def test_main_screen_without_colour(snap_compare, repo, today, settle, monkeypatch) -> None:
    """NO_COLOR: the focused pane and the selected row still stand out (bold, reverse)."""
    monkeypatch.setenv("NO_COLOR", "1")

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        await settle(pilot)

    assert snap_compare(make_app(repo, today=today), terminal_size=(80, 24), run_before=run_before)
