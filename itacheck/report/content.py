"""What the report says, before anything is placed on a page: one model for the PDF and the Word copy.

Every sentence comes from `wording` and `outcomes`, in the report's digits. The PDF (`compose`)
lays this model out on A4 pages and the Word copy (`docx`) writes it as paragraphs and tables, so
the two never disagree about a word: change the wording here once and both follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from itacheck.domain.status import MeasureStatus, PlanStatus
from itacheck.report import outcomes, wording
from itacheck.report.wording import Para

Cell = tuple[Para, ...]


@dataclass(frozen=True)
class Section:
    """The measures of one ITA tool and indicator: a title band, their rows of five cells (issue,
    responsible units, steps, reporting items, what was done) and the completion sentence."""

    title: str
    rows: tuple[tuple[Cell, Cell, Cell, Cell, Cell], ...]
    summary: str


@dataclass(frozen=True)
class ReportContent:
    """The whole report, in reading order."""

    digits: str
    # title block
    title_lines: tuple[str, ...]
    fiscal_year: str
    months: str
    organisation: str
    place: str
    # heading, intro paragraph and the date the data is as of
    heading: str
    intro: str
    as_of: str
    # the measures table
    columns: tuple[str, ...]
    sections: tuple[Section, ...]
    # the summary table: one row per indicator, then the plan's total
    summary_title: str
    summary_columns: tuple[str, ...]
    summary_rows: tuple[tuple[str, ...], ...]
    # reporter and approver, three lines each
    signatures: tuple[tuple[str, ...], ...]
    # document properties
    document_title: str
    author: str
    subject: str
    as_of_date: date


def report_content(status: PlanStatus, digits: str) -> ReportContent:
    """The report of ``status`` (a plan's statuses for one round as of a date) in ``digits``."""
    wording.localise("", digits)  # reject a wrong `digits` before any work
    plan, rnd = status.plan, status.round
    summary_rows = []
    for total in status.by_indicator():
        label = wording.section_title(total.tool, total.indicator, total.name, digits)
        summary_rows.append(tuple(wording.summary_row(label.removeprefix("เครื่องมือการประเมิน "), total.tally,
                                                      digits)))
    summary_rows.append(tuple(wording.summary_row("รวมทั้งแผน", status.tally, digits)))
    return ReportContent(
        digits=digits,
        title_lines=wording.TITLE_LINES,
        fiscal_year=wording.fiscal_year_line(rnd, digits),
        months=wording.months_line(rnd, digits),
        organisation=wording.localise(plan.organisation.name, digits),
        place=wording.localise(wording.place_line(plan.organisation), digits),
        heading=wording.intro_heading(plan, digits),
        intro=wording.intro_text(plan, digits),
        as_of=wording.as_of_line(status.as_of, digits),
        columns=wording.COLUMN_TITLES,
        sections=tuple(_sections(status, digits)),
        summary_title=wording.localise(f"สรุปผลการดำเนินการตามมาตรการ {rnd.label_th}", digits),
        summary_columns=wording.SUMMARY_COLUMNS,
        summary_rows=tuple(summary_rows),
        signatures=(tuple(wording.signature_lines("ผู้รายงาน", plan.reporter, digits)),
                    tuple(wording.signature_lines("ผู้อนุมัติ", plan.approver, digits))),
        document_title=wording.document_title(plan, rnd, digits),
        author=wording.localise(plan.organisation.name, digits),
        subject=wording.localise(f"มาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA) {rnd.label_th}", digits),
        as_of_date=status.as_of,
    )


def _sections(status: PlanStatus, digits: str) -> list[Section]:
    """Measures grouped by (tool, indicator), in the order the plan first names each group."""
    groups: dict[tuple[str, int], list[MeasureStatus]] = {}
    for m in status.measures:
        groups.setdefault((m.measure.tool, m.measure.indicator), []).append(m)
    totals = {(t.tool, t.indicator): t for t in status.by_indicator()}
    sections = []
    for (tool, indicator), measures in groups.items():
        total = totals[(tool, indicator)]
        label = wording.localise(f"ตัวชี้วัดที่ {indicator}", digits)
        rows = tuple((
            tuple(wording.issue_paras(m.measure, digits)),
            tuple(wording.responsible_paras(m.measure, digits)),
            tuple(wording.task_paras(m.measure.steps, digits)),
            tuple(wording.task_paras(m.measure.reporting, digits)),
            tuple(outcomes.outcome_paras(m, digits)),
        ) for m in measures)
        sections.append(Section(wording.section_title(tool, indicator, total.name, digits), rows,
                                wording.tally_sentence(label, total.tally, digits)))
    return sections
