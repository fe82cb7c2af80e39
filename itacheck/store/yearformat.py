"""What the bytes of a year file are: how they are written, and the check they pass before use.

A year file is JSON with one TinyDB table per key (``meta``, ``plan``, ``records``, ``audit``).
Before it is used it must be valid UTF-8 JSON with an itacheck ``meta`` record of a schema version
this program knows, well-formed tables, and every plan, record and audit entry decodable: a damaged
or foreign file is refused rather than overwritten or shown half.
"""

from __future__ import annotations

import json
import marshal
from datetime import datetime
from pathlib import Path
from typing import Any

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


def copy_data(data: Any) -> Any:
    """A deep copy of plain JSON data (dicts, lists, str, int, float, bool, None), fast."""
    return marshal.loads(marshal.dumps(data))


def serialise(data: dict[str, dict[str, Any]]) -> bytes:
    """The year file's bytes: valid JSON with one document per line, tables in name order and
    documents in id order, so a file is readable in a text editor and diffs line by line.
    (A lone surrogate, possible only in a hand-edited file, is kept as its JSON escape.)"""
    dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
    parts = ["{"]
    for t, name in enumerate(sorted(data)):
        parts.append(f"{',' if t else ''}\n{dump(name)}:{{")
        for d, (doc_id, doc) in enumerate(data[name].items()):
            parts.append(f"{',' if d else ''}\n{dump(str(doc_id))}:{dump(doc)}")
        parts.append("}")
    parts.append("\n}\n")
    return "".join(parts).encode("utf-8", "backslashreplace")


def parse(raw: bytes, path: Path, *, thorough: bool = False) -> tuple[dict[str, Any], TextFindings]:
    """The checked content of the year file ``path`` whose bytes are ``raw``, its texts cleaned by
    the rules for text from files (see `filetext`), and which fields those rules changed (or, when
    ``thorough``, would refuse). Raises `Damaged`, or `NewerSchema` for a file written by a newer
    itacheck."""
    if not raw.strip():
        raise Damaged(f"ไฟล์ฐานข้อมูล {path} ว่างเปล่า (database file is empty)")
    try:
        data = json.loads(raw.decode("utf-8"))
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
    _check_documents(data, path)
    return data, findings


def damage_message(path: Path, reason: str) -> str:
    """The `Damaged` text for a document of ``path`` that does not decode (``reason``)."""
    return f"ไฟล์ฐานข้อมูล {path} เสียหาย (database file is damaged: {reason})"


def _check_documents(data: dict[str, Any], path: Path) -> None:
    """Every plan, record and audit entry must decode: a hand-edited or damaged document is
    refused here, for reads and writes alike, rather than crash a screen later."""
    try:
        for doc in data.get("plan", {}).values():
            plan_from_dict(doc)
        for doc in data.get("records", {}).values():
            record_from_dict(doc)
        for doc in data.get("audit", {}).values():
            datetime.fromisoformat(doc["at"])
            if not isinstance(doc["user"], str) or not isinstance(doc["action"], str):
                raise ValueError("audit entry without user or action")
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise Damaged(damage_message(path, f"{type(exc).__name__}: {str(exc)[:200]}")) from None
