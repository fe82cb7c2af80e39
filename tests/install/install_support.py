"""Helpers for the installation tests (imported by name: this folder is on sys.path).

The tests build the offline bundle once per run with ``tools/bundle.py`` (the only step that uses
the package index), then install it, as an administrator would, inside a network namespace that
has no network at all.
"""

from __future__ import annotations

import glob
import importlib.metadata
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUNDLE_TOOL = REPO / "tools" / "bundle.py"
CLASSIFIER = "Programming Language :: Python :: "


def supported_pythons() -> list[str]:
    """The Python versions the installed itacheck declares ("3.10", …), lowest first."""
    found = [c[len(CLASSIFIER):] for c in importlib.metadata.metadata("itacheck").get_all("Classifier") or []
             if c.startswith(CLASSIFIER)]
    found = [v for v in found if v.count(".") == 1]
    return sorted(found, key=lambda v: tuple(map(int, v.split("."))))


def version_of(python: str) -> str | None:
    try:
        done = subprocess.run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                              capture_output=True, text=True, timeout=60)
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def find_python(version: str) -> str | None:
    """An interpreter of that version on this machine: on the PATH, the system's, or pyenv's."""
    if version_of(sys.executable) == version:
        return sys.executable
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = [shutil.which(f"python{version}"), f"/usr/bin/python{version}",
                  *sorted(glob.glob(str(pyenv / "versions" / f"{version}.*" / "bin" / f"python{version}")))]
    return next((c for c in candidates if c and version_of(c) == version), None)


OLD_COMMIT = "4463ceb60fa87f9a37420d2d7614f7677d312307"
"""An early itacheck (the end of its first day): the year-file format before records could be
corrected or marked not applicable, before `init`, when any command created the data directory."""
OLD_REQUIRES = "3.11"
"""The Python the old version asks for (its requires-python)."""


def upgrade_python() -> str | None:
    """The interpreter to try the upgrade with: the running one when the old version runs on it."""
    if sys.version_info >= tuple(map(int, OLD_REQUIRES.split("."))):
        return sys.executable
    return find_python(OLD_REQUIRES)


def offline_prefix() -> list[str] | None:
    """The command prefix that runs a program in a new network namespace (only a loopback that is
    down), or None where this machine does not allow one."""
    if shutil.which("unshare") is None:
        return None
    prefix = ["unshare", "-n"] if os.geteuid() == 0 else ["unshare", "-r", "-n"]
    try:
        probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=30)
    except OSError:
        return None
    return prefix if probe.returncode == 0 else None


def install_env(python: str) -> dict[str, str]:
    """The administrator's environment, with pip settings that would break an install that read
    them (install.sh must ignore every pip configuration: the bundle is all it may use)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ITACHECK_")}
    env.update(PYTHON=python, LANG="C.UTF-8", LC_ALL="C.UTF-8",
               PIP_INDEX_URL="http://127.0.0.1:9/simple", PIP_CONSTRAINT="/nonexistent/constraints.txt")
    return env


def run(argv: list[str], *, env: dict[str, str] | None = None, timeout: float = 300,
        umask: int | None = None) -> subprocess.CompletedProcess:
    """Run a command, its output as text; ``umask`` as the administrator's shell would have it."""
    preexec = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run([str(a) for a in argv], capture_output=True, text=True, timeout=timeout,
                          env=env, preexec_fn=preexec)


def app_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ITACHECK_")}
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8", COLUMNS="120")
    return env
