"""Where a line of Thai may break: the one place that knows which segmenter the terminal and the
PDF use.

Thai puts no spaces between words, so a line may only end where a dictionary says a word ends.
The segmenter is thaibreak (Apache-2.0, a ``py3-none`` wheel for Linux, macOS and Windows with its
dictionary inside, so nothing is fetched at run time). It was chosen by measurement over pythainlp
(newmm) and nlpo3 (newmm in Rust): in a fresh process it loads in ~30 ms against ~450 ms for
pythainlp and ~110 ms for nlpo3 (which also needs PyThaiNLP's 1.5 MB dictionary file), it never
cut a character cluster on the reference report's text, and it applies the Unicode line-breaking
rules (UAX #14) too, so ``อื่นๆ``, ``๑.`` or ``(ลงชื่อ)`` are never split before their ๆ, dot or
bracket and URLs break after their slashes. It does not make newmm's mid-word cuts in misspelt
words (``ผู้บ|ริหาร``). Its dictionary has simple words only, so it also breaks inside compounds
(``ผู้|บริหาร``, ``หน่วย|งาน``); :func:`words` groups those back with :mod:`compounds`, and dates stay
whole, numbers stay with the word after them (``๑ ช่องทาง``, ``๖ เดือน``) and a short bracket
(``(๕ เดือน)``) is kept whole where the line allows (:func:`groups`). ``bench/report_speed.py``
prints the figures.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType

from itacheck.thai import MONTHS_LONG, MONTHS_SHORT
from itacheck.thaitext.cells import cuttable
from itacheck.thaitext.compounds import AGENCY_WORDS, compounds

ZWSP = "\u200b"

_DIGIT = "[0-9๐-๙]"
_MONTHS = (*MONTHS_LONG, *MONTHS_SHORT, *calendar.month_name[1:], *calendar.month_abbr[1:])
_MONTH = "(?:" + "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True)) + ")"
#: Spans a line must not break inside: a date (๒๕ ตุลาคม ๒๕๖๕, ๑ ต.ค. ๖๕, 31 Mar 2023), a month and
#: year (มีนาคม ๒๕๖๖), พ.ศ. ๒๕๖๖.
KEEP_TOGETHER = re.compile(
    rf"{_DIGIT}{{1,2}} {_MONTH} {_DIGIT}{{2,4}}|{_MONTH} {_DIGIT}{{4}}|พ\.ศ\. {_DIGIT}{{4}}")

#: "The date": a line should not end with it when the date it introduces could come along.
DATE_LABEL = "วันที่"

#: Every span of :data:`KEEP_TOGETHER` holds one of these followed by a space and two digits: a
#: paragraph without such a place holds no date, and is not searched for one.
_DATE_HEADS = (*_MONTHS, "พ.ศ.")
_SPACE_DIGITS = re.compile(f" {_DIGIT}{{2}}")

#: A break is allowed after a run of spaces (UAX #14 class SP); thaibreak marks the others.
_AFTER_SPACE = re.compile(r"(?<=[ \t])(?=[^ \t])")

#: Plain text: Thai and ASCII letters and digits between spaces. thaibreak breaks each of its
#: phrases (a run up to and with the spaces after it) alone as it does in the whole text (UAX #14
#: looks across a space only for brackets, quotes, tabs and the like, which plain text has none
#: of), so a phrase repeated across a plan's paragraphs is segmented once.
_PLAIN = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e\u0e50-\u0e59A-Za-z0-9 ]*")

#: A word is a run of break units; compounds longer than this many units are not looked for.
_MAX_COMPOUND_UNITS = 6

#: A count or ordinal (``๑``, ``(๕``, ``๑,๐๐๐``, ``๑/๒๕๖๖``) that belongs with the word after it;
#: four digits alone are a year, which belongs with what comes before it.
_NUMBER = re.compile(rf"[(\[]?{_DIGIT}[0-9๐-๙.,:/]*\s*")
_NUMBER_FIRST = frozenset("([0123456789๐๑๒๓๔๕๖๗๘๙")  # what _NUMBER can start with
_YEAR = re.compile(rf"{_DIGIT}{{4}}\s*")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")
#: A bracket is kept whole, as a group of words, up to this many characters; a longer one is a
#: clause, and breaks between its words as the rest of the text does.
MAX_BRACKET = 32
_OPEN, _CLOSE = "([", ")]"
_OPENING = re.compile(f"[{re.escape(_OPEN)}]")

Word = tuple[str, ...]
Group = tuple[Word, ...]


@lru_cache(maxsize=4096)
def break_units(paragraph: str) -> tuple[str, ...]:
    """Cut one paragraph (no newline) into the pieces between which a line may break.

    Concatenated, the pieces give the paragraph back without its zero-width spaces: a ZWSP typed
    into (or pasted from a PDF into) the plan is taken as a break hint and never drawn. Spaces stay
    at the end of the piece before them, so a line that breaks at a space keeps it (invisible at
    the line's end, and text copied from the PDF keeps its spaces).
    """
    units: list[str] = []
    for hinted in paragraph.split(ZWSP):
        if not hinted:
            continue
        parts = ([_segmented(phrase) for phrase in _AFTER_SPACE.split(hinted) if phrase]
                 if _PLAIN.fullmatch(hinted) else [_segmented(hinted)])
        if None in parts:  # never trust a segmenter with the text itself
            units.extend(u for u in _AFTER_SPACE.split(hinted) if u)
        else:
            units.extend(unit for part in parts for unit in part)
    return tuple(_agency_cuts(units))


@lru_cache(maxsize=4096)
def _segmented(text: str) -> tuple[str, ...] | None:
    """thaibreak's pieces of ``text`` (no ZWSP), each cut after its spaces; None if it changed
    the text."""
    marked = _segmenter().lines(text, marker=ZWSP)
    if marked.replace(ZWSP, "") != text:
        return None
    units: list[str] = []
    for piece in marked.split(ZWSP):
        if " " in piece or "\t" in piece:
            units.extend(u for u in _AFTER_SPACE.split(piece) if u)
        elif piece:
            units.append(piece)
    return tuple(units)


def _agency_cuts(units: list[str]) -> list[str]:
    """``units`` with a cut added at the end of each agency word (:data:`compounds.AGENCY_WORDS`)
    that starts where a unit starts but ends inside one (``ช่อง|ทางการ`` → ``ช่อง|ทาง|การ``). A cut
    falls between character clusters only, and a word that starts inside a unit is left alone
    (``ทางการ`` of ``เป็นทางการ`` stays one word)."""
    text = "".join(units)
    if not any(word in text for word in AGENCY_WORDS):
        return units
    bounds, at = {0}, 0
    for unit in units:
        at += len(unit)
        bounds.add(at)
    for word in AGENCY_WORDS:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if start in bounds and end not in bounds and not text[end].isspace() and cuttable(text, end):
                bounds.add(end)
            start = text.find(word, start + 1)
    cuts = sorted(bounds)
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]


@lru_cache(maxsize=4096)
def groups(paragraph: str) -> tuple[Group, ...]:
    """The paragraph's words (:func:`words`) with each short bracket made one group:
    ``(๕ เดือน)``, ``(กำหนดวันที่ ๓๑ มีนาคม ๒๕๖๖)``. A line breaks between groups by preference,
    between the words of a group only where it would otherwise stay too empty."""
    if not _OPENING.search(paragraph):
        return tuple((word,) for word in words(paragraph))  # no bracket: each word is a group
    out: list[list[Word]] = []
    pending: list[Word] = []  # the words of a bracket not yet closed
    depth = 0
    for word in words(paragraph):
        text = "".join(word)
        if depth == 0 and not _OPENING.search(text):
            out.append([word])
            continue
        pending.append(word)
        depth += sum(text.count(c) for c in _OPEN) - sum(text.count(c) for c in _CLOSE)
        if depth <= 0:
            depth = 0
            if sum(len("".join(w)) for w in pending) <= MAX_BRACKET:
                out.append(pending)
            else:
                out.extend([w] for w in pending)
            pending = []
    out.extend([w] for w in pending)  # a bracket never closed: its words stand alone
    return tuple(tuple(g) for g in out)


@lru_cache(maxsize=4096)
def words(paragraph: str) -> tuple[Word, ...]:
    """The paragraph's break units grouped into words a line should not break inside: dictionary
    compounds (:mod:`compounds`), dates (``๒๕ ตุลาคม ๒๕๖๕``, ``พ.ศ. ๒๕๖๖``, ``มีนาคม ๒๕๖๖``) and
    วันที่ with its date.
    A break between two words is preferred; one between the units of a word is a fallback. A
    number and the word after it (``๑ ช่องทาง``, ``(๕ เดือน``) are one unit, as a date is.

    Only a number and วันที่ reach past a space (to the word or date after them): the rest is done
    phrase by phrase (:func:`_phrase_words`), and plans repeat their phrases across tasks."""
    units = list(break_units(paragraph))
    _merge_dates(units)
    out: list[Word] = []
    start = 0
    for end, unit in enumerate(units, 1):
        if unit[-1:].isspace() or end == len(units):
            phrase = _phrase_words(tuple(units[start:end]))
            if out and _counts(out[-1]) and _THAI_LETTER.match(phrase[0][0]):
                out[-1] = (out[-1][0] + "".join(phrase[0]),)  # a number alone takes the word after it
                out += phrase[1:]
            else:
                out += phrase
            start = end
    return tuple(_with_date_labels(out))


@lru_cache(maxsize=4096)
def _phrase_words(phrase: tuple[str, ...]) -> tuple[Word, ...]:
    """:func:`words` of a phrase: break units of which only the last ends with a space. Each unit
    not already in a compound starts the longest compound there is from it; a number alone takes
    the Thai word after it, as one unit."""
    keep = compounds()
    joined: set[int] = set()  # unit indexes glued to the unit before them
    count = len(phrase)
    i = 0
    while i < count:
        candidate, longest = phrase[i], 0
        for j in range(i + 1, min(count, i + _MAX_COMPOUND_UNITS)):
            if candidate[-1:].isspace():
                break
            candidate += phrase[j]
            if candidate.rstrip(" ") in keep:
                longest = j
        if longest:
            joined.update(range(i + 1, longest + 1))
            i = longest + 1
        else:
            i += 1
    grouped: list[list[str]] = []
    number = False  # whether grouped[-1] is a number alone, which takes the Thai word after it
    for index, unit in enumerate(phrase):
        if grouped and index in joined:
            grouped[-1].append(unit)
            number = False
        elif number and _THAI_LETTER.match(unit):
            grouped[-1].append(unit)  # made one unit below, with the rest of its word
            number = False
        else:
            grouped.append([unit])
            number = _counts(grouped[-1])
    return tuple((w[0] + "".join(w[1:]),) if len(w) > 1 and _counts(w[:1]) else tuple(w) for w in grouped)


def _with_date_labels(found: list[Word]) -> list[Word]:
    """``found`` with each วันที่ ("the date") made one word with the date after it, so a line
    does not end with it while the date could come along (the date stays one unit)."""
    out: list[Word] = []
    for word in found:
        if out and "".join(out[-1]).rstrip() == DATE_LABEL and KEEP_TOGETHER.match(word[0]):
            out[-1] = out[-1] + word
        else:
            out.append(word)
    return out


def _counts(word: Sequence[str]) -> bool:
    """Whether ``word`` is a number that counts what follows it (not a year)."""
    return (len(word) == 1 and word[0][:1] in _NUMBER_FIRST and bool(_NUMBER.fullmatch(word[0]))
            and not _YEAR.fullmatch(word[0]))


def _merge_dates(units: list[str]) -> None:
    """Make each date or year one unit: a line breaks inside one only if it is wider than a line
    (and then at its spaces, see :mod:`lines`)."""
    text = "".join(units)
    if not any(text.endswith(_DATE_HEADS, 0, m.start()) for m in _SPACE_DIGITS.finditer(text)):
        return  # most paragraphs: no month or พ.ศ. before two digits, so no date to look for
    starts = [0]
    for unit in units:
        starts.append(starts[-1] + len(unit))
    inside = {i for m in KEEP_TOGETHER.finditer(text)
              for i in range(1, len(units)) if m.start() < starts[i] < m.end()}
    for i in sorted(inside, reverse=True):
        units[i - 1] += units.pop(i)


@cache
def _segmenter() -> ModuleType:
    """thaibreak's core module, loaded on the first line broken (`import itacheck.report` and the
    TUI's start-up must stay cheap). It is loaded alone when the package has it where 1.5 does:
    the package's ``__init__`` adds only a version string, read with importlib.metadata, which
    costs a status table ~25 ms. Registered under its own name, so a later ``import thaibreak``
    uses this module and its loaded dictionary."""
    import importlib
    import importlib.util
    import sys

    package = importlib.util.find_spec("thaibreak")
    where = package.submodule_search_locations if package else None
    core = importlib.util.spec_from_file_location("thaibreak.core", Path(where[0]) / "core.py") if where else None
    if core is None or core.loader is None or not Path(str(core.origin)).is_file():
        return importlib.import_module("thaibreak.core")
    module = sys.modules["thaibreak.core"] = importlib.util.module_from_spec(core)
    core.loader.exec_module(module)
    return module


def space_pieces(unit: str) -> list[str]:
    """``unit`` cut after its spaces: the fallback for a date wider than a line."""
    return [p for p in _AFTER_SPACE.split(unit) if p]
