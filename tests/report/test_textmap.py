"""Copy and paste: text drawn by the report comes back from pypdf and poppler exactly as typed,
including สระอำ (two glyphs in HarfBuzz) and marks that HarfBuzz moves over tall consonants."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest
from pdfcheck import pdftotext

from itacheck.report.layout import Style, Text
from itacheck.report.render import Metadata, render

HARD_WORDS = ["ประจำปีงบประมาณ น้ำ ต่ำ ค่ำ กำกับ ทำให้ ปั้น ปื้น ฝั่ง ฟื้นฟู ปี่ ป่า",
              "ขั้นตอน ทั้งนี้ ผู้ใหญ่ ญู ฐิ กรุงเทพฯ อื่นๆ Office fi (ITA) ๒๕๖๖ 2566"]


def draw(tmp_path: Path, lines: list[tuple[str, Style]]) -> Path:
    items = []
    y = 20.0
    for text, style in lines:
        items.append(Text(20.0, y + style.baseline, text, style, top=y))
        y += style.line_height + 2
    path = tmp_path / "words.pdf"
    path.write_bytes(render([items], Metadata("t", "a", "s", date(2023, 3, 31))))
    return path


STYLES = [Style(9.5), Style(10.5), Style(10.5, bold=True), Style(14, bold=True), Style(22, bold=True)]


def test_pypdf_reads_every_word_as_typed(tmp_path: Path) -> None:
    path = draw(tmp_path, [(words, s) for s in STYLES for words in HARD_WORDS])
    lines = pypdf.PdfReader(path).pages[0].extract_text().split("\n")
    assert lines == HARD_WORDS * len(STYLES)


def test_poppler_reads_every_word_as_typed(tmp_path: Path) -> None:
    path = draw(tmp_path, [(words, s) for s in STYLES for words in HARD_WORDS])
    lines = [line for line in pdftotext(path).split("\n") if line.strip("\x0c")]
    assert lines == HARD_WORDS * len(STYLES)


def test_glyphs_without_text_have_an_explicit_empty_mapping(tmp_path: Path) -> None:
    path = draw(tmp_path, [("ประจำปี ปั้น", Style(10.5))])
    font = next(iter(pypdf.PdfReader(path).pages[0]["/Resources"]["/Font"].values())).get_object()
    cmap = font["/ToUnicode"].get_object().get_data()
    assert b"> <>\n" in cmap  # nikhahit of ำ and the marks of ปั้น
    assert b"<0E1B0E310E49>" in cmap  # ป carries ปั้ (its marks have no advance)


def test_no_zero_width_space_or_unmapped_code_reaches_the_text(tmp_path: Path) -> None:
    path = draw(tmp_path, [("ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕ ", Style(10.5))])
    text = pypdf.PdfReader(path).pages[0].extract_text()
    assert text == "ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕ "


@pytest.mark.parametrize("word", ["ป็่", "ปัำ", "ก ่า", "่กา"])
def test_odd_sequences_still_come_back(tmp_path: Path, word: str) -> None:
    """Typos (a mark after a space, two marks that do not go together) lose no character."""
    path = draw(tmp_path, [(word, Style(10.5, bold=True))])
    assert pypdf.PdfReader(path).pages[0].extract_text() == word
