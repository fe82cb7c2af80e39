"""Thai line breaking: breaks only between words, never past the column, nothing lost; numbers
with their unit, short brackets and compounds whole, no lone one-word last line that could be
avoided, no line ending in a leading vowel.

Each rule is tried on the report's own phrases at the widths of its columns or over a sweep of
widths that makes the old breaker break it; what is expected is written here, never read from the
code under test."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itacheck.report.fonts import face_for
from itacheck.report.thaiwrap import text_width, wrap
from itacheck.thaitext.cells import clusters
from itacheck.thaitext.lines import fill
from itacheck.thaitext.segment import ZWSP, break_units, words

FACE = face_for(False)
BOLD = face_for(True)
STEP = ("เจ้าหน้าที่ผู้รับผิดชอบจัดให้มีช่องทางการติดต่อให้มีมากกว่า ๑ ช่องทาง และติดต่อได้สะดวกมากยิ่งขึ้น "
        "เช่น เว็บไซต์หน่วยงาน ที่อยู่สำนักงาน เบอร์โทรศัพท์หน่วยงาน เบอร์โทรศัพท์ผู้บริหาร และเจ้าหน้าที่ "
        "facebook หน่วยงาน ไลน์หน่วยงาน ผู้บริหารกำกับติดตามการดำเนินการของเจ้าหน้าที่ให้ครบทุกขั้นตอน")
#: A line is broken inside a compound only when it would otherwise be less full than this.
FULL_ENOUGH = 0.6
#: The inner widths (mm) of the report's columns: column less its padding (1.6 mm each side).
ISSUE, UNITS, STEPS, REPORTING, OUTCOME = (w - 3.2 for w in (50.0, 27.0, 61.0, 57.0, 72.0))
SUMMARY_COUNT, SUMMARY_NARROW = 27.0 - 3.2, 24.0 - 3.2
LIST_NUMBER = FACE.width("๑. ", 10.5)  # a numbered step's continuation lines hang under its text
SWEEP = [w / 2 for w in range(40, 241)]  # 20 to 120 mm by half millimetres


def boundaries(units: tuple[str, ...]) -> set[int]:
    at, out = 0, set()
    for unit in units:
        at += len(unit)
        out.add(at)
    return out


@pytest.mark.parametrize("width", [25.0, 40.0, 57.0, 72.0, 200.0])
def test_lines_fit_and_break_only_between_words(width: float) -> None:
    lines = wrap(STEP, FACE, 10.5, width)
    assert "".join(lines) == STEP
    allowed = boundaries(break_units(STEP))
    at = 0
    for line in lines[:-1]:
        at += len(line)
        assert at in allowed, f"break inside a word: {line!r}"
    for line in lines:
        assert text_width(line, FACE, 10.5) <= width + 1e-6


def test_lines_are_filled() -> None:
    """Greedy: the next line's first word would not have fitted on the line before, and a line
    ends inside a compound only when it would otherwise be less than FULL_ENOUGH full."""
    width = 50.0
    lines = wrap(STEP, FACE, 10.5, width)
    for line, following in zip(lines, lines[1:]):
        if text_width(line, FACE, 10.5) >= FULL_ENOUGH * width:
            first = "".join(words(following)[0])
        else:
            first = break_units(following)[0]
        assert text_width(line + first, FACE, 10.5) > width


def test_compounds_stay_whole_when_the_line_is_full_enough() -> None:
    text = "รายงานให้ผู้บริหารทราบ ผู้บริหารกำกับเจ้าหน้าที่ในหน่วยงานประชาสัมพันธ์ช่องทางการติดต่อหน่วยงาน"
    assert ("ผู้", "บริหาร") in words(text) and ("หน่วย", "งาน") in words(text)
    for width in range(28, 80, 2):
        lines = wrap(text, FACE, 10.5, float(width))
        for line in lines[:-1]:
            for head in ("ผู้", "หน่วย"):
                if line.endswith(head):  # split only because the line was too empty without it
                    assert text_width(line[:-len(head)], FACE, 10.5) < FULL_ENOUGH * width, (width, lines)


def test_a_compound_wider_than_what_is_left_of_an_emptyish_line_is_split() -> None:
    lines = wrap("ที่ องค์การบริหารส่วนตำบลเมืองน้อย", FACE, 10.5, 30.0)
    assert lines[0].startswith("ที่ องค์การ") and "".join(lines) == "ที่ องค์การบริหารส่วนตำบลเมืองน้อย"


def test_hanging_indent_narrows_continuation_lines() -> None:
    lines = wrap(STEP, FACE, 10.5, 60.0, hang=10.0)
    assert text_width(lines[0], FACE, 10.5) > 50.0
    assert all(text_width(line, FACE, 10.5) <= 50.0 for line in lines[1:])


def test_paragraphs_and_blank_lines() -> None:
    assert wrap("ก\n\nข", FACE, 10.5, 50.0) == ["ก", "", "ข"]


def test_a_word_wider_than_the_column_breaks_betweenclusters() -> None:
    word = "องค์การบริหารส่วนตำบลเมืองน้อย" * 3
    lines = wrap(word, BOLD, 12, 20.0)
    assert "".join(lines) == word and len(lines) > 3
    for line in lines:
        assert text_width(line, BOLD, 12) <= 20.0
        assert unicodedata.category(line[0]) not in ("Mn", "Mc") and line[0] not in "ะาำๆ"
        assert line[-1] not in "เแโใไ"


def test_long_url_breaks_and_keeps_every_character() -> None:
    url = "https://www.mueangnoi.go.th/news/2566/10/25/ประชาสัมพันธ์ช่องทางการติดต่อหน่วยงาน?id=123456"
    lines = wrap(url, FACE, 10.5, 45.0)
    assert "".join(lines) == url and len(lines) > 1


def test_dates_and_years_stay_on_one_line() -> None:
    text = "ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ถึงเดือนมีนาคม ๒๕๖๖"
    for width in range(30, 90, 3):
        for line in wrap(text, FACE, 10.5, float(width)):
            for fragment in ("๒๕ ตุลาคม ๒๕๖๕", "พ.ศ. ๒๕๖๖", "มีนาคม ๒๕๖๖"):
                head = fragment.split(" ")[0]
                if line.rstrip().endswith(head) and fragment not in line:
                    pytest.fail(f"{fragment!r} broken at width {width}: {line!r}")


def test_zero_width_spaces_are_break_hints_not_text() -> None:
    units = break_units("ภาษาไทย\u200bง่าย")
    assert "".join(units) == "ภาษาไทยง่าย"
    assert ZWSP not in "".join(wrap("ภาษาไทย\u200bง่ายมาก", FACE, 10.5, 12.0))


def test_the_segmenter_keeps_thai_words_whole() -> None:
    units = break_units("ผู้บริหารกำกับติดตามรายงานผลการดำเนินงานอื่นๆ")
    assert "รายงาน" in "".join(units)
    for word in ("อื่นๆ", "ติดตาม", "กำกับ"):
        assert any(word in u for u in units), units


thai_text = st.text(alphabet=st.sampled_from(list("กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋็์ัๆ ๑๒abc-/.")),
                    min_size=0, max_size=120)


@settings(max_examples=150, deadline=None)
@given(text=thai_text, width=st.floats(min_value=8.0, max_value=120.0))
def test_any_text_comes_back_whole_and_fits(text: str, width: float) -> None:
    lines = wrap(text, FACE, 10.5, width)
    assert "".join(lines) == text
    for line in lines:
        # only a single character cluster wider than the column may stick out
        assert text_width(line, FACE, 10.5) <= width + 1e-6 or len(clusters(line.rstrip())) == 1


def breaks(text: str, widths=SWEEP, face=FACE, hang: float = 0.0):
    """Every (width, line, next line) where ``text`` breaks, over ``widths``."""
    for width in widths:
        lines = wrap(text, face, 10.5, width, hang)
        for line, following in zip(lines, lines[1:]):
            yield width, line, following


def split(line: str, following: str, fragment: str) -> int | None:
    """Where in ``line`` the ``fragment`` that the break between the two lines cuts starts."""
    at = len(line)
    return next((m.start() for m in re.finditer(re.escape(fragment), line + following)
                 if m.start() < at < m.end()), None)


NUMBERS = [
    STEP,
    "เจ้าหน้าที่รายงานการประชาสัมพันธ์ช่องทางถามตอบให้ผู้บริหารทราบทุก ๖ เดือนภายในเดือนเมษายน และเดือนตุลาคม ของทุกปี",
    "ผู้บริหากำกับติดตามการดำเนินการของเจ้าหน้าที่ทุก ๖ เดือนตามกำหนด",
    "เจ้าหน้าที่ผู้รับผิดชอบรายงานการประชาสัมพันธ์ช่องทางรับเรื่องร้องเรียนการทุจริตของเจ้าหน้าที่ในหน่วยงาน "
    "ให้ผู้บริหารทราบถึงการประชาสัมพันธ์ ไตรมาสละ ๑ ครั้ง",
    "- เดือนพฤศจิกายน 2565 - มีนาคม 2566 (5 เดือน): เกินกำหนด ยังไม่ได้ดำเนินการ",
    "จัดให้มีช่องทางรับแจ้งเรื่องร้องเรียนการทุจริตของเจ้าหน้าที่ในหน่วยงานโดยแยกจากเรื่องร้องเรียนอื่นๆ มากกว่า ๑ ช่องทาง",
]
NUMBER_IDS = ["1-channel", "every-6-months", "every-6-months-short", "1-time-per-quarter", "5-months-arabic",
              "1-complaint-channel"]


@pytest.mark.parametrize("text", NUMBERS, ids=NUMBER_IDS)
def test_a_number_stays_with_its_unit(text: str) -> None:
    """``มากกว่า ๑ |ช่องทาง``, ``ทุก ๖ |เดือน``, ``ไตรมาสละ ๑ |ครั้ง``, ``(5 |เดือน)`` were all printed; a
    year (four digits) may still end a line."""
    bad = [(w, a, b) for w, a, b in breaks(text)
           if re.search(r"(?<![0-9๐-๙])[0-9๐-๙]{1,3}\s*$", a) and re.match("[\u0e01-\u0e4e]", b)]
    assert not bad, bad[:3]


@pytest.mark.parametrize("text, bracket", [
    ("- เดือนพฤศจิกายน 2565 - มีนาคม 2566 (5 เดือน): เกินกำหนด ยังไม่ได้ดำเนินการ", "(5 เดือน)"),
    ("- เดือนพฤศจิกายน ๒๕๖๕ - กุมภาพันธ์ ๒๕๖๖ (๔ เดือน): เกินกำหนด ยังไม่ได้ดำเนินการ", "(๔ เดือน)"),
    ("ขั้นตอนที่ ๓: ไม่มีกำหนดดำเนินการในรอบนี้ (ปีละ ๑ ครั้ง)", "(ปีละ ๑ ครั้ง)"),
], ids=["5-months-arabic", "4-months", "once-a-year"])
def test_a_short_bracket_stays_whole(text: str, bracket: str) -> None:
    bad = [(w, a, b) for w, a, b in breaks(text, [w for w in SWEEP if w >= 40]) if split(a, b, bracket) is not None]
    assert not bad, bad[:3]


@pytest.mark.parametrize("text", [
    "- ไตรมาสที่ ๒: ยังไม่ได้ดำเนินการ ใกล้ครบกำหนด (กำหนดวันที่ ๓๑ มีนาคม ๒๕๖๖)",
    "- เดือนมีนาคม ๒๕๖๖: ยังไม่ได้ดำเนินการ ใกล้ครบกำหนด (กำหนดวันที่ ๓๑ มีนาคม ๒๕๖๖)",
], ids=["quarter", "month"])
def test_a_due_date_in_brackets_stays_whole_in_the_outcome_column(text: str) -> None:
    """In the column it is printed in (a bullet: one step in, continuation lines one more)."""
    lines = wrap(text, FACE, 10.5, OUTCOME - 3.0, hang=3.0)
    assert lines[-1] == "(กำหนดวันที่ ๓๑ มีนาคม ๒๕๖๖)", lines



@pytest.mark.parametrize("text", [
    "ขั้นตอนที่ ๒: ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕",
    "- ไตรมาสที่ ๑: ดำเนินการแล้วเสร็จเมื่อวันที่ ๓๑ ธันวาคม ๒๕๖๕ ล่าช้ากว่ากำหนด (กำหนดวันที่ ๓๐ ธันวาคม ๒๕๖๕)",
    "ขั้นตอนที่ ๑: สำนักปลัดดำเนินการแล้วเสร็จเมื่อวันที่ 25 Oct 2022",
    "ข้อมูลการดำเนินการ ณ วันที่ ๓๑ มีนาคม ๒๕๖๖",
], ids=["done-on", "late", "arabic-date", "as-of"])
def test_the_word_day_stays_with_its_date_where_the_line_allows(text: str) -> None:
    """``…ดำเนินการแล้วเสร็จเมื่อวันที่`` / ``๒๕ ตุลาคม ๒๕๖๕`` was printed ten times in the sample
    report: วันที่ ("the date") goes to the next line with its date, unless that would leave the
    line too empty. The date itself is never broken for it (only when it is wider than a line)."""
    date = re.compile(r"[0-9๐-๙]{1,2} \S+ [0-9๐-๙]{4}")
    for width, line, following in breaks(text):
        if line.rstrip().endswith("วันที่") and date.match(following):
            before = line.rstrip()[:-len("วันที่")]
            assert text_width(before, FACE, 10.5) < FULL_ENOUGH * width, (width, line, following)
        for m in re.finditer(date.pattern + r"\S*", text):  # broken only when wider than the column
            assert split(line, following, m.group()) is None or text_width(m.group(), FACE, 10.5) > width, \
                (width, line, following)

@pytest.mark.parametrize("text, word", [
    ("เจ้าหน้าที่ผู้รับผิดชอบจัดให้มีช่องทางการติดต่อให้มีมากกว่า ๑ ช่องทาง", "ช่องทาง"),
    ("ผู้บริหารกำกับเจ้าหน้าที่ในหน่วยงานประชาสัมพันธ์ช่องทางการติดต่อหน่วยงานในทุกภารกิจงาน", "ช่องทาง"),
    ("รายงานการประชาสัมพันธ์ช่องทางการติดต่อหน่วยงานให้ผู้บริหารทราบ อย่างน้อยไตรมาสละ ๑ ครั้ง", "อย่างน้อย"),
    ("รายงานการประชาสัมพันธ์ช่องทางการติดต่อหน่วยงานให้ผู้บริหารทราบ อย่างน้อยไตรมาสละ ๑ ครั้ง", "ไตรมาสละ"),
    ("หน่วยงานที่ท่านติดต่อ มีการชี้แจงและตอบคำถาม เมื่อมีข้อกังวลสงสัยเกี่ยวกับการดำเนินงานได้อย่างชัดเจน "
     "มากน้อยเพียงใด", "มากน้อย"),
], ids=["channel-of-contact", "channel-in-every-task", "at-least", "per-quarter", "how-much"])
def test_agency_compounds_stay_whole_where_the_line_allows(text: str, word: str) -> None:
    """``ช่อง|ทางการติดต่อ`` (the segmenter reads ช่อง+ทางการ where the text means ช่องทาง+การ),
    ``อย่าง|น้อย``, ``มาก|น้อย``, ``ไตรมาส|ละ``: split only when the line would otherwise be too empty."""
    bad = [(width, line, following) for width, line, following in breaks(text)
           if (start := split(line, following, word)) is not None
           and text_width(line[:start], FACE, 10.5) >= FULL_ENOUGH * width]
    assert not bad, bad[:3]


def test_the_agency_words_are_units_and_other_words_still_split() -> None:
    assert break_units("ช่องทางการติดต่อ") == ("ช่อง", "ทาง", "การ", "ติดต่อ")
    assert "ทางการ" in break_units("หนังสือเป็นทางการ")  # ทางการ (official) is a word of its own
    assert ("ช่อง", "ทาง") in words("ช่องทางการติดต่อ") and ("การ",) in words("ช่องทางการติดต่อ")
    assert ("อย่าง", "น้อย") in words("อย่างน้อยไตรมาสละ ๑ ครั้ง")
    assert ("ไตรมาส", "ละ ") in words("อย่างน้อยไตรมาสละ ๑ ครั้ง")
    assert ("มาก", "น้อย") in words("มากน้อยเพียงใด")
    assert ("อย่าง",) in words("อย่างสม่ำเสมอ") and ("มาก",) in words("มากที่สุด")  # still free to break
    assert ("น้อย",) in words("ไม่มากก็น้อย") and ("ไตรมาส",) in words("ไตรมาสที่ ๒")
    assert ("ละเว้น",) in words("ละเว้นการปฏิบัติ")


@pytest.mark.parametrize("text, width, face, hang, count, last", [
    ("ไม่ต้องดำเนินการ", SUMMARY_COUNT, BOLD, 0.0, 2, "ดำเนินการ"),
    ("ยังไม่ครบกำหนด", SUMMARY_NARROW, BOLD, 0.0, 2, "ครบกำหนด"),
    ("มาตรการภายในเพื่อป้องกันการทุจริต", ISSUE, FACE, 0.0, 2, "การทุจริต"),
    ("๒. ผู้บริหารกำกับติดตามการดำเนินการของเจ้าหน้าที่ทุกไตรมาส", REPORTING, FACE, LIST_NUMBER, 3, "ทุกไตรมาส"),
    ("๑. เจ้าหน้าที่ผู้รับผิดชอบดำเนินการวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๕ เพื่อกำหนดมาตรการ "
     "กำหนดเจ้าหน้าที่ผู้รับผิดชอบ วิธีการขั้นตอนการดำเนินการและการรายงานติดตามผล", STEPS, FACE, LIST_NUMBER, 7,
     "ติดตามผล"),
    ("๑. เจ้าหน้าที่ผู้รับผิดชอบรายงานการประชาสัมพันธ์ช่องทางรับเรื่องร้องเรียนการทุจริตของเจ้าหน้าที่ในหน่วยงาน "
     "ให้ผู้บริหารทราบถึงการประชาสัมพันธ์ ไตรมาสละ ๑ ครั้ง", REPORTING, FACE, LIST_NUMBER, 6, "ไตรมาสละ ๑ ครั้ง"),
], ids=["header-not-required", "header-not-yet-due", "issue-corruption", "reporting-every-quarter",
        "step-follow-up", "reporting-once-a-quarter"])
def test_no_lone_word_on_the_last_line(text, width, face, hang, count, last) -> None:
    """``ไม่ต้องดำเนิน|การ`` in the summary's header, ``…ป้องกันการ|ทุจริต``, ``…ทุก|ไตรมาส``,
    ``…การรายงานติดตาม|ผล``, ``ไตรมาสละ|๑ ครั้ง``: the paragraph is rebalanced in as many lines as
    the greedy breaker needs, so its last line holds more than one short word."""
    got = wrap(text, face, 10.5, width, hang)
    assert len(got) == count and "".join(got) == text, got
    assert got[-1] == last, got


@pytest.mark.parametrize("text", NUMBERS, ids=NUMBER_IDS)
def test_rebalancing_never_adds_a_line_nor_passes_the_column(text: str) -> None:
    for width in SWEEP[::4]:
        lines = wrap(text, FACE, 10.5, width)
        plain = fill(text, width, lambda s: FACE.width(s, 10.5))
        assert len(lines) <= len(plain) and "".join(lines) == text
        assert all(text_width(line, FACE, 10.5) <= width + 1e-6 for line in lines)


LEADING_VOWELS = "เแโใไ"


def test_a_leading_vowel_never_ends_a_line() -> None:
    """Syllables the segmenter does not know make one piece wider than the column, cut between
    letters: a leading vowel (เ แ โ ใ ไ) belongs to the letter after it."""
    text = "โกแกไกใกเก" * 8
    ends, starts = [], []
    for width in [w / 4 for w in range(20, 160)]:
        lines = wrap(text, FACE, 10.5, width)
        assert "".join(lines) == text
        ends += [line[-1] for line in lines[:-1]]
        starts += [line[0] for line in lines[1:] if line[0] in LEADING_VOWELS]
    assert not [e for e in ends if e in LEADING_VOWELS]
    assert len(starts) > 10  # many lines start at a leading vowel: the rule had work to do


def test_a_paragraph_set_again_is_set_for_its_own_face_size_width_and_hang() -> None:
    """A paragraph is set once per process for each face, size, width and hang: asking again with
    any one of them changed, in any order, gives what a first setting with those gives."""
    import itacheck.report.thaiwrap as thaiwrap

    cases = [(FACE, 10.5, STEPS, 0.0), (FACE, 10.5, STEPS, LIST_NUMBER), (FACE, 10.5, REPORTING, 0.0),
             (FACE, 12.0, STEPS, 0.0), (BOLD, 10.5, STEPS, 0.0)]
    first = {}
    for case in cases:
        thaiwrap._set.cache_clear()
        first[case] = wrap(STEP, *case)
    assert len({tuple(lines) for lines in first.values()}) == len(cases)  # each case sets it otherwise
    thaiwrap._set.cache_clear()
    for case in cases + cases[::-1]:
        lines = wrap(STEP, *case)
        assert lines == first[case]
        lines.append("changed by a caller")  # a caller's list is its own
    assert all(wrap(STEP, *case) == first[case] for case in cases)


def test_a_line_measured_again_is_measured_for_its_own_face_and_size() -> None:
    """A finished line's width is measured once per process for each face and size: the same words
    at another size or in the other face get their own width, in any order."""
    import itacheck.report.thaiwrap as thaiwrap

    line = "ขั้นตอนหรือวิธีการ/มาตรการ "
    cases = [(FACE, 10.5), (FACE, 14.0), (BOLD, 10.5), (BOLD, 14.0)]
    thaiwrap.text_width.cache_clear()
    widths = [text_width(line, face, size) for face, size in cases + cases[::-1]]
    expected = [face.exact_width(line.rstrip(), size) for face, size in cases + cases[::-1]]
    assert widths == expected
    assert len(set(widths)) == len(cases)
