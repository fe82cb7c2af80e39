"""The screen as the officer sees it, as text, and the places where a line ends inside a Thai word
or cuts a letter from its marks, judged by the segmenter the app itself uses."""

from __future__ import annotations

from textual.app import App
from textual.errors import NoWidget
from textual.geometry import Region
from textual.widget import Widget
from thai_lines import words_broken

from itacheck.thaitext.cells import cell_width


def screen_rows(app: App) -> list[list[str]]:
    """Each screen row as a list of cells (a cell holds a letter and its zero-width marks), with
    every layer drawn: toasts, dialogs and the screens under them."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    rows: list[list[str]] = []
    for chops in update.strips:
        cells: list[str] = []
        for segment in (segment for strip in chops for segment in strip):
            if segment.control:
                continue
            for ch in segment.text:
                if cells and cell_width(ch) == 0:
                    cells[-1] += ch
                else:
                    cells.append(ch)
                    cells.extend([""] * (cell_width(ch) - 1))
        rows.append(cells)
    return rows


def region_lines(rows: list[list[str]], region: Region) -> list[str]:
    """The text of ``region`` of the screen, one string per row."""
    return ["".join(row[region.x:region.right]) for row in rows[region.y:region.bottom]]


def widget_problems(app: App, widgets: list[Widget]) -> list[str]:
    """Broken words in the text of each of ``widgets`` as shown on screen."""
    rows = screen_rows(app)
    problems = []
    for widget in widgets:
        try:
            visible = app.screen.find_widget(widget).visible_region
        except NoWidget:
            continue
        region = widget.content_region.intersection(visible)
        if region.area:
            problems += [f"{widget!r}: {p}" for p in words_broken(region_lines(rows, region), region.width)]
    return problems
