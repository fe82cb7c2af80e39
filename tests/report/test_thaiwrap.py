"""Thai line breaking: breaks only between words, never past the column, nothing lost."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itacheck.report.fonts import face_for
from itacheck.report.thaiwrap import text_width, wrap
from itacheck.thaitext.cells import clusters
from itacheck.thaitext.lines import MIN_FILL
from itacheck.thaitext.segment import ZWSP, break_units, words

FACE = face_for(False)
BOLD = face_for(True)
STEP = ("เจ้าหน้าที่ผู้รับผิดชอบจัดให้มีช่องทางการติดต่อให้มีมากกว่า ๑ ช่องทาง และติดต่อได้สะดวกมากยิ่งขึ้น "
        "เช่น เว็บไซต์หน่วยงาน ที่อยู่สำนักงาน เบอร์โทรศัพท์หน่วยงาน เบอร์โทรศัพท์ผู้บริหาร และเจ้าหน้าที่ "
        "facebook หน่วยงาน ไลน์หน่วยงาน ผู้บริหารกำกับติดตามการดำเนินการของเจ้าหน้าที่ให้ครบทุกขั้นตอน")


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
    ends inside a compound only when it would otherwise be less than MIN_FILL full."""
    width = 50.0
    lines = wrap(STEP, FACE, 10.5, width)
    for line, following in zip(lines, lines[1:]):
        if text_width(line, FACE, 10.5) >= MIN_FILL * width:
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
                    assert text_width(line[:-len(head)], FACE, 10.5) < MIN_FILL * width, (width, lines)


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
