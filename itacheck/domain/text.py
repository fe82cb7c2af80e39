"""Making user- and file-supplied text safe to store, show and print.

Notes, links and plan texts come from keyboards, pasted web pages and files written by other
programs: they may hold terminal escape sequences, NUL bytes or megabytes of text. They are cleaned
once, on the way in, so every layer after that can trust them.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_NOTE = 20_000
MAX_LINE = 2_000

# C0/C1 controls (but tab and newline), DEL, and whole ANSI escape sequences.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
                      r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x1b\x9c]*[\x07\x9c]?")  # and their 8-bit (C1) forms
_CONTROL_CHARACTERS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[{_CONTROL_CHARACTERS}]")
# Lone surrogates: undecodable bytes of a file name or argument (surrogateescape); not storable as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")
#: Finds what `clean_text` removes or replaces (every escape sequence starts with one of these).
UNSAFE = re.compile(f"[{_CONTROL_CHARACTERS}\ud800-\udfff]")


def clean_text(text: str, *, limit: int = MAX_NOTE, what: str = "text", multiline: bool = True) -> str:
    """Text without control characters or escape sequences; ValueError when longer than ``limit``.

    Markup such as ``[bold]`` is kept as typed: showing it literally is the display layer's job.
    """
    if len(text) > limit * 4:
        raise ValueError(f"{what} is too long: {len(text):,} characters (at most {limit:,})")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SURROGATES.sub("\ufffd", _CONTROLS.sub("", _ESCAPES.sub("", text)))
    if not multiline:
        text = " ".join(text.split())
    text = text.strip()
    if len(text) > limit:
        raise ValueError(f"{what} is too long: {len(text):,} characters (at most {limit:,})")
    return text


def check_link(link: str) -> str:
    """An evidence link must be an http(s) URL: a ``javascript:`` or ``file:`` link in a published
    report would be a hazard for its readers."""
    link = clean_text(link, limit=MAX_LINE, what="link", multiline=False)
    if not is_web_link(link):
        raise ValueError(f"ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https:// (a link must be an http(s) URL): {link[:80]!r}")
    return link


def is_web_link(link: str) -> bool:
    """Whether ``link`` is an http(s) URL with a host: the only kind a published report may make live."""
    if UNSAFE.search(link) or " " in link:
        return False
    try:
        parts = urlsplit(link)
    except ValueError:  # e.g. "http://[::1": an unclosed IPv6 address
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)

