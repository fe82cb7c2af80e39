"""Thai line breaking for the report: segment once, shape each piece once, fill lines greedily.

fpdf2's own ``multi_cell`` re-shapes the growing line for every character it adds (tens of
thousands of HarfBuzz calls for a five-page report) and breaks Thai only at spaces and ZWSPs.
Here a paragraph is cut into words and break units by :func:`segment.words`, each piece is shaped
once (widths cached by :class:`shaping.Face`), and lines are filled greedily, breaking by
preference between words, then inside a compound word (only when the line would otherwise be
less than :data:`MIN_FILL` full), and, for a piece wider than the column, at its spaces and then
between character clusters. A line that comes close to the edge is shaped whole once more, so
kerning across pieces can never push it past the column.
"""

from __future__ import annotations

import unicodedata

from itacheck.report.segment import ZWSP, space_pieces, words
from itacheck.report.shaping import Face

#: Lines whose summed width is above this share of the column are checked by shaping them whole.
_CHECK_ABOVE = 0.97
#: A line is broken inside a compound word rather than before it when it is less full than this.
MIN_FILL = 0.6

#: Thai characters that can never begin a line: following vowels, ๆ and ฯ (marks are Mn anyway).
_NO_LINE_START = set("ะาำๅๆฯ")
#: Thai leading vowels, which can never end a line.
_NO_LINE_END = set("เแโใไ")


def wrap(text: str, face: Face, size_pt: float, width: float, hang: float = 0.0) -> list[str]:
    """Lines of ``text`` no wider than ``width`` mm (continuation lines: ``width - hang``).

    Newlines end paragraphs (an empty paragraph gives an empty line). Every character of ``text``
    except ZWSPs and newlines appears in exactly one line, in order, so joining the lines gives the
    text back: trailing spaces stay on their line, where they are invisible."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, face, size_pt, width, hang))
    return lines


def _wrap_paragraph(paragraph: str, face: Face, size: float, width: float, hang: float) -> list[str]:
    if not paragraph.replace(ZWSP, ""):
        return [""]
    lines: list[str] = []
    current: list[str] = []
    used = 0.0  # width of `current`, trailing spaces included

    def limit() -> float:
        return width if not lines else width - hang

    def flush() -> None:
        nonlocal current, used
        lines.append("".join(current))
        current, used = [], 0.0

    def place(piece: str) -> bool:
        """Put ``piece`` on the current line if it fits there; False if it does not."""
        nonlocal used
        ink = face.width(piece.rstrip(), size)
        if current and not _fits(current, piece, used + ink, face, size, limit()):
            return False
        if not current and ink > limit():
            return False
        current.append(piece)
        used += face.width(piece, size)
        return True

    for word in words(paragraph):
        whole = "".join(word)
        if place(whole):
            continue
        if current and used >= MIN_FILL * limit():
            flush()  # the preferred break: between words
            if place(whole):
                continue
        for unit in word:  # the word cannot go whole: break between its units
            if place(unit):
                continue
            if current:
                flush()
                if place(unit):
                    continue
            for piece in space_pieces(unit):  # a date wider than a line: at its spaces
                if place(piece):
                    continue
                if current:
                    flush()
                    if place(piece):
                        continue
                for cluster in _clusters(piece):  # wider than a line: between clusters
                    if not place(cluster):
                        if current:
                            flush()
                        current.append(cluster)  # a single cluster always goes somewhere
                        used += face.width(cluster, size)
    if current:
        flush()
    return lines


def _fits(current: list[str], unit: str, estimate: float, face: Face, size: float, limit: float) -> bool:
    """Whether ``unit`` still fits after ``current``; near the edge, shape the candidate line whole."""
    if estimate > limit:
        return False
    if estimate < _CHECK_ABOVE * limit:
        return True
    return face.exact_width(("".join(current) + unit).rstrip(), size) <= limit


def _clusters(text: str) -> list[str]:
    """``text`` cut into pieces that are safe to put on different lines: never before a mark or a
    following vowel, never after a leading vowel, so no dotted circle or stranded vowel appears."""
    pieces: list[str] = []
    for i, ch in enumerate(text):
        if pieces and (
            unicodedata.category(ch) in ("Mn", "Mc", "Me")
            or ch in _NO_LINE_START
            or text[i - 1] in _NO_LINE_END
        ):
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def text_width(text: str, face: Face, size_pt: float) -> float:
    """Width in mm of one line as it will be drawn (trailing spaces do not count)."""
    return face.exact_width(text.rstrip(), size_pt)
