"""Where a line of Thai may break: the one place that knows which segmenter the report uses.

Thai puts no spaces between words, so a line may only end where a dictionary says a word ends.
The segmenter is thaibreak (Apache-2.0, a ``py3-none`` wheel for Linux, macOS and Windows with its
dictionary inside, so nothing is fetched at run time). It was chosen by measurement over pythainlp
(newmm) and nlpo3 (newmm in Rust): on the reference report's text it loads in ~30-45 ms against
~430 ms for pythainlp and ~75 ms for nlpo3 (which also needs a 1.5 MB dictionary file shipped
separately), never cut a character cluster, and it applies the Unicode line-breaking rules (UAX #14)
as well, so ``อื่นๆ``, ``๑.`` or ``(ลงชื่อ)`` are never split before their ๆ, dot or bracket and URLs
break after their slashes. Its breaks are a little finer than newmm's (``หน่วย|งาน``, ``ผู้|บริหาร``:
boundaries inside compounds, which Thai typesetting accepts), and it does not make newmm's
mid-word cuts in misspelt words (``ผู้บ|ริหาร``). ``bench/report_speed.py`` prints the figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

from itacheck.thai import MONTHS_LONG, MONTHS_SHORT

ZWSP = "\u200b"

_DIGIT = "[0-9๐-๙]"
_MONTH = "(?:" + "|".join(re.escape(m) for m in sorted(MONTHS_LONG + MONTHS_SHORT, key=len, reverse=True)) + ")"
#: Spans a line must not break inside: a date (๒๕ ตุลาคม ๒๕๖๕), a month and year, พ.ศ. ๒๕๖๖.
_KEEP_TOGETHER = re.compile(
    rf"{_DIGIT}{{1,2}} {_MONTH} {_DIGIT}{{2,4}}|{_MONTH} {_DIGIT}{{4}}|พ\.ศ\. {_DIGIT}{{4}}")

#: A break is allowed after a run of spaces (UAX #14 class SP); thaibreak marks the others.
_AFTER_SPACE = re.compile(r"(?<=[ \t])(?=[^ \t])")


@lru_cache(maxsize=4096)
def break_units(paragraph: str) -> tuple[str, ...]:
    """Cut one paragraph (no newline) into the pieces between which a line may break.

    Concatenated, the pieces give the paragraph back without its zero-width spaces: a ZWSP typed
    into (or pasted from a PDF into) the plan is taken as a break hint and never drawn. Spaces stay
    at the end of the piece before them, so a line that breaks at a space keeps it (invisible at
    the line's end, and text copied from the PDF keeps its spaces).
    """
    import thaibreak  # imported here: `import itacheck.report` must stay cheap

    units: list[str] = []
    for hinted in paragraph.split(ZWSP):
        if not hinted:
            continue
        marked = thaibreak.lines(hinted, marker=ZWSP)
        if marked.replace(ZWSP, "") != hinted:  # never trust a segmenter with the text itself
            marked = hinted
        for piece in marked.split(ZWSP):
            units.extend(u for u in _AFTER_SPACE.split(piece) if u)
    return _glue(units)


def _glue(units: list[str]) -> tuple[str, ...]:
    """Join the units that would let a line break inside a date or a year."""
    text = "".join(units)
    inside: set[int] = set()
    for m in _KEEP_TOGETHER.finditer(text):
        inside.update(range(m.start() + 1, m.end()))
    if not inside:
        return tuple(units)
    glued: list[str] = []
    at = 0
    for unit in units:
        if glued and at in inside:
            glued[-1] += unit
        else:
            glued.append(unit)
        at += len(unit)
    return tuple(glued)
