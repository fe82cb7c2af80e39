"""A group-shared data directory must not be a weapon.

Every member of the team's group can create, rename and replace entries in a 2770 data directory,
so any lock file, year file, backup or attachment folder may be a symbolic link, a FIFO or a link
to a device planted by a colleague. Each test below is an attack that worked: the victim's next
tick chmod-ed or created a file in another officer's home, wrote or deleted files elsewhere, hung
every command (the TUI could not even quit), or read /dev/zero until memory ran out. Now each such
entry is opened without following links and without blocking, checked with ``fstat`` to be what
it should be, and refused with a message naming it; nothing outside the data directory changes.
Commands that could hang run in a subprocess with a timeout: a hang fails the test, not the run.
"""

from __future__ import annotations

import hashlib
import os
import resource
import stat
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from itacheck.store import backups as backup_files
from itacheck.store.errors import StoreError
from itacheck.store.repository import Repository
from itacheck.store.yearformat import MAX_YEAR_FILE
from reliability_support import YEAR, assert_clean_failure, cli_env, run_cli

#: Seconds a command may take on a loaded machine; a hang on a FIFO lasts forever.
NO_HANG = 60


def _tree(root: Path) -> dict[str, tuple[int, bytes | str]]:
    """Every entry under ``root`` with its mode and content (or link target): to prove nothing changed."""
    found = {}
    for p in sorted(root.rglob("*")):
        st = os.lstat(p)
        content = os.readlink(p) if p.is_symlink() else p.read_bytes() if stat.S_ISREG(st.st_mode) else b""
        found[str(p.relative_to(root))] = (st.st_mode, content)
    return found


def _shared(data: Path) -> Path:
    """Make ``data`` a team directory (2770, setgid): new files there are meant to be 0660."""
    os.chmod(data, 0o2770)
    return data


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """Another officer's home directory, with a private file worth attacking."""
    victim = tmp_path / "home" / "malee"
    (victim / ".ssh").mkdir(parents=True)
    keys = victim / ".ssh" / "authorized_keys"
    keys.write_text("ssh-ed25519 AAAA malee@office\n")
    os.chmod(keys, 0o600)
    return victim


def _python(code: str, timeout: float = NO_HANG, **kwargs) -> subprocess.CompletedProcess:
    """Run ``code`` in a new Python process (a hang there fails the test instead of hanging it)."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=timeout, env=cli_env(), **kwargs)


# --- the lock file ------------------------------------------------------------------------------


def test_a_lock_file_linked_to_another_officers_file_is_refused_and_that_file_untouched(data_dir, home):
    """Repro: in a 2770 directory a colleague links 2566.json.lock to ~malee/.ssh/authorized_keys;
    malee's next tick chmod-ed it to 0660 (the group could then read and write her keys)."""
    _shared(data_dir)
    keys = home / ".ssh" / "authorized_keys"
    lock = data_dir / f"{YEAR}.json.lock"
    lock.unlink(missing_ok=True)
    lock.symlink_to(keys)
    before = (data_dir / f"{YEAR}.json").read_bytes()
    with pytest.raises(StoreError) as refused:
        Repository(data_dir, user="malee").add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1))
    message = str(refused.value)
    assert str(lock) in message and "symbolic link" in message and "ไม่ใช่ไฟล์ธรรมดา" in message
    assert "\n" not in message
    assert stat.S_IMODE(os.stat(keys).st_mode) == 0o600
    assert keys.read_text() == "ssh-ed25519 AAAA malee@office\n"
    assert (data_dir / f"{YEAR}.json").read_bytes() == before


def test_a_dangling_lock_link_creates_no_file_elsewhere(data_dir, home):
    """Repro: a dangling link as the lock file made the victim's tick create the file it named."""
    planted = home / ".bashrc"
    lock = data_dir / f"{YEAR}.json.lock"
    lock.unlink(missing_ok=True)
    lock.symlink_to(planted)
    with pytest.raises(StoreError, match="symbolic link"):
        Repository(data_dir, user="malee").add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1))
    assert not planted.exists() and not planted.is_symlink()


def test_a_hard_linked_lock_file_is_used_but_never_chmodded(data_dir, home):
    """A lock file with a second name may be someone's file: fchmod only a file with one link."""
    _shared(data_dir)
    keys = home / ".ssh" / "authorized_keys"
    lock = data_dir / f"{YEAR}.json.lock"
    lock.unlink(missing_ok=True)
    os.link(keys, lock)
    Repository(data_dir, user="malee").add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1))
    assert stat.S_IMODE(os.stat(keys).st_mode) == 0o600


def test_a_fifo_as_the_lock_file_hangs_no_command(data_dir):
    """Repro: ``mkfifo 2566.json.lock`` made every tick wait forever. Now tick stops at once naming
    the lock file, through the CLI and through a Repository (the TUI's); reading needs no lock."""
    lock = data_dir / f"{YEAR}.json.lock"
    lock.unlink(missing_ok=True)
    os.mkfifo(lock)
    done = run_cli("tick", "e6-r1", "--date", "2023-02-01", data=data_dir, timeout=NO_HANG)
    assert_clean_failure(done, 1)
    assert str(lock) in done.stderr and "FIFO" in done.stderr and "ไฟล์ล็อก" in done.stderr
    assert run_cli("status", data=data_dir, timeout=NO_HANG).returncode == 0
    done = _python(f"""
        from datetime import date
        from itacheck.store.repository import Repository
        try:
            Repository({str(data_dir)!r}, user="t").add_record({YEAR}, "e6-r1", "2566-Q2", date(2023, 2, 1))
        except Exception as exc:
            print(type(exc).__name__, exc)
    """)
    assert "UnsafeFile" in done.stdout and str(lock) in done.stdout


def test_a_lock_path_that_is_a_directory_is_reported_against_the_lock_path(data_dir):
    """Repro: a directory named 2566.json.lock was reported as "could not save …/2566.json"."""
    lock = data_dir / f"{YEAR}.json.lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()
    done = run_cli("tick", "e6-r1", "--date", "2023-02-01", data=data_dir, timeout=NO_HANG)
    assert_clean_failure(done, 1)
    assert f"{lock} " in done.stderr and "directory" in done.stderr and "โฟลเดอร์" in done.stderr
    assert "could not save" not in done.stderr


# --- the year file ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["status"], ["tick", "e6-r1", "--date", "2023-02-01"], ["plan", "list"],
                                     ["check"], ["backup"]])
def test_a_fifo_as_the_year_file_hangs_no_command(data_dir, command):
    """Repro: ``mkfifo 2566.json`` (after moving the real one away) hung every command."""
    year = data_dir / f"{YEAR}.json"
    year.unlink()
    os.mkfifo(year)
    done = run_cli(*command, data=data_dir, timeout=NO_HANG)
    said = done.stdout + done.stderr  # `check` reports on stdout, the others fail on stderr
    assert done.returncode == 1 and "Traceback" not in said
    assert str(year) in said and "FIFO" in said


def test_a_fifo_as_the_year_file_does_not_hang_a_repository(data_dir):
    year = data_dir / f"{YEAR}.json"
    year.unlink()
    os.mkfifo(year)
    done = _python(f"""
        from itacheck.store.repository import Repository
        try:
            Repository({str(data_dir)!r}, user="t").records({YEAR})
        except Exception as exc:
            print(type(exc).__name__, exc)
    """)
    assert "UnsafeFile" in done.stdout and str(year) in done.stdout and "FIFO" in done.stdout


def _limit_memory() -> None:
    """1 GB of address space: enough for itacheck, and an endless read fails fast instead of
    taking the test machine's memory."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_a_year_file_linked_to_dev_zero_is_refused_without_reading_it(data_dir):
    """Repro: ``ln -s /dev/zero 2566.json`` made status read until memory ran out."""
    year = data_dir / f"{YEAR}.json"
    year.unlink()
    year.symlink_to("/dev/zero")
    done = run_cli("status", data=data_dir, timeout=NO_HANG, preexec_fn=_limit_memory)
    assert_clean_failure(done, 1)
    assert str(year) in done.stderr and "symbolic link" in done.stderr and "ลิงก์" in done.stderr


def test_a_year_file_over_the_size_limit_is_refused_with_the_limit(data_dir):
    """A regular file bigger than any real year (a sparse file here) is refused before it is read,
    with the limit in the message; the file is left as it is."""
    year = data_dir / f"{YEAR}.json"
    with open(year, "r+b") as f:
        f.truncate(MAX_YEAR_FILE + 1)
    with pytest.raises(StoreError) as refused:
        Repository(data_dir).records(YEAR)
    message = str(refused.value)
    assert str(year) in message and f"{MAX_YEAR_FILE // 2**20} MB" in message and "ใหญ่เกิน" in message
    assert year.stat().st_size == MAX_YEAR_FILE + 1


def test_a_year_file_that_is_a_symlink_is_refused_not_followed(data_dir, tmp_path):
    """Even a link to a good year file elsewhere: what is read must be the file in the directory."""
    year = data_dir / f"{YEAR}.json"
    elsewhere = tmp_path / "elsewhere.json"
    year.rename(elsewhere)
    year.symlink_to(elsewhere)
    with pytest.raises(StoreError, match="symbolic link"):
        Repository(data_dir).records(YEAR)


# --- backups/ and attachments/ ------------------------------------------------------------------


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A directory outside the data directory, with files that look like backups and temporaries."""
    place = tmp_path / "home" / "malee" / "documents"
    place.mkdir(parents=True)
    for n in range(25):
        (place / f"{YEAR}-20000101T0000{n:02d}000000-auto.json").write_text("malee's file\n")
    (place / f".{YEAR}-x.json.abc123.tmp").write_text("malee's file\n")
    return place


def test_a_symlinked_backups_folder_makes_no_save_write_or_delete_elsewhere(data_dir, elsewhere, monkeypatch):
    """Repro: ``backups`` replaced by a link to a folder of another officer: the next save wrote its
    automatic backup there, pruned "old backups" there and removed "stale temporaries" there."""
    monkeypatch.setattr(backup_files, "BACKUP_INTERVAL_S", 0)
    backups = data_dir / "backups"
    if backups.exists():
        os.rename(backups, data_dir / "backups.old")
    backups.symlink_to(elsewhere)
    before, year_before = _tree(elsewhere), (data_dir / f"{YEAR}.json").read_bytes()
    with pytest.raises(StoreError) as refused:
        Repository(data_dir, user="malee").add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1))
    message = str(refused.value)
    assert str(backups) in message and "symbolic link" in message and "โฟลเดอร์" in message
    assert _tree(elsewhere) == before
    assert (data_dir / f"{YEAR}.json").read_bytes() == year_before
    done = run_cli("backup", data=data_dir, timeout=NO_HANG)
    assert_clean_failure(done, 1)
    assert str(backups) in done.stderr
    assert _tree(elsewhere) == before


@pytest.mark.parametrize("planted", ["attachments", "attachments/ab"])
def test_a_symlinked_attachments_folder_makes_no_attach_write_elsewhere(data_dir, elsewhere, tmp_path, planted):
    """Repro: ``attachments`` (or ``attachments/ab``) replaced by a link: the next attach wrote the
    evidence into the folder it named."""
    evidence = tmp_path / "evidence.pdf"
    evidence.write_bytes(b"%PDF evidence")
    prefix = hashlib.sha256(b"%PDF evidence").hexdigest()[:2]
    folder = data_dir / planted.replace("ab", prefix)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.symlink_to(elsewhere)
    before = _tree(elsewhere)
    count = len(Repository(data_dir).records(YEAR))
    with pytest.raises(StoreError) as refused:
        Repository(data_dir, user="malee").add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[evidence])
    assert str(folder) in str(refused.value) and "symbolic link" in str(refused.value)
    assert _tree(elsewhere) == before
    assert len(Repository(data_dir).records(YEAR)) == count


def test_check_does_not_vouch_for_attachments_behind_a_symlinked_folder(data_dir, tmp_path):
    """`check` used to follow a planted ``attachments`` link and call the files it found there OK."""
    evidence = tmp_path / "evidence.pdf"
    evidence.write_bytes(b"%PDF evidence")
    Repository(data_dir).add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[evidence])
    attachments = data_dir / "attachments"
    attachments.rename(tmp_path / "moved")
    attachments.symlink_to(tmp_path / "moved")
    done = run_cli("check", data=data_dir, timeout=NO_HANG)
    assert done.returncode == 1
    assert str(attachments) in done.stdout and "symbolic link" in done.stdout


def test_a_fifo_planted_as_an_attachment_hangs_no_check(data_dir, tmp_path):
    evidence = tmp_path / "evidence.pdf"
    evidence.write_bytes(b"%PDF evidence")
    record = Repository(data_dir).add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[evidence])
    stored = Repository(data_dir).attachments.path_of(record.attachments[0].sha256)
    stored.unlink()
    os.mkfifo(stored)
    done = run_cli("check", data=data_dir, timeout=NO_HANG)
    assert done.returncode == 1 and "FIFO" in done.stdout


def test_a_data_directory_that_is_a_symlink_made_by_the_administrator_works(tmp_path):
    """The data directory itself may be a link (e.g. /srv/itacheck -> /data/itacheck): only what is
    inside it is never followed."""
    real = tmp_path / "disk" / "itacheck"
    Repository(real, user="t").load_sample()
    link = tmp_path / "itacheck"
    link.symlink_to(real)
    evidence = tmp_path / "evidence.pdf"
    evidence.write_bytes(b"%PDF evidence")
    repo = Repository(link, user="t")
    record = repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[evidence])
    with repo.year_file(YEAR).transaction_raw():
        assert repo.year_file(YEAR).backup(reason="manual") is not None
    assert repo.attachments.verify(record.attachments[0]) is None
    assert run_cli("check", data=link, timeout=NO_HANG).returncode == 0
