"""Reading a year file looks at its texts only when a quick scan of the raw JSON finds something
that could decode to an unsafe character; the scan must find every such character, however the
JSON writes it (as itself in UTF-8, or as an escape), wherever it is in the file.

Repro of the cost: the scan was one regular expression trying every byte of a 12 MB file (45 ms
of a status); it now looks for each pattern's first byte with `bytes.find`."""

from __future__ import annotations

import json

import pytest

from itacheck.store.filetext import clean_year_data

#: One of each kind `clean_text` removes: C0 controls (ESC, CR, BS, FF, NUL), DEL, C1 controls,
#: bidi marks, overrides and isolates.
UNSAFE = ["\x1b", "\r", "\b", "\f", "\x00", "\x1f", "\x7f", "\x80", "\x9b", "\x9f", "\u200e", "\u200f",
          "\u202a", "\u202e", "\u2066", "\u2069"]


def year(note: str, filler: int) -> dict:
    """A year's tables with ``filler`` clean records before the one whose note is ``note``."""
    records = {str(i): {"task": "t1", "note": f"บันทึก {i} – ครบ “ถ้วน”\nบรรทัดสอง"} for i in range(1, filler + 1)}
    records[str(filler + 1)] = {"task": "t1", "note": note}
    return {"meta": {"1": {"app": "itacheck", "schema_version": 1}}, "records": records}


@pytest.mark.parametrize("char", UNSAFE, ids=[f"U+{ord(c):04X}" for c in UNSAFE])
@pytest.mark.parametrize("ascii_only", [False, True], ids=["utf8", "escaped"])
def test_every_unsafe_character_is_found_and_cleaned(char: str, ascii_only: bool) -> None:
    for filler in (0, 50):  # alone, and after clean texts holding the same first bytes (\\n, – “ ”)
        data = year(f"ส่ง{char}แล้ว", filler)
        raw = json.dumps(data, ensure_ascii=ascii_only).encode()
        found = clean_year_data(data, raw)
        assert found.cleaned == (f"records.{filler + 1}.note",)
        note = data["records"][str(filler + 1)]["note"]
        assert char not in note and note.startswith("ส่ง") and note.endswith("แล้ว")


def test_a_lone_surrogate_is_found() -> None:
    data = year("ส่ง\ud800แล้ว", 3)
    raw = json.dumps(data).encode()
    assert clean_year_data(data, raw).cleaned == ("records.4.note",)


def test_clean_texts_are_left_alone() -> None:
    data = year("ส่ง – แล้ว\tครบ\nบรรทัด \\ ทับ “คำ”", 20)
    before = json.dumps(data)
    assert clean_year_data(data, json.dumps(data, ensure_ascii=False).encode()).cleaned == ()
    assert json.dumps(data) == before
