"""What goes where: the report's pages, in the order of the reference report (the words are the
content model's, `itacheck.report.content`).

Cover (title block), then the heading and intro paragraph, one table section per ITA tool and
indicator with the five reference columns and a completion summary, the plan's summary table,
and the signature lines. Page numbers go on last, when the page count is known.
"""

from __future__ import annotations

from itacheck.report import wording
from itacheck.report.content import ReportContent
from itacheck.report.layout import (
    BODY,
    BODY_BOLD,
    CONTENT_WIDTH,
    COVER_TEXT,
    HEADING,
    MARGIN_LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SMALL,
    SUBTITLE,
    TITLE,
    Flow,
    Item,
    Style,
    Text,
    aligned_offset,
)
from itacheck.report.table import TOTAL_FILL, Column, Table

#: The five reference columns (mm): the outcome column is the widest, as it says the most.
MEASURE_COLUMNS = (50.0, 27.0, 61.0, 57.0, 72.0)
SUMMARY_WIDTHS = (83.0, 27.0, 24.0, 24.0, 24.0, 24.0, 27.0, 34.0)
INTRO = Style(12)
COVER_TOP = 58.0  # centres the title block (about 92 mm high) on the page


def compose(report: ReportContent) -> list[list[Item]]:
    """Every page of the report as positioned items."""
    flow = Flow()
    flow.new_page()
    _cover(flow, report)
    flow.new_page()
    _intro(flow, report)
    _measures(flow, report)
    _summary(flow, report)
    _page_numbers(flow, report.digits)
    return flow.pages


def _centred(flow: Flow, text: str, style: Style, space_after: float = 0.0) -> None:
    flow.paragraph(text, style, align="center", space_after=space_after)


def _cover(flow: Flow, report: ReportContent) -> None:
    flow.y = COVER_TOP
    for line in report.title_lines:
        _centred(flow, line, TITLE)
    flow.y += 6
    _centred(flow, report.fiscal_year, SUBTITLE, 1)
    _centred(flow, report.months, COVER_TEXT)
    flow.y += 28
    _centred(flow, report.organisation, SUBTITLE, 1)
    if report.place:
        _centred(flow, report.place, COVER_TEXT)


def _intro(flow: Flow, report: ReportContent) -> None:
    _centred(flow, report.heading, HEADING, 3)
    flow.paragraph(report.intro, INTRO, first_indent=12.0, space_after=1)
    flow.paragraph(report.as_of, SMALL, align="right", space_after=3)


def _measures(flow: Flow, report: ReportContent) -> None:
    columns = [Column(title, width) for title, width in zip(report.columns, MEASURE_COLUMNS)]
    table = Table(flow, columns)
    table.begin()
    for section in report.sections:
        table.section_band(section.title)
        for i, row in enumerate(section.rows, start=1):
            table.row([list(cell) for cell in row],
                      then=table.band_height(section.summary, BODY) if i == len(section.rows) else 0.0)
        table.band(section.summary, style=BODY, fill=TOTAL_FILL)
    table.end()


def _summary(flow: Flow, report: ReportContent) -> None:
    """The plan's summary table, kept on one page with the signatures when a page holds them, and
    at least its last rows with them when it does not."""
    flow.y += 6
    columns = [Column(t, w, "left" if i == 0 else "center")
               for i, (t, w) in enumerate(zip(report.summary_columns, SUMMARY_WIDTHS))]
    table = Table(flow, columns, caption=(report.summary_title, HEADING))
    table.begin()
    rows = [list(row) for row in report.summary_rows]
    styles = [BODY] * (len(rows) - 1) + [BODY_BOLD]
    fills = [None] * (len(rows) - 1) + [TOTAL_FILL]
    blocks = [list(block) for block in report.signatures]
    table.rows_of_text(rows, styles, fills, then=_signatures_height(blocks))
    table.end()
    _signatures(flow, blocks)


SIGNATURE = Style(12)
SIGNATURE_SPACE = 14.0  # mm above the signature lines


def _signature_width() -> float:
    return CONTENT_WIDTH / 2 - 10


def _signatures_height(blocks: list[list[str]]) -> float:
    lines = max(sum(len(SIGNATURE.wrap(line, _signature_width())) for line in block) for block in blocks)
    return SIGNATURE_SPACE + lines * SIGNATURE.line_height


def _signatures(flow: Flow, blocks: list[list[str]]) -> None:
    if flow.room < _signatures_height(blocks):
        flow.new_page()
    flow.y += SIGNATURE_SPACE
    half = CONTENT_WIDTH / 2
    top = flow.y
    for i, lines in enumerate(blocks):
        y = top
        for line in lines:
            for part in SIGNATURE.wrap(line, _signature_width()):
                x = MARGIN_LEFT + i * half + aligned_offset(part, SIGNATURE, half, "center")
                flow.line(x, y, part, SIGNATURE)
                y += SIGNATURE.line_height
        flow.y = max(flow.y, y)


def _page_numbers(flow: Flow, digits: str) -> None:
    """``หน้า ๒/๓`` at the foot of every page but the cover, which counts as page one."""
    total = len(flow.pages)
    for number, page in enumerate(flow.pages, start=1):
        if number == 1:
            continue
        label = wording.page_label(number, total, digits)
        x = PAGE_WIDTH - MARGIN_LEFT - SMALL.width(label)
        top = PAGE_HEIGHT - 11.0
        page.append(Text(x, top + SMALL.baseline, label, SMALL, top=top))
