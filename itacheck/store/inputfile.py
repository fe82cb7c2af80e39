"""Files the officer names as input (`plan import FILE`, `restore FILE`, `tick --file PATH`, the
TUI's forms): one way to read them, one way to say why one cannot be read.

A link is followed (the officer chose the file), but the file is opened without blocking, so a
FIFO or device is refused instead of hanging the program, and read only up to a limit. Every
refusal is a `ValueError` (bad input: exit code 2) with one line, Thai then English, naming the
path as the officer typed it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from itacheck.store.nofollow import kind_of, read_at_most


class UnreadableInput(ValueError):
    """An input file is missing, unreadable, not a regular file, or too large."""


def read_input_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``; `UnreadableInput` when that cannot be."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise UnreadableInput(f"ไม่พบไฟล์ {path} (cannot read {path}: no such file)") from None
    except PermissionError:
        raise UnreadableInput(f"อ่านไฟล์ {path} ไม่ได้: ไม่มีสิทธิ์ (cannot read {path}: permission denied)") from None
    except OSError as exc:
        raise UnreadableInput(f"อ่านไฟล์ {path} ไม่ได้ (cannot read {path}: {exc.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            th, en = kind_of(st.st_mode)
            raise UnreadableInput(f"{path} ไม่ใช่ไฟล์ธรรมดา แต่เป็น{th} (not a regular file but {en}: {path})")
        data = read_at_most(fd, limit)
        if data is None:
            raise UnreadableInput(f"ไฟล์ {path} ใหญ่เกิน {_size(limit)} (file too large: {path} is over {_size(limit)})")
        return data
    except OSError as exc:
        raise UnreadableInput(f"อ่านไฟล์ {path} ไม่ได้ (cannot read {path}: {exc.strerror})") from None
    finally:
        os.close(fd)


def _size(limit: int) -> str:
    return f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit:,} bytes"
