"""The report off the server: its full path and a ready scp line after writing it, and a copy in
the publish directory set in DATA/itacheck.toml under a name that never changes."""

from __future__ import annotations

import errno
import os
import pwd
import stat
from pathlib import Path

import pytest
from cli_run import run

from itacheck.handoff import fetch_command, scp_command, server_address, terminal_is_utf8
from itacheck.store.publish import PUBLISHED_MODE, published_name
from itacheck.store.settings import SETTINGS_FILE, Settings, read_settings

ME = pwd.getpwuid(os.getuid()).pw_name
REPORT = ["report", "--year", "2566", "--round", "half", "--as-of", "2023-03-31"]


@pytest.fixture
def data(data: Path, tmp_path: Path, monkeypatch) -> Path:
    """The sample's data directory, the report written beside it."""
    monkeypatch.chdir(tmp_path)
    return data


def settings(data: Path, text: str) -> None:
    (data / SETTINGS_FILE).write_text(text, encoding="utf-8")


# --- the scp line ----------------------------------------------------------------------------------

def test_scp_line_uses_the_address_the_ssh_session_reached():
    env = {"SSH_CONNECTION": "192.168.1.20 51234 192.168.1.5 22", "USER": "someone-else"}
    line = fetch_command(Path("/home/somchai/ita-report-2566-half.pdf"), env)
    assert line == f"scp {ME}@192.168.1.5:/home/somchai/ita-report-2566-half.pdf ."  # the real account, not $USER
    assert server_address({"SSH_CONNECTION": "10.0.0.9 5000 10.0.0.1 2222"}) == ("10.0.0.1", 2222)


def test_scp_line_outside_ssh_names_the_host_and_odd_ports_and_paths_are_handled(monkeypatch):
    monkeypatch.setattr("socket.gethostname", lambda: "ita-server")
    assert fetch_command(Path("/srv/r.pdf"), {}) == f"scp {ME}@ita-server:/srv/r.pdf ."
    assert scp_command(Path("/srv/r.pdf"), user="u", host="fe80::1", port=2222) == "scp -P 2222 u@[fe80::1]:/srv/r.pdf ."
    assert scp_command(Path("/srv/รายงาน ปี 2566.pdf"), user="u", host="h") == 'scp u@h:"/srv/รายงาน ปี 2566.pdf" .'


def test_relative_paths_are_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert fetch_command(Path("r.pdf"), {"SSH_CONNECTION": "a 1 b 22"}) == f"scp {ME}@b:{tmp_path}/r.pdf ."


@pytest.mark.parametrize(("env", "utf8"), [({"LANG": "th_TH.UTF-8"}, True), ({"LC_ALL": "C.utf8"}, True),
                                           ({"LANG": "th_TH.TIS-620"}, False), ({}, False),
                                           ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, False)])
def test_terminal_utf8_follows_the_locale_variables(env, utf8):
    assert terminal_is_utf8(env) is utf8


def test_report_prints_its_full_path_and_the_scp_line(data, capsys, monkeypatch, tmp_path):
    """Repro: the PDF stayed on the server and the officer was told only `report.pdf`."""
    monkeypatch.setenv("SSH_CONNECTION", "192.168.1.20 51234 192.168.1.5 22")
    code, out, _ = run(capsys, *REPORT)
    assert code == 0
    path = tmp_path / "ita-report-2566-half.pdf"
    assert out.splitlines() == [f"เขียนรายงานแล้ว (report written): {path}",
                                f"คัดลอกไปเครื่องของคุณ (to copy it to your computer): scp {ME}@192.168.1.5:{path} ."]
    assert path.read_bytes().startswith(b"%PDF")


# --- the publish directory -------------------------------------------------------------------------

def test_publish_copies_the_same_pdf_under_a_stable_name_readable_by_the_web_server(data, capsys, tmp_path):
    www = tmp_path / "www"
    www.mkdir()
    settings(data, f'[publish]\ndirectory = "{www}"\nurl = "https://www.mueangnoi.go.th/ita/"\n')
    os.umask(0o077)  # a private umask must not hide the published copy from the web server
    try:
        code, out, err = run(capsys, *REPORT, "-o", "draft.pdf", "--publish")
    finally:
        os.umask(0o022)
    assert (code, err) == (0, "")
    published = www / "ita-2566-half.pdf"
    assert published.read_bytes() == (tmp_path / "draft.pdf").read_bytes()
    assert stat.S_IMODE(published.stat().st_mode) == PUBLISHED_MODE == 0o644
    assert out.splitlines()[-1] == (f"เผยแพร่แล้ว (published): {published} "
                                    "https://www.mueangnoi.go.th/ita/ita-2566-half.pdf")
    assert published_name(2566, "full") == "ita-2566-full.pdf"


def test_publish_without_a_directory_set_says_how_to_set_it(data, capsys):
    code, out, err = run(capsys, *REPORT, "--publish")
    assert code == 2 and out == ""
    assert f"add the lines [publish] and directory = \"/var/www/html/ita\" to {data / SETTINGS_FILE}" in err


def test_missing_publish_directory_stops_before_anything_is_written(data, capsys, tmp_path):
    """Bad input: nothing half-written, neither the report nor a copy, and a message naming the folder."""
    settings(data, f'[publish]\ndirectory = "{tmp_path / "nowhere"}"\n')
    code, _, err = run(capsys, *REPORT, "--publish")
    assert code == 1 and f"the publish directory {tmp_path / 'nowhere'}" in err and "does not exist" in err
    assert not (tmp_path / "ita-report-2566-half.pdf").exists()


@pytest.mark.skipif(os.getuid() == 0, reason="root can write into any folder")
def test_unwritable_publish_directory_stops_before_anything_is_written(data, capsys, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    settings(data, f'[publish]\ndirectory = "{locked}"\n')
    code, _, err = run(capsys, *REPORT, "--publish")
    assert code == 1 and f"cannot write into the publish directory {locked}" in err
    assert list(locked.iterdir()) == [] and not (tmp_path / "ita-report-2566-half.pdf").exists()


@pytest.mark.parametrize(("error", "said"), [(errno.ENOSPC, "No space left on device"),
                                             (errno.EACCES, "Permission denied")])
def test_a_failed_copy_leaves_the_published_one_and_no_temporary_file(data, capsys, tmp_path, monkeypatch,
                                                                      error, said):
    """A write that fails half-way (disk full, or the web folder's permissions changed after the
    check, as they do for root too) keeps the copy already published, whole."""
    import itacheck.store.safefile as safefile

    www = tmp_path / "www"
    www.mkdir()
    (www / "ita-2566-half.pdf").write_bytes(b"%PDF the published one")
    settings(data, f'[publish]\ndirectory = "{www}"\n')
    real_replace = os.replace

    def full_disk(src, dst, *args, **kwargs):
        if str(dst).endswith("ita-2566-half.pdf"):
            raise OSError(error, os.strerror(error))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(safefile.os, "replace", full_disk)
    code, out, err = run(capsys, *REPORT, "--publish")
    assert code == 1
    assert f"cannot write into the publish directory {www}: {said}" in err
    assert (www / "ita-2566-half.pdf").read_bytes() == b"%PDF the published one"
    assert [p.name for p in www.iterdir()] == ["ita-2566-half.pdf"]


def test_docx_is_not_published(data, capsys, tmp_path):
    settings(data, f'[publish]\ndirectory = "{tmp_path}"\n')
    code, _, err = run(capsys, *REPORT, "--format", "docx", "--publish")
    assert code == 2 and "only the PDF is published" in err


@pytest.mark.parametrize(("text", "message"), [
    ("[publish\n", "not valid TOML"),
    ('[publish]\ndirectory = "relative/ita"\n', "must be an absolute path"),
    ('[publish]\ndirectory = "/srv/www"\nurl = "javascript:alert(1)"\n', "url must be an http(s) address"),
    ('[publish]\nfolder = "/srv/www"\n', "unknown setting 'folder'"),
    ("publish = 3\n", "[publish] must be a table"),
])
def test_bad_settings_files_are_one_line_naming_the_file(data, text, message):
    settings(data, text)
    with pytest.raises(ValueError) as caught:
        read_settings(data)
    assert str(caught.value).startswith(f"ไฟล์ตั้งค่า {data / SETTINGS_FILE} ใช้ไม่ได้")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_settings_planted_as_a_link_or_fifo_are_refused(data, tmp_path):
    """The data directory may be shared: a colleague's symlink or FIFO is never followed or waited on."""
    from itacheck.store.errors import UnsafeFile

    target = tmp_path / "elsewhere.toml"
    target.write_text('[publish]\ndirectory = "/tmp"\n')
    (data / SETTINGS_FILE).symlink_to(target)
    with pytest.raises(UnsafeFile, match="symbolic link"):
        read_settings(data)
    (data / SETTINGS_FILE).unlink()
    os.mkfifo(data / SETTINGS_FILE)
    with pytest.raises(UnsafeFile, match="FIFO"):
        read_settings(data)


def test_no_settings_file_means_no_settings(data):
    assert read_settings(data) == Settings()
