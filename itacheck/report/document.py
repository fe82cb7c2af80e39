"""From a plan's statuses to the finished PDF: compose the pages, then draw them."""

from __future__ import annotations

from itacheck.domain.status import PlanStatus
from itacheck.report import wording
from itacheck.report.compose import compose
from itacheck.report.render import Metadata, render


def build(status: PlanStatus, digits: str = "thai") -> bytes:
    wording.localise("", digits)  # reject a wrong `digits` before any work
    plan = status.plan
    meta = Metadata(
        title=wording.document_title(plan, status.round, digits),
        author=wording.localise(plan.organisation.name, digits),
        subject=wording.localise(f"มาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA) {status.round.label_th}", digits),
        as_of=status.as_of,
    )
    return render(compose(status, digits), meta)
