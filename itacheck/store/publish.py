"""Publishing the report: a copy of the PDF in the web site's folder under a name that never
changes (``ita-2566-half.pdf``), so the address the agency gave the NACC keeps pointing at the
latest report of that round.

The folder is named once, in the data directory's ``itacheck.toml`` (`itacheck.store.settings`).
The copy is written as every output file is (atomically: the web server never serves half a PDF,
and a failed copy leaves the previous one in place) and made readable by everyone (0644), since a
web server that cannot read it would publish nothing.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from itacheck.store.errors import StoreError, WriteFailed
from itacheck.store.outputs import write_output
from itacheck.store.settings import Settings, settings_path

PUBLISHED_MODE = 0o644


class PublishError(StoreError):
    """The report could not be published; ``str()`` says why and what to do (exit code 1)."""


class NoPublishDirectory(ValueError):
    """Publishing was asked for, but no folder is set (bad input: exit code 2)."""


@dataclass(frozen=True)
class Published:
    """Where the copy went, and its web address when the settings give the folder's."""

    path: Path
    url: str | None


def published_name(year: int, round_name: str) -> str:
    return f"ita-{year}-{round_name}.pdf"


def publish_folder(settings: Settings, data_dir: Path) -> Path:
    """The publish folder, checked before any work: it is set, exists and can be written."""
    folder = settings.publish_dir
    config = settings_path(data_dir)
    if folder is None:
        raise NoPublishDirectory(
            f"ยังไม่ได้ตั้งโฟลเดอร์เผยแพร่ใน {config} (no publish directory is set: add the lines "
            f"[publish] and directory = \"/var/www/html/ita\" to {config})")
    if not folder.is_dir():
        raise PublishError(f"ไม่มีโฟลเดอร์เผยแพร่ {folder} (the publish directory {folder}, set in {config}, "
                           "does not exist or is not a folder: create it or correct the setting)")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PublishError(_unwritable(folder, config, os.strerror(errno.EACCES)))
    return folder


def publish_report(settings: Settings, data_dir: Path, data: bytes, year: int, round_name: str) -> Published:
    """Copy the PDF ``data`` into the publish folder as ``ita-YEAR-ROUND.pdf``."""
    folder = publish_folder(settings, data_dir)
    target = folder / published_name(year, round_name)
    try:
        write_output(target, data, private=False, mode=PUBLISHED_MODE)
    except WriteFailed as exc:
        cause = exc.__cause__
        detail = (cause.strerror or str(cause)) if isinstance(cause, OSError) else str(exc)
        raise PublishError(_unwritable(folder, settings_path(data_dir), detail)) from exc
    url = f"{settings.publish_url.rstrip('/')}/{quote(target.name)}" if settings.publish_url else None
    return Published(target, url)


def _unwritable(folder: Path, config: Path, detail: str) -> str:
    return (f"เขียนรายงานลงโฟลเดอร์เผยแพร่ {folder} ไม่ได้ ฉบับที่เผยแพร่อยู่ไม่ถูกเปลี่ยน (cannot write into the "
            f"publish directory {folder}: {detail}; the copy already published, if any, is unchanged: ask the "
            f"administrator for write access to it, or change the directory in {config})")
