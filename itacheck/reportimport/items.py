"""The text inside one cell: numbered items, typing slips, dates, and the cadence of each item.

Everything here works on plain strings so the rules can be tested one by one.
"""

from __future__ import annotations

import difflib
import re
from datetime import date

from itacheck import thai
from itacheck.domain.cadence import Cadence, read_cadence

# "๑." or "1)" starting an item: at the start of the cell or after a space or line break, not a
# decimal number ("1.5") and not the dot of an abbreviation.
_NUMBER = re.compile(r"(?:(?<=^)|(?<=\s))(\d{1,2})\s*[.)](?!\d)\s*")
_BULLET = re.compile(r"^\s*[-–•*]\s*")

#: Slips seen in real reports, fixed on import and listed in the review (never silently).
TYPOS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ผู้บริหร(?!า)"), "ผู้บริหาร"),
    (re.compile(r"ผู้บริหา(?![รน])"), "ผู้บริหาร"),
    (re.compile(r"(?<=ั) (?=[ก-ฮ])"), ""),  # a space after ั: no Thai syllable ends there (กำกั บ)
    (re.compile(r" (?=[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"), ""),  # a space before a vowel or tone mark
)


def fix_typos(text: str) -> tuple[str, list[str]]:
    """``text`` with the known slips fixed, and the fixes made (``wrong → right``, whole words) for
    the review."""
    fixed = text
    for pattern, right in TYPOS:
        fixed = pattern.sub(right, fixed)
    if fixed == text:
        return text, []
    before, after = text.split(" "), fixed.split(" ")
    changes = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    return fixed, [f"{' '.join(before[i1:i2])} → {' '.join(after[j1:j2])}"
                   for op, i1, i2, j1, j2 in changes if op != "equal"]


def one_line(text: str) -> str:
    """An item's text on one line: line breaks of the source (a PDF's, a cell's) become spaces."""
    return " ".join(text.split())


def split_items(cell: str) -> tuple[list[str], bool]:
    """The numbered items of a cell (``๑.…๒.…``, Thai or Arabic digits), or its bullets or lines
    when it has no numbers. The second value is True when the first item had lost its number
    (text before ``๒.`` with no ``๑.``), which the review points out."""
    arabic = thai.to_arabic_digits(cell)  # same length: positions carry over to ``cell``
    starts: list[tuple[int, int]] = []  # (start of the number, start of the item's text)
    expected = 1
    for m in _NUMBER.finditer(arabic):
        number = int(m.group(1))
        if number == expected or (expected == 1 and number == 2 and arabic[:m.start()].strip()):
            starts.append((m.start(), m.end()))
            expected = number + 1
    lost_first = False
    if starts:
        if cell[:starts[0][0]].strip():
            lost_first = int(_NUMBER.match(arabic, starts[0][0]).group(1)) == 2  # type: ignore[union-attr]
            starts.insert(0, (0, 0))
        bounds = [s for s, _ in starts[1:]] + [len(cell)]
        items = [cell[text_start:end] for (_, text_start), end in zip(starts, bounds)]
    else:
        lines = [line for line in cell.split("\n") if line.strip()]
        bulleted = [line for line in lines if _BULLET.match(line)]
        items = [_BULLET.sub("", line) for line in lines] if len(bulleted) == len(lines) > 1 else [cell]
    return [t for t in (one_line(_BULLET.sub("", i)) for i in items) if t], lost_first


_DATE = re.compile(r"(\d{1,2})\s*(" + "|".join(re.escape(m) for m in thai.MONTHS_LONG + thai.MONTHS_SHORT)
                   + r")\s*(?:พ\.\s*ศ\.\s*)?(\d{2,4})")


def dates_in(text: str) -> tuple[date, ...]:
    """Every readable date in ``text`` (``ดำเนินการแล้วเสร็จเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๕``), in order."""
    found = []
    for m in _DATE.finditer(thai.to_arabic_digits(text)):
        try:
            found.append(thai.parse_date(" ".join(m.groups())))
        except ValueError:
            continue
    return tuple(found)


def cadence_of(text: str) -> tuple[Cadence | None, str]:
    """The cadence the wording names, and the words that name it ("" when none)."""
    reading = read_cadence(text)
    return reading.cadence, (reading.matched if reading.cadence else "")
