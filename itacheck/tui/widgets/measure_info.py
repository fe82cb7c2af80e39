"""The selected measure: its indicator, the issue it answers, who is responsible, and progress."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from itacheck.domain.status import MeasureStatus
from itacheck.tui import display
from itacheck.tui.text import t


class MeasureInfo(Static):
    """Plain `Content` throughout: the issue text is copied from ITA results and may hold brackets."""

    def show(self, measure: MeasureStatus | None, lang: str, message: str = "") -> None:
        if measure is None:
            self.update(Content(message or t("Choose a measure in the tree.", lang)))
            return
        m, tally = measure.measure, measure.tally
        code = f" ({m.code})" if m.code else ""
        head = f"{m.tool} {t('indicator', lang)} {display.number(m.indicator, lang)} {m.indicator_name}{code}"
        responsible = ", ".join(m.responsible) or "–"
        progress = f"{t('progress', lang)} {display.progress(tally, lang)} ({display.percent(tally, lang)})"
        if attention := display.attention(tally, lang):
            progress += f" · {attention}"
        self.update(Content.assemble(
            (head, "bold"), "\n", m.issue.strip(), "\n",
            (f"{t('responsible', lang)}: ", "bold"), responsible, "\n", progress))
