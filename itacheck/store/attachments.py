"""Evidence files, kept by content: ``attachments/ab/abcdef…`` under the data directory.

Naming a stored file by its sha256 means an officer's file name (which may contain ``..``, slashes
or terminal escapes) never becomes a path, identical evidence is stored once, and `itacheck check`
can prove that a file is still the one that was attached. A digest read from a year file is
checked before it is used as a name, and a stored file must be a regular file (a symlink planted
in the store is replaced on the next attach and reported by `verify`).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from itacheck.domain.model import Attachment
from itacheck.domain.text import clean_text
from itacheck.store.safefile import atomic_write_bytes, file_mode, make_dir

MAX_ATTACHMENT = 100 * 1024 * 1024
_SHA = re.compile(r"[0-9a-f]{64}")


class AttachmentStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, sha256: str) -> Path:
        if not isinstance(sha256, str) or not _SHA.fullmatch(sha256):
            raise ValueError(f"not a sha256 digest: {str(sha256)[:80]!r}")
        return self.root / sha256[:2] / sha256

    def add(self, source: Path) -> Attachment:
        """Copy ``source`` into the store. Symlinks are followed deliberately: the officer meant the
        file they named, and only its bytes are kept."""
        source = Path(source)
        try:
            if not source.is_file():
                raise ValueError(f"ไม่พบไฟล์ {source} หรือไม่ใช่ไฟล์ธรรมดา (no such file, or not a regular file)")
            size = source.stat().st_size
            if size > MAX_ATTACHMENT:
                raise ValueError(f"ไฟล์ {source.name} ใหญ่เกิน {MAX_ATTACHMENT // 2**20} MB (file too large)")
            with open(source, "rb") as f:
                data = f.read(MAX_ATTACHMENT + 1)
            if len(data) > MAX_ATTACHMENT:
                raise ValueError(f"ไฟล์ {source.name} ใหญ่เกิน {MAX_ATTACHMENT // 2**20} MB (file too large)")
        except PermissionError:
            raise ValueError(f"อ่านไฟล์ {source} ไม่ได้: ไม่มีสิทธิ์ (cannot read {source}: permission denied)") from None
        except OSError as exc:
            raise ValueError(f"อ่านไฟล์ {source} ไม่ได้ (cannot read {source}): {exc.strerror}") from None
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_of(digest)
        if self.verify_path(target, digest) is not None:  # absent, damaged, or not a regular file
            make_dir(target.parent)
            atomic_write_bytes(target, data, file_mode(self.root.parent))
        name = clean_text(os.path.basename(str(source))[:1000], limit=255, what="file name", multiline=False)
        return Attachment(digest, name or digest, len(data))

    @staticmethod
    def verify_path(path: Path, sha256: str) -> str | None:
        """``None`` when ``path`` is a regular file (not a symlink) whose sha256 is ``sha256``."""
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            return "missing"
        except OSError as exc:
            return f"unreadable ({exc.strerror})"
        if stat.S_ISLNK(st.st_mode):
            return "a symlink, not a stored file"
        if not stat.S_ISREG(st.st_mode):
            return "not a regular file"
        try:
            h = hashlib.sha256()
            with open(path, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
        except OSError as exc:
            return f"unreadable ({exc.strerror})"
        return None if h.hexdigest() == sha256 else "damaged (sha256 mismatch)"

    def verify(self, attachment: Attachment) -> str | None:
        """``None`` when the stored file is present and intact, else what is wrong."""
        try:
            path = self.path_of(attachment.sha256)
        except ValueError:
            return f"attachment {attachment.name!r} has an invalid sha256 {str(attachment.sha256)[:80]!r}"
        problem = self.verify_path(path, attachment.sha256)
        if problem is None:
            return None
        if problem == "missing":
            return f"missing attachment {attachment.name!r} ({attachment.sha256[:12]}…)"
        if problem.startswith("damaged"):
            return f"attachment {attachment.name!r} is damaged (sha256 mismatch)"
        return f"attachment {attachment.name!r} ({attachment.sha256[:12]}…) is {problem}"
