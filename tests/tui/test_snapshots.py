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
