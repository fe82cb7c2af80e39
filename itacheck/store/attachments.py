"""Evidence files, kept by content: ``attachments/ab/abcdef…`` under the data directory.

Naming a stored file by its sha256 means an officer's file name (which may contain ``..``, slashes
or terminal escapes) never becomes a path, identical evidence is stored once, and `itacheck check`
can prove that a file is still the one that was attached. A digest read from a year file is
checked before it is used as a name. ``attachments/``, its ``ab/`` folders and the stored files
are reached through descriptors opened without following links: a link planted for any of them
is refused (a stored file's is replaced on the next attach of that content) and reported by
`verify`, never written through or read.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from itacheck.domain.model import Attachment
from itacheck.domain.text import clean_text
from itacheck.store.errors import UnsafeFile
from itacheck.store.inputfile import read_input_file
from itacheck.store.nofollow import ATTACHMENT, ATTACHMENTS_FOLDER, open_directory, open_folder, open_regular
from itacheck.store.safefile import file_mode, make_dir, write_failed, write_in

MAX_ATTACHMENT = 100 * 1024 * 1024
_SHA = re.compile(r"[0-9a-f]{64}")


class AttachmentStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, sha256: str) -> Path:
        if not isinstance(sha256, str) or not _SHA.fullmatch(sha256):
            raise ValueError(f"not a sha256 digest: {str(sha256)[:80]!r}")
        return self.root / sha256[:2] / sha256

    @contextmanager
    def _folder(self, sha256: str, *, create: bool) -> Iterator[int | None]:
        """The descriptor of ``attachments/ab/`` for ``sha256`` (None when missing and not ``create``)."""
        if create:
            make_dir(self.root.parent)
        with ExitStack() as stack:
            fd: int | None = open_directory(self.root.parent)
            for folder in (self.root, self.root / sha256[:2]):
                stack.callback(os.close, fd)
                fd = open_folder(fd, folder, ATTACHMENTS_FOLDER, create=create)
                if fd is None:
                    break
            if fd is not None:
                stack.callback(os.close, fd)
            yield fd

    def add(self, source: Path) -> Attachment:
        """Copy ``source`` into the store. Symlinks are followed deliberately: the officer meant the
        file they named, and only its bytes are kept."""
        source = Path(source)
        data = read_input_file(source, MAX_ATTACHMENT)
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_of(digest)
        if self._problem(digest) is not None:  # absent, damaged, or not a regular file
            try:
                with self._folder(digest, create=True) as fd:
                    write_in(fd, target, data, file_mode(self.root.parent))
            except OSError as exc:  # making or opening a folder
                raise write_failed(target, exc) from exc
        name = clean_text(os.path.basename(str(source))[:1000], limit=255, what="file name", multiline=False)
        return Attachment(digest, name or digest, len(data))

    def _problem(self, sha256: str) -> str | None:
        """``None`` when the stored file of ``sha256`` is a regular file (no link) with that sha256,
        else what is wrong."""
        path = self.path_of(sha256)
        try:
            with self._folder(sha256, create=False) as folder:
                if folder is None:
                    return "missing"
                fd = open_regular(path, ATTACHMENT, dir_fd=folder)
        except FileNotFoundError:
            return "missing"
        except UnsafeFile as exc:
            return str(exc)
        except OSError as exc:
            return f"unreadable ({exc.strerror})"
        h = hashlib.sha256()
        try:
            with os.fdopen(fd, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
        except OSError as exc:
            return f"unreadable ({exc.strerror})"
        return None if h.hexdigest() == sha256 else "damaged (sha256 mismatch)"

    def verify(self, attachment: Attachment) -> str | None:
        """``None`` when the stored file is present and intact, else what is wrong."""
        try:
            self.path_of(attachment.sha256)
        except ValueError:
            return f"attachment {attachment.name!r} has an invalid sha256 {str(attachment.sha256)[:80]!r}"
        problem = self._problem(attachment.sha256)
        if problem is None:
            return None
        if problem == "missing":
            return f"missing attachment {attachment.name!r} ({attachment.sha256[:12]}…)"
        if problem.startswith("damaged"):
            return f"attachment {attachment.name!r} is damaged (sha256 mismatch)"
        return f"attachment {attachment.name!r} ({attachment.sha256[:12]}…): {problem}"
