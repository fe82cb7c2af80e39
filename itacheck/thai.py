"""Thai digits, month names, Buddhist-Era years, and reading/writing dates.

Officers type and read dates the way Thai government documents write them
(``๒๕ ต.ค. ๖๕``, ``วันที่ ๓๑ มีนาคม พ.ศ. ๒๕๖๖``), while the program stores ISO dates.
Every layer (CLI, TUI, PDF) goes through this one module so that all of them accept
the same inputs and print the same text. Standard library only: the domain layer
must not depend on anything heavier.
"""

from __future__ import annotations

import calendar
import datetime
import re

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
#: Runs of the digits each conversion replaces: `str.translate` looks every character of Thai text
#: up in its table (~0.1 µs each; a status table converts a thousand sentences), so in Thai text
#: only the runs of digits are passed to it.
_ARABIC_RUN = re.compile("[0-9]+")
_THAI_RUN = re.compile(f"[{THAI_DIGITS}]+")

MONTHS_LONG = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
_MONTHS_EN = tuple(calendar.month_name[1:])
#: Monday first, as ``datetime.date.weekday()`` counts.
WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
_WEEKDAYS_EN = tuple(calendar.day_name)

BE_OFFSET = 543
MAX_INPUT_LENGTH = 100
"""Longer text is rejected before any work, so pasted junk (or a 1 MB field) fails fast."""

_DATE_EXAMPLES = "๒๕ ต.ค. ๖๕, 25/10/2565, 2022-10-25"
_YEAR_FORMS = (
    "ใช้ พ.ศ. ๔ หลัก (เช่น ๒๕๖๖), ค.ศ. ๔ หลัก (เช่น 2023) หรือ พ.ศ. ๒ หลัก (เช่น ๖๖)",
    "use a 4-digit BE year such as 2566, a 4-digit CE year such as 2023,"
    " or a 2-digit BE year such as 66",
)


def _month_key(word: str) -> str:
    """Abbreviations are typed with or without dots and spaces (ต.ค., ตค, ต. ค.)."""
    return word.replace(".", "").replace(" ", "").lower()


_MONTH_BY_NAME = {
    _month_key(name): number
    for number, names in enumerate(zip(MONTHS_LONG, MONTHS_SHORT, _MONTHS_EN), start=1)
    for name in (*names, names[2][:3])
}
_MONTH_BY_NAME["sept"] = 9
_MONTH_BY_NAME["กรกฏาคม"] = 7  # the common misspelling (ฏ for ฎ) found on official pages


def month_number(word: str) -> int | None:
    """1–12 for a month name as written (long, abbreviated with or without dots, English);
    None for anything else, including ambiguous abbreviations such as ม.ย."""
    return _MONTH_BY_NAME.get(_month_key(word).removeprefix("เดือน"))


# Patterns run on normalised text: ASCII digits, single spaces, no outer blanks.
_NUMERIC = re.compile(r"(\d+) ?([/.-]) ?(\d+) ?\2 ?(\d+)", re.ASCII)
_WORDS = re.compile(r"(\d{1,2}) ?(\D+?) ?(\d+)", re.ASCII)
_YEAR_ONLY = re.compile(r"(\D*?) ?(\d+)", re.ASCII)
_MONTH_FIRST = re.compile(r"(\D+?) ?(\d{1,2}) ?, ?(\d{4})", re.ASCII)  # Oct 25, 2022
_WEEKDAY_NUMBER = {name: number for number, name in enumerate(WEEKDAYS)} | {"พฤหัส": 3}
_WEEKDAY_WORDS = "|".join(sorted(_WEEKDAY_NUMBER, key=len, reverse=True))
# What stands before a date in letters and notices: "ประกาศ ณ วันที่", "ลว.", "เมื่อวันศุกร์ที่" ...
_LEADING = re.compile(
    r"(?:(?:ประกาศ|ให้ไว้|ปรับปรุง(?:ล่าสุด)?) ?)?(?:(?:ณ|เมื่อ|ลง|ลว\.?|ภายใน|ตั้งแต่|จนถึง|ถึง|ใน) ?)?"
    rf"(?:วัน(?:(?P<weekday>{_WEEKDAY_WORDS}) ?(?:ที่)?|ที่) ?)?"
)
# ... and what follows it: a time of day (Thai "เวลา 10.00 น." or clock "10:00:00"), "เป็นต้นไป".
_TRAILING = re.compile(
    r"(?:,? ?(?:ตั้งแต่ ?)?เวลา ?\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?: ?- ?\d{1,2}[.:]\d{2})? ?(?:น\.?)?"
    r"|(?:,? |T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:am|pm|น\.?))?(?:z|[+-]\d{2}:?\d{2})?"
    r"|,? \d{1,2}\.\d{2} ?น\.?)? ?(?:เป็นต้นไป)?$",
    re.IGNORECASE,
)


def to_thai_digits(s: str) -> str:
    """Arabic → Thai digits; other characters are kept, so whole sentences can be passed."""
    return s.translate(_TO_THAI) if s.isascii() else _ARABIC_RUN.sub(_thai_run, s)


def to_arabic_digits(s: str) -> str:
    """Thai → Arabic digits, so that parsing and storage only ever see ASCII digits."""
    return s.translate(_TO_ARABIC) if s.isascii() else _THAI_RUN.sub(_arabic_run, s)


def _thai_run(digits: re.Match[str]) -> str:
    return digits[0].translate(_TO_THAI)


def _arabic_run(digits: re.Match[str]) -> str:
    return digits[0].translate(_TO_ARABIC)


def be_year(ce: int) -> int:
    """Buddhist-Era year of a Christian-era year (2022 → 2565)."""
    return ce + BE_OFFSET


def ce_year(be: int) -> int:
    """Christian-era year of a Buddhist-Era year (2565 → 2022)."""
    return be - BE_OFFSET


def _digits(text: str, digits: str) -> str:
    """One switch for the whole program: reports are Thai-digit by default, data is not."""
    if digits == "thai":
        return to_thai_digits(text)
    if digits == "arabic":
        return text
    raise ValueError(f"digits must be 'thai' or 'arabic', not {digits!r}")


def format_number(n: int, digits: str = "thai") -> str:
    """A number without grouping, because years and page numbers use it too (๒๕๖๖, not ๒,๕๖๖)."""
    return _digits(str(n), digits)


def format_date(d: datetime.date, digits: str = "thai", style: str = "long") -> str:
    """``๒๕ ตุลาคม ๒๕๖๕`` (long) or ``๒๕ ต.ค. ๖๕`` (short, two-digit BE year), as in Thai
    official documents. The output is always accepted by :func:`parse_date`."""
    be = be_year(d.year)
    if style == "long":
        text = f"{d.day} {MONTHS_LONG[d.month - 1]} {be}"
    elif style == "short":
        text = f"{d.day} {MONTHS_SHORT[d.month - 1]} {be % 100:02d}"
    else:
        raise ValueError(f"style must be 'long' or 'short', not {style!r}")
    return _digits(text, digits)


def format_month(year_ce: int, month: int, digits: str = "thai") -> str:
    """``ตุลาคม ๒๕๖๕``: the month-and-year used in round headers."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12, not {month!r}")
    return _digits(f"{MONTHS_LONG[month - 1]} {be_year(year_ce)}", digits)


def _cannot_read(text: str, reason_th: str, reason_en: str) -> ValueError:
    """The user sees this in a form or on stderr: say what was wrong and show working examples."""
    shown = repr(text[:40] + ("…" if len(text) > 40 else ""))
    return ValueError(
        f"อ่านวันที่ไม่ออก: {shown} {reason_th}"
        f" (cannot read the date: {shown}, {reason_en}; examples: {_DATE_EXAMPLES})"
    )


def _cannot_read_year(text: str) -> ValueError:
    """Same idea as :func:`_cannot_read`, for a bare year."""
    shown = repr(text[:40] + ("…" if len(text) > 40 else ""))
    return ValueError(
        f"อ่านปีไม่ออก: {shown} {_YEAR_FORMS[0]} (cannot read the year: {shown}; {_YEAR_FORMS[1]})"
    )


def _normalise(text: str) -> str | None:
    """ASCII digits and single spaces, so the patterns need not care how it was typed.
    Zero-width spaces come with text copied out of our own PDFs. None when the text is
    too long to be a date: checked first, so a pasted megabyte costs nothing."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, not {type(text).__name__}")
    if len(text) > MAX_INPUT_LENGTH:
        return None
    return " ".join(to_arabic_digits(text).replace("\u200b", " ").split())


def _split_era(key: str) -> tuple[str, str | None]:
    """พ.ศ./ค.ศ. written before the year; ``key`` is already free of dots and spaces."""
    for era in ("พศ", "คศ"):
        if key.endswith(era):
            return key[: -len(era)], era
    return key, None


def _resolve_year(token: str, era: str | None) -> int:
    """Christian-era year of a typed year. Two digits are always BE 25xx; four digits are
    told apart by range (BE > 2400, CE 1900–2200), which never overlap; anything else
    would be a guess, so it is refused. An explicit era that contradicts the range is
    almost always a slip, so it is refused with the likely intended year."""
    year = int(token)
    if len(token) == 2 and era != "คศ":
        return ce_year(2500 + year)
    if len(token) == 4 and year > 2400 and era != "คศ":
        return ce_year(year)
    if len(token) == 4 and 1900 <= year <= 2200 and era != "พศ":
        return year
    th = to_thai_digits
    if era == "พศ" and len(token) == 4 and 1900 <= year <= 2200:
        raise ValueError(
            f"ปี พ.ศ. {th(token)} ดูเหมือนเป็นปี ค.ศ. หมายถึง พ.ศ. {th(str(be_year(year)))} หรือไม่"
            f" (year {token} is written as พ.ศ. (BE) but looks like a Christian-era year;"
            f" did you mean พ.ศ. {be_year(year)}?)"
        )
    if era == "คศ" and len(token) == 4 and year > 2400:
        raise ValueError(
            f"ปี ค.ศ. {th(token)} ดูเหมือนเป็นปี พ.ศ. หมายถึง ค.ศ. {th(str(ce_year(year)))} หรือไม่"
            f" (year {token} is written as ค.ศ. (CE) but looks like a Buddhist-era year;"
            f" did you mean ค.ศ. {ce_year(year)}?)"
        )
    raise ValueError(
        f"ปีไม่ถูกต้อง: {th(token)} {_YEAR_FORMS[0]} (invalid year {token}: {_YEAR_FORMS[1]})"
    )


def _build_date(year_ce: int, month: int, day: int) -> datetime.date:
    """Impossible dates are reported in the user's terms (month name, BE year, its length)
    rather than as Python's "day is out of range for month"."""
    th = to_thai_digits
    if not 1 <= month <= 12:
        raise ValueError(
            f"วันที่ไม่มีจริง: ไม่มีเดือนที่ {th(str(month))}"
            f" (invalid date: there is no month {month})"
        )
    if day < 1:
        raise ValueError(
            f"วันที่ไม่มีจริง: ไม่มีวันที่ {th(str(day))} (invalid date: there is no day {day})"
        )
    length = calendar.monthrange(year_ce, month)[1]
    if day > length:
        be = be_year(year_ce)
        raise ValueError(
            f"วันที่ไม่มีจริง: เดือน{MONTHS_LONG[month - 1]} {th(str(be))} มี {th(str(length))} วัน"
            f" (invalid date: {_MONTHS_EN[month - 1]} {be} has {length} days)"
        )
    return datetime.date(year_ce, month, day)


def parse_date(text: str) -> datetime.date:
    """Read a date as an officer would type or paste it (see the module tests for every
    accepted form), including the words agencies put around it: a leading ณ/ลง/ลว./เมื่อ/
    ภายในวันที่ or weekday, a trailing time of day. Raises ValueError, and only ValueError,
    with a Thai/English message meant to be shown to the user as is."""
    s = _normalise(text)
    if s is None:
        raise _cannot_read(
            text, f"ยาวเกิน {to_thai_digits(str(MAX_INPUT_LENGTH))} ตัวอักษร",
            f"longer than {MAX_INPUT_LENGTH} characters",
        )
    lead = _LEADING.match(s)
    s = _TRAILING.sub("", s[lead.end():], count=1).strip()
    if not s:
        raise _cannot_read(text, "ไม่มีวันที่", "no date given")
    day = _read_day(s, text)
    if lead["weekday"]:
        _check_weekday(day, _WEEKDAY_NUMBER[lead["weekday"]])
    return day


def _check_weekday(day: datetime.date, weekday: int) -> None:
    """A weekday that contradicts the date is a typo in one of them: say which day it was."""
    if day.weekday() != weekday:
        shown = format_date(day)
        raise ValueError(
            f"วันที่ไม่ตรงกับวัน: {shown} เป็นวัน{WEEKDAYS[day.weekday()]} ไม่ใช่วัน{WEEKDAYS[weekday]}"
            f" ({day.isoformat()} was a {_WEEKDAYS_EN[day.weekday()]}, not a {_WEEKDAYS_EN[weekday]})"
        )


def _read_day(s: str, text: str) -> datetime.date:
    """The date itself, once the words around it are gone; ``text`` is what the user gave."""
    if m := _NUMERIC.fullmatch(s):
        first, _, middle, last = m.groups()
        if len(first) == 4 and len(last) <= 2:  # year first: 2022-10-25
            return _build_date(_resolve_year(first, None), int(middle), int(last))
        if len(first) <= 2 and len(middle) <= 2:  # day first: 25/10/2565
            return _build_date(_resolve_year(last, None), int(middle), int(first))
        raise _cannot_read(text, "รูปแบบตัวเลขไม่ถูกต้อง", "the numbers are not in a known order")

    if m := _WORDS.fullmatch(s):
        day, words, year = m.groups()
        key, era = _split_era(_month_key(words))
        key = key.removeprefix("เดือน")  # formal letters: วันที่ ๒๕ เดือนตุลาคม พ.ศ. ๒๕๖๕
        if key in _MONTH_BY_NAME:
            return _build_date(_resolve_year(year, era), _MONTH_BY_NAME[key], int(day))
        if any(ch.isalpha() for ch in key):
            raise _cannot_read(text, f"ไม่รู้จักชื่อเดือน {words!r}", f"unknown month {words!r}")

    if (m := _MONTH_FIRST.fullmatch(s)) and (month := month_number(m.group(1))):
        return _build_date(_resolve_year(m.group(3), None), month, int(m.group(2)))

    raise _cannot_read(text, "ไม่ใช่รูปแบบวันที่ที่รู้จัก", "is not a known date form")


def parse_year(text: str) -> int:
    """A year typed for ``--year`` or the period selector (2566, ๒๕๖๖, 66, พ.ศ. 2566, or
    CE 2023), returned as the BE year that names fiscal years and data files."""
    s = _normalise(text)
    m = _YEAR_ONLY.fullmatch(s) if s is not None else None
    key, era = _split_era(_month_key(m.group(1))) if m else ("?", None)
    if not m or key:
        raise _cannot_read_year(text)
    return be_year(_resolve_year(m.group(2), era))
