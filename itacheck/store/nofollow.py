"""Opening entries of a shared data directory without trusting what they are.

In a group-writable directory any colleague can put a symbolic link, a FIFO or a link to a device
where a lock file, year file, backup or attachment belongs: a link makes the victim's program write,
chmod or delete the file it names (another officer's ``~/.ssh/authorized_keys``), a FIFO makes it
wait forever, ``/dev/zero`` makes it read until memory runs out. So every entry is opened with
``O_NOFOLLOW`` (a link is refused, not followed) and ``O_NONBLOCK`` (a FIFO does not block the
open), then checked with ``fstat`` on the open descriptor (no race with a swap after the check) to
be a regular file, or a directory for a folder; anything else is refused with a message naming it.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from itacheck.store.errors import UnsafeFile

#: Added to every open inside the data directory: never follow a link in the last component,
#: never wait for a FIFO's other end, never leak the descriptor into a child process.
NO_FOLLOW = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


@dataclass(frozen=True)
class Role:
    """What an entry is for, as the messages name it."""

    th: str
    en: str


LOCK_FILE = Role("ไฟล์ล็อก", "the lock file")
YEAR_FILE = Role("ไฟล์ฐานข้อมูล", "the database file")
BACKUP = Role("สำเนาสำรอง", "the backup")
ATTACHMENT = Role("ไฟล์แนบ", "the attachment")
BACKUPS_FOLDER = Role("โฟลเดอร์สำรอง", "the backups folder")
ATTACHMENTS_FOLDER = Role("โฟลเดอร์ไฟล์แนบ", "the attachments folder")


def kind_of(mode: int) -> tuple[str, str]:
    """What a file of type ``mode`` is, in Thai and in English."""
    if stat.S_ISLNK(mode):
        return "ลิงก์สัญลักษณ์", "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "ไปป์ (FIFO)", "a FIFO (named pipe)"
    if stat.S_ISDIR(mode):
        return "โฟลเดอร์", "a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "อุปกรณ์", "a device"
    if stat.S_ISSOCK(mode):
        return "ซ็อกเก็ต", "a socket"
    return "ไฟล์ธรรมดา", "a regular file"


def unsafe(path: Path, role: Role, mode: int, *, folder: bool = False) -> UnsafeFile:
    """The refusal of ``path``, which is of type ``mode`` where a regular file (or a folder) belongs."""
    th, en = kind_of(mode)
    wanted_th, wanted_en = ("โฟลเดอร์", "a directory") if folder else ("ไฟล์ธรรมดา", "a regular file")
    return UnsafeFile(f"{role.th} {path} ไม่ใช่{wanted_th} แต่เป็น{th} จึงไม่เปิดใช้ ({role.en} {path} is not "
                      f"{wanted_en} but {en}; itacheck will not use it: ask the administrator to check "
                      "who put it there and remove it)")


def too_big(path: Path, role: Role, limit: int) -> UnsafeFile:
    return UnsafeFile(f"{role.th} {path} ใหญ่เกิน {limit // 2**20} MB จึงไม่อ่าน ({role.en} {path} is larger than "
                      f"{limit // 2**20} MB, far more than any real data; itacheck will not read it: ask the "
                      "administrator to check it)")


def _refusal(name: str | Path, dir_fd: int | None, path: Path, role: Role, *, folder: bool) -> UnsafeFile:
    """Why opening ``name`` failed: look at the entry itself (never through it)."""
    try:
        mode = os.lstat(name, dir_fd=dir_fd).st_mode
    except OSError:
        mode = stat.S_IFLNK
    return unsafe(path, role, mode, folder=folder)


def open_regular(path: Path, role: Role, flags: int = os.O_RDONLY, *, dir_fd: int | None = None,
                 create_mode: int = 0o600) -> int:
    """A descriptor of the regular file ``path`` (its name in ``dir_fd`` when given), opened
    without following a link or blocking on a FIFO. `FileNotFoundError` when it is missing (and
    ``flags`` do not create it), `UnsafeFile` when it is anything but a regular file."""
    name = path.name if dir_fd is not None else path
    try:
        fd = os.open(name, flags | NO_FOLLOW, create_mode, dir_fd=dir_fd)
    except OSError as exc:
        # ELOOP: a link; EISDIR: a directory opened to write or create; ENXIO: a FIFO without a
        # reader opened to write, or a socket.
        if exc.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO):
            raise _refusal(name, dir_fd, path, role, folder=False) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise unsafe(path, role, mode)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: Path, role: Role, limit: int, *, dir_fd: int | None = None) -> bytes | None:
    """The bytes of the regular file ``path`` (see `open_regular`), at most ``limit`` of them
    (`UnsafeFile` beyond); ``None`` when it does not exist."""
    try:
        fd = open_regular(path, role, dir_fd=dir_fd)
    except FileNotFoundError:
        return None
    try:
        data = read_at_most(fd, limit)
    finally:
        os.close(fd)
    if data is None:
        raise too_big(path, role, limit)
    return data


def read_at_most(fd: int, limit: int) -> bytes | None:
    """The content of the open file ``fd``, or None when it holds more than ``limit`` bytes (also
    when it grows past them while being read: /dev/zero behind a name never ends)."""
    size = os.fstat(fd).st_size
    if size > limit:
        return None
    # A file that does not grow comes in one read, asked one byte beyond its size (to see growth):
    # the result is then that read's own bytes, never copied into a joined buffer.
    chunks, total = [], 0
    while total <= limit:
        chunk = os.read(fd, min(max(size + 1 - total, 1 << 20), limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return None if total > limit else b"".join(chunks)


def open_directory(path: Path) -> int:
    """A descriptor of the data directory ``path``; it may be a link the administrator made."""
    return os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)


def open_folder(parent_fd: int, path: Path, role: Role, *, create: bool) -> int | None:
    """A descriptor of the folder ``path`` (a name in the directory ``parent_fd``), never through a
    link; ``None`` when it is missing, unless ``create``: then it is made 0700, or 2770 in a
    group-shared parent (whatever the umask)."""
    flags = os.O_RDONLY | os.O_DIRECTORY | NO_FOLLOW
    try:
        return os.open(path.name, flags, dir_fd=parent_fd)
    except FileNotFoundError:
        if not create:
            return None
    except OSError as exc:
        if exc.errno in (errno.ENOTDIR, errno.ELOOP):
            raise _refusal(path.name, parent_fd, path, role, folder=True) from None
        raise
    try:
        os.mkdir(path.name, 0o700, dir_fd=parent_fd)
        made = True
    except FileExistsError:  # a colleague made it meanwhile
        made = False
    fd = open_folder(parent_fd, path, role, create=False)
    if fd is None:
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
    if made and os.fstat(fd).st_uid == os.getuid():
        os.fchmod(fd, 0o2770 if os.fstat(parent_fd).st_mode & stat.S_ISGID else 0o700)
    return fd
