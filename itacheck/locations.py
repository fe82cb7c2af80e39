"""Every path the program uses, decided in one place."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """A folder shipped with the program: inside the package when installed from a wheel,
    beside it in a source checkout (where the wheel's force-include is not applied)."""
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def data_files_dir() -> Path:
    """The bundled sample plan and ITA catalogue."""
    return _bundled("data")


def fonts_dir() -> Path:
    """The bundled Thai fonts and their licence."""
    return _bundled("fonts")


def default_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Where the year files live: `--data`, else `ITACHECK_DATA`, else the user data directory."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("ITACHECK_DATA")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # loaded only when no folder is named (a team names one)

    return Path(user_data_dir("itacheck", appauthor=False))


def state_dir() -> Path:
    """The officer's own small state (which one-time notices were shown), never shared."""
    from platformdirs import user_state_dir

    return Path(user_state_dir("itacheck", appauthor=False))


def cache_dir() -> Path:
    """The officer's own cache (link check results), never shared and safe to delete."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("itacheck", appauthor=False))
