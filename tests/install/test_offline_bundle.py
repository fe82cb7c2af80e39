"""The offline bundle installs itacheck on a server cut off from the internet.

Repro of the gap: the README's `pip install .` needs the package index, so on an agency server
without internet nothing could be installed. `tools/bundle.py` builds
`itacheck-<version>-offline-<platform>.tar.gz` (the wheels of itacheck and of every dependency, and
install.sh); unpacked on a machine whose network namespace has nothing but a loopback that is down,
install.sh makes a fresh virtual environment with the lowest supported Python the machine has, and
`itacheck status` and `itacheck report` work from it; run again with another Python, it makes the
environment afresh.
"""

from __future__ import annotations

import importlib.metadata
import json
import stat
import sys
import tarfile
from pathlib import Path

from pypdf import PdfReader

from install_support import app_env, install_env, run, version_of

AS_OF = ["--year", "2566", "--round", "half", "--as-of", "2023-03-31"]


def test_the_archive_holds_wheels_and_the_script_owned_by_root(bundle_archive: Path):
    version = importlib.metadata.version("itacheck")
    assert bundle_archive.name.startswith(f"itacheck-{version}-offline-manylinux_2_28_")
    with tarfile.open(bundle_archive) as tar:
        members = tar.getmembers()
    names = {m.name.split("/", 1)[1] for m in members if "/" in m.name}
    assert "install.sh" in names
    assert f"wheels/itacheck-{version}-py3-none-any.whl" in names
    assert any(n.startswith("wheels/pip-") for n in names)
    files = [n for n in names if n.startswith("wheels/") and n != "wheels"]
    assert files and all(n.endswith(".whl") for n in files), "only wheels: a server has no compiler"
    # tar run by root keeps the owner stored in the archive: never the builder's account
    assert {(m.uid, m.gid) for m in members} == {(0, 0)}


def test_the_bundle_installs_and_runs_without_network(bundle: Path, offline: list[str], install_python: str,
                                                      tmp_path: Path):
    assert run([*offline, install_python, "-c", "import socket; socket.create_connection(('pypi.org', 443), 5)"]
               ).returncode != 0, "the namespace must have no network"
    target = tmp_path / "opt" / "itacheck"
    # a hardened root's umask must not leave the installation unreadable to the officers
    done = run([*offline, bundle / "install.sh", target], env=install_env(install_python), umask=0o077)
    assert done.returncode == 0, done.stdout + done.stderr
    assert str(target) in done.stdout
    assert version_of(str(target / "bin" / "python")) == version_of(install_python)
    for path in [target, *target.rglob("*")]:
        if not path.is_symlink():
            assert path.stat().st_mode & stat.S_IROTH, f"{path} is not readable by the officers"

    itacheck = [*offline, target / "bin" / "itacheck", "--data", tmp_path / "data"]
    for argv in (["init", "--sample"], ["report", *AS_OF, "-o", tmp_path / "report.pdf"]):
        done = run([*itacheck, *argv], env=app_env())
        assert done.returncode == 0, done.stdout + done.stderr
    pdf = PdfReader(tmp_path / "report.pdf")
    assert len(pdf.pages) >= 2
    assert "รายงาน" in pdf.pages[0].extract_text()
    assert_status_reads_the_sample(itacheck)

    # The server's python3 changes (here to the running interpreter; a distribution upgrade, say) and
    # the administrator runs install.sh again: an environment made by another Python version is made
    # afresh, keeping nothing built for the old one.
    running = version_of(sys.executable)
    done = run([*offline, bundle / "install.sh", target], env=install_env(sys.executable))
    assert done.returncode == 0, done.stdout + done.stderr
    assert version_of(str(target / "bin" / "python")) == running
    assert [p.name for p in (target / "lib").iterdir()] == [f"python{running}"]
    assert_status_reads_the_sample(itacheck)


def assert_status_reads_the_sample(itacheck: list) -> None:
    done = run([*itacheck, "status", *AS_OF, "--json"], env=app_env())
    assert done.returncode == 0, done.stderr
    status = json.loads(done.stdout)
    assert status["plan"]["year"] == 2566 and status["totals"]["done"] > 0


def test_install_sh_refuses_an_unsupported_python_and_a_foreign_directory(bundle: Path, tmp_path: Path):
    old = tmp_path / "python3.9"
    old.write_text("#!/bin/sh\necho 3.9\n")
    old.chmod(0o755)
    done = run([bundle / "install.sh", tmp_path / "itacheck"], env=install_env(str(old)))
    assert done.returncode == 1
    assert "is Python 3.9; this bundle has wheels for Python " in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "itacheck").exists()

    elsewhere = tmp_path / "srv"
    elsewhere.mkdir()
    (elsewhere / "2566.json").write_text("{}")
    done = run([bundle / "install.sh", elsewhere], env=install_env(sys.executable))
    assert done.returncode == 1 and "is not empty and not an itacheck installation" in done.stderr, done.stderr
    assert [p.name for p in elsewhere.iterdir()] == ["2566.json"]
