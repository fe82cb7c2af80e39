#!/usr/bin/env python3
"""Build the offline bundle: everything a server without internet needs to install itacheck.

    python tools/bundle.py [--arch x86_64|aarch64] [--python 3.X]... [--dist DIR]

writes ``DIR/itacheck-<version>-offline-<platform>.tar.gz`` (DIR defaults to ``dist/`` in the
checkout). The archive holds the itacheck wheel, every dependency as a wheel for each Python version
the project supports (its "Programming Language :: Python :: 3.X" classifiers) on that platform,
pip itself, and ``install.sh``, which installs from these files alone (``pip --no-index``).

Agency servers are often cut off from the internet and run the distribution's own Python, so the
bundle is made here, where the package index (or the mirror in pip's configuration) is reachable,
and carried over. Only wheels go in: a server has no compiler to build a source distribution.
It needs uv (``pip install uv``) beside pip: pip resolves environment markers such as
``python_version < "3.11"`` for the Python running it, never for the target, so uv resolves each
target version and pip downloads exactly what uv chose.
"""

from __future__ import annotations

import argparse
import email.parser
import io
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INSTALL_SCRIPT = Path(__file__).with_name("install.sh")
GLIBC_MINOR = 28
"""The oldest glibc (2.28) every dependency has wheels for (thaibreak ships manylinux_2_28 only):
RHEL/Rocky/Alma 8 and later, Debian 10 and later, Ubuntu 20.04 and later."""
CLASSIFIER = "Programming Language :: Python :: "
UV_PYTHON = ("--python", sys.executable, "--no-python-downloads")
"""uv resolves for another version with this interpreter; unasked, it would fetch a Python of that version."""


def platform_tag(arch: str) -> str:
    """The name the bundle's file carries: the wheels run on any Linux with at least this glibc."""
    return f"manylinux_2_{GLIBC_MINOR}_{arch}"


def accepted_platforms(arch: str) -> list[str]:
    """Every wheel platform tag a server with glibc 2.28 accepts, newest first (pip takes each
    --platform literally, so the older manylinux tags must be named too)."""
    return [f"manylinux_2_{minor}_{arch}" for minor in range(GLIBC_MINOR, 16, -1)] + [f"manylinux2014_{arch}"]


def uv_command() -> str:
    try:
        from uv import find_uv_bin
    except ImportError:
        found = shutil.which("uv")
        if found is None:
            sys.exit("bundle: uv is needed to resolve each Python version's wheels: pip install uv")
        return found
    return find_uv_bin()


def run(*command: str) -> None:
    subprocess.run(command, check=True)


def build_wheel(uv: str, work: Path, into: Path) -> Path:
    """The itacheck wheel, moved alone into ``into`` (uv leaves a .gitignore beside what it builds)."""
    run(uv, "build", "--quiet", *UV_PYTHON, "--wheel", "--out-dir", str(work / "build"), str(REPO))
    (wheel,) = (work / "build").glob("itacheck-*.whl")
    into.mkdir()
    return wheel.rename(into / wheel.name)


def wheel_metadata(wheel: Path) -> tuple[str, list[str]]:
    """The version and the supported Python versions ("3.10", …), read from the built wheel."""
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.parser.Parser().parsestr(zf.read(name).decode("utf-8"), headersonly=True)
    pythons = [c[len(CLASSIFIER):] for c in meta.get_all("Classifier", []) if c.startswith(CLASSIFIER)]
    pythons = sorted((v for v in pythons if v.count(".") == 1), key=lambda v: tuple(map(int, v.split("."))))
    if not pythons:
        sys.exit("bundle: the wheel names no 'Programming Language :: Python :: 3.X' classifier")
    return meta["Version"], pythons


def pip_download(python: str, arch: str, into: Path, *requirements: str) -> None:
    platforms = [arg for tag in accepted_platforms(arch) for arg in ("--platform", tag)]
    run(sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet", "download", "--no-deps",
        "--only-binary=:all:", "--implementation", "cp", "--python-version", python, *platforms,
        "--dest", str(into), *requirements)


def download_for(uv: str, wheel: Path, python: str, arch: str, work: Path) -> Path:
    """The dependencies of ``wheel`` on one Python version, as wheels in a folder of their own."""
    folder = work / python
    folder.mkdir()
    requirement = folder / "itacheck.in"
    requirement.write_text(f"itacheck @ {wheel.as_uri()}\n", encoding="utf-8")
    pins = folder / "pins.txt"
    run(uv, "pip", "compile", "--quiet", *UV_PYTHON, "--no-header", "--no-annotate", "--no-emit-package", "itacheck",
        "--only-binary", ":all:", "--python-version", python, "--python-platform", f"{arch}-manylinux_2_{GLIBC_MINOR}",
        "--output-file", str(pins), str(requirement))
    pip_download(python, arch, folder / "wheels", "--requirement", str(pins))
    return folder / "wheels"


def collect_wheels(uv: str, wheel: Path, pythons: list[str], arch: str, work: Path) -> None:
    """Every dependency for each Python version, and pip, into the folder that holds ``wheel``.
    The versions are fetched at once: the time goes on waiting for the index, not on work."""
    with ThreadPoolExecutor(max_workers=len(pythons)) as pool:
        folders = list(pool.map(lambda python: download_for(uv, wheel, python, arch, work), pythons))
    pip_download(pythons[0], arch, wheel.parent, "pip")
    for folder in folders:
        for found in folder.iterdir():
            if not (wheel.parent / found.name).exists():  # a pure-Python wheel serves every version
                found.rename(wheel.parent / found.name)


def install_script(version: str, pythons: list[str]) -> bytes:
    text = INSTALL_SCRIPT.read_text(encoding="utf-8")
    return text.replace("@VERSION@", version).replace("@PYTHONS@", " ".join(pythons)).encode("utf-8")


def _owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """tar run by root keeps the owner stored in the archive: store root, never the builder's uid."""
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mode = 0o755 if info.isdir() or info.name.endswith(".sh") else 0o644
    return info


def write_archive(path: Path, top: str, wheels: Path, script: bytes) -> None:
    """The wheels are compressed already: gzip's fastest level gives the same size in a third of the time."""
    tmp = path.with_name(path.name + ".part")
    with tarfile.open(tmp, "w:gz", compresslevel=1) as tar:
        tar.add(wheels, arcname=f"{top}/wheels", filter=_owned_by_root, recursive=False)
        for wheel in sorted(wheels.iterdir()):
            tar.add(wheel, arcname=f"{top}/wheels/{wheel.name}", filter=_owned_by_root)
        info = _owned_by_root(tarfile.TarInfo(f"{top}/install.sh"))
        info.size = len(script)
        tar.addfile(info, io.BytesIO(script))
    tmp.replace(path)


def build(arch: str, dist: Path, only: list[str] | None = None) -> Path:
    """Build the bundle; ``only`` narrows it to some of the supported Python versions."""
    uv = uv_command()
    with tempfile.TemporaryDirectory(prefix="itacheck-bundle-") as tmp:
        wheels = Path(tmp) / "wheels"
        wheel = build_wheel(uv, Path(tmp), wheels)
        version, pythons = wheel_metadata(wheel)
        if only:
            if unsupported := sorted(set(only) - set(pythons)):
                sys.exit(f"bundle: Python {', '.join(unsupported)} is not supported (supported: {' '.join(pythons)})")
            pythons = [v for v in pythons if v in only]
        collect_wheels(uv, wheel, pythons, arch, Path(tmp))
        top = f"itacheck-{version}-offline-{platform_tag(arch)}"
        dist.mkdir(parents=True, exist_ok=True)
        archive = dist / f"{top}.tar.gz"
        write_archive(archive, top, wheels, install_script(version, pythons))
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--arch", default=platform.machine(), choices=["x86_64", "aarch64"],
                        help="the server's processor (default: this machine's)")
    parser.add_argument("--python", action="append", metavar="3.X",
                        help="only this Python version (repeatable; default: every supported one)")
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="where to write the archive (default: dist/)")
    args = parser.parse_args(argv)
    print(build(args.arch, args.dist, args.python))
    return 0


if __name__ == "__main__":
    sys.exit(main())
