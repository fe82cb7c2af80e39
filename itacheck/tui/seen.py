"""Notices an officer needs once, not at every start: remembered per user (not in the shared data
directory), best effort: if the state cannot be written, the notice just shows again next time."""

from __future__ import annotations

import json
import os

from itacheck.locations import state_dir

_FILE = "seen.json"
_MAX = 200  # keys kept; the oldest are forgotten


def first_time(key: str) -> bool:
    """True the first time ``key`` is asked about for this user (and remembers it)."""
    path = state_dir() / _FILE
    try:
        seen = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(seen, list):
            seen = []
    except (OSError, ValueError):
        seen = []
    if key in seen:
        return False
    seen = [*seen, key][-_MAX:]
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{_FILE}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(seen, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    return True
