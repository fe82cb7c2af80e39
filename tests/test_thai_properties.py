"""Properties the rest of the program relies on: parse_date fails only with ValueError
(forms and the CLI catch exactly that), and whatever we print, we can read back."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itacheck.thai import format_date, parse_date, parse_year, to_arabic_digits, to_thai_digits

DATE_ALPHABET = st.sampled_from(
    list("0123456789๐๑๒๓๔๕๖๗๘๙/-. .\t\n\x00\x1b\u200b[]@=")
    + ["ต.ค.", "ตุลาคม", "มี.ค.", "พ.ศ.", "ค.ศ.", "วันที่", "เดือน", "Oct", "2565", "2022"]
    + ["[bold]", "[/]"]
)
date_like = st.lists(DATE_ALPHABET, max_size=12).map("".join)
any_text = st.text(max_size=300)
huge_text = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(20, 200_000))


def _only_value_error(parse, text: str) -> None:
    try:
        parse(text)
    except ValueError as error:
        assert str(error)


@given(st.one_of(any_text, date_like, huge_text))
def test_parse_date_only_raises_value_error(text):
    _only_value_error(parse_date, text)


@given(st.one_of(any_text, date_like, huge_text))
def test_parse_year_only_raises_value_error(text):
    _only_value_error(parse_year, text)


@given(
    st.dates(datetime.date(1950, 1, 1), datetime.date(2150, 12, 31)),
    st.sampled_from(["thai", "arabic"]),
)
def test_long_style_round_trips(d, digits):
    assert parse_date(format_date(d, digits=digits)) == d


@given(
    st.dates(datetime.date(1957, 1, 1), datetime.date(2056, 12, 31)),
    st.sampled_from(["thai", "arabic"]),
)
def test_short_style_round_trips_inside_be_25xx(d, digits):
    assert parse_date(format_date(d, digits=digits, style="short")) == d


@given(
    st.dates(datetime.date(1950, 1, 1), datetime.date(2150, 12, 31)),
    st.sampled_from(["thai", "arabic"]),
)
def test_short_style_keeps_day_month_and_last_two_be_digits(d, digits):
    """A two-digit year means BE 25xx, so outside 1957-2056 the short style is lossy by
    design; it must still read back to the same day, month and year ending."""
    try:
        back = parse_date(format_date(d, digits=digits, style="short"))
    except ValueError:  # 29 Feb whose 25xx counterpart is not leap
        assert (d.month, d.day) == (2, 29)
        return
    assert (back.month, back.day) == (d.month, d.day)
    assert (back.year - d.year) % 100 == 0
    assert 1957 <= back.year <= 2056


@given(st.text(alphabet="0123456789", max_size=50))
def test_digit_conversion_round_trips(s):
    assert to_arabic_digits(to_thai_digits(s)) == s
    assert not any(ch in "0123456789" for ch in to_thai_digits(s))


@settings(max_examples=20)
@given(st.integers(1, 5))
def test_megabyte_input_fails_fast(n):
    with pytest.raises(ValueError):
        parse_date("1" * (1_000_000 * n))
