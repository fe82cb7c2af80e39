"""What every screen and dialog of the app shares: key descriptions in the officer's language."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding

from itacheck.tui.text import t


class Localised:
    """Mix into a `Screen`/`ModalScreen` before it. BINDINGS are written in English; the footer,
    the key panel and help read `active_bindings`, so translating here covers all of them."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        lang = getattr(self.app, "lang", "th")  # type: ignore[attr-defined]
        bindings = super().active_bindings  # type: ignore[misc]
        return {key: active._replace(binding=replace(active.binding, description=t(active.binding.description, lang)))
                for key, active in bindings.items()}
