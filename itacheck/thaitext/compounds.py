"""Thai words that a line should not break inside, though thaibreak offers a break there.

thaibreak segments by a dictionary of 25,804 simple words, so it offers breaks inside compounds
that Thai readers see as one word (``ผู้|บริหาร``, ``หน่วย|งาน``, ``ช่อง|ทาง``, ``ปี|งบประมาณ``) and,
for a word it does not know (``คอลเลคชั่น``), between syllables. ``compounds.txt.gz`` lists the
words of PyThaiNLP's dictionary (``words_th.txt``, CC0-1.0, 62,107 words) that thaibreak would
split: 32,776 words, 189 KB. The line breaker keeps them whole when it can and breaks inside one
only when the line would otherwise stay too empty (see :mod:`lines`).

Regenerate after upgrading thaibreak (needs pythainlp, which is only a test dependency)::

    python -m itacheck.thaitext.compounds
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("compounds.txt.gz")
MAX_LENGTH = 30
_THAI_ONLY = re.compile("^[\u0e01-\u0e4e]+$")


#: Words of ITA plans that neither dictionary keeps whole: ``ช่องทาง`` (channel), which thaibreak
#: reads as ช่อง+ทางการ in ``ช่องทางการติดต่อ`` where the text means ช่องทาง+การ (:func:`segment.break_units`
#: cuts such a piece at the end of the agency word), and phrases that read as one word: ``อย่างน้อย``
#: (at least), ``มากน้อย`` (how much), ``ภารกิจงาน`` (line of work), ``ใกล้ครบกำหนด`` (nearly due,
#: as the report says it), and a unit with ``ละ`` (per: ``ไตรมาสละ ๑ ครั้ง``).
AGENCY_WORDS = frozenset({
    "ช่องทาง", "อย่างน้อย", "มากน้อย", "ภารกิจงาน", "ใกล้ครบกำหนด",
    "ไตรมาสละ", "เดือนละ", "ปีละ", "ครั้งละ", "วันละ", "สัปดาห์ละ", "งวดละ", "รอบละ", "คนละ",
})


@cache
def compounds() -> frozenset[str]:
    """The words to keep whole (loaded once, ~10 ms): the dictionary's compounds and
    :data:`AGENCY_WORDS`."""
    try:
        listed = frozenset(gzip.decompress(DATA.read_bytes()).decode("utf-8").split("\n"))
    except FileNotFoundError:  # a broken install still makes a report, with thaibreak's breaks only
        listed = frozenset()
    return listed | AGENCY_WORDS


def rebuild(words_file: Path | None = None) -> int:
    """Write ``compounds.txt.gz`` from PyThaiNLP's word list; returns the number of words."""
    import thaibreak

    if words_file is None:
        import pythainlp

        words_file = Path(pythainlp.__file__).parent / "corpus" / "words_th.txt"
    words = {w.strip() for w in words_file.read_text(encoding="utf-8").splitlines()}
    kept = sorted(w for w in words if _THAI_ONLY.match(w) and len(w) <= MAX_LENGTH
                  and len(thaibreak.lines(w).split("\u200b")) > 1)
    DATA.write_bytes(gzip.compress("\n".join(kept).encode("utf-8"), 9, mtime=0))
    return len(kept)


if __name__ == "__main__":
    print(f"{rebuild()} words written to {DATA}")
