"""Evidence files, kept by content: ``attachments/ab/abcdef…`` under the data directory.

Naming a stored file by its sha256 means an officer's file name (which may contain ``..``, slashes
or terminal escapes) never becomes a path, identical evidence is stored once, and `itacheck check`
can prove that a file is still the one that was attached.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from itacheck.domain.model import Attachment
from itacheck.domain.text import clean_text
from itacheck.store.yearfile import atomic_write_bytes, file_mode

MAX_ATTACHMENT = 100 * 1024 * 1024
_SHA = re.compile(r"[0-9a-f]{64}")


class AttachmentStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, sha256: str) -> Path:
        if not _SHA.fullmatch(sha256):
            raise ValueError(f"not a sha256 digest: {sha256[:80]!r}")
        return self.root / sha256[:2] / sha256

    def add(self, source: Path) -> Attachment:
        """Copy ``source`` into the store. Symlinks are followed deliberately: the officer meant the
        file they named, and only its bytes are kept."""
        source = Path(source)
        try:
            if not source.is_file():
                raise ValueError(f"ไม่พบไฟล์ {source} (no such file)")
            size = source.stat().st_size
            if size > MAX_ATTACHMENT:
                raise ValueError(f"ไฟล์ {source.name} ใหญ่เกิน {MAX_ATTACHMENT // 2**20} MB (file too large)")
            data = source.read_bytes()
        except PermissionError:
            raise ValueError(f"อ่านไฟล์ {source} ไม่ได้: ไม่มีสิทธิ์ (cannot read {source}: permission denied)") from None
        except OSError as exc:
            raise ValueError(f"อ่านไฟล์ {source} ไม่ได้ (cannot read {source}): {exc.strerror}") from None
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_of(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, data, file_mode(self.root.parent))
        name = clean_text(os.path.basename(str(source)), limit=255, what="file name", multiline=False) or digest
        return Attachment(digest, name, len(data))

    def verify(self, attachment: Attachment) -> str | None:
        """``None`` when the stored file is present and intact, else what is wrong."""
        path = self.path_of(attachment.sha256)
        if not path.is_file():
            return f"missing attachment {attachment.name!r} ({attachment.sha256[:12]}…)"
        if hashlib.sha256(path.read_bytes()).hexdigest() != attachment.sha256:
            return f"attachment {attachment.name!r} is damaged (sha256 mismatch)"
        return None
