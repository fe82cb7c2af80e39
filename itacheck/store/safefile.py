"""Files in the data directory: created private (or team-shared), replaced atomically, made durable.

A save writes a temporary file in the same directory, fsyncs it, renames it over the old one and
fsyncs the directory, so the file on disk is always either the old or the new version, never a
mix, and a save that was acknowledged survives a crash of the program.

Every entry *inside* the data directory is reached through the descriptor of the folder that holds
it and opened without following links (see `itacheck.store.nofollow`), so a link, FIFO or device
planted by a colleague is refused rather than written through. The data directory itself may be a
link made by the administrator.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from itacheck.store.errors import WriteFailed


class MissingFolder(ValueError):
    """A file was to be written into a folder that does not exist (bad input: exit code 2)."""


def file_mode(directory: Path | int) -> int:
    """0660 in a group-shared (setgid) directory (a path or a descriptor) so colleagues in the
    group can write, else 0600."""
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


def fsync_directory(dir_fd: int) -> None:
    """Make a rename in the directory ``dir_fd`` durable."""
    os.fsync(dir_fd)


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
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except (FileNotFoundError, NotADirectoryError):
        raise MissingFolder(f"ไม่มีโฟลเดอร์ {path.parent} จึงเขียน {path} ไม่ได้ "
                            f"(cannot write {path}: there is no folder {path.parent})") from None
    except OSError as exc:
        raise write_failed(path, exc) from exc
    try:
        write_in(dir_fd, path, data, mode)
    finally:
        os.close(dir_fd)


def write_in(dir_fd: int, path: Path, data: bytes, mode: int) -> None:
    """`atomic_write_bytes` for ``path``, a name in the directory open as ``dir_fd``: every step
    (temporary file, rename, fsync) acts on that directory, whatever its path points to meanwhile."""
    path = Path(path)
    try:
        tmp, fd = _create_temporary(dir_fd, path.name)
    except OSError as exc:
        raise write_failed(path, exc) from exc
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException as exc:
        try:
            os.unlink(tmp, dir_fd=dir_fd)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise write_failed(path, exc) from exc
        raise
    try:
        fsync_directory(dir_fd)
    except OSError as exc:
        raise write_failed(path, exc, replaced=True) from exc


def _create_temporary(dir_fd: int, name: str) -> tuple[str, int]:
    """A new file ``.NAME.XXXXXXXX.tmp`` in ``dir_fd`` (created exclusively, never through a link)
    and its descriptor, open for writing."""
    for _ in range(100):
        tmp = f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600,
                         dir_fd=dir_fd)
        except FileExistsError:
            continue
        return tmp, fd
    raise FileExistsError(errno.EEXIST, "no free temporary file name", name)
