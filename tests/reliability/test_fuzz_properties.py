"""Property-based tests (hypothesis): the parsers, the text cleaners, the plan importer and the store
never fail with anything but a clear ValueError-style error (StoreError for the store), whatever
they are given; what they accept is safe to show and store.

Default sizes keep the run short; ``ITACHECK_STRESS=1`` multiplies them (see reliability_support).
The number of cases each test ran is printed at the end (pytest -s).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from itacheck.domain.cadence import KINDS, occurrences_for, parse_cadence, read_cadence
from itacheck.domain.text import check_link, clean_text
from itacheck.locations import data_files_dir
from itacheck.store.codec import FormatError
from itacheck.store.errors import StoreError
from itacheck.store.planfile import parse_plan_document, plan_file_text, read_plan_file
from itacheck.store.repository import Repository
from itacheck.thai import parse_date, parse_year
from reliability_support import YEAR, stress

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

CASES: Counter[str] = Counter()
FAST = settings(max_examples=stress(300, 5000), deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=stress(120, 1500), deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

BAD_CHARS = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
HOSTILE_PIECES = ["\x1b[31m", "\x1b]0;t\x07", "\x9b2J", "\x00", "\udcff", "\u202e", "[bold]", "[/]",
                  "[@click=app.quit]", "\r\n", "ต.ค.", "ตุลาคม", "พ.ศ.", "ค.ศ.", "วันที่", "๒๕๖๕", "2565", "2022",
                  "65", "22", "/", "-", ".", " ", "ไตรมาส", "ทุก ๖ เดือน", "ภายใน", "เดือน", "ละ", "๑", "ครั้ง",
                  "อย่างต่อเนื่อง", "ปีละ", "http://", "javascript:", "\u200b", "../", "%00", "😀", "\ufeff"]
hostile_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(HOSTILE_PIECES), max_size=14).map("".join),
    st.binary(max_size=120).map(lambda b: b.decode("utf-8", "surrogateescape")),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=4), st.integers(1, 30_000)),
)


def _clear(exc: BaseException) -> None:
    assert str(exc).strip(), f"{type(exc).__name__} without a message"


# --- parsers --------------------------------------------------------------------------------


@FAST
@given(hostile_text)
def test_parse_date_and_parse_year_raise_only_value_error(text):
    CASES["parse_date/parse_year"] += 1
    for parse in (parse_date, parse_year):
        try:
            result = parse(text)
        except ValueError as exc:
            _clear(exc)
        else:
            assert result is not None


#: Pieces of the wording agencies use, so that the cadence reader meets its own vocabulary in odd orders.
thai_wording = st.lists(st.sampled_from([
    "ทุก", "๖", "6", "เดือน", "ภายใน", "วันที่", "มีนาคม", "กุมภาพันธ์", "ก.ค.", "๒๕๖๖", "2567", "66", " ", "–", "-",
    "ไตรมาสที่", "ไตรมาส", "รอบ", "ปีละ", "ครั้ง", "ของทุกปี", "ก่อน", "29", "30", "31", "1", "และ", "หรือ", "ถึง",
    "ปีงบประมาณ", "พ.ศ.", "ประจำปี", "ทุกวัน", "ศุกร์", "ที่", "ของเดือน", "ครั้งที่", "นับแต่", "วัน", "/"]),
    max_size=24).map("".join)


@FAST
@given(st.one_of(hostile_text, thai_wording), st.integers(2540, 2600))
def test_parse_cadence_never_fails_and_its_suggestion_is_usable(text, year):
    CASES["parse_cadence"] += 1
    cadence = parse_cadence(text)
    if cadence is not None:
        assert cadence.kind in KINDS
        occurrences = occurrences_for(cadence, year)
        assert occurrences and all(o.start <= o.end and o.key for o in occurrences)
    reading = read_cadence(text)
    assert reading.cadence == cadence
    assert bool(reading.reason) == (cadence is None)  # no cadence without saying why
    assert reading.span is None or text[reading.span[0]:reading.span[1]] == reading.matched


@FAST
@given(hostile_text, st.booleans(), st.integers(1, 30_000))
def test_clean_text_output_is_safe_and_stable(text, multiline, limit):
    CASES["clean_text"] += 1
    try:
        clean = clean_text(text, limit=limit, multiline=multiline)
    except ValueError as exc:
        assert "too long" in str(exc)
        return
    assert not any(c in clean for c in BAD_CHARS) and "\x1b" not in clean
    assert not any("\ud800" <= c <= "\udfff" for c in clean)
    assert multiline or "\n" not in clean
    clean.encode("utf-8")
    assert len(clean) <= limit
    assert clean_text(clean, limit=limit, multiline=multiline) == clean


@FAST
@given(st.one_of(hostile_text, st.builds(lambda a, b: a + b, st.sampled_from(["http://", "https://", "HTTP://"]),
                                         hostile_text)))
def test_check_link_accepts_only_http_urls(text):
    CASES["check_link"] += 1
    try:
        link = check_link(text)
    except ValueError as exc:
        _clear(exc)
        return
    assert link.lower().startswith(("http://", "https://")) and " " not in link
    assert not any(c in link for c in BAD_CHARS)


# --- the plan importer ---------------------------------------------------------------------

SAMPLE = tomllib.loads((data_files_dir() / "sample-2566.toml").read_text(encoding="utf-8"))

toml_scalars = st.one_of(hostile_text, st.integers(-10**6, 10**6), st.integers(), st.floats(allow_nan=True),
                         st.booleans(), st.dates(), st.datetimes(), st.times(), st.none(),
                         st.sampled_from(list(KINDS) + ["step", "reporting", "IIT", "EIT", "OIT", "2566-Q1", "once"]))
toml_values = st.recursive(toml_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
        ["id", "text", "kind", "due", "role", "tasks", "cadence", "year", "name", "rule", "due_months", "task",
         "occurrence", "done_on", "links", "attachments", "note", "sha256", "size", "x"]), inner, max_size=4)),
    max_leaves=12)


def _paths(doc, prefix=()):
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, prefix + (i,))


ALL_PATHS = [p for p in _paths(SAMPLE) if p]


def _mutate(doc, path, value, delete):
    import copy
    doc = copy.deepcopy(doc)
    target = doc
    for step in path[:-1]:
        target = target[step]
    if delete and isinstance(target, dict):
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


@SLOW
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), toml_values, st.booleans()), min_size=1, max_size=4))
def test_a_mutated_plan_is_imported_safely_or_refused_with_format_error(mutations):
    CASES["plan import (mutated sample)"] += 1
    doc = SAMPLE
    for path, value, delete in mutations:
        try:
            doc = _mutate(doc, path, value, delete)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation changed the shape under this path
    try:
        plan, records = parse_plan_document(doc)
    except FormatError as exc:
        _clear(exc)
        return
    CASES["plan import (mutated sample): accepted"] += 1
    for s in _strings(plan) + _strings(records):
        assert not any(c in s for c in BAD_CHARS), repr(s)
    # What was accepted survives the round trip through a file and the store.
    again = parse_plan_document(tomllib.loads(plan_file_text(plan, records)))
    assert again == (plan, records)


@SLOW
@given(st.data())
def test_hostile_text_in_any_text_field_of_a_plan_is_cleaned_or_refused(data):
    """Only texts change (types kept): most such plans are accepted, so the cleaning is exercised."""
    CASES["plan import (hostile texts)"] += 1
    doc = SAMPLE
    for _ in range(data.draw(st.integers(1, 6))):
        path = data.draw(st.sampled_from(TEXT_PATHS))
        original = _get(SAMPLE, path)
        value = data.draw(st.one_of(
            st.builds(lambda a, b: a + original + b, st.sampled_from(HOSTILE_PIECES), st.sampled_from(HOSTILE_PIECES)),
            hostile_text))
        doc = _mutate(doc, path, value, False)
    try:
        plan, records = parse_plan_document(doc)
    except FormatError as exc:
        _clear(exc)
        return
    CASES["plan import (hostile texts): accepted"] += 1
    for s in _strings(plan) + _strings(records):
        assert not any(c in s for c in BAD_CHARS), repr(s)
    assert parse_plan_document(tomllib.loads(plan_file_text(plan, records))) == (plan, records)


def _get(doc, path):
    for step in path:
        doc = doc[step]
    return doc


FREE_TEXT = {"intro", "issue", "text", "note", "name", "position", "district", "province", "indicator_name",
             "responsible"}
TEXT_PATHS = [p for p in ALL_PATHS if isinstance(_get(SAMPLE, p), str)
              and any(step in FREE_TEXT for step in p if isinstance(step, str))]


def _strings(value) -> list[str]:
    from dataclasses import fields, is_dataclass
    if isinstance(value, str):
        return [value]
    if is_dataclass(value):
        return [s for f in fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [s for v in value for s in _strings(v)]
    return []


@SLOW
@given(st.one_of(st.binary(max_size=3000),
                 st.builds(lambda head, junk: head + junk,
                           st.sampled_from([(data_files_dir() / "sample-2566.toml").read_bytes()[:n]
                                            for n in (0, 200, 2000, 9000)]), st.binary(max_size=300))))
def test_any_bytes_as_a_plan_file_give_format_error_or_a_plan(data):
    CASES["plan import (random bytes)"] += 1
    with tempfile.NamedTemporaryFile(suffix=".toml") as f:
        f.write(data)
        f.flush()
        try:
            read_plan_file(Path(f.name))
            CASES["plan import (random bytes): accepted"] += 1
        except FormatError as exc:
            _clear(exc)


# --- the store --------------------------------------------------------------------------------

GOOD_LINKS = ["https://example.go.th/x", "http://ไทย.example/ก?q=[1]", "HTTPS://EXAMPLE.COM/%1b"]
TASKS = [("e6-r1", "2566-Q2"), ("e7-r2", "2566-M03"), ("oit10-s1", "once"), ("e9-r1", "2566-H1")]


class StoreMachine(RuleBasedStateMachine):
    """Random sequences of ticks (with hostile notes, links and dates), undos and removals, and
    plan re-imports against a model: the store always equals the model, every refusal is a
    ValueError or StoreError with a message, and the file always opens."""

    records = Bundle("records")

    def __init__(self):
        super().__init__()
        CASES["store (state machines)"] += 1
        self.tmp = Path(tempfile.mkdtemp(prefix="itacheck-fuzz-"))
        self.repo = Repository(self.tmp, user="fuzzer")
        self.repo.load_sample()
        self.model = {r.id: r for r in self.repo.records(YEAR)}

    def teardown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    @rule(target=records, note=st.text(max_size=300) | st.lists(st.sampled_from(HOSTILE_PIECES), max_size=20).map(
              "".join) | hostile_text,
          links=st.just([]) | st.lists(st.sampled_from(GOOD_LINKS), max_size=2) | st.lists(hostile_text, max_size=1),
          day=st.dates(date(2021, 10, 1), date(2024, 9, 30)) | st.dates(date(2021, 10, 1), date(2024, 9, 30))
          | st.dates(date(1900, 1, 1), date(2300, 12, 31)),
          which=st.sampled_from(TASKS) | st.sampled_from(TASKS) | st.sampled_from(TASKS)
          | st.tuples(hostile_text, hostile_text), skipped=st.booleans())
    def tick(self, note, links, day, which, skipped):
        CASES["store operations"] += 1
        try:
            r = self.repo.add_record(YEAR, which[0], which[1], day, note=note, links=links, skipped=skipped)
        except (ValueError, StoreError) as exc:
            _clear(exc)
            return "-"
        CASES["store operations: ticks accepted"] += 1
        self.model[r.id] = r
        assert not any(c in r.note for c in BAD_CHARS)
        return r.id

    @rule()
    def undo(self):
        CASES["store operations"] += 1
        r = self.repo.undo_last(YEAR)
        if r is not None:
            assert self.model.pop(r.id).recorded_by == "fuzzer"

    @rule(record_id=records)
    def remove(self, record_id):
        CASES["store operations"] += 1
        r = self.repo.remove_record(YEAR, record_id)
        assert (r is not None) == (record_id in self.model)
        self.model.pop(record_id, None)

    @rule()
    def reimport(self):
        CASES["store operations"] += 1
        self.repo.import_plan(self.repo.plan(YEAR), summary="again")

    @invariant()
    def store_equals_model(self):
        fresh = Repository(self.tmp, user="reader")
        assert {r.id: r for r in fresh.records(YEAR)} == self.model


StoreMachine.TestCase.settings = settings(max_examples=stress(40, 400), stateful_step_count=stress(20, 40),
                                          deadline=None, database=None,
                                          suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.filter_too_much])
test_the_store_against_a_model = StoreMachine.TestCase


def test_zz_print_the_number_of_cases():
    print("\nfuzz cases run:", dict(CASES))
