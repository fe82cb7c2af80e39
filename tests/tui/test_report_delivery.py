"""The report screen gets the report off the server: its full path and scp line, copied through
the terminal (OSC 52), a copy in the publish directory, a Word copy, and in a browser a download."""

from __future__ import annotations

import os
import pwd
import sys
import types
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from itacheck.store.settings import SETTINGS_FILE
from itacheck.tui.app import ItaCheckApp

ME = pwd.getpwuid(os.getuid()).pw_name


@pytest.fixture
def written(monkeypatch) -> list[tuple[Path, str]]:
    """The report module replaced by one that writes a small file quickly and says what it wrote."""
    calls: list[tuple[Path, str]] = []

    def write_report(status, path, *, digits="thai", format="pdf"):
        data = b"%PDF-1.7 fake" if format == "pdf" else b"PK fake docx"
        path.write_bytes(data)
        calls.append((path, format))
        return data

    monkeypatch.setitem(sys.modules, "itacheck.report", types.SimpleNamespace(write_report=write_report))
    monkeypatch.setenv("SSH_CONNECTION", "192.168.1.20 51234 192.168.1.5 22")
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    return calls


def state(app) -> str:
    return str(app.screen.query_one("#report-state", Static).render())


async def open_and_write(app, pilot, settle, path: Path) -> None:
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    app.screen.query_one("#pdf-path", Input).value = str(path)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_after_writing_the_path_and_scp_line_are_shown_and_copied(app, settle, written, tmp_path):
    """Repro: the officer was told where the PDF is, but not how to get it to the desktop."""
    path = tmp_path / "ita-report-2566-half.pdf"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+y")  # nothing written yet: says so, copies nothing
        await open_and_write(app, pilot, settle, path)
        scp = f"scp {ME}@192.168.1.5:{path} ."
        assert str(path) in state(app) and scp in state(app)
        await pilot.press("ctrl+y")
        assert app.clipboard == scp and "คัดลอกไปคลิปบอร์ด" in state(app)
        await pilot.press("ctrl+g")
        assert app.clipboard == str(path)


async def test_a_thai_path_is_not_copied_through_a_terminal_that_is_not_utf8(app, settle, written, tmp_path,
                                                                           monkeypatch):
    monkeypatch.setenv("LANG", "th_TH.TIS-620")
    path = tmp_path / "รายงาน.pdf"
    async with app.run_test(size=(100, 30)) as pilot:
        await open_and_write(app, pilot, settle, path)
        await pilot.press("ctrl+g")
        assert app.clipboard == ""  # nothing half-sent
        assert "ไม่ได้ตั้งเป็น UTF-8" in state(app) and str(path) in state(app)


async def test_ctrl_o_publishes_the_written_pdf(app, settle, written, tmp_path, repo):
    www = tmp_path / "www"
    www.mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_and_write(app, pilot, settle, tmp_path / "draft.pdf")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert "ยังไม่ได้ตั้งโฟลเดอร์เผยแพร่" in state(app) and not any(www.iterdir())
        (repo.data_dir / SETTINGS_FILE).write_text(f'[publish]\ndirectory = "{www}"\nurl = "https://a.go.th/ita"\n')
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert (www / "ita-2566-half.pdf").read_bytes() == b"%PDF-1.7 fake"
        assert "เผยแพร่แล้ว" in state(app) and "https://a.go.th/ita/ita-2566-half.pdf" in state(app)


async def test_the_word_copy_is_chosen_by_format_and_never_published(app, settle, written, tmp_path, repo):
    (repo.data_dir / SETTINGS_FILE).write_text(f'[publish]\ndirectory = "{tmp_path}"\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one("#pdf-path", Input).value = str(tmp_path / "ita.pdf")
        app.screen.query_one("#format", Select).value = "docx"
        await settle(pilot)
        assert app.screen.query_one("#pdf-path", Input).value == str(tmp_path / "ita.docx")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert written == [(tmp_path / "ita.docx", "docx")]
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert "เผยแพร่ได้เฉพาะ PDF" in state(app) and not (tmp_path / "ita-2566-half.pdf").exists()


async def test_in_a_browser_the_report_is_sent_as_a_download(app, settle, written, tmp_path, monkeypatch):
    """Under `itacheck serve` the scp line means nothing: the file goes to the browser instead."""
    delivered = []
    monkeypatch.setattr(ItaCheckApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(app, "deliver_binary", lambda path, **kw: delivered.append((path, kw)))
    path = tmp_path / "ita-report-2566-half.pdf"
    async with app.run_test(size=(100, 30)) as pilot:
        await open_and_write(app, pilot, settle, path)
        assert delivered == [(path, {"save_filename": path.name, "mime_type": "application/pdf"})]
        assert "ส่งไฟล์ให้เบราว์เซอร์ดาวน์โหลดแล้ว" in state(app) and "scp" not in state(app)


async def test_the_report_screen_warns_of_dead_evidence_links(app, settle, repo, tmp_path):
    """Repro: a dead evidence link reached the assessor. ctrl+l checks the round's links (a server
    on 127.0.0.1 here); the warning names the dead one, and comes back from the day's cache when
    the screen is opened again, without asking the server."""
    from datetime import date

    from linkserver import link_server

    from itacheck.tui.widgets.link_status import LinkStatus

    with link_server() as server:
        repo.add_record(2566, "e6-r1", "2566-Q1", date(2022, 12, 20), links=[server.url("/ok"), server.url("/missing")])
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)
            links = app.screen.query_one(LinkStatus)
            assert "ยังไม่ได้ตรวจวันนี้" in str(links.render())
            await pilot.press("ctrl+l")
            await settle(pilot)
            shown = str(links.render())
            assert "⚠ ลิงก์หลักฐาน ๑ จาก ๒ ลิงก์เสียหรือเข้าไม่ได้" in shown
            assert f"✗ 404 {server.url('/missing')}" in shown and links.has_class("-broken")
            asked = sum(server.requests.values())
            await pilot.press("escape", "r")
            await settle(pilot)
            assert "⚠ ลิงก์หลักฐาน ๑ จาก ๒" in str(app.screen.query_one(LinkStatus).render())
            assert sum(server.requests.values()) == asked
