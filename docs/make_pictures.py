"""Make the README's pictures: the main screens as SVG (exported by Textual, so they are the app as
it draws today) and the first table page of the sample plan's half-year report as PNG.

    python docs/make_pictures.py            # writes docs/pictures/*.svg and *.png

Run it after changing what a screen shows, and commit the pictures with the change. Needs
``pdftoppm`` (poppler-utils) for the PNG. Everything happens on a throw-away copy of the sample
plan (FY2566, as of 31 March 2023, the day of its half-year report), as a made-up officer on a
made-up server, so the pictures do not depend on who runs the script or where.
"""

from __future__ import annotations

import asyncio
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

from rich.cells import cell_len
from textual.pilot import Pilot

from itacheck import handoff
from itacheck.cli import main as itacheck
from itacheck.store.repository import Repository
from itacheck.tui.app import make_app

PICTURES = Path(__file__).resolve().parent / "pictures"
TODAY = date(2023, 3, 31)
SIZE = (110, 32)
#: The script's work folder, the same on every run, since the pictures show paths in it.
WORK = Path(tempfile.gettempdir()) / "itacheck-pictures"
NOTE = "รายงานผลการดำเนินงานไตรมาสที่ ๒ ต่อผู้บริหารเพื่อทราบและพิจารณาสั่งการ เมื่อวันที่ ๓ เมษายน ๒๕๖๖"

Steps = Callable[[Pilot], Awaitable[None]]


async def settle(pilot: Pilot) -> None:
    """Wait until the app's reads and writes (worker threads) are on screen."""
    for _ in range(20):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            return


async def on_task(pilot: Pilot) -> None:
    """The checklist on e6's quarterly report to the executives, second quarter."""
    await settle(pilot)
    pilot.app.screen.jump_to("e6", "e6-r1", "2566-Q2")
    await settle(pilot)


async def evidence(pilot: Pilot) -> None:
    await on_task(pilot)
    await pilot.press("e")
    await settle(pilot)
    pilot.app.screen.query_one("#note").text = NOTE
    await settle(pilot)


async def dashboard(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("d")
    await settle(pilot)


async def report(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    pilot.app.screen.query_one("#pdf-path").value = str(WORK / "ita-2566-half.pdf")
    await pilot.press("ctrl+s")
    await settle(pilot)


async def welcome(pilot: Pilot) -> None:
    await settle(pilot)


#: name → (what to do before the picture, language, on the sample plan or on a new data directory)
SCREENS: dict[str, tuple[Steps, str, bool]] = {
    "checklist": (on_task, "th", True),
    "checklist-en": (on_task, "en", True),
    "evidence": (evidence, "th", True),
    "dashboard": (dashboard, "th", True),
    "report": (report, "th", True),
    "welcome": (welcome, "th", False),
}
REPORT_PAGE = "report-page"
#: Every file the script makes in docs/pictures.
FILES = [f"{name}.svg" for name in SCREENS] + [f"{REPORT_PAGE}.png"]


async def screens(work: Path) -> None:
    sample = Repository(work / "data", user="somchai")
    sample.load_sample()
    for name, (steps, lang, on_sample) in SCREENS.items():
        app = make_app(sample if on_sample else Repository(work / "new"), lang=lang, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await steps(pilot)
            svg = app.export_screenshot()
        (PICTURES / f"{name}.svg").write_text(fit_thai(svg), encoding="utf-8")
        print(PICTURES / f"{name}.svg")


def fit_thai(svg: str) -> str:
    """Give each text run the width of the cells it takes on the terminal. Rich's SVG export sets
    ``textLength`` from the number of characters, and Thai vowel and tone marks take no cell of
    their own, so a browser would stretch every Thai run over the next pane."""
    def fit(match: re.Match[str]) -> str:
        start, length, rest, escaped = match.groups()
        text = html.unescape(escaped)
        return f"{start}{float(length) / len(text) * cell_len(text):g}{rest}{escaped}</text>"

    return re.sub(r'(<text [^>]*textLength=")([\d.]+)("[^>]*>)([^<]*)</text>', fit, svg)


def report_page(work: Path) -> None:
    """The PDF's first page with the five-column table, at a size that reads on a web page."""
    pdf = work / "report.pdf"
    code = itacheck(["--data", str(work / "data"), "report", "--year", "2566", "--round", "half",
                     "--as-of", TODAY.isoformat(), "-o", str(pdf)])
    if code:
        raise SystemExit(code)
    page = table_page(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(PICTURES / REPORT_PAGE)], check=True)
    print(PICTURES / f"{REPORT_PAGE}.png")


def table_page(pdf: Path) -> int:
    """The number of the first page that has the table's header row (its first two cells)."""
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    for number, text in enumerate(pages, start=1):
        if "ประเด็นที่ต้องปรับปรุงแก้ไข" in text and "ผู้รับผิดชอบ" in text:
            return number
    return 1


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("make_pictures: pdftoppm is missing (apt install poppler-utils)", file=sys.stderr)
        return 1
    # A made-up officer reaching a made-up server, for the scp line on the report screen.
    handoff._login = lambda env=None: ("somchai", "ita.example.go.th", 22)
    os.environ.pop("NO_COLOR", None)
    PICTURES.mkdir(exist_ok=True)
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir()
    try:
        asyncio.run(screens(WORK))
        report_page(WORK)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
