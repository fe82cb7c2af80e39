"""Keys typed ahead land where they were typed. Over SSH keys arrive in bursts (type-ahead,
paste); here every key of a burst is queued to the app at once, as the terminal driver does,
rather than one at a time with pauses as the pilot's ``press`` does."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, OptionList, TextArea

from itacheck.tui.app import make_app
from itacheck.tui.dialogs.evidence_form import EvidenceForm
from itacheck.tui.screens.main import MainScreen
from itacheck.tui.screens.plan_editor import EditorScreen

TODAY = date(2023, 3, 31)


def burst(app, *keys: str) -> None:
    """Queue ``keys`` to the app in one go: a name (``tab``, ``ctrl+s``) or text, character by character."""
    for key in keys:
        if key.startswith("key:"):
            app.post_message(events.Key(key[4:], None))
        else:
            for ch in key:
                app.post_message(events.Key(_character_to_key(ch), ch))


async def test_a_burst_fills_the_evidence_form_field_by_field(repo, settle) -> None:
    """Repro: typing `๒๑ มี.ค. ๖๖`, Tab, `NOTE1` in one burst put NOTE1 into the date field (3 of 3
    tries); a note, two links and a file path all went into the note, so no link check ran."""
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        await pilot.pause()
        burst(app, "e", "key:ctrl+u", "๒๑ มี.ค. ๖๖", "key:tab", "NOTE1", "key:tab",
              "https://a.go.th/1 https://a.go.th/2")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EvidenceForm)
        assert form.query_one("#date", Input).value == "๒๑ มี.ค. ๖๖"
        assert form.query_one("#note", TextArea).text == "NOTE1"
        assert form.query_one("#links", Input).value == "https://a.go.th/1 https://a.go.th/2"
        burst(app, "key:ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        [record] = [r for r in repo.records(2566) if (r.task_id, r.occurrence) == ("e6-r1", "2566-Q2")]
        assert (record.done_on, record.note, record.links) == (date(2023, 3, 21), "NOTE1",
                                                                ("https://a.go.th/1", "https://a.go.th/2"))


async def test_a_burst_through_the_editor_and_its_task_form(repo, settle) -> None:
    app = make_app(repo, today=TODAY, refresh_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "key:ctrl+e", "key:down", "key:down", "r", "ผู้บริหารกำกับติดตามทุกเดือน", "key:ctrl+s", "key:ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        saved = repo.plan(2566).measures[0]
        assert saved.tasks[-1].text == "ผู้บริหารกำกับติดตามทุกเดือน"
        assert saved.tasks[-1].cadence.kind == "monthly"
        listing = app.screen.query_one(OptionList)
        assert listing.get_option_at_index(listing.highlighted).id == f"t:{saved.tasks[-1].id}"
