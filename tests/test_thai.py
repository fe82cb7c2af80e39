"""Examples for every date form officers type, every error they can meet, and an oracle
check of the formatting against pythainlp for two whole fiscal years."""

from __future__ import annotations

import datetime

import pytest

from itacheck.thai import (
    MONTHS_LONG,
    MONTHS_SHORT,
    THAI_DIGITS,
    be_year,
    ce_year,
    format_date,
    format_month,
    format_number,
    parse_date,
    parse_year,
    to_arabic_digits,
    to_thai_digits,
)

OCT_25 = datetime.date(2022, 10, 25)
MAR_31 = datetime.date(2023, 3, 31)

# --- digits, months, years ----------------------------------------------------------


def test_digits_convert_both_ways_and_keep_other_text():
    assert THAI_DIGITS == "๐๑๒๓๔๕๖๗๘๙"
    assert to_thai_digits("0123456789") == THAI_DIGITS
    assert to_arabic_digits(THAI_DIGITS) == "0123456789"
    assert to_thai_digits("หน้า 1/3") == "หน้า ๑/๓"
    assert to_arabic_digits("หน้า ๑/๓ [bold]") == "หน้า 1/3 [bold]"


def test_month_names():
    assert len(MONTHS_LONG) == len(MONTHS_SHORT) == 12
    assert (MONTHS_LONG[0], MONTHS_LONG[9], MONTHS_LONG[11]) == ("มกราคม", "ตุลาคม", "ธันวาคม")
    assert MONTHS_SHORT == (
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    )


def test_era_years():
    assert be_year(2022) == 2565
    assert ce_year(2566) == 2023


# --- formatting ---------------------------------------------------------------------


def test_format_number():
    assert format_number(2566) == "๒๕๖๖"
    assert format_number(1234567, digits="arabic") == "1234567"
    assert format_number(-3) == "-๓"


def test_format_date_styles_and_digits():
    assert format_date(OCT_25) == "๒๕ ตุลาคม ๒๕๖๕"
    assert format_date(OCT_25, style="short") == "๒๕ ต.ค. ๖๕"
    assert format_date(OCT_25, digits="arabic") == "25 ตุลาคม 2565"
    assert format_date(OCT_25, digits="arabic", style="short") == "25 ต.ค. 65"


def test_format_date_day_has_no_leading_zero_and_short_year_has_two_digits():
    assert format_date(datetime.date(2043, 1, 5), style="short") == "๕ ม.ค. ๘๖"
    assert format_date(datetime.date(1957, 1, 5), digits="arabic", style="short") == "5 ม.ค. 00"


@pytest.mark.parametrize("kwargs", [{"digits": "roman"}, {"style": "medium"}, {"digits": ""}])
def test_format_date_rejects_unknown_options(kwargs):
    with pytest.raises(ValueError):
        format_date(OCT_25, **kwargs)


def test_format_month():
    assert format_month(2022, 10) == "ตุลาคม ๒๕๖๕"
    assert format_month(2023, 3, digits="arabic") == "มีนาคม 2566"
    with pytest.raises(ValueError):
        format_month(2023, 13)
    with pytest.raises(ValueError):
        format_month(2023, 3, digits="latin")


# --- parsing: accepted forms --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO, CE year
        ("2022-10-25", OCT_25),
        ("2023-03-31", MAR_31),
        # numeric day/month/year, any of / - . separators, Thai or Arabic digits
        ("25/10/2565", OCT_25),
        ("25-10-2565", OCT_25),
        ("25.10.2565", OCT_25),
        ("๒๕/๑๐/๒๕๖๕", OCT_25),
        ("25/10/65", OCT_25),
        ("๒๕/๑๐/๖๕", OCT_25),
        ("25/10/2022", OCT_25),
        ("5/3/2566", datetime.date(2023, 3, 5)),
        ("05/03/2566", datetime.date(2023, 3, 5)),
        # Thai month words
        ("๒๕ ตุลาคม ๒๕๖๕", OCT_25),
        ("25 ตุลาคม 2565", OCT_25),
        ("25 ต.ค. 65", OCT_25),
        ("25 ต.ค.65", OCT_25),
        ("25ต.ค.2565", OCT_25),
        ("๒๕ ตค ๖๕", OCT_25),
        ("25 ต. ค. 65", OCT_25),
        ("วันที่ ๓๑ มีนาคม ๒๕๖๖", MAR_31),
        ("วันที่๓๑ มีนาคม ๒๕๖๖", MAR_31),
        ("31 มีนาคม พ.ศ. 2566", MAR_31),
        ("๓๑ มี.ค. พ.ศ.๒๕๖๖", MAR_31),
        ("31 มีค พศ 2566", MAR_31),
        ("วันที่ ๓๑ เดือนมีนาคม พ.ศ. ๒๕๖๖", MAR_31),
        ("31 มีนาคม ค.ศ. 2023", MAR_31),
        ("  ๒๕   ตุลาคม\t๒๕๖๕ \n", OCT_25),
        ("25\u200bตุลาคม\u200b2565", OCT_25),
        ("๒๙ ก.พ. ๒๕๖๗", datetime.date(2024, 2, 29)),
        # English month names, as a convenience
        ("25 Oct 2022", OCT_25),
        ("25 October 2022", OCT_25),
        ("25 oct 65", OCT_25),
        ("30 Sept 2023", datetime.date(2023, 9, 30)),
    ],
)
def test_parse_date_accepts(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leading word, as dates stand in letters, notices and reports
        ("เมื่อวันที่ ๓๑ มีนาคม ๒๕๖๖", MAR_31),
        ("ณ วันที่ 31 มีนาคม 2566", MAR_31),
        ("ณ ๓๑ มีนาคม ๒๕๖๖", MAR_31),
        ("ลงวันที่ 31 มี.ค. 66", MAR_31),
        ("ลง 31 มี.ค.66", MAR_31),
        ("ลว.31 มี.ค.66", MAR_31),
        ("ลว 31 มี.ค. 2566", MAR_31),
        ("ภายในวันที่ 31 มีนาคม 2566", MAR_31),
        ("ตั้งแต่วันที่ 31 มีนาคม 2566", MAR_31),
        ("ในวันที่ 31มีนาคม 2566", MAR_31),
        ("ประกาศ ณ วันที่ ๓๑ มีนาคม พ.ศ. ๒๕๖๖", MAR_31),
        ("ให้ไว้ ณ วันที่ 31 มีนาคม พ.ศ. 2566", MAR_31),
        ("ประกาศเมื่อ 31 มี.ค. 2566", MAR_31),
        ("ปรับปรุง 31 มี.ค. 66", MAR_31),
        ("ปรับปรุงเมื่อ 31 มีนาคม 2023 เวลา 04:14:12", MAR_31),
        # a weekday before the day, with or without a space before ที่
        ("วันศุกร์ที่ ๓๑ มีนาคม ๒๕๖๖", MAR_31),
        ("ในวันศุกร์ที่ ๓๑ เดือน มีนาคม ๒๕๖๖", MAR_31),
        ("วันศุกร์ ที่ 31 มีนาคม 2566", MAR_31),
        ("วันอังคารที่ 25 ตุลาคม 2565", OCT_25),
        # a trailing time, Thai style or clock style, and "from then on"
        ("25 ตุลาคม 2565 เวลา 10.00", OCT_25),
        ("วันที่ 25 ตุลาคม 2565 เวลา ๑๐.๐๐ น.", OCT_25),
        ("วันอังคารที่ 25 ตุลาคม 2565 ตั้งแต่เวลา 13.30 น. เป็นต้นไป", OCT_25),
        ("ในวันที่ ๒๕ ตุลาคม ๒๕๖๕ ตั้งแต่เวลา ๑๖.๓๐ น.เป็นต้นไป", OCT_25),
        ("ในวันที่ 25 ตุลาคม 2565 เป็นต้นไป", OCT_25),
        ("25 ต.ค. 2022 11:00:00", OCT_25),
        ("25 พ.ย. 2565 13:50", datetime.date(2022, 11, 25)),
        ("25 ตุลาคม 2565, 09:30น.", OCT_25),
        # ISO date-times, as web pages and feeds carry them
        ("2022-10-25T10:00", OCT_25),
        ("2022-10-25T09:13:23", OCT_25),
        ("2022-10-25 21:52:50", OCT_25),
        ("2022-10-25T09:13:23+07:00", OCT_25),
        # month first with a comma, as some content systems print it
        ("Oct 25, 2022", OCT_25),
        ("Oct 25, 2022 8:56:19 AM", OCT_25),
        ("ตุลาคม 25, 2022", OCT_25),
        # the common misspelling of July (ฏ for ฎ) and a stray dot after the day
        ("10 กรกฏาคม 2562", datetime.date(2019, 7, 10)),
        ("1. กรกฎาคม 2560", datetime.date(2017, 7, 1)),
    ],
)
def test_parse_date_reads_dates_as_agencies_write_them(text, expected):
    """Repro: each of these was refused ("cannot read the date") although a person reads one day."""
    assert parse_date(text) == expected


def test_a_weekday_that_does_not_match_the_date_is_refused():
    message = _error("วันจันทร์ที่ 25 ตุลาคม 2565")  # 25 October 2022 was a Tuesday
    assert "วันอังคาร" in message and "Tuesday" in message


@pytest.mark.parametrize("text", ["8 ม.ย.63", "8 มย 63"])
def test_an_abbreviation_of_two_months_is_refused_not_guessed(text):
    """ม.ย. could be มิ.ย. (June) or เม.ย. (April)."""
    assert "unknown month" in _error(text)


@pytest.mark.parametrize("month", range(1, 13))
def test_parse_date_knows_every_month_long_and_short(month):
    expected = datetime.date(2023, month, 1)
    assert parse_date(f"1 {MONTHS_LONG[month - 1]} 2566") == expected
    assert parse_date(f"1 {MONTHS_SHORT[month - 1]} 66") == expected
    assert parse_date(f"1 {MONTHS_SHORT[month - 1].replace('.', '')} 66") == expected


def test_year_ranges_decide_the_era():
    assert parse_date("1/1/2401").year == 1858  # above 2400: BE
    assert parse_date("1/1/1900").year == 1900  # 1900-2200: CE
    assert parse_date("1/1/2200").year == 2200
    assert parse_date("1/1/00") == datetime.date(1957, 1, 1)  # two digits: BE 25xx
    assert parse_date("1/1/99") == datetime.date(2056, 1, 1)


# --- parsing: errors ----------------------------------------------------------------


def _error(text: str) -> str:
    with pytest.raises(ValueError) as info:
        parse_date(text)
    return str(info.value)


def test_day_past_month_end_names_the_month_and_its_length():
    message = _error("๓๑ เมษายน ๒๕๖๖")
    assert message == (
        "วันที่ไม่มีจริง: เดือนเมษายน ๒๕๖๖ มี ๓๐ วัน (invalid date: April 2566 has 30 days)"
    )


def test_february_29_in_a_common_year():
    message = _error("๒๙ ก.พ. ๒๕๖๖")
    assert "กุมภาพันธ์ ๒๕๖๖ มี ๒๘ วัน" in message
    assert "February 2566 has 28 days" in message
    assert "29 days" in _error("30/2/2567")  # 2024 is leap


def test_month_13_and_day_0():
    message = _error("25/13/2565")
    assert "วันที่ไม่มีจริง" in message and "๑๓" in message and "month 13" in message
    message = _error("0/10/2565")
    assert "วันที่ไม่มีจริง" in message and "day 0" in message
    assert "month 0" in _error("2022-00-10")
    assert "31 days" in _error("32 ตุลาคม 2565")


@pytest.mark.parametrize(
    "text", ["25 ตุลาคม 2300", "25/10/565", "25/10/5", "1/1/1899", "1/1/2201", "25/10/02565"]
)
def test_year_outside_the_known_ranges_explains_the_forms(text):
    message = _error(text)
    assert "invalid year" in message
    assert "4-digit BE year" in message and "2-digit BE year" in message
    assert "พ.ศ." in message


def test_be_marker_on_a_ce_year_suggests_the_be_year():
    message = _error("25 ตุลาคม พ.ศ. 2022")
    assert "ค.ศ." in message and "Christian-era" in message and "2565" in message


def test_ce_marker_on_a_be_year_suggests_the_ce_year():
    message = _error("25 ตุลาคม ค.ศ. 2565")
    assert "พ.ศ." in message and "Buddhist-era" in message and "2022" in message


def test_ce_marker_on_a_two_digit_year_is_refused():
    assert "invalid year" in _error("25 ต.ค. ค.ศ. 65")


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "วันที่", "hello", "25 ตุลา 2565", "25 xyz 2565",
        "ตุลาคม 2565", "25 ตุลาคม", "25-10", "2022-10-2022", "เมื่อวันที่ 17-18 พฤษภาคม 2565",
        "วันที่เริ่มใช้งาน มีนาคม 2557", "25 ตุลาคม 2565 เวลา", "2022-10-25T", "25.10.65 น.",
        "[bold]25/10/2565[/]",
        "25/10-2565", "25 พ.ศ. 2565", "25\x0010\x002565", "٢٥/١٠/٢٥٦٥",
    ],
)
def test_unreadable_text_gets_a_bilingual_message_with_examples(text):
    message = _error(text)
    assert message.startswith("อ่านวันที่ไม่ออก: ")
    assert "cannot read the date" in message
    assert "๒๕ ต.ค. ๖๕, 25/10/2565, 2022-10-25" in message


def test_unknown_month_word_is_named():
    assert "unknown month 'xyz'" in _error("25 xyz 2565")
    assert "ไม่รู้จักชื่อเดือน" in _error("25 ตุลา 2565")


def test_huge_input_fails_fast_without_echoing_it():
    message = _error("25 ตุลาคม 2565 " + "x" * 1_000_000)
    assert "100" in message and len(message) < 400


def test_non_string_is_a_type_error():
    with pytest.raises(TypeError):
        parse_date(None)  # type: ignore[arg-type]


# --- parse_year ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["2566", "๒๕๖๖", "66", "๖๖", "2023", " 2566 ", "พ.ศ. 2566", "ค.ศ.2023"]
)
def test_parse_year_returns_the_be_year(text):
    assert parse_year(text) == 2566


@pytest.mark.parametrize(
    "text",
    ["", "abc", "2300", "6", "566", "25666", "2566/67", "พ.ศ. 2023", "ปี 2566", "x" * 10_000],
)
def test_parse_year_rejects(text):
    with pytest.raises(ValueError):
        parse_year(text)


# --- oracle: pythainlp, every day of fiscal years 2566 and 2567 -------------------


def _fiscal_days() -> list[datetime.date]:
    start, end = datetime.date(2022, 10, 1), datetime.date(2024, 9, 30)
    return [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]


FISCAL_DAYS = _fiscal_days()


def test_fiscal_days_cover_two_years_with_a_leap_day():
    assert len(FISCAL_DAYS) == 731
    assert datetime.date(2024, 2, 29) in FISCAL_DAYS


def test_format_date_matches_pythainlp_for_two_fiscal_years():
    pythainlp_util = pytest.importorskip(
        "pythainlp.util", reason="pythainlp is the test-only oracle"
    )
    strftime = pythainlp_util.thai_strftime
    for d in FISCAL_DAYS:
        moment = datetime.datetime(d.year, d.month, d.day)
        assert format_date(d) == strftime(moment, "%-d %B %Y", thaidigit=True), d
        assert format_date(d, digits="arabic") == strftime(moment, "%-d %B %Y"), d
        assert format_date(d, style="short") == strftime(moment, "%-d %b %y", thaidigit=True), d
        assert format_date(d, digits="arabic", style="short") == strftime(moment, "%-d %b %y"), d


@pytest.mark.parametrize("digits", ["thai", "arabic"])
@pytest.mark.parametrize("style", ["long", "short"])
def test_parse_reads_back_every_formatted_day(digits, style):
    for d in FISCAL_DAYS:
        assert parse_date(format_date(d, digits=digits, style=style)) == d
