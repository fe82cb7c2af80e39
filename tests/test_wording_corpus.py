"""Thai wording as agencies write it: every phrase and date of tests/data/wording_corpus.toml, copied
from public agency pages with its address, must be read as a person would read it.

Repro of the gap this guards: phrases such as "ภายในเดือนมีนาคม ของทุกปี", "ไตรมาสที่ 2",
"ตุลาคม 2564 – 30 มีนาคม 2565" and dates such as "ลว.9 มี.ค.53" or "26 ต.ค. 2023 11:00:00" were not
read at all, or (worse) read as another cadence. A miss is a phrase not read, or read as a different
kind or with a different due date; a phrase that names no calendar cadence must come back unknown.
The rates are printed (run with -s to see them when they pass) and each must be at least 90%.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from itacheck.domain.cadence import Cadence, occurrences_for, read_cadence
from itacheck.thai import parse_date

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

CORPUS = tomllib.loads((Path(__file__).parent / "data" / "wording_corpus.toml").read_text(encoding="utf-8"))
TARGET = 0.90
#: Reading a phrase as the wrong cadence misleads an officer more than not reading it at all.
MAX_WRONG = 0.03


def _expected(entry: dict) -> Cadence | None:
    if "unknown" in entry:
        return None
    return Cadence(entry["kind"], due=entry.get("due"), due_months=tuple(entry.get("due_months", ())),
                   rule=entry.get("rule", ""))


def _same(expected: Cadence, got: Cadence) -> bool:
    """Two cadences are the same reading when they give the same occurrences and deadlines."""
    if got.kind != expected.kind:
        return False
    if expected.kind == "once":
        return got.due == expected.due
    spans = lambda c: [(o.key, o.start, o.due) for o in occurrences_for(c, 2567)]  # noqa: E731
    return spans(got) == spans(expected) and spans(got) != []


def _rate(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def test_the_corpus_is_large_enough_and_every_entry_names_its_public_source():
    cadences, dates = CORPUS["cadence"], CORPUS["date"]
    assert len(cadences) >= 100 and len(dates) >= 50
    for entry in cadences + dates:
        assert entry["text"].strip(), entry
        assert urlparse(entry["source"]).scheme in ("http", "https"), entry
        assert ("unknown" in entry) != any(k in entry for k in ("kind", "date")), entry
        assert entry.get("unknown", "x").strip(), entry
    sites = {urlparse(e["source"]).hostname.removeprefix("www.") for e in cadences + dates}
    assert len(sites) >= 50


def test_cadence_wording_is_read_as_a_person_would():
    misses, wrong = [], []
    for entry in CORPUS["cadence"]:
        expected = _expected(entry)
        reading = read_cadence(entry["text"])
        got = reading.cadence
        if expected is None:
            ok = got is None and bool(reading.reason)
        else:
            ok = got is not None and _same(expected, got)
        if not ok:
            misses.append((entry["text"], expected, got, reading.reason))
            if got is not None:
                wrong.append(entry["text"])
    total = len(CORPUS["cadence"])
    rate = _rate(total - len(misses), total)
    report = [f"cadences read as a person would: {total - len(misses)}/{total} = {rate:.1%}"
              f" (wrong cadence: {len(wrong)})"]
    report += [f"  MISS {text!r}: expected {exp}, got {got} ({reason})" for text, exp, got, reason in misses]
    print("\n".join(report))
    assert rate >= TARGET, "\n".join(report)
    assert len(wrong) <= MAX_WRONG * total, "\n".join(report)


def _read_date(text: str) -> datetime.date | None:
    try:
        return parse_date(text)
    except ValueError:
        return None


def test_dates_are_read_as_a_person_would():
    misses = []
    for entry in CORPUS["date"]:
        got = _read_date(entry["text"])
        if got != entry.get("date"):
            misses.append((entry["text"], entry.get("date", f"unknown: {entry.get('unknown')}"), got))
    total = len(CORPUS["date"])
    rate = _rate(total - len(misses), total)
    report = [f"dates read as a person would: {total - len(misses)}/{total} = {rate:.1%}"]
    report += [f"  MISS {text!r}: expected {exp}, got {got}" for text, exp, got in misses]
    print("\n".join(report))
    assert rate >= TARGET, "\n".join(report)


@pytest.mark.parametrize("entry", [e for e in CORPUS["cadence"] if "unknown" in e], ids=lambda e: e["text"][:30])
def test_a_phrase_naming_no_calendar_cadence_comes_back_unknown_with_its_reason(entry):
    reading = read_cadence(entry["text"])
    assert reading.cadence is None
    assert reading.reason

