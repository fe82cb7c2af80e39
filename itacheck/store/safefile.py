"""Files in the data directory: created private (or team-shared), replaced atomically, made durable.

A save writes a temporary file in the same directory, fsyncs it, renames it over the old one and
fsyncs the directory, so the file on disk is always either the old or the new version, never a
mix, and a save that was acknowledged survives a crash of the program.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from itacheck.store.errors import WriteFailed


def file_mode(directory: Path) -> int:
    """0660 in a group-shared (setgid) directory so colleagues in the group can write, else 0600."""
    try:
        shared = bool(os.stat(directory).st_mode & stat.S_ISGID)
    except OSError:
        shared = False
    return 0o660 if shared else 0o600


def make_dir(directory: Path) -> None:
    """Create ``directory`` (and its parents) private to the user, or to the group when its parent
    is group-shared: 0700, or 02770 under a setgid parent (whatever the umask)."""
    directory = Path(directory)
    if directory.is_dir():
        return
    if not directory.parent.exists():
        make_dir(directory.parent)
    try:
        os.mkdir(directory, 0o700)
    except FileExistsError:
        return
    if file_mode(directory.parent) == 0o660:
        os.chmod(directory, 0o2770)
    else:
        os.chmod(directory, 0o700)


def fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_failed(path: Path, exc: OSError, *, replaced: bool = False) -> WriteFailed:
    """The message for a save of ``path`` that failed with ``exc``, saying what to do about it."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        th, en = "ดิสก์เต็มหรือเกินโควตา", "disk full or quota exceeded; free some space and try again"
    elif exc.errno == errno.EFBIG:
        th, en = "ไฟล์ใหญ่เกินที่ระบบอนุญาต", "file too large for this system (disk full?)"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        th, en = "ไม่มีสิทธิ์เขียน", f"{exc.strerror or exc}; check the data directory's owner, group and mode"
    else:
        th, en = "เขียนไฟล์ผิดพลาด", exc.strerror or str(exc)
    if replaced:
        return WriteFailed(f"บันทึก {path} แล้ว แต่ยืนยันการเขียนลงดิสก์ไม่ได้ ({th}) "
                           f"(saved {path}, but could not flush it to disk: {en}; run `itacheck check`)")
    return WriteFailed(f"บันทึก {path} ไม่สำเร็จ ({th}) ข้อมูลเดิมยังอยู่ครบ "
                       f"(could not save {path}: {en}; the previous data is intact)")


def atomic_write_bytes(path: Path, data: bytes, mode: int) -> None:
    """Write ``data`` so that ``path`` is always either its old or its new content. An OSError
    (disk full, I/O error, permissions) becomes `WriteFailed`; the old content is then untouched."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise write_failed(path, exc) from exc
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise write_failed(path, exc) from exc
        raise
    try:
        fsync_directory(path.parent)
    except OSError as exc:
        raise write_failed(path, exc, replaced=True) from exc
