"""Character clusters and terminal widths: where Thai text may be cut, and how wide it is.

A Thai letter carries its vowel and tone marks (``ที่``, ``ติ``) and ``ำ`` belongs to the letter
before it (``กำ``); a leading vowel (``เ``, ``แ``, ``โ``, ``ใ``, ``ไ``) belongs to the letter after
it. Cutting anywhere else drops a mark (``ติ`` shown as ``ต``) or leaves a vowel stranded, so
everything that cuts text, the terminal's ellipsis as well as the PDF's line breaks inside an
over-long word, cuts between these clusters only. Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ELLIPSIS = "…"

#: Thai characters that can never begin a piece: following vowels, ๆ and ฯ (marks are Mn anyway).
_NO_START = set("ะาำๅๆฯ")
#: Thai leading vowels, which can never end a piece.
_NO_END = set("เแโใไ")


def clusters(text: str) -> list[str]:
    """``text`` cut into pieces that are safe to show apart (on different lines, or one of them
    left out): never before a mark or a following vowel, never after a leading vowel, so no
    dotted circle, lost mark or stranded vowel appears. Joined, they give ``text`` back."""
    pieces: list[str] = []
    for i, ch in enumerate(text):
        if pieces and not cuttable(text, i):
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def cuttable(text: str, index: int) -> bool:
    """Whether ``text`` may be cut before ``text[index]``: not before a mark or a following vowel,
    not after a leading vowel (the rule :func:`clusters` follows)."""
    if index <= 0 or index >= len(text):
        return True
    ch = text[index]
    return not (unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in _NO_START or text[index - 1] in _NO_END)


def cell_width(text: str) -> int:
    """Terminal columns taken by ``text``: Thai vowel and tone marks stack on their consonant and
    take none, as Rich and tmux count them."""
    if text.isascii():
        return len(text)
    if _THAI_OR_ASCII.fullmatch(text):  # a status table measures tens of thousands of these
        return len(text) - len(_THAI_MARKS.findall(text))
    return sum(map(_char_width, text))


@lru_cache(maxsize=1024)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


_THAI_BLOCK = [chr(c) for c in range(0xE00, 0xE80)]
#: Text of ASCII and Thai characters that take one column or none (by `_char_width`): its width is
#: its length less its marks, counted in C.
_THAI_OR_ASCII = re.compile("[\\x00-\\x7f" + re.escape("".join(c for c in _THAI_BLOCK if _char_width(c) < 2)) + "]*")
_THAI_MARKS = re.compile("[" + re.escape("".join(c for c in _THAI_BLOCK if not _char_width(c))) + "]")


def head(text: str, width: int) -> str:
    """The longest run of whole clusters at the start of ``text`` that takes at most ``width``
    columns."""
    out: list[str] = []
    used = 0
    for piece in clusters(text):
        used += cell_width(piece)
        if used > width:
            break
        out.append(piece)
    return "".join(out)


def fit(text: str, width: int) -> str:
    """``text`` on one line, cut between clusters with an ellipsis to at most ``width`` columns."""
    text = " ".join(text.split())
    if cell_width(text) <= width:
        return text
    return head(text, width - 1).rstrip() + ELLIPSIS
