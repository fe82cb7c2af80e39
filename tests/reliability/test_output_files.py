"""Files the officer asks for (`export`, `plan export`, `report`): private when they carry names and
notes, written atomically only over a regular file or a new path, and `-o -` for standard output.

The data exports (records as CSV or JSON, the plan file with its records) hold officers' names and
notes: they are 0600 (0660 in a group-shared, setgid directory, as the data files are), whatever
the umask and whatever mode an older file of that name had. The PDF report is made to be published:
it follows the umask (an existing report keeps its mode)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reliability_support import YEAR, assert_clean_failure, cli_env, run_cli

EXPORTS = {
    "csv": ["export", "--format", "csv", "-o"],
    "json": ["export", "--format", "json", "-o"],
    "plan": ["plan", "export", str(YEAR), "-o"],
}
REPORT = ["report", "--year", str(YEAR), "--round", "half", "--as-of", "2023-03-31", "-o"]
COMMANDS = {**EXPORTS, "pdf": REPORT}


def _umask(mask: int):
    return lambda: os.umask(mask)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.mark.parametrize("umask", [0o077, 0o022])
@pytest.mark.parametrize("what", list(EXPORTS))
def test_data_exports_are_private_whatever_the_umask(data_dir: Path, tmp_path: Path, what: str, umask: int):
    """Repro: under umask 077, `plan export 2566 -o plan.toml` wrote a 0644 file that anyone on the
    server could read. An older file of the same name, readable by all, does not lend its mode."""
    fresh, old = tmp_path / f"fresh.{what}", tmp_path / f"old.{what}"
    old.write_bytes(b"old")
    old.chmod(0o644)
    for target in (fresh, old):
        done = run_cli(*EXPORTS[what], str(target), data=data_dir, preexec_fn=_umask(umask))
        assert done.returncode == 0, done.stderr
        assert _mode(target) == 0o600, (target, oct(_mode(target)))


@pytest.mark.parametrize("what", list(EXPORTS))
def test_data_exports_are_shared_with_the_team_in_a_setgid_directory(data_dir: Path, tmp_path: Path, what: str):
    team = tmp_path / "team"
    team.mkdir()
    team.chmod(0o2770)
    done = run_cli(*EXPORTS[what], str(team / "out"), data=data_dir, preexec_fn=_umask(0o077))
    assert done.returncode == 0, done.stderr
    assert _mode(team / "out") == 0o660


@pytest.mark.parametrize("umask", [0o077, 0o022])
def test_the_pdf_report_follows_the_umask(data_dir: Path, tmp_path: Path, umask: int):
    target = tmp_path / "report.pdf"
    done = run_cli(*REPORT, str(target), data=data_dir, preexec_fn=_umask(umask))
    assert done.returncode == 0, done.stderr
    assert _mode(target) == 0o666 & ~umask


# --- what the output path is --------------------------------------------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path, 0o600)


def _directory(path: Path) -> None:
    path.mkdir()


def _link_to_a_file(path: Path) -> None:
    (path.parent / "victim").write_bytes(b"someone's file")
    path.symlink_to(path.parent / "victim")


def _dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "nowhere")


KINDS = {"fifo": _fifo, "directory": _directory, "link to a file": _link_to_a_file, "dangling link": _dangling_link}


def _state(path: Path) -> tuple:
    st = os.lstat(path)
    target = os.readlink(path) if stat.S_ISLNK(st.st_mode) else None
    return st.st_ino, stat.S_IFMT(st.st_mode), target


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("what", list(COMMANDS))
def test_an_output_path_that_is_not_a_regular_file_is_refused_and_left_alone(
        data_dir: Path, tmp_path: Path, what: str, kind: str):
    """A FIFO, a directory or a symbolic link at the output path is refused with a message naming
    it, and is the same entry afterwards (never replaced, never written through, no hang). A link
    is refused rather than followed: in a shared directory a colleague could plant one to make an
    officer's export overwrite a file of theirs."""
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    target = outputs / "out"
    KINDS[kind](target)
    before = _state(target)
    done = run_cli(*COMMANDS[what], str(target), data=data_dir, timeout=60)
    assert_clean_failure(done, 2)
    assert str(target) in done.stderr and "-o -" in done.stderr
    assert _state(target) == before
    if kind == "link to a file":
        assert (outputs / "victim").read_bytes() == b"someone's file"
    assert {p.name for p in outputs.iterdir()} <= {"out", "victim"}  # no temporary file left


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("through_a_link", [False, True], ids=["device", "link to a device"])
@pytest.mark.parametrize("what", list(COMMANDS))
def test_a_device_node_is_never_replaced_by_a_file(data_dir: Path, tmp_path: Path, what: str, through_a_link: bool):
    """Repro: `itacheck export -o /dev/stdout` run as root renamed its temporary file over the
    device node (here a private copy of /dev/null, and a link to it as /dev/stdout is one)."""
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    target = node
    if through_a_link:
        target = tmp_path / "stdout"
        target.symlink_to(node)
    done = run_cli(*COMMANDS[what], str(target), data=data_dir)
    assert_clean_failure(done, 2)
    assert stat.S_ISCHR(os.lstat(node).st_mode) and os.lstat(node).st_rdev == os.makedev(1, 3)
    assert os.path.islink(target) == through_a_link


@pytest.mark.parametrize("what", list(COMMANDS))
def test_dash_writes_to_standard_output_exactly_what_the_file_would_hold(data_dir: Path, tmp_path: Path, what: str):
    """`-o -` streams the output; the success message goes to stderr, out of the data's way."""
    to_file = run_cli(*COMMANDS[what], str(tmp_path / "file"), data=data_dir)
    assert to_file.returncode == 0, to_file.stderr
    done = subprocess.run([sys.executable, "-m", "itacheck", "--data", str(data_dir), *COMMANDS[what], "-"],
                          capture_output=True, env=cli_env(), timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout and done.stdout == (tmp_path / "file").read_bytes()
    assert not (tmp_path / "-").exists()
    assert done.stderr.decode().strip()
