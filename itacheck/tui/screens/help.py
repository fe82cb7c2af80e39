"""Help (`?`): every key of every screen, read from their BINDINGS so it can never drift, and
what the status marks mean."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from itacheck.labels import STATUS_MARK, status_word
from itacheck.tui import display
from itacheck.tui.screens.base import Localised
from itacheck.tui.text import t

#: Keys Textual itself provides that an officer needs to know.
_NAVIGATION = [("tab / shift+tab", "Switch focus"), ("↑ ↓ ← →", "Move"), ("enter", "Open or close"),
               ("space / enter", "Tick"), ("ctrl+p", "Commands")]


def _sections() -> list[tuple[str, list[Binding]]]:
    from itacheck.tui.app import ItaCheckApp
    from itacheck.tui.dialogs.evidence_form import EvidenceForm
    from itacheck.tui.screens.audit import AuditScreen
    from itacheck.tui.screens.dashboard import DashboardScreen
    from itacheck.tui.screens.main import MainScreen
    from itacheck.tui.screens.report import ReportScreen

    return [("Everywhere", ItaCheckApp.BINDINGS), ("Checklist", MainScreen.BINDINGS),
            ("Evidence form", EvidenceForm.BINDINGS), ("Dashboard", DashboardScreen.BINDINGS),
            ("Report", ReportScreen.BINDINGS), ("Audit log", AuditScreen.BINDINGS)]


def _key_label(key: str, get_key: Callable[[Binding], str], action: str) -> str:
    """How a key reads on the keyboard; a Thai vowel key shows its mark on a dotted circle (◌ี)."""
    if key.startswith("thai_character_"):
        char = unicodedata.lookup(key.replace("_", " "))
        return f"◌{char}" if unicodedata.category(char) == "Mn" else char
    return get_key(Binding(key, action))


def help_text(lang: str, app_keys: object) -> Content:
    """The help page as `Content` (key names such as ``[`` would otherwise be read as markup)."""
    get_key = app_keys.get_key_display  # type: ignore[attr-defined]
    parts: list[str | tuple[str, str]] = [(t("Keys", lang), "bold"), "\n"]
    parts += [f"  {display.pad(key, 16)} {t(what, lang)}\n" for key, what in _NAVIGATION]
    for title, bindings in _sections():
        parts += ["\n", (t(title, lang), "bold"), "\n"]
        for b in bindings:
            binding = b if isinstance(b, Binding) else Binding(*b)
            keys = " / ".join(_key_label(key, get_key, binding.action) for key in binding.key.split(","))
            parts.append(f"  {display.pad(keys, 16)} {t(binding.description, lang)}\n")
    parts += ["\n", (t("Status marks", lang), "bold"), "\n"]
    parts += [f"  {mark}  {status_word(status, lang)}\n" for status, mark in STATUS_MARK.items()]
    return Content.assemble(*parts)


class HelpScreen(Localised, ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q,f1", "close", "Back")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(help_text(self.app.lang, self.app))

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_close(self) -> None:
        self.dismiss(None)
