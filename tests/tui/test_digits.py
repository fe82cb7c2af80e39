"""One digit system on screen: Thai digits everywhere in Thai mode (dates, years, counts,
percentages, times), Arabic in English. Ids and item codes (``e6``, ``oit10``), which are typed
into commands, and the plan's own text stay as written."""

from __future__ import annotations

import re
from datetime import date

from screen_text import region_lines, screen_rows
from textual.widgets._toast import Toast

from itacheck.tui.app import make_app
from itacheck.tui.widgets.plan_tree import PlanTree

SIZE = (80, 24)
_CODES = re.compile(r"\b[a-z]+\d+(?:-[a-z]+\d+)?\b")


def _widget_text(app, selector: str) -> str:
    rows = screen_rows(app)
    return "\n".join("\n".join(region_lines(rows, w.content_region)) for w in app.screen.query(selector))


async def test_thai_mode_writes_numbers_in_thai_digits(repo, today, settle) -> None:
    """The header read ``ปีงบประมาณ ๒๕๖๖ … · 21/49 (42.9%)``, the tree ``! 5/11``, the evidence
    pane ``(2026-11-30 15:44)``: two digit systems on one line."""
    app = make_app(repo, today=today)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        await settle(pilot)
        await pilot.press("space")  # a tick: its toast, and a record with a time in the evidence pane
        await settle(pilot)
        for _ in range(50):
            if app.screen.query(Toast):
                break
            await pilot.pause(0.01)
        shown = {selector: _widget_text(app, selector)
                 for selector in ("#period-bar", "PlanTree", "MeasureInfo", "Checklist", "EvidenceView", "Toast")}
        assert "๒๒/๔๙ (๔๔.๙%)" in shown["#period-bar"]
        assert "๑๕.๐๐ น." in shown["EvidenceView"] or "น." in shown["EvidenceView"]
        for selector, text in shown.items():
            assert text.strip(), selector
            assert re.findall("[0-9]", _CODES.sub("", text)) == [], f"{selector}: {text}"


async def test_the_no_plan_notice_writes_the_year_in_thai_digits(repo, settle) -> None:
    """It said ``ปีงบประมาณ 2570 ยังไม่มีแผน จึงแสดงปี 2566`` in Thai mode."""
    app = make_app(repo, today=date(2026, 11, 28))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [message] = [n.message for n in app._notifications if "plan copy" in n.message]
        before_command = message.split("itacheck")[0]
        assert "๒๕๗๐" in before_command and "๒๕๖๖" in before_command
        assert re.findall("[0-9]", before_command) == []


async def test_english_mode_writes_arabic_digits(repo, today, settle) -> None:
    app = make_app(repo, lang="en", today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one(PlanTree).select_measure("e6")
        await settle(pilot)
        for selector in ("#period-bar", "Checklist"):
            text = _widget_text(app, selector)
            app_words = "\n".join(line for line in text.splitlines() if "due" in line or "fiscal" in line)
            assert re.findall("[๐-๙]", app_words) == [], app_words
