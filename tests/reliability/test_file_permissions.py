"""Permissions: the database, its lock, backups and attachments are private to the officer (0600,
directories 0700), or shared with the team's group (0660, directories 2770) when the data
directory is group-shared (setgid), whatever the officer's umask. The team set-up is proven with
real different users (uids) where the tests run as root."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest

import itacheck

from itacheck.store.repository import Repository
from reliability_support import YEAR

TEAM_GID = 54330  # numeric ids: nothing is added to the system's user database
OFFICER_A, OFFICER_B, OUTSIDER = 54331, 54332, 54333


def _mode(p: Path) -> int:
    return stat.S_IMODE(os.lstat(p).st_mode)


def _everything(data: Path) -> tuple[list[Path], list[Path]]:
    files = [p for p in data.rglob("*") if p.is_file()]
    dirs = [p for p in data.rglob("*") if p.is_dir()]
    return files, dirs


def _use_everything(data: Path, evidence: Path, user: str = "officer") -> None:
    repo = Repository(data, user=user)
    repo.load_sample()
    repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[evidence], note=user)
    with repo.year_file(YEAR).transaction_raw():
        repo.year_file(YEAR).backup(reason="manual")
    repo.add_record(YEAR, "e6-r1", "2566-Q3", date(2023, 5, 1))


@pytest.mark.parametrize("umask", [0o022, 0o000, 0o077])
def test_a_private_data_directory_is_0600_and_0700_whatever_the_umask(tmp_path: Path, umask: int):
    evidence = tmp_path / "e.pdf"
    evidence.write_bytes(b"evidence")
    data = tmp_path / "data"
    old = os.umask(umask)
    try:
        _use_everything(data, evidence)
    finally:
        os.umask(old)
    files, dirs = _everything(data)
    assert {p.name for p in files} >= {"2566.json", "2566.json.lock"}
    assert any(p.parent.name == "backups" for p in files) and any("attachments" in p.parts for p in files)
    assert {str(p.relative_to(data)): oct(_mode(p)) for p in files} == \
        {str(p.relative_to(data)): oct(0o600) for p in files}
    assert {str(p.relative_to(data)): oct(_mode(p)) for p in [data, *dirs]} == \
        {str(p.relative_to(data)): oct(0o700) for p in [data, *dirs]}


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_a_group_shared_directory_gives_the_group_read_and_write(tmp_path: Path, umask: int):
    evidence = tmp_path / "e.pdf"
    evidence.write_bytes(b"evidence")
    data = tmp_path / "shared"
    data.mkdir()
    os.chmod(data, 0o2770)
    old = os.umask(umask)
    try:
        _use_everything(data, evidence)
    finally:
        os.umask(old)
    files, dirs = _everything(data)
    assert files and dirs
    assert {str(p.relative_to(data)): oct(_mode(p)) for p in files} == \
        {str(p.relative_to(data)): oct(0o660) for p in files}
    assert {str(p.relative_to(data)): oct(_mode(p)) for p in dirs} == \
        {str(p.relative_to(data)): oct(0o2770) for p in dirs}


def _as(uid: int, gid: int, fn) -> tuple[int, str]:
    """Run ``fn`` in a child process with another user's ids (root only)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        os.close(r)
        code, message = 0, ""
        try:
            os.setgroups([gid])
            os.setgid(gid)
            os.setuid(uid)
            os.umask(0o022)  # a typical default umask: group write must still work
            message = str(fn() or "")
        except BaseException as exc:
            code, message = 1, f"{type(exc).__name__}: {exc}"
        os.write(w, message.encode()[:4000])
        os._exit(code)
    os.close(w)
    chunks = []
    while chunk := os.read(r, 4096):
        chunks.append(chunk)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode(errors="replace")


def _readable_by_everyone(path: Path) -> bool:
    """Other uids can only run itacheck if every folder above the installed package lets them in."""
    return all(os.stat(p).st_mode & 0o005 == 0o005 for p in [path, *path.parents])


@pytest.mark.skipif(os.geteuid() != 0, reason="switching between users needs root")
@pytest.mark.skipif(not _readable_by_everyone(Path(itacheck.__file__).parent),
                    reason="the installed package is in a private folder other users cannot read")
def test_two_officers_of_the_team_share_a_setgid_directory_and_an_outsider_cannot():
    """The documented team set-up: a group, a setgid directory. Officer A creates the year file,
    officer B (another uid, same group) ticks and attaches, A ticks again after B; someone
    outside the group can read nothing."""
    tmp_path = Path(tempfile.mkdtemp(prefix="itacheck-team-"))  # pytest's own tmp is private to root
    try:
        os.chmod(tmp_path, 0o755)
        _team(tmp_path)
    finally:
        shutil.rmtree(tmp_path)


def _team(tmp_path: Path) -> None:
    shared = tmp_path / "itacheck"
    shared.mkdir()
    os.chown(shared, 0, TEAM_GID)
    os.chmod(shared, 0o2770)
    evidence = tmp_path / "e.pdf"
    evidence.write_bytes(b"evidence from B")
    os.chmod(evidence, 0o644)

    code, msg = _as(OFFICER_A, TEAM_GID, lambda: Repository(shared, user="A").load_sample())
    assert code == 0, msg
    code, msg = _as(OFFICER_B, TEAM_GID, lambda: Repository(shared, user="B").add_record(
        YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[evidence]).id)
    assert code == 0, msg
    code, msg = _as(OFFICER_A, TEAM_GID, lambda: len(Repository(shared, user="A").records(YEAR)) and
                    Repository(shared, user="A").add_record(YEAR, "e6-r1", "2566-Q3", date(2023, 5, 1)).id)
    assert code == 0, msg
    code, msg = _as(OFFICER_B, TEAM_GID, lambda: len(Repository(shared, user="B").records(YEAR)))
    assert code == 0 and msg == "23", msg
    for p in shared.rglob("*"):
        assert p.stat().st_gid == TEAM_GID, p
        assert _mode(p) in (0o660, 0o2770), (p, oct(_mode(p)))
    owners = {p.stat().st_uid for p in shared.rglob("*") if p.is_file()}
    assert {OFFICER_A, OFFICER_B} <= owners  # both really wrote

    code, msg = _as(OUTSIDER, OUTSIDER, lambda: Repository(shared, user="X").records(YEAR))
    assert code == 1 and "permission denied" in msg, msg


def test_the_cli_creates_private_files_too(tmp_path: Path):
    data = tmp_path / "cli-data"
    for args in (["init", "--sample"], ["tick", "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01"]):
        done = subprocess.run([sys.executable, "-c", "import sys; from itacheck.cli import main; sys.exit(main())",
                               "--data", str(data), *args], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    files, dirs = _everything(data)
    assert {oct(_mode(p)) for p in files} == {oct(0o600)} and {oct(_mode(p)) for p in [data, *dirs]} == {oct(0o700)}
