"""A ruled table that flows over pages: header repeated on each page, rows split between lines.

A row that does not fit on the rest of a page is split where :mod:`rowsplit` allows (between
paragraphs or bullets of each cell, two lines at least on each side) and continues under the
repeated header; when no split is allowed it moves to the next page whole. Nothing is ever
clipped: each line of every cell is placed exactly once. A table's caption, its header and a
section's title are drawn with the first row that follows them, so none of them ends a page alone,
and a section may start at the foot of a page when they and two lines of its first row fit.
Full-width bands carry section titles and summaries; when a page starts inside a section its title
is repeated with "(ต่อ)".
"""

from __future__ import annotations

from dataclasses import dataclass

from itacheck.report.layout import (
    BODY,
    BODY_BOLD,
    CONTENT_WIDTH,
    MARGIN_LEFT,
    Box,
    Flow,
    Style,
    aligned_offset,
    number_width,
)
from itacheck.report.rowsplit import split_row
from itacheck.report.wording import Para

PAD_X = 1.6
PAD_Y = 1.0
INDENT_STEP = 3.0
HEADER_FILL = 0.86
BAND_FILL = 0.93
TOTAL_FILL = 0.97
CAPTION_SPACE = 2.0  # mm between a caption and the table
#: Rows of a simple table kept with its header, and with what must follow it.
KEEP_ROWS = 2


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    align: str = "left"  # body text; header titles are always centred


@dataclass(frozen=True)
class CellLine:
    text: str
    style: Style
    indent: float = 0.0
    link: str = ""
    align: str = "left"
    para: int = 0  # the paragraph of its cell it belongs to
    keep_with_next: bool = False


class Table:
    """Lays out one table on ``flow``. Call :meth:`begin`, then :meth:`row` / :meth:`band`, then
    :meth:`end`. A ``caption`` (text, style) is centred above the table's first part."""

    def __init__(self, flow: Flow, columns: list[Column], header_style: Style = BODY_BOLD,
                 body_style: Style = BODY, caption: tuple[str, Style] | None = None) -> None:
        self.flow = flow
        self.columns = columns
        self.header_style = header_style
        self.body_style = body_style
        self.caption = caption
        self.section: str | None = None
        self._caption_pending = caption is not None
        self._header_pending = False
        self._title_pending = False
        self._fresh = False  # a page was just started: what comes next goes here, whatever its size
        self._header = [self._cell_lines([Para(c.title)], c.width, header_style, "center") for c in columns]
        self._header_lines = max(len(lines) for lines in self._header)

    # --- public -----------------------------------------------------------------------------

    @property
    def line_height(self) -> float:
        return self.body_style.line_height

    def begin(self) -> None:
        """Start the table; its caption and header are drawn with its first row."""
        self._header_pending = True
        self.flow.page_hooks.append(self._on_new_page)

    def end(self) -> None:
        self._draw_pending()
        self.flow.page_hooks.remove(self._on_new_page)
        self.section = None

    def section_band(self, text: str) -> None:
        """Open a section. Its title is drawn with the section's first row, so a title never
        ends a page alone; pages that start inside the section repeat it with "(ต่อ)"."""
        self.section = text
        self._title_pending = True

    def band_height(self, text: str, style: Style = BODY_BOLD) -> float:
        return self._rows_height(len(self._cell_lines([Para(text)], self._total_width(), style, "left")), style)

    def band(self, text: str, style: Style = BODY_BOLD, fill: float = BAND_FILL) -> None:
        """A full-width row (an indicator's summary)."""
        lines = self._cell_lines([Para(text)], self._total_width(), style, "left")
        self._make_room(self._rows_height(len(lines), style))
        self._draw_pending()
        self._draw_row([lines], [self._total_width()], fill)

    def row(self, cells: list[list[Para]], style: Style | None = None, then: float = 0.0) -> None:
        """One row of cells (each a list of paragraphs). ``then`` is the height of what must follow
        the row on the same page (an indicator's summary): when it would not fit, the row's last
        lines go over to the next page with it rather than leaving it alone there."""
        style = style or self.body_style
        pending = [self._cell_lines(paras, col.width, style, col.align)
                   for paras, col in zip(cells, self.columns)]
        widths = [c.width for c in self.columns]
        while True:
            lines_left = max(len(c) for c in pending)
            fits_here = self._lines_that_fit()
            room_after = self.flow.room - self._pending_height() - self._rows_height(lines_left)
            if lines_left <= fits_here and (room_after >= then or self._fresh):
                self._draw_pending()
                self._draw_row(pending, widths)
                return
            counts = split_row(pending, min(fits_here, lines_left - 1))  # split_row keeps two lines over
            if counts is None and not self._fresh:
                self.flow.new_page()
                continue
            if counts is None:  # no split keeps the rules even on a whole page: cut at its foot
                counts = [min(len(c), max(fits_here, 1)) for c in pending]
            self._draw_pending()
            self._draw_row([c[:n] for c, n in zip(pending, counts)], widths, fill_to_bottom=True)
            pending = [c[n:] for c, n in zip(pending, counts)]
            self.flow.new_page()

    def rows_of_text(self, rows: list[list[str]], styles: list[Style] | None = None,
                     fills: list[float | None] | None = None, then: float = 0.0) -> None:
        """Simple rows of one paragraph per cell (the summary table). The whole table stays on one
        page when a page holds it; otherwise its first rows stay with its header, and its last
        rows with ``then``, the height of what must follow the table on the same page (the
        signatures)."""
        styles = styles or [self.body_style] * len(rows)
        fills = fills or [None] * len(rows)
        cells = [[self._cell_lines([Para(t)], c.width, style, c.align) for t, c in zip(texts, self.columns)]
                 for texts, style in zip(rows, styles)]
        heights = [self._rows_height(max(len(c) for c in row), style) for row, style in zip(cells, styles)]
        last = len(rows) - KEEP_ROWS  # the rows from here on go with `then`
        for i, (row, fill) in enumerate(zip(cells, fills)):
            if i >= last:
                needed = sum(heights[i:]) + then
            elif i == 0 and sum(heights) + then <= self._fresh_room():
                needed = sum(heights) + then
            else:
                needed = sum(heights[:KEEP_ROWS]) if i == 0 else heights[i]
            self._make_room(needed)
            self._draw_pending()
            self._draw_row(row, [c.width for c in self.columns], fill)

    def cell_lines(self, paras: list[Para], column: Column) -> list[CellLine]:
        """The lines ``paras`` make in ``column``, in the body style."""
        return self._cell_lines(paras, column.width, self.body_style, column.align)

    # --- layout -----------------------------------------------------------------------------

    def _cell_lines(self, paras: list[Para], width: float, style: Style, align: str) -> list[CellLine]:
        inner = width - 2 * PAD_X
        out: list[CellLine] = []
        for number, para in enumerate(paras):
            para_style = Style(style.size, style.bold or para.bold)
            indent = para.indent * INDENT_STEP
            hang = number_width(para_style, para.hang_text) if para.hang_text else para.hang * INDENT_STEP
            for i, text in enumerate(para_style.wrap(para.text, inner - indent, hang)):
                out.append(CellLine(text, para_style, indent + (hang if i else 0.0), para.link, align,
                                    number, para.keep_with_next))
        return out

    def _total_width(self) -> float:
        return sum(c.width for c in self.columns)

    def _rows_height(self, lines: int, style: Style | None = None) -> float:
        return 2 * PAD_Y + lines * (style or self.body_style).line_height

    def _header_height(self) -> float:
        return self._rows_height(self._header_lines, self.header_style)

    def _caption_lines(self) -> list[str]:
        """The caption's lines while it is still to be drawn (none after)."""
        if not (self._caption_pending and self.caption):
            return []
        text, style = self.caption
        return style.wrap(text, CONTENT_WIDTH)

    def _caption_height(self) -> float:
        lines = self._caption_lines()
        return len(lines) * self.caption[1].line_height + CAPTION_SPACE if lines and self.caption else 0.0

    def _title_lines(self, text: str) -> list[CellLine]:
        return self._cell_lines([Para(text)], self._total_width(), BODY_BOLD, "left")

    def _title_height(self) -> float:
        if not (self._title_pending and self.section):
            return 0.0
        return self._rows_height(len(self._title_lines(self.section)), BODY_BOLD)

    def _pending_height(self) -> float:
        """What is drawn with the next row: caption, header, section title."""
        return self._caption_height() + (self._header_height() if self._header_pending else 0.0) + self._title_height()

    def _fresh_room(self) -> float:
        """Room for rows on a new page, below the caption (if still to come) and the header."""
        return self.flow.body_height - self._caption_height() - self._header_height()

    def _make_room(self, height: float) -> None:
        """A new page unless ``height`` and what is pending fit here (or the page is new)."""
        if self.flow.room < self._pending_height() + height and not self._fresh:
            self.flow.new_page()

    def _draw_pending(self, continued: bool = False) -> None:
        """Draw what waits for the next row; ``continued``: the section's title with "(ต่อ)"."""
        lines = self._caption_lines()
        if lines and self.caption:
            style = self.caption[1]
            for line in lines:
                self.flow.line(MARGIN_LEFT + aligned_offset(line, style, CONTENT_WIDTH, "center"), self.flow.y,
                               line, style)
                self.flow.y += style.line_height
            self.flow.y += CAPTION_SPACE
        self._caption_pending = False
        if self._header_pending:
            self._draw_header()
        if self._title_pending and self.section:
            title = self.section + " (ต่อ)" if continued else self.section
            self._draw_row([self._title_lines(title)], [self._total_width()], BAND_FILL)
        self._title_pending = False

    def _lines_that_fit(self) -> int:
        room = self.flow.room - self._pending_height()
        return max(0, int((room - 2 * PAD_Y + 1e-6) // self.line_height))

    def _on_new_page(self) -> None:
        """Caption (if still to come), header and section title (with "(ต่อ)" inside a section)."""
        continued = self.section is not None and not self._title_pending
        self._header_pending = True
        self._title_pending = self.section is not None
        self._draw_pending(continued)
        self._fresh = True

    def _draw_header(self) -> None:
        self._draw_row(self._header, [c.width for c in self.columns], HEADER_FILL, middle=True)
        self._header_pending = False

    def _draw_row(self, cells: list[list[CellLine]], widths: list[float], fill: float | None = None,
                  middle: bool = False, fill_to_bottom: bool = False) -> None:
        flow = self.flow
        heights = [sum(line.style.line_height for line in lines) for lines in cells]
        height = 2 * PAD_Y + max(heights)
        if fill_to_bottom:
            height = max(height, flow.room)
        x, top = MARGIN_LEFT, flow.y
        for lines, width, used in zip(cells, widths, heights):
            flow.add(Box(x, top, width, height, fill))
            y = top + PAD_Y + ((height - 2 * PAD_Y - used) / 2 if middle else 0.0)
            for line in lines:
                inner = width - 2 * PAD_X - line.indent
                offset = aligned_offset(line.text, line.style, inner, line.align)
                flow.line(x + PAD_X + line.indent + offset, y, line.text, line.style, line.link)
                y += line.style.line_height
            x += width
        flow.y = top + height
        self._fresh = False
