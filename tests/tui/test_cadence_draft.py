"""The cadence dialog's fields: what the officer types becomes a cadence, or a reason it cannot."""

from __future__ import annotations

from datetime import date

import pytest

from itacheck.domain.cadence import Cadence
from itacheck.tui.cadence_draft import occurrences_text, cadence_from_fields, read_months


@pytest.mark.parametrize("text", ["4, 10", "เมษายน ตุลาคม", "เดือนเมษายน และเดือนตุลาคม", "เม.ย. ต.ค.", "๔ ๑๐", "Apr Oct"])
def test_due_months_are_read_as_numbers_or_names(text):
    assert read_months(text) == (4, 10)


@pytest.mark.parametrize(("fields", "message"), [
    (("once", "", "", ""), "type the due date"),
    (("once", "๓๑ ก.พ. ๖๖", "", ""), "28"),
    (("semiannual", "", "เมษา 13", ""), "not a month"),
    (("rrule", "", "", "FREQ=SOMETIMES"), "invalid RRULE"),
])
def test_a_field_that_cannot_be_read_says_why(fields, message):
    with pytest.raises(ValueError) as refused:
        cadence_from_fields(*fields)
    assert message in str(refused.value)


def test_each_kind_reads_only_its_own_field():
    assert cadence_from_fields("once", "31 มี.ค. 66", "4", "X") == Cadence("once", due=date(2023, 3, 31))
    assert cadence_from_fields("monthly", "garbage", "garbage", "garbage") == Cadence("monthly")
    assert cadence_from_fields("yearly", "", "ตุลาคม", "") == Cadence("yearly", due_months=(10,))
    assert cadence_from_fields("rrule", "", "", " FREQ=MONTHLY;BYMONTHDAY=15 ").rule == "FREQ=MONTHLY;BYMONTHDAY=15"


def test_the_occurrences_of_the_year_are_shown_before_saving():
    assert occurrences_text(Cadence("quarterly"), 2566, "th") == \
        "๔ ครั้งในปีงบประมาณ ๒๕๖๖: ไตรมาส ๑, ไตรมาส ๒, ไตรมาส ๓, ไตรมาส ๔"
    assert occurrences_text(Cadence("semiannual", due_months=(4, 10)), 2566, "en") == \
        "2 in fiscal year 2566: first half (due 30 Apr 2023), second half (due 31 Oct 2023)"
    monthly = occurrences_text(Cadence("monthly"), 2566, "th")
    assert monthly.startswith("๑๒ ครั้งในปีงบประมาณ ๒๕๖๖: ต.ค. ๖๕, พ.ย. ๖๕,") and monthly.endswith("ก.ย. ๖๖")
