"""Disk full and I/O errors: the previous file stays intact, the message is clear, the program
goes on (the next save works once there is room again).

Three ways of failing a write: Python-level injection at every step of a save (creating the
temporary file, a short write, fsync, rename, the directory fsync, the automatic backup); a real
kernel refusal (RLIMIT_FSIZE makes write() fail with EFBIG) in the real `itacheck tick`; and a real
tiny file system (a 96 KB tmpfs in a private mount namespace, when `unshare` is allowed).
"""

from __future__ import annotations

import errno
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from itacheck.store import backups as backup_files, safefile, yearfile
from itacheck.store.errors import StoreError, WriteFailed
from itacheck.store.repository import Repository
from reliability_support import YEAR, assert_clean_failure, run_cli


def _fail(err: int):
    def failing(*args, **kwargs):
        raise OSError(err, os.strerror(err))
    return failing


class _ShortWriter:
    """A file that takes half of what it is given, then reports a full disk."""

    def __init__(self, f):
        self._f = f

    def write(self, data):
        self._f.write(data[: len(data) // 2])
        self._f.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()


def _no_room_to_create(real_open):
    """``os.open`` that refuses to create a new file (the temporary one) as a full disk does."""
    def open_(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and flags & os.O_EXCL:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(path, flags, *args, **kwargs)
    return open_


def _short_write(real_fdopen):
    def fdopen(fd, *args, **kwargs):
        return _ShortWriter(real_fdopen(fd, *args, **kwargs))
    return fdopen


INJECTIONS = {
    "no room for the temporary file": ("os.open", lambda: _no_room_to_create(os.open)),
    "short write, disk full": ("os.fdopen", lambda: _short_write(os.fdopen)),
    "fsync fails (delayed allocation)": ("os.fsync", lambda: _fail(errno.ENOSPC)),
    "rename fails (I/O error)": ("os.replace", lambda: _fail(errno.EIO)),
    "chmod refused": ("os.fchmod", lambda: _fail(errno.EPERM)),
    "quota exceeded": ("os.fsync", lambda: _fail(errno.EDQUOT)),
}


def _patch(monkeypatch, where: str, make) -> None:
    module, name = where.split(".")
    monkeypatch.setattr({"os": os}[module], name, make())


def _temporaries(data: Path) -> list[Path]:
    return [p for p in data.rglob(".*.tmp")]


@pytest.mark.parametrize("target", ["year file", "automatic backup"])
@pytest.mark.parametrize("injection", list(INJECTIONS))
def test_a_failed_save_keeps_the_previous_file_and_the_program_goes_on(repo: Repository, data_dir: Path,
                                                                       monkeypatch, injection: str, target: str):
    file = data_dir / f"{YEAR}.json"
    if target == "year file":  # this hour's automatic backup is taken: the next save writes only the file
        repo.add_record(YEAR, "e6-r1", "2566-Q1", date(2022, 12, 1))
    else:  # the save starts with a backup, and that fails
        monkeypatch.setattr(backup_files, "BACKUP_INTERVAL_S", 0)
    backups = sorted((data_dir / "backups").glob("*"))
    before = file.read_bytes()
    count = len(repo.records(YEAR))
    with monkeypatch.context() as m:
        _patch(m, *INJECTIONS[injection])
        with pytest.raises(WriteFailed) as failed:
            repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note="lost to a full disk")
    message = str(failed.value)
    assert str(file) in message or str(data_dir / "backups") in message
    assert "intact" in message and "ข้อมูลเดิมยังอยู่ครบ" in message
    assert file.read_bytes() == before
    assert _temporaries(data_dir) == []
    assert sorted((data_dir / "backups").glob("*")) == backups
    # The same Repository (the TUI keeps it) works as soon as the disk has room again.
    record = repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 2), note="after the disk was freed")
    notes = [r.note for r in repo.records(YEAR)]
    assert len(notes) == count + 1 and "lost to a full disk" not in notes and record.note in notes


def test_a_failed_automatic_backup_stops_the_save_before_it_touches_the_file(repo, data_dir, monkeypatch):
    monkeypatch.setattr(backup_files, "BACKUP_INTERVAL_S", 0)
    file = data_dir / f"{YEAR}.json"
    before = file.read_bytes()
    real = backup_files.write_in

    def fail_in_backups(dir_fd, path, data, mode):
        if Path(path).parent.name == "backups":
            raise WriteFailed(f"could not save {path}: disk full; the previous data is intact")
        return real(dir_fd, path, data, mode)

    monkeypatch.setattr(backup_files, "write_in", fail_in_backups)
    with pytest.raises(WriteFailed, match="backups"):
        repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1))
    assert file.read_bytes() == before


def test_a_directory_fsync_failure_after_the_rename_says_so(repo, data_dir, monkeypatch):
    """After the rename the new file is in place: the message must not claim the old data is."""
    monkeypatch.setattr(yearfile.YearFile, "_rotate_backup", lambda self: None)
    monkeypatch.setattr(safefile, "fsync_directory", _fail(errno.EIO))
    with pytest.raises(WriteFailed) as failed:
        repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note="renamed but not flushed")
    assert "could not flush" in str(failed.value) and "itacheck check" in str(failed.value)
    monkeypatch.undo()
    assert "renamed but not flushed" in {r.note for r in repo.records(YEAR)}


def test_a_failed_transaction_changes_nothing(repo, data_dir, monkeypatch):
    """All or nothing: an error in the middle of a change (here after the record was inserted,
    before the audit entry) leaves the file exactly as it was."""
    file = data_dir / f"{YEAR}.json"
    before = file.read_bytes()
    calls = {"n": 0}
    real_audit = Repository._audit

    def failing_audit(self, *args, **kwargs):
        calls["n"] += 1
        raise OSError(errno.EIO, "simulated failure after the record was inserted")

    monkeypatch.setattr(Repository, "_audit", failing_audit)
    with pytest.raises(OSError):
        repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1))
    assert calls["n"] == 1
    assert file.read_bytes() == before
    monkeypatch.setattr(Repository, "_audit", real_audit)
    repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1))
    assert file.read_bytes() != before


def test_a_real_write_refusal_in_the_real_command(data_dir: Path):
    """The kernel refuses to grow any file past RLIMIT_FSIZE (write() fails with EFBIG): the real
    `itacheck tick` prints a clear message, exits 1, and the year file is unchanged."""
    file = data_dir / f"{YEAR}.json"
    before = file.read_bytes()
    limit = len(before) + 64  # the automatic backup copy fits, the grown year file does not

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = run_cli("tick", "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01", "--note", "x" * 500,
                   data=data_dir, preexec_fn=small_files)
    assert_clean_failure(done, 1)
    assert str(file) in done.stderr and "the previous data is intact" in done.stderr
    assert file.read_bytes() == before
    assert _temporaries(data_dir) == []


TINY_FS_SCRIPT = r"""
import json, os, subprocess, sys
from datetime import date
from pathlib import Path
from itacheck.store.errors import WriteFailed
from itacheck.store.repository import Repository

root = Path(sys.argv[1])
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(root)], check=True)
filler = root / "filler"
filler.write_bytes(b"\0" * 24_000)  # what the officer will delete to make room
data = root / "data"
repo = Repository(data, user="officer")
repo.load_sample()
acked, failure, before = [], None, None
for i in range(2000):
    before = (data / "2566.json").read_bytes()
    try:
        acked.append(repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1), note="บันทึก %d " % i + "x" * 300).id)
    except WriteFailed as exc:
        failure = str(exc)
        break
after = (data / "2566.json").read_bytes()
present = {r.id for r in repo.records(2566)}
cli = subprocess.run([sys.executable, "-c", "import sys; from itacheck.cli import main; sys.exit(main())",
                      "--data", str(data), "tick", "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01",
                      "--note", "y" * 2000], capture_output=True, text=True)
# Make room, then the same Repository saves again.
filler.unlink()
again = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 3), note="after making room").id
print(json.dumps({"ticks": len(acked), "failure": failure, "unchanged": before == after,
                  "all_acked_present": set(acked) <= present, "cli_code": cli.returncode, "cli_err": cli.stderr,
                  "again": again in {r.id for r in repo.records(2566)},
                  "temporaries": [str(p) for p in data.rglob(".*.tmp")]}))
"""


def test_a_tiny_real_file_system_fills_up_without_losing_anything(tmp_path: Path):
    if not shutil.which("unshare"):
        pytest.skip("needs unshare(1) for a private tmpfs")
    mountpoint = tmp_path / "tiny"
    mountpoint.mkdir()
    script = tmp_path / "fill.py"
    script.write_text(TINY_FS_SCRIPT)
    argv = ["unshare", "-m", "--propagation", "private"] if os.geteuid() == 0 else ["unshare", "-rm"]
    probe = subprocess.run([*argv, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"unshare is not allowed here: {probe.stderr.decode(errors='replace').strip()}")
    done = subprocess.run([*argv, sys.executable, str(script), str(mountpoint)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\ntiny tmpfs: {result['ticks']} ticks saved before the disk was full")
    assert result["ticks"] > 0 and result["failure"], result
    assert "ดิสก์เต็ม" in result["failure"] and "disk full" in result["failure"], result["failure"]
    assert result["unchanged"] and result["all_acked_present"] and result["again"], result
    assert result["temporaries"] == []
    assert result["cli_code"] == 1 and "disk full" in result["cli_err"] and "Traceback" not in result["cli_err"]


def test_store_errors_are_what_the_tui_and_cli_catch():
    """The TUI and the CLI show any StoreError's message; every failure above is one."""
    assert issubclass(WriteFailed, StoreError)
