"""Reading a shared file whole, but never more than a limit: the year file is read this way on
every change, so it is read in one call when it does not grow, and the limit still holds when a
file grows while it is read (a pipe stands in for a file a colleague keeps appending to)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from itacheck.store.nofollow import read_at_most

MB = 1 << 20


def _read(path: Path, limit: int) -> bytes | None:
    fd = os.open(path, os.O_RDONLY)
    try:
        return read_at_most(fd, limit)
    finally:
        os.close(fd)


@pytest.mark.parametrize("size", [0, 1, MB - 1, MB, MB + 1, 3 * MB + 17])
def test_a_regular_file_comes_back_byte_for_byte(tmp_path: Path, size: int):
    content = os.urandom(size)
    path = tmp_path / "f"
    path.write_bytes(content)
    assert _read(path, 4 * MB) == content


def test_the_limit_is_inclusive(tmp_path: Path):
    path = tmp_path / "f"
    path.write_bytes(b"x" * 1000)
    assert _read(path, 1000) == b"x" * 1000
    assert _read(path, 999) is None


def _pipe_with(data: bytes) -> int:
    """The read end of a pipe that a thread fills with ``data``: its size says 0 when it is
    looked at, as a file's does before a colleague writes more to it."""
    r, w = os.pipe()

    def fill() -> None:
        with os.fdopen(w, "wb") as f:
            try:
                f.write(data)
            except BrokenPipeError:
                pass

    threading.Thread(target=fill, daemon=True).start()
    return r


@pytest.mark.parametrize("size, limit, whole", [(3 * MB, 2 * MB, False), (MB + MB // 2, 2 * MB, True),
                                                (2 * MB, 2 * MB, True), (2 * MB + 1, 2 * MB, False)])
def test_what_grows_while_it_is_read_is_still_held_to_the_limit(size: int, limit: int, whole: bool):
    data = os.urandom(size)
    fd = _pipe_with(data)
    try:
        got = read_at_most(fd, limit)
    finally:
        os.close(fd)
    assert got == (data if whole else None)
