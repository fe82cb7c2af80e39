from datetime import date

import pytest

from itacheck.domain.fiscal import (
    current_round,
    default_year,
    fiscal_month_index,
    fiscal_round,
    fiscal_year_end,
    fiscal_year_of,
    fiscal_year_start,
    report_deadline,
)


def test_fiscal_year_2566_runs_october_2022_to_september_2023():
    assert fiscal_year_start(2566) == date(2022, 10, 1)
    assert fiscal_year_end(2566) == date(2023, 9, 30)


@pytest.mark.parametrize(
    ("day", "year"),
    [(date(2022, 9, 30), 2565), (date(2022, 10, 1), 2566), (date(2023, 9, 30), 2566), (date(2023, 10, 1), 2567)],
)
def test_fiscal_year_of_switches_on_the_first_of_october(day, year):
    assert fiscal_year_of(day) == year


def test_rounds_of_2566():
    assert (fiscal_round(2566, "half").start, fiscal_round(2566, "half").end) == (date(2022, 10, 1), date(2023, 3, 31))
    assert (fiscal_round(2566, "full").start, fiscal_round(2566, "full").end) == (date(2022, 10, 1), date(2023, 9, 30))
    assert (fiscal_round(2566, "q1").start, fiscal_round(2566, "q1").end) == (date(2022, 10, 1), date(2022, 12, 31))
    assert (fiscal_round(2566, "q2").start, fiscal_round(2566, "q2").end) == (date(2023, 1, 1), date(2023, 3, 31))
    assert (fiscal_round(2566, "q4").start, fiscal_round(2566, "q4").end) == (date(2023, 7, 1), date(2023, 9, 30))
    assert fiscal_round(2566, "half").label_th == "รอบ ๖ เดือน"


def test_unknown_round_is_a_clear_value_error():
    with pytest.raises(ValueError, match="half, full"):
        fiscal_round(2566, "h1")


def test_fiscal_months_count_from_october():
    assert fiscal_month_index(date(2023, 9, 15)) == 12
    assert fiscal_month_index(date(2022, 10, 31)) == 1


def test_a_round_stays_current_until_its_report_is_due():
    """The half-year report is made in April and the annual one in October: until then the round
    they report on is the one shown (before, April already showed the whole year)."""
    assert current_round(date(2023, 3, 31)) == fiscal_round(2566, "half")
    assert current_round(date(2023, 4, 30)) == fiscal_round(2566, "half")
    assert current_round(date(2023, 5, 1)) == fiscal_round(2566, "full")
    assert current_round(date(2026, 11, 28)) == fiscal_round(2570, "half")
    assert report_deadline(fiscal_round(2566, "half")) == date(2023, 4, 30)
    assert report_deadline(fiscal_round(2566, "full")) == date(2023, 10, 31)


def test_last_year_is_the_default_while_its_annual_report_is_due():
    assert default_year([2566, 2567], date(2023, 10, 31)) == 2566
    assert default_year([2566, 2567], date(2023, 11, 1)) == 2567
    assert default_year([2567], date(2023, 10, 15)) == 2567
    assert default_year([2565, 2566], date(2026, 1, 1)) == 2566
    assert default_year([], date(2026, 1, 1)) is None


def test_default_round_is_todays_round_this_year_and_the_whole_year_for_others():
    from itacheck.domain.fiscal import default_round

    assert default_round(2566, date(2023, 3, 31)) == fiscal_round(2566, "half")
    assert default_round(2566, date(2023, 5, 1)) == fiscal_round(2566, "full")
    assert default_round(2566, date(2026, 11, 28)) == fiscal_round(2566, "full")
