"""From a plan's statuses to the finished PDF: compose the pages, then draw them."""

from __future__ import annotations

from collections.abc import Iterator

from itacheck.domain.status import PlanStatus
from itacheck.report.compose import compose
from itacheck.report.content import report_content
from itacheck.report.layout import Item
from itacheck.report.render import Metadata, render


def build(status: PlanStatus, digits: str = "thai") -> bytes:
    report = report_content(status, digits)
    meta = Metadata(title=report.document_title, author=report.author, subject=report.subject,
                    as_of=report.as_of_date)
    return render(_handed_over(compose(report)), meta)


def _handed_over(pages: list[list[Item]]) -> Iterator[list[Item]]:
    """``pages`` in order, each dropped from the list as it is drawn: a page's items are not needed
    once fpdf2 holds its content (a 1,000-page report's items take tens of megabytes)."""
    pages.reverse()
    while pages:
        yield pages.pop()
