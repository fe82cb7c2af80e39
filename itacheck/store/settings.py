"""The data directory's settings: one small TOML file, ``itacheck.toml``, set once by whoever
looks after the team's data directory.

    [publish]
    directory = "/var/www/html/ita"            # the web site's folder for ITA documents
    url = "https://www.example.go.th/ita/"     # that folder's address, printed after publishing

The file sits in the (possibly group-shared) data directory, so it is read as the year files are
(`itacheck.store.nofollow`): without following a link or blocking on a FIFO, only a small regular
file; every problem is one line naming the file. No file means no settings.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from itacheck.domain.text import MAX_LINE, clean_text, is_web_link
from itacheck.store.nofollow import Role, read_regular

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

SETTINGS_FILE = "itacheck.toml"
MAX_SETTINGS_FILE = 2**20
"""A settings file is a few lines; anything larger is refused before it is read."""
SETTINGS = Role("ไฟล์ตั้งค่า", "the settings file")


class SettingsError(ValueError):
    """A settings file that cannot be used; ``str()`` is the one-line message (exit code 2)."""


@dataclass(frozen=True)
class Settings:
    """What ``itacheck.toml`` says; None where it says nothing."""

    publish_dir: Path | None = None
    publish_url: str | None = None


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTINGS_FILE


def read_settings(data_dir: Path) -> Settings:
    """The settings of ``data_dir``; `SettingsError` naming the file when it cannot be used. Read
    afresh on each call: a colleague may have changed it."""
    path = settings_path(data_dir)
    text = _read(path)
    if text is None:
        return Settings()
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _unusable(path, f"not valid TOML: {' '.join(str(exc).split())}") from None
    publish = doc.get("publish", {})
    if not isinstance(publish, dict):
        raise _unusable(path, "[publish] must be a table")
    unknown = sorted(set(publish) - {"directory", "url"}) + sorted(set(doc) - {"publish"})
    if unknown:
        raise _unusable(path, f"unknown setting {unknown[0]!r} (known: [publish] directory, url)")
    return Settings(_directory(path, publish.get("directory")), _url(path, publish.get("url")))


def _directory(path: Path, value: object) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _unusable(path, "[publish] directory must be the path of a folder, in quotes")
    folder = Path(clean_text(value, limit=MAX_LINE, what="publish directory", multiline=False)).expanduser()
    if not folder.is_absolute():
        raise _unusable(path, f"[publish] directory must be an absolute path such as /var/www/html/ita, not {value!r}")
    return folder


def _url(path: Path, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not is_web_link(value.strip()):
        raise _unusable(path, f"[publish] url must be an http(s) address, not {value!r}")
    return value.strip()


def _read(path: Path) -> str | None:
    """The text of ``path``, or None when there is none. Opened without following a link or
    blocking (a colleague could plant either in a shared directory); only a regular file is read."""
    raw = read_regular(path, SETTINGS, MAX_SETTINGS_FILE)
    if raw is None:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _unusable(path, f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def _unusable(path: Path, detail: str) -> SettingsError:
    return SettingsError(f"ไฟล์ตั้งค่า {path} ใช้ไม่ได้ แก้ไขหรือลบไฟล์นี้ "
                         f"(the settings file {path} cannot be used: {detail}; correct or remove it)")
