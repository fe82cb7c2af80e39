"""No escape sequence from a year file reaches the terminal through the TUI. A year file brought in
by `restore` or edited by hand held OSC 0 (retitle), ESC[2J (clear) and OSC 52 (write the
clipboard) in the organisation's name, a task, a note and the audit log's user name, and the TUI
drew them into the terminal as they were. What is drawn is what the compositor renders: every
segment of every line of each screen."""

from __future__ import annotations

import json
import re
from pathlib import Path

from textual.pilot import Pilot

from itacheck.store.repository import Repository
from itacheck.tui.app import make_app

HOSTILE = "\x1b]0;pwned title\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07\x9b31m\u202e"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _poisoned(tmp_path: Path) -> Repository:
    data = tmp_path / "data"
    Repository(data, user="tester").load_sample()
    path = data / "2566.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    plan = doc["plan"]["1"]
    plan["organisation"]["name"] = f"อบต.{HOSTILE}เมืองน้อย"
    plan["measures"][0]["issue"] += HOSTILE
    plan["measures"][0]["tasks"][0]["text"] += HOSTILE
    for record in doc["records"].values():
        if record["task"] == "oit10-s1":
            record["note"] += HOSTILE
            record["recorded_by"] = f"{HOSTILE}officer"
    for entry in doc["audit"].values():
        entry["user"] = f"{HOSTILE}another-officer"
        entry["summary"] += HOSTILE
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return Repository(data, user="tester")


def _drawn(pilot: Pilot) -> str:
    return "\n".join("".join(segment.text for segment in strip)
                     for strip in pilot.app.screen._compositor.render_strips())


async def test_nothing_with_an_escape_reaches_the_screen(tmp_path: Path, settle, today) -> None:
    app = make_app(_poisoned(tmp_path), today=today)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        app.screen.jump_to("oit10", "oit10-s1", "once")
        await settle(pilot)
        seen = {"main": _drawn(pilot)}
        for key, name in (("a", "audit"), ("d", "dashboard"), ("r", "report")):
            await pilot.press(key)
            await settle(pilot)
            seen[name] = _drawn(pilot)
            await pilot.press("escape")
            await settle(pilot)
        for name, text in seen.items():
            found = UNSAFE.search(text)
            assert found is None, (name, text[max(0, found.start() - 30):found.end() + 30])
        assert "เมืองน้อย" in seen["main"] and "another-officer" in seen["audit"]  # the text itself is kept
