"""Files the officer asks for by name (`export`, `plan export`, `report`): one way to write them.

Such a file is written atomically (a temporary file renamed over it), and a rename replaces
whatever directory entry has that name: run as root, ``-o /dev/stdout`` turned the device node into a
regular file. So the rename only ever targets a regular file or a new path; anything else (a
device, a FIFO, a directory, a symbolic link) is refused with a message naming it, and ``-`` means
standard output. A symbolic link is refused rather than followed: in a shared directory a colleague
could plant one so that an officer's export overwrites a file of the officer's choosing.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from itacheck.store.safefile import atomic_write_bytes, file_mode, write_failed

#: The output name that means standard output (``-o -``).
STDOUT = "-"

_KINDS = ((stat.S_ISLNK, "ลิงก์สัญลักษณ์", "a symbolic link"), (stat.S_ISDIR, "โฟลเดอร์", "a directory"),
          (stat.S_ISCHR, "อุปกรณ์", "a device"), (stat.S_ISBLK, "อุปกรณ์", "a device"),
          (stat.S_ISFIFO, "ท่อ (FIFO)", "a FIFO"), (stat.S_ISSOCK, "ซ็อกเก็ต", "a socket"))


class NotAFile(ValueError):
    """The output path names something other than a regular file (bad input: exit code 2)."""


def is_stdout(target: Path | str) -> bool:
    return str(target) == STDOUT


def output_name(target: Path | str) -> str:
    """How a message names the output."""
    return "standard output" if is_stdout(target) else str(target)


def write_output(target: Path | str, data: bytes, *, private: bool, mode: int | None = None) -> None:
    """Write ``data`` to the file ``target`` names, or to standard output for ``-``.

    ``private``: it carries officers' names and notes, so it is 0600, or 0660 in a group-shared
    (setgid) directory, as the data files are, whatever the umask or an older file's mode.
    Otherwise (the PDF, made to be published) an existing file keeps its mode and a new one gets
    what the umask gives, unless ``mode`` is given (the copy in the web site's folder, which the
    web server must read). Raises `NotAFile`, or `WriteFailed` naming ``target``."""
    if is_stdout(target):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(target)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise write_failed(target, exc) from exc
    if st is not None and not stat.S_ISREG(st.st_mode):
        th, en = next(((th, en) for test, th, en in _KINDS if test(st.st_mode)), ("สิ่งอื่น", "not a file"))
        raise NotAFile(f"{target} เป็น{th} ไม่ใช่ไฟล์ธรรมดา จึงไม่เขียนทับ ({target} is {en}, not a regular file, "
                       f"so it was left alone: name a new or regular file, or use -o - for standard output)")
    if mode is None:
        mode = _mode(target, st, private)
    atomic_write_bytes(target, data, mode)


def _mode(target: Path, st: os.stat_result | None, private: bool) -> int:
    if private:
        return file_mode(target.parent)
    if st is not None:
        return stat.S_IMODE(st.st_mode)
    return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read from /proc: os.umask() cannot read it without changing it, which
    is unsafe while other threads (the TUI's workers) create files."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022
