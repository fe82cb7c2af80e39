"""From a plan's statuses to the finished PDF: compose the pages, then draw them."""

from __future__ import annotations

from itacheck.domain.status import PlanStatus
from itacheck.report.compose import compose
from itacheck.report.content import report_content
from itacheck.report.render import Metadata, render


def build(status: PlanStatus, digits: str = "thai") -> bytes:
    report = report_content(status, digits)
    meta = Metadata(title=report.document_title, author=report.author, subject=report.subject,
                    as_of=report.as_of_date)
    return render(compose(report), meta)
