"""The footer: built once as a screen opens, and rebuilt when the keys it shows change (the focus
moved to a pane with keys of its own, the language was switched)."""

from __future__ import annotations

from screen_text import screen_rows

from itacheck.tui.widgets.key_footer import KeyFooter


def footer_line(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(screen_rows(app)[-1])


async def test_the_footer_is_built_once_while_the_checklist_opens(app, settle, monkeypatch) -> None:
    """Textual's footer rebuilt its keys for each "bindings changed" signal: five times while the
    main screen opened (the focus set, the screen shown, the app focused), the same keys each
    time, ~40 ms each while the year file was being read. Repro: count the rebuilds until the
    year is on screen."""
    builds: list[KeyFooter] = []
    recompose = KeyFooter.recompose

    async def counted(self: KeyFooter) -> None:
        builds.append(self)
        await recompose(self)

    monkeypatch.setattr(KeyFooter, "recompose", counted)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(builds) == 1
        assert "หลักฐาน" in footer_line(app) and "ออก" in footer_line(app)


async def test_the_footer_follows_the_focus_and_the_language(app, settle) -> None:
    """The checklist has a key of its own (Space ticks), shown first while it has the focus and
    gone when the tree has it again; `l` switches the footer's words to English. Repro: move the
    focus and switch the language, reading the footer's row on screen each time."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "ติ๊กว่าเสร็จ" not in footer_line(app)
        await pilot.press("tab")
        await settle(pilot)
        assert footer_line(app).lstrip().startswith("space ติ๊กว่าเสร็จ")
        await pilot.press("tab", "tab")
        await settle(pilot)
        assert app.focused.id == "tree" and "ติ๊กว่าเสร็จ" not in footer_line(app)
        await pilot.press("l")
        await settle(pilot)
        assert "Evidence" in footer_line(app) and "หลักฐาน" not in footer_line(app)
