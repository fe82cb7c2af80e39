"""The rules for text that comes from files: plan files on import, year files whenever they are read.

Every text typed into itacheck is cleaned on the way in (`clean_text`), but a year file can also
arrive by `restore` or be edited by hand, and its texts reach terminals (where an escape sequence
retitles the window, clears it or writes the clipboard), the TUI, CSV files and published PDFs.
So the texts of a file are cleaned by one walker with one set of rules, whoever reads the file.

Reading a year file must stay cheap (a big agency's is 3 MB and is read after every save), so
`clean_year_data` first scans the raw JSON for anything that could decode to a control character,
an escape sequence, a bidi override or a lone surrogate, and walks the texts only when it finds one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from itacheck.domain.text import MAX_LINE, MAX_NOTE, UNSAFE, clean_text, is_web_link
from itacheck.store.codec import FormatError

#: Fields that hold paragraphs (newlines kept, the note-sized limit); any other text is one line.
MULTILINE = frozenset({"intro", "issue", "text", "note"})

# What a JSON text can hold that decodes to a character `UNSAFE` finds: an escape of a C0 control,
# of DEL or a C1 control, of a bidi mark, of a surrogate, or \b \f \r; or DEL, a C1 control or a
# bidi mark written as is (UTF-8). A superset: a false alarm only costs the walk. Each pattern comes
# with the byte it starts with, which `bytes.find` looks for twenty times faster than a regular
# expression that tries every byte: the pattern is searched only from where that byte first is.
_UNSAFE_JSON = (
    (b"\\", re.compile(rb"\\(?:[bfr]|u00[01][0-9a-fA-F]|u00[7-9][0-9a-fA-F]|u20[0-6][0-9a-fA-F]"
                       rb"|u[dD][89a-fA-F][0-9a-fA-F]{2})")),
    (b"\x7f", re.compile(rb"\x7f")),
    (b"\xc2", re.compile(rb"\xc2[\x80-\x9f]")),
    (b"\xe2", re.compile(rb"\xe2(?:\x80[\x8e\x8f\xaa-\xae]|\x81[\xa6-\xa9])")),
)
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_]{1,40}")


@dataclass(frozen=True)
class TextFindings:
    """Fields of a year file that broke the rules for text, named like ``records.12.note``."""

    cleaned: tuple[str, ...] = ()
    """held control characters or escape sequences, which were removed"""
    bad_links: tuple[str, ...] = ()
    """hold a link that is not an http(s) URL (only looked for in a thorough check)"""


def field_name(where: str, key: str) -> str:
    """``where.key``, with a key that is not a plain name quoted (escapes shown, never sent raw)."""
    return f"{where}.{key}" if _PLAIN_NAME.fullmatch(key) else f"{where}.{key[:40]!r}"


def clean_document(doc: Any, key: str = "", where: str = "", *, everything: bool = True,
                   cleaned: list[str] | None = None) -> Any:
    """``doc`` with its texts cleaned by the import rules (`clean_text`, with the size limit of
    their kind), else FormatError naming the field. ``everything=False`` cleans only the texts
    that hold something `clean_text` removes; ``cleaned`` collects the names of those fields."""
    if isinstance(doc, str):
        dirty = UNSAFE.search(doc) is not None
        if dirty and cleaned is not None:
            cleaned.append(where)
        if not (dirty or everything):
            return doc
        multiline = key in MULTILINE
        try:
            return clean_text(doc, limit=MAX_NOTE if multiline else MAX_LINE, what=where, multiline=multiline)
        except ValueError as exc:
            raise FormatError(str(exc)) from None
    if isinstance(doc, dict):
        return {k: clean_document(v, str(k), field_name(where, str(k)), everything=everything, cleaned=cleaned)
                for k, v in doc.items()}
    if isinstance(doc, list):
        return [clean_document(v, key, f"{where}[{i}]", everything=everything, cleaned=cleaned)
                for i, v in enumerate(doc)]
    return doc


def listed(fields: tuple[str, ...], shown: int = 10) -> str:
    """Field names for a one-line message: the first ``shown`` of them, then how many more."""
    more = f" and {len(fields) - shown} more" if len(fields) > shown else ""
    return ", ".join(fields[:shown]) + more


def clean_year_data(data: dict[str, dict[str, Any]], raw: bytes, *, thorough: bool = False) -> TextFindings:
    """Clean, in place, the texts of a year file's ``data`` parsed from ``raw``; FormatError when a
    text is over its size limit. Reading only looks further when the raw scan finds something;
    ``thorough`` (`check`, `restore`) applies every import rule to every text, links included."""
    if not (thorough or _may_hold_unsafe_text(raw)):
        return TextFindings()
    cleaned: list[str] = []
    for table, docs in data.items():
        where = field_name("", table)[1:]
        for doc_id, doc in docs.items():
            docs[doc_id] = clean_document(doc, "", f"{where}.{doc_id}", everything=thorough, cleaned=cleaned)
    bad_links = _bad_links(data) if thorough else ()
    return TextFindings(tuple(cleaned), bad_links)


def _may_hold_unsafe_text(raw: bytes) -> bool:
    """Whether the JSON ``raw`` may hold a text that `clean_text` would change (see `_UNSAFE_JSON`)."""
    for lead, pattern in _UNSAFE_JSON:
        at = raw.find(lead)
        if at >= 0 and pattern.search(raw, at):
            return True
    return False


def _bad_links(data: dict[str, dict[str, Any]]) -> tuple[str, ...]:
    """Record links a plan file could not bring in: anything but an http(s) URL."""
    bad = []
    for doc_id, doc in data.get("records", {}).items():
        links = doc.get("links") or []
        for i, link in enumerate([links] if isinstance(links, str) else links):
            if not (isinstance(link, str) and is_web_link(link)):
                bad.append(f"records.{doc_id}.links[{i}]")
    return tuple(bad)
