"""The exclusive lock of one year file: ``flock`` on a sidecar ``2566.json.lock``, with a timeout.

The lock is held across a whole read-modify-write, so two officers saving at once are serialised.
The kernel drops a ``flock`` when its process dies, so a killed writer never leaves a stale lock.
The lock file is opened without following a link or waiting on a FIFO (a colleague may have put
either in its place) and its mode is set only on a file of ours with no other name.
"""

from __future__ import annotations

import fcntl
import os
import stat
import threading
from pathlib import Path
from typing import Any

from itacheck.store.errors import StoreBusy, StoreError, WriteFailed
from itacheck.store.nofollow import LOCK_FILE, open_regular
from itacheck.store.safefile import file_mode

#: Seconds a save waits for a colleague's save before giving up with "busy, try again".
DEFAULT_LOCK_TIMEOUT = 10.0


def lock_timeout_from_environment() -> float:
    """$ITACHECK_LOCK_TIMEOUT when it is a number, else `DEFAULT_LOCK_TIMEOUT`."""
    try:
        return float(os.environ.get("ITACHECK_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


class LockFile:
    """The lock guarding ``guarded`` (a year file). Not re-entrant: `YearFile` counts nesting."""

    def __init__(self, guarded: Path, timeout: float) -> None:
        self.guarded = Path(guarded)
        self.path = self.guarded.with_name(self.guarded.name + ".lock")
        self.timeout = timeout
        self._fd: int | None = None

    def _open(self) -> int:
        """The lock file's descriptor. It is opened read-only (flock needs no more) so a colleague's
        lock file is usable even when a umask left it without group write."""
        try:
            fd = open_regular(self.path, LOCK_FILE, os.O_RDONLY | os.O_CREAT)
        except OSError as exc:
            raise self._cannot_open(exc) from None
        try:
            st = os.fstat(fd)
            wanted = file_mode(self.guarded.parent)
            # Only a file of ours with no other name: a hard link may be someone else's file.
            if st.st_uid == os.getuid() and st.st_nlink == 1 and stat.S_IMODE(st.st_mode) != wanted:
                os.fchmod(fd, wanted)
        except OSError:
            pass
        return fd

    def _cannot_open(self, exc: OSError) -> WriteFailed:
        if isinstance(exc, PermissionError):
            return WriteFailed(f"เปิดไฟล์ล็อก {self.path} ไม่ได้: ไม่มีสิทธิ์ (cannot open the lock file "
                               f"{self.path}: permission denied; check the data directory's group "
                               "and permissions)")
        return WriteFailed(f"เปิดไฟล์ล็อก {self.path} ไม่ได้ ยังไม่ได้บันทึกอะไร (cannot open the lock file "
                           f"{self.path}: {exc.strerror or exc}; nothing was saved)")

    def acquire(self) -> None:
        fd = self._open()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            fd = self._wait()
        self._fd = fd

    def _wait(self) -> int:
        """Wait at most `timeout` seconds for a colleague's save to end.

        The wait is a blocking ``flock`` (the kernel wakes the waiter the moment the lock is
        free; polling would let a busy writer starve the others) in a helper thread, because a
        blocking flock cannot time out by itself. A helper that gets the lock after its caller
        gave up releases it at once."""
        got = threading.Event()
        mutex = threading.Lock()
        state: dict[str, Any] = {"fd": None, "error": None, "abandoned": False}

        def wait() -> None:
            try:
                fd = self._open()
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                except BaseException:
                    os.close(fd)
                    raise
            except BaseException as exc:  # reported to the caller
                state["error"] = exc
                got.set()
                return
            with mutex:
                if state["abandoned"]:
                    unlock_and_close(fd)
                    return
                state["fd"] = fd
            got.set()

        threading.Thread(target=wait, name=f"itacheck-lock-{self.guarded.name}", daemon=True).start()
        acquired = False
        try:
            got.wait(self.timeout)
            with mutex:
                if state["fd"] is not None:
                    acquired = True
                    return state["fd"]
                state["abandoned"] = True
        finally:
            if not acquired:  # timed out, or interrupted (Ctrl-C): never keep a lock nobody uses
                with mutex:
                    state["abandoned"] = True
                    if state["fd"] is not None:
                        unlock_and_close(state["fd"])
                        state["fd"] = None
        error = state["error"]
        if isinstance(error, StoreError):
            raise error
        if isinstance(error, OSError):
            raise self._cannot_open(error)
        if error is not None:
            raise StoreError(f"internal error while waiting for the lock of {self.guarded}: {error!r}")
        raise StoreBusy(
            f"ผู้ใช้อื่นกำลังบันทึก {self.guarded.name} อยู่ กรุณาลองใหม่อีกครั้ง "
            f"(busy: someone else is saving {self.guarded.name}; try again)")

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def unlock_and_close(fd: int) -> None:
    """Unlock explicitly: closing alone would keep the lock while a forked child holds a copy of
    the descriptor."""
    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
