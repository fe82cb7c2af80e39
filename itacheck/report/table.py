"""A ruled table that flows over pages: header repeated on each page, rows split between lines.

A row that does not fit on the rest of a page either moves to the next page (when it would fit
there and little of it would stay behind) or is split between two lines of text, every cell at the
same height, and continues under the repeated header. Nothing is ever clipped: each line of every
cell is placed exactly once. Full-width bands carry section titles and summaries; when a page
starts inside a section its title is repeated with "(ต่อ)".
"""

from __future__ import annotations

from dataclasses import dataclass

from itacheck.report.layout import BODY, BODY_BOLD, MARGIN_LEFT, Box, Flow, Style, aligned_offset, number_width
from itacheck.report.wording import Para

PAD_X = 1.6
PAD_Y = 1.0
INDENT_STEP = 3.0
HEADER_FILL = 0.86
BAND_FILL = 0.93
TOTAL_FILL = 0.97
#: A row is split rather than moved when at least this many of its lines fit on the page.
MIN_LINES_BEFORE_SPLIT = 3
#: Lines of a row that go over to the next page with what must follow the row.
KEEP_WITH_FOLLOWING = 2


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


class Table:
    """Lays out one table on ``flow``. Call :meth:`begin`, then :meth:`row` / :meth:`band`, then
    :meth:`end`."""

    def __init__(self, flow: Flow, columns: list[Column], header_style: Style = BODY_BOLD,
                 body_style: Style = BODY) -> None:
        self.flow = flow
        self.columns = columns
        self.header_style = header_style
        self.body_style = body_style
        self.section: str | None = None
        self._title_pending = False
        self._header = [self._cell_lines([Para(c.title)], c.width, header_style, "center") for c in columns]
        self._header_lines = max(len(lines) for lines in self._header)

    # --- public -----------------------------------------------------------------------------

    @property
    def line_height(self) -> float:
        return self.body_style.line_height

    def begin(self) -> None:
        """Start the table: header now (on a new page if fewer than a few lines would fit)."""
        if self.flow.room < self._header_height() + self._rows_height(MIN_LINES_BEFORE_SPLIT) + 8:
            self.flow.new_page()
        self.flow.page_hooks.append(self._on_new_page)
        self._draw_header()

    def end(self) -> None:
        self._draw_pending_title()
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
        if self.flow.room < self._title_height() + self._rows_height(len(lines), style):
            self.flow.new_page()
        self._draw_pending_title()
        self._draw_row([lines], [self._total_width()], fill)

    def row(self, cells: list[list[Para]], style: Style | None = None, then: float = 0.0) -> None:
        """One row of cells (each a list of paragraphs). ``then`` is the height of what must follow
        the row on the same page (an indicator's summary): when it would not fit, the row's last
        lines go over to the next page with it rather than leaving it alone there."""
        style = style or self.body_style
        pending = [self._cell_lines(paras, col.width, style, col.align)
                   for paras, col in zip(cells, self.columns)]
        widths = [c.width for c in self.columns]
        fresh = False  # just started a page: place what fits, whatever it is
        while True:
            lines_left = max(len(c) for c in pending)
            fits_here = self._lines_that_fit()
            if lines_left <= fits_here:
                if self._rows_height(lines_left) + then <= self.flow.room - self._title_height() or fresh:
                    self._draw_pending_title()
                    self._draw_row(pending, widths)
                    return
                fits_here = lines_left - KEEP_WITH_FOLLOWING
            fits_on_new_page = self._lines_that_fit(fresh=True)
            if not fresh and (fits_here < min(MIN_LINES_BEFORE_SPLIT, lines_left) or (
                    lines_left <= fits_on_new_page and fits_here < lines_left / 2)):
                self.flow.new_page()
                fresh = True
                continue
            fits_here = max(fits_here, 1)
            fresh = False
            self._draw_pending_title()
            self._draw_row([c[:fits_here] for c in pending], widths, fill_to_bottom=True)
            pending = [c[fits_here:] for c in pending]
            self.flow.new_page()
            fresh = True

    def rows_of_text(self, rows: list[list[str]], styles: list[Style] | None = None,
                     fills: list[float | None] | None = None) -> None:
        """Simple rows of one paragraph per cell (the summary table)."""
        for i, texts in enumerate(rows):
            style = styles[i] if styles else self.body_style
            fill = fills[i] if fills else None
            cells = [self._cell_lines([Para(t)], c.width, style, c.align) for t, c in zip(texts, self.columns)]
            if self.flow.room < self._rows_height(max(len(c) for c in cells), style):
                self.flow.new_page()
            self._draw_row(cells, [c.width for c in self.columns], fill)

    # --- layout -----------------------------------------------------------------------------

    def _cell_lines(self, paras: list[Para], width: float, style: Style, align: str) -> list[CellLine]:
        inner = width - 2 * PAD_X
        out: list[CellLine] = []
        for para in paras:
            para_style = Style(style.size, style.bold or para.bold)
            indent = para.indent * INDENT_STEP
            hang = number_width(para_style, para.hang_text) if para.hang_text else para.hang * INDENT_STEP
            for i, text in enumerate(para_style.wrap(para.text, inner - indent, hang)):
                out.append(CellLine(text, para_style, indent + (hang if i else 0.0), para.link, align))
        return out

    def _total_width(self) -> float:
        return sum(c.width for c in self.columns)

    def _rows_height(self, lines: int, style: Style | None = None) -> float:
        return 2 * PAD_Y + lines * (style or self.body_style).line_height

    def _header_height(self) -> float:
        return self._rows_height(self._header_lines, self.header_style)

    def _title_lines(self, text: str) -> list[CellLine]:
        return self._cell_lines([Para(text)], self._total_width(), BODY_BOLD, "left")

    def _title_height(self) -> float:
        if not (self._title_pending and self.section):
            return 0.0
        return self._rows_height(len(self._title_lines(self.section)), BODY_BOLD)

    def _draw_pending_title(self) -> None:
        if self._title_pending and self.section:
            self._draw_row([self._title_lines(self.section)], [self._total_width()], BAND_FILL)
        self._title_pending = False

    def _lines_that_fit(self, fresh: bool = False) -> int:
        if fresh:
            room = self.flow.body_height - self._header_height()
            if self.section:
                room -= self._rows_height(len(self._title_lines(self.section + " (ต่อ)")), BODY_BOLD)
        else:
            room = self.flow.room - self._title_height()
        return max(0, int((room - 2 * PAD_Y + 1e-6) // self.line_height))

    def _on_new_page(self) -> None:
        self._draw_header()
        if self.section:
            title = self.section if self._title_pending else self.section + " (ต่อ)"
            self._title_pending = False
            self._draw_row([self._title_lines(title)], [self._total_width()], BAND_FILL)

    def _draw_header(self) -> None:
        self._draw_row(self._header, [c.width for c in self.columns], HEADER_FILL, middle=True)

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
