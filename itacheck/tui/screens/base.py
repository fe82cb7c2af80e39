"""What every screen and dialog of the app shares: key descriptions in the officer's language."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding

from itacheck.tui.text import t


class Localised:
    """Mix into a `Screen`/`ModalScreen` before it. BINDINGS are written in English; the footer,
    the key panel and help read `active_bindings`, so translating here covers all of them.

    It also tells the app when keys typed while the screen was opening may go on (see
    `ItaCheckApp.on_event`): Textual dispatches ``on_mount`` down the class hierarchy, so this one
    runs after the screen's own, which has asked for the focus where typing belongs; the focus is
    set by a callback, so the app is told by one queued after it."""

    def on_mount(self) -> None:
        self.app.call_later(self.app.screen_ready)  # type: ignore[attr-defined]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        lang = getattr(self.app, "lang", "th")  # type: ignore[attr-defined]
        bindings = super().active_bindings  # type: ignore[misc]
        return {key: active._replace(binding=replace(active.binding, description=t(active.binding.description, lang)))
                for key, active in bindings.items()}
