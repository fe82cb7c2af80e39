"""Fixtures for the installation tests (helpers: install_support.py): the offline bundle, built once
per run, unpacked as an administrator would."""

from __future__ import annotations

import fcntl
import os
import sys
import tarfile
from pathlib import Path

import pytest

from install_support import BUNDLE_TOOL, find_python, offline_prefix, run, supported_pythons, upgrade_python, version_of


@pytest.fixture(scope="session")
def offline() -> list[str]:
    """The prefix that runs a command without any network."""
    prefix = offline_prefix()
    if prefix is None:
        pytest.skip("no network namespace here (unshare -n is not allowed): the offline install cannot be tried")
    return prefix


@pytest.fixture(scope="session")
def install_python() -> str:
    """The interpreter the fresh install uses: the lowest supported Python version this machine has
    (the running interpreter at worst, which is supported since it runs the tests)."""
    return next(python for python in map(find_python, supported_pythons()) if python)


@pytest.fixture(scope="session")
def python_for_upgrade() -> str:
    """The interpreter the upgrade is tried with: the running one, when the old version runs on it."""
    python = upgrade_python()
    if python is None:
        pytest.skip("no Python 3.11 or later on this machine, which the old version needs")
    return python


@pytest.fixture(scope="session")
def bundle_archive(tmp_path_factory: pytest.TempPathFactory, install_python: str) -> Path:
    """The offline bundle, built once per run for the Python versions the tests install with (the
    fresh install's and the upgrade's). Building is the one step that uses the package index, and
    the slowest: parallel test workers share one build (the first builds under a lock, the others
    wait for it and reuse the archive)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    with open(shared / "bundle.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = shared / "bundle.path"
        if built.is_file():
            return Path(built.read_text(encoding="utf-8"))
        versions = {version_of(python) for python in (install_python, upgrade_python()) if python}
        dist = shared / "dist"
        argv = [sys.executable, BUNDLE_TOOL, "--dist", dist]
        for version in sorted(versions):
            argv += ["--python", version]
        done = run(argv, timeout=900)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
        archive = Path(done.stdout.strip().splitlines()[-1])
        built.write_text(str(archive), encoding="utf-8")
        return archive


@pytest.fixture(scope="session")
def bundle(bundle_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unpacked bundle (with tar, as the administrator does): the folder holding install.sh."""
    into = tmp_path_factory.mktemp("unpacked")
    done = run(["tar", "-xzf", bundle_archive, "-C", into])
    assert done.returncode == 0, done.stderr
    with tarfile.open(bundle_archive) as tar:
        (top,) = {name.split("/")[0] for name in tar.getnames()}
    return into / top

