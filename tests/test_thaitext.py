"""Thai text on a terminal: cutting keeps each letter with its marks, wrapping keeps words whole.

The same module breaks the PDF's lines (tests/report/test_thaiwrap.py checks it there in mm)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itacheck.thaitext.cells import cell_width, clusters, fit, head
from itacheck.thaitext.lines import break_offsets, wrap
from itacheck.thaitext.segment import break_units

TASK = ("เจ้าหน้าที่ผู้รับผิดชอบจัดให้มีช่องทางการติดต่อให้มีมากกว่า ๑ ช่องทาง และติดต่อได้สะดวกมากยิ่งขึ้น "
        "ผู้บริหารกำกับติดตามการดำเนินการของเจ้าหน้าที่ให้ครบทุกขั้นตอน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖")


def _cut_inside_a_cluster(kept: str) -> bool:
    """Whether ``kept`` (a cut-off start of a text) ends where no cut may be: before a mark or ำ
    of its last letter, or right after a leading vowel."""
    return kept[-1:] in set("เแโใไ")


@pytest.mark.parametrize("text, whole", [("ติดตาม", "ติ"), ("ที่ท่าน", "ที่"), ("ประจำปี", "จำ"), ("เจ้าหน้าที่", "เจ้า")])
def test_clusters_keep_a_letter_with_its_marks_and_vowels(text: str, whole: str) -> None:
    assert "".join(clusters(text)) == text
    assert whole in clusters(text)


@pytest.mark.parametrize("width", range(1, 26))
def test_fit_cuts_only_between_clusters(width: int) -> None:
    """``fit`` used to cut ``ประจำปี`` to ``ประจ…`` (ำ dropped) and ``เจ้าหน้าที่`` to ``…เ…``."""
    text = "ประจำปีเจ้าหน้าที่ติดตามหน่วยงานที่ท่านติดต่อ"
    out = fit(text, width)
    assert cell_width(out) <= max(width, 1)
    kept = out.removesuffix("…")
    assert text.startswith(kept)
    rest = text[len(kept):]
    if rest:
        assert out.endswith("…")
        assert "".join(clusters(kept)) + "".join(clusters(rest)) == text
        assert clusters(text)[len(clusters(kept))] == clusters(rest)[0], f"cut inside a cluster: {out!r}"
        assert unicodedata.category(rest[0]) != "Mn" and rest[0] != "ำ" and not _cut_inside_a_cluster(kept)


def test_fit_keeps_short_text_and_joins_lines() -> None:
    assert fit("ก  ข\nค", 10) == "ก ข ค"
    assert fit("ที่", 1) == "ที่"


def test_head_takes_whole_clusters() -> None:
    assert head("ติดตาม", 1) == "ติ"
    assert head("กำกับ", 1) == ""
    assert head("กำกับ", 2) == "กำ"


@pytest.mark.parametrize("width", [12, 20, 31, 40, 58, 80])
def test_terminal_lines_fit_and_break_between_words(width: int) -> None:
    lines = wrap(TASK, width)
    assert "".join(lines).replace(" ", "") == TASK.replace(" ", "")
    allowed = set()
    at = 0
    for unit in break_units(TASK):
        at += len(unit)
        allowed.add(at)
    at = 0
    for line, offset in zip(lines, break_offsets(TASK, width)):
        at = offset
        assert at in allowed, f"break inside a word at {width}: {line!r}"
    assert all(cell_width(line) <= width for line in lines)


def test_dates_stay_whole_on_a_terminal() -> None:
    text = "ปีงบประมาณ ๒๕๖๖ รอบ ๑๒ เดือน (๑ ต.ค. ๖๕ – ๓๐ ก.ย. ๖๖) ณ วันที่ ๒๕ ต.ค. ๖๕"
    for width in range(14, 70):
        for line in wrap(text, width):
            for date in ("๑ ต.ค. ๖๕", "๓๐ ก.ย. ๖๖", "๒๕ ต.ค. ๖๕"):
                if line.endswith(date.split(" ")[0]) and date not in line:
                    pytest.fail(f"{date!r} broken at width {width}: {line!r}")


def test_hanging_lines_are_narrower() -> None:
    lines = wrap(TASK, 40, hang=10)
    assert all(cell_width(line) <= 30 for line in lines[1:]) and cell_width(lines[0]) > 30


def test_offsets_count_zero_width_spaces() -> None:
    text = "ภาษาไทย\u200bง่ายมาก ภาษาไทย\u200bง่ายมาก"
    offsets = break_offsets(text, 8)
    pieces = [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)])]
    assert "".join(pieces) == text
    assert all(not p.startswith("\u200b") for p in pieces)
    assert all(cell_width(p.rstrip()) <= 8 for p in pieces)


def test_a_word_wider_than_the_line_is_cut_between_clusters_or_left_whole() -> None:
    word = "องค์การบริหารส่วนตำบลเมืองน้อย"
    lines = wrap(word, 6)
    assert "".join(lines) == word and all(cell_width(line) <= 6 for line in lines)
    for line in lines:
        assert unicodedata.category(line[0]) != "Mn" and line[0] not in "ะาำ" and line[-1] not in "เแโใไ"
    assert break_offsets("ดูที่ abcdefghijklmnopq", 12, fold=False) == [6]  # a line of its own, cut later


thai_text = st.text(alphabet=st.sampled_from(list("กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋็์ัๆ ๑๒abc-/.")),
                    min_size=0, max_size=120)


@settings(max_examples=150, deadline=None)
@given(text=thai_text, width=st.integers(min_value=1, max_value=60))
def test_any_text_fits_and_comes_back(text: str, width: int) -> None:
    offsets = break_offsets(text, width)
    assert offsets == sorted(set(offsets)) and all(0 < o < len(text) for o in offsets)
    for line in wrap(text, width):
        assert cell_width(line) <= width or len(clusters(line)) == 1
    out = fit(text, width)
    assert cell_width(out) <= max(width, 1)


def test_cell_width_of_thai_text_is_the_sum_of_its_characters_widths() -> None:
    """Thai text is measured by its length less its marks (a status table measures tens of
    thousands of lines): the same width as each character's, for every character of the Thai
    block (marks, letters, digits, unassigned ones) mixed with ASCII and other characters."""
    import random

    from itacheck.thaitext.cells import _char_width

    rng = random.Random(2566)
    pool = [chr(c) for c in range(0x80)] + [chr(c) for c in range(0xE00, 0xE80)] + list("✓•…–“”\u200b中")
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 40)))
        assert cell_width(text) == sum(map(_char_width, text)), repr(text)
    assert cell_width("ที่ผู้บริหาร") == 7 and cell_width("ปีงบประมาณ ๒๕๖๖") == 14


def test_the_segmenter_loads_without_looking_up_its_version() -> None:
    """thaibreak's ``__init__`` reads its version with importlib.metadata (~25 ms of a status
    table): the core module is loaded alone, and a later ``import thaibreak`` shares it."""
    import subprocess
    import sys

    script = ("import sys; from itacheck.thaitext.segment import break_units; "
              "first = break_units('จัดทำรายงานผลการดำเนินงาน'); "
              "print('importlib.metadata' in sys.modules); import thaibreak; "
              "print(thaibreak.lines is sys.modules['thaibreak.core'].lines, "
              "'\\u200b'.join(first) == thaibreak.lines('จัดทำรายงานผลการดำเนินงาน'))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True"]


def test_the_segmenter_is_imported_whole_where_its_core_is_not_found(monkeypatch) -> None:
    import importlib.util

    import thaibreak

    from itacheck.thaitext import segment

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert segment._segmenter.__wrapped__().lines("จัดทำรายงาน") == thaibreak.lines("จัดทำรายงาน")
