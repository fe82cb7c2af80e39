"""What goes where: the report's pages, in the order and wording of the reference report.

Cover (title block), then the heading and intro paragraph, one table section per ITA tool and
indicator with the five reference columns and a completion summary, the plan's summary table,
and the signature lines. Page numbers go on last, when the page count is known.
"""

from __future__ import annotations

from itacheck.domain.status import MeasureStatus, PlanStatus
from itacheck.report import outcomes, wording
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


def compose(status: PlanStatus, digits: str) -> list[list[Item]]:
    """Every page of the report as positioned items."""
    flow = Flow()
    flow.new_page()
    _cover(flow, status, digits)
    flow.new_page()
    _intro(flow, status, digits)
    _measures(flow, status, digits)
    _summary(flow, status, digits)
    _signatures(flow, status, digits)
    _page_numbers(flow, digits)
    return flow.pages


def _centred(flow: Flow, text: str, style: Style, space_after: float = 0.0) -> None:
    flow.paragraph(text, style, align="center", space_after=space_after)


def _cover(flow: Flow, status: PlanStatus, digits: str) -> None:
    plan, rnd = status.plan, status.round
    flow.y = COVER_TOP
    for line in wording.TITLE_LINES:
        _centred(flow, line, TITLE)
    flow.y += 6
    _centred(flow, wording.fiscal_year_line(rnd, digits), SUBTITLE, 1)
    _centred(flow, wording.months_line(rnd, digits), COVER_TEXT)
    flow.y += 28
    _centred(flow, wording.localise(plan.organisation.name, digits), SUBTITLE, 1)
    place = wording.place_line(plan.organisation)
    if place:
        _centred(flow, wording.localise(place, digits), COVER_TEXT)


def _intro(flow: Flow, status: PlanStatus, digits: str) -> None:
    plan = status.plan
    _centred(flow, wording.intro_heading(plan, digits), HEADING, 3)
    flow.paragraph(wording.intro_text(plan, digits), INTRO, first_indent=12.0, space_after=1)
    flow.paragraph(wording.as_of_line(status.as_of, digits), SMALL, align="right", space_after=3)


def _sections(status: PlanStatus) -> list[tuple[tuple[str, int], list[MeasureStatus]]]:
    """Measures grouped by (tool, indicator), in the order the plan first names each group."""
    groups: dict[tuple[str, int], list[MeasureStatus]] = {}
    for m in status.measures:
        groups.setdefault((m.measure.tool, m.measure.indicator), []).append(m)
    return list(groups.items())


def _measures(flow: Flow, status: PlanStatus, digits: str) -> None:
    columns = [Column(title, width) for title, width in zip(wording.COLUMN_TITLES, MEASURE_COLUMNS)]
    table = Table(flow, columns)
    table.begin()
    totals = {(t.tool, t.indicator): t for t in status.by_indicator()}
    for (tool, indicator), measures in _sections(status):
        name = totals[(tool, indicator)].name
        label = wording.localise(f"ตัวชี้วัดที่ {indicator}", digits)
        summary = wording.tally_sentence(label, totals[(tool, indicator)].tally, digits)
        table.section_band(wording.section_title(tool, indicator, name, digits))
        for i, m in enumerate(measures, start=1):
            table.row([
                wording.issue_paras(m.measure, digits),
                wording.responsible_paras(m.measure, digits),
                wording.task_paras(m.measure.steps, digits),
                wording.task_paras(m.measure.reporting, digits),
                outcomes.outcome_paras(m, digits),
            ], then=table.band_height(summary, BODY) if i == len(measures) else 0.0)
        table.band(summary, style=BODY, fill=TOTAL_FILL)
    table.end()


def _summary(flow: Flow, status: PlanStatus, digits: str) -> None:
    flow.y += 6
    if flow.room < 40:
        flow.new_page()
    title = f"สรุปผลการดำเนินการตามมาตรการ {status.round.label_th}"
    _centred(flow, wording.localise(title, digits), HEADING, 2)
    columns = [Column(t, w, "left" if i == 0 else "center")
               for i, (t, w) in enumerate(zip(wording.SUMMARY_COLUMNS, SUMMARY_WIDTHS))]
    table = Table(flow, columns)
    table.begin()
    rows, styles, fills = [], [], []
    for total in status.by_indicator():
        label = wording.section_title(total.tool, total.indicator, total.name, digits)
        rows.append(wording.summary_row(label.removeprefix("เครื่องมือการประเมิน "), total.tally, digits))
        styles.append(BODY)
        fills.append(None)
    rows.append(wording.summary_row("รวมทั้งแผน", status.tally, digits))
    styles.append(BODY_BOLD)
    fills.append(TOTAL_FILL)
    table.rows_of_text(rows, styles, fills)
    table.end()


def _signatures(flow: Flow, status: PlanStatus, digits: str) -> None:
    plan = status.plan
    blocks = [wording.signature_lines("ผู้รายงาน", plan.reporter, digits),
              wording.signature_lines("ผู้อนุมัติ", plan.approver, digits)]
    style = Style(12)
    height = 14 + max(len(b) for b in blocks) * style.line_height
    if flow.room < height:
        flow.new_page()
    flow.y += 14
    half = CONTENT_WIDTH / 2
    top = flow.y
    for i, lines in enumerate(blocks):
        y = top
        for line in lines:
            for part in style.wrap(line, half - 10):
                x = MARGIN_LEFT + i * half + aligned_offset(part, style, half, "center")
                flow.line(x, y, part, style)
                y += style.line_height
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
