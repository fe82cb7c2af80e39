"""The report's numbers, read back from the PDF with pypdf, are those of `plan_status`.

Each figure of the summary table and of each indicator's summary sentence is compared with counts
worked out here from the statuses of the same plan's occurrences on the same date, for the sample
plan (half year and year) and for a plan whose indicators all have different counts, with late,
skipped, due-soon, open and upcoming periods (so a swapped column, a count left out, a rounded
percentage or the plan's totals printed for an indicator all show)."""

from __future__ import annotations

from pdf_numbers import expected_by_indicator, printed_sentences, printed_summary
from pdfcheck import FULL_YEAR_AS_OF, Built, sample_status


def check_numbers(status, built: Built) -> None:
    expected = expected_by_indicator(status)
    assert printed_summary(built.reader) == expected
    sentences = printed_sentences(built.text)
    assert set(sentences) == {key.split()[1] for key in expected if key != "plan"}
    for key, counts in expected.items():
        if key == "plan":
            continue
        printed = sentences[key.split()[1]]
        assert printed["completed"] == str(int(counts["done"]) + int(counts["late"])), key
        assert {k: printed[k] for k in counts} == counts, key


def test_the_half_year_report_prints_the_plan_status_numbers(half_status, half_year: Built) -> None:
    check_numbers(half_status, half_year)


def test_the_annual_report_prints_the_plan_status_numbers(full_year: Built) -> None:
    check_numbers(sample_status("full", FULL_YEAR_AS_OF), full_year)


def test_a_plan_with_different_numbers_per_indicator(mixed) -> None:
    status, built = mixed
    expected = expected_by_indicator(status)
    assert len({tuple(c.values()) for c in expected.values()}) == len(expected)  # no two alike
    check_numbers(status, built)


def test_arabic_digits_print_the_same_numbers(half_status, half_year_arabic: Built) -> None:
    check_numbers(half_status, half_year_arabic)
