"""The footer of every screen: Textual's, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's `Footer` rebuilds all its key widgets (each styled on its own) once for every
    "bindings changed" signal, and a screen sends several as it opens (the focus is set, the
    screen comes to the front, the app gains the terminal's focus): five rebuilds of the same
    keys, ~40 ms each, while the first year file is being read. This one waits for the signals
    of one refresh to end and rebuilds once, and only when a key, its wording (the language
    changed) or whether it is enabled is not what it shows."""

    _pending = False
    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached or self._pruning:  # its screen closed meanwhile
            return
        keys = self._keys()
        if keys != self._shown:
            self._shown = keys
            await self.recompose()

    def _keys(self) -> tuple:
        """Everything of the screen's keys that `Footer.compose` shows."""
        app = self.app
        return (self.show_command_palette, app.ENABLE_COMMAND_PALETTE, tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action, binding.group,
             binding.show, enabled, tooltip, binding.tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()))
