"""What the bytes of a year file are: how they are written, and the check they pass before use.

A year file is JSON with one TinyDB table per key (``meta``, ``plan``, ``records``, ``audit``).
Before it is used it must be valid UTF-8 JSON with an itacheck ``meta`` record of a schema version
this program knows, well-formed tables, and every plan, record and audit entry decodable: a damaged
or foreign file is refused rather than overwritten or shown half.
"""

from __future__ import annotations

import json
import operator
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from itacheck.domain.model import Plan, Record
from itacheck.gcpause import paused_gc
from itacheck.store.codec import plan_from_dict, record_from_dict
from itacheck.store.errors import NewerSchema
from itacheck.store.filetext import TextFindings, clean_year_data

SCHEMA_VERSION = 1
APP = "itacheck"

#: The largest year file read (bytes). 12,000 ticks with a 300-character Thai note each (every
#: note is kept twice: in its record and in the audit entry) make a 29 MB file, far beyond a real
#: agency's year; 64 MB leaves room for twice that while bounding what a bad file can cost: parsing
#: a file this size takes about 190 MB of memory, where a link to /dev/zero would take all of it.
MAX_YEAR_FILE = 64 * 2**20

#: Migrations from version N to N+1, applied in order after a backup. Empty while only version 1 exists.
MIGRATIONS: dict[int, Any] = {}


class Damaged(Exception):
    """A year file's content fails the check; ``str()`` names the file and what is wrong (one
    line, Thai then English), without the advice on what to do, which the caller adds."""


class Parsed(NamedTuple):
    """A year file's checked content: its tables, what the rules for text found in it, and its
    plan and records decoded (the check decodes them anyway; they are kept, not decoded again)."""

    data: dict[str, dict[str, Any]]
    findings: TextFindings
    plan: Plan | None
    records: tuple[Record, ...]


def _dump(value: Any) -> bytes:
    """``value`` as compact JSON with sorted keys, by orjson (ten times faster than the standard
    library, the same bytes); what it refuses, the standard library writes: a lone surrogate
    (possible only in a hand-edited file) as its JSON escape, an integer beyond 64 bits."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError included
        return _STDLIB_ENCODE(value).encode("utf-8", "backslashreplace")


_STDLIB_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


class Lines(NamedTuple):
    """One table as it was last written: its keys and documents in order, and the JSON line of
    each. Holding the documents keeps their identities from being reused. See `serialise`."""

    keys: list[str]
    docs: list[Any]
    lines: list[bytes]


#: The tables last written, by name. See `serialise`.
Encoded = dict[str, Lines]


def serialise(data: dict[str, dict[str, Any]], encoded: Encoded | None = None) -> bytes:
    """The year file's bytes: valid JSON with one document per line, tables in name order and
    documents in id order, so a file is readable in a text editor and diffs line by line.

    A save changes a document or two of thousands, and a document is never changed in place
    (see `copyonwrite`): the JSON of a document found by identity in ``encoded`` (the previous
    save's) is used as it is, and ``encoded`` is then made to hold this file's tables."""
    known = encoded if encoded is not None else {}
    fresh: Encoded = {}
    parts = []
    for name in sorted(data):
        table = data[name]
        keys, docs = list(table), list(table.values())
        lines = _lines(keys, docs, known.get(name))
        fresh[name] = Lines(keys, docs, lines)
        parts += (b",\n", _dump(name), b":{\n", b",\n".join(lines), b"}") if lines else (b",\n", _dump(name), b":{}")
    if encoded is not None:
        encoded.clear()
        encoded.update(fresh)
    return b"".join([b"{\n", *parts[1:], b"\n}\n"]) if parts else b"{\n}\n"


def _lines(keys: list[str], docs: list[Any], before: Lines | None) -> list[bytes]:
    """The lines of a table's documents. Those of ``before`` are reused: all of them, compared in
    C, when the table only grew at its end since (as a tick makes it), else each whose document
    is found there by identity."""
    seen: dict[tuple[str, int], bytes] = {}
    if before is not None:
        n = len(before.docs)
        if len(docs) >= n and keys[:n] == before.keys and all(map(operator.is_, docs[:n], before.docs)):
            return before.lines + [_line(k, d) for k, d in zip(keys[n:], docs[n:])]
        seen = {(k, id(d)): line for k, d, line in zip(before.keys, before.docs, before.lines)}
    return [seen.get((k, id(d))) or _line(k, d) for k, d in zip(keys, docs)]


def _line(doc_id: str, doc: Any) -> bytes:
    return b"%b:%b" % (_dump(str(doc_id)), _dump(doc))


def _loads(raw: bytes) -> Any:
    """The JSON value of ``raw``: orjson for speed; what it refuses goes to the standard library,
    which reads a few things orjson does not (lone surrogates, numbers beyond 64 bits) and says
    why anything else is not JSON."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw.decode("utf-8"))


def parse(raw: bytes, path: Path, *, thorough: bool = False) -> Parsed:
    """The checked content of the year file ``path`` whose bytes are ``raw``, its texts cleaned by
    the rules for text from files (see `filetext`), and which fields those rules changed (or, when
    ``thorough``, would refuse). Raises `Damaged`, or `NewerSchema` for a file written by a newer
    itacheck."""
    with paused_gc(kept=True):
        return _parse(raw, path, thorough)


def _parse(raw: bytes, path: Path, thorough: bool) -> Parsed:
    if not raw or raw.isspace():  # not `strip()`, which copies the whole file
        raise Damaged(f"ไฟล์ฐานข้อมูล {path} ว่างเปล่า (database file is empty)")
    try:
        data = _loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Damaged(f"ไฟล์ฐานข้อมูล {path} เสียหาย (database file is corrupt: {str(exc)[:200]})") from None
    except RecursionError:
        raise Damaged(f"ไฟล์ฐานข้อมูล {path} เสียหาย (database file is corrupt: nested too deeply)") from None
    except ValueError:  # a number longer than Python converts (4300 digits)
        raise Damaged(f"ไฟล์ฐานข้อมูล {path} เสียหาย (database file is corrupt: a number is too long)") from None
    meta = data.get("meta", {}) if isinstance(data, dict) else None
    doc = next(iter(meta.values()), None) if isinstance(meta, dict) and meta else None
    version = doc.get("schema_version") if isinstance(doc, dict) else None
    if not isinstance(doc, dict) or doc.get("app") != APP or not isinstance(version, int) or isinstance(version, bool):
        raise Damaged(f"{path} ไม่ใช่ฐานข้อมูลของ itacheck (not an itacheck database)")
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            f"{path} สร้างโดย itacheck รุ่นใหม่กว่า (schema {version}, this program knows "
            f"{SCHEMA_VERSION}): กรุณาปรับรุ่นโปรแกรม (written by a newer itacheck: upgrade itacheck; "
            "the file was left untouched)")
    if any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        raise Damaged(f"{path}: รุ่นของฐานข้อมูลไม่ถูกต้อง (unknown schema version {version})")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(
                isinstance(k, str) and k.isdigit() and isinstance(v, dict) for k, v in table.items()):
            raise Damaged(f"ไฟล์ฐานข้อมูล {path} เสียหาย: ตาราง {name!r} ผิดรูปแบบ "
                          f"(database file is corrupt: table {name[:40]!r} is malformed)")
    try:
        findings = clean_year_data(data, raw, thorough=thorough)
    except (ValueError, RecursionError) as exc:
        raise Damaged(damage_message(path, str(exc)[:200])) from None
    plan, records = _check_documents(data, path)
    return Parsed(data, findings, plan, records)


def damage_message(path: Path, reason: str) -> str:
    """The `Damaged` text for a document of ``path`` that does not decode (``reason``)."""
    return f"ไฟล์ฐานข้อมูล {path} เสียหาย (database file is damaged: {reason})"


def _check_documents(data: dict[str, Any], path: Path) -> tuple[Plan | None, tuple[Record, ...]]:
    """Every plan, record and audit entry must decode: a hand-edited or damaged document is
    refused here, for reads and writes alike, rather than crash a screen later. The plan (document
    1 of its table) and the records, decoded, are what reads want."""
    try:
        plans = {doc_id: plan_from_dict(doc) for doc_id, doc in data.get("plan", {}).items()}
        records = tuple(record_from_dict(doc) for doc in data.get("records", {}).values())
        fromisoformat = datetime.fromisoformat
        for doc in data.get("audit", {}).values():
            fromisoformat(doc["at"])
            if not isinstance(doc["user"], str) or not isinstance(doc["action"], str):
                raise ValueError("audit entry without user or action")
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise Damaged(damage_message(path, f"{type(exc).__name__}: {str(exc)[:200]}")) from None
    return plans.get("1"), records
