"""Hostile and odd input wherever a user or a plan file can put text: the CLI, the Repository
(what the TUI's forms call), plan import, attachments. Escapes never reach the terminal raw,
markup is kept as typed (the display layer shows it literally), sizes are bounded, errors are
ValueError-style with a clear message, nothing crashes."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

import pytest

from itacheck.domain.model import Attachment
from itacheck.store.attachments import AttachmentStore
from itacheck.store.planfile import plan_file_text, read_plan_file
from itacheck.store.repository import Repository
from reliability_support import YEAR, assert_clean_failure, run_cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

ESC = "\x1b"
NASTY = ("\x1b[31mred\x1b[0m \x1b]0;pwned title\x07 \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ "
         "\x9b31m c1 \x07bell \x08back \x00nul \u202eevil-bidi \r carriage [bold]markup[/] [/] "
         "[@click=app.quit]x[/] ไทยผสม Latin ๑๒๓")
CONTROLS = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]


def _no_controls(text: str) -> bool:
    return not any(c in text for c in CONTROLS) and "\u202e" not in text


def test_terminal_escapes_are_stripped_and_markup_kept_in_notes(repo: Repository):
    r = repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note=NASTY)
    stored = next(x for x in repo.records(YEAR) if x.id == r.id).note
    assert _no_controls(stored)
    assert "[bold]markup[/] [/] [@click=app.quit]x[/]" in stored  # literal; Content/Text show it as typed
    assert "ไทยผสม Latin ๑๒๓" in stored and "red" in stored and "link" in stored


def test_the_cli_never_prints_raw_escapes(data_dir: Path):
    done = run_cli("tick", "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01", "--note", NASTY.replace("\0", ""),
                   "--link", "https://example.go.th/\x1b[2Jdoc", data=data_dir)
    assert done.returncode == 0, done.stderr
    for args in (["status", "--round", "full", "--as-of", "2023-09-30"], ["status", "--json"],
                 ["plan", "list"], ["check"]):
        out = run_cli(*args, data=data_dir)
        assert out.returncode == 0, out.stderr
        assert ESC not in out.stdout + out.stderr and "\x9b" not in out.stdout
    exported = data_dir.parent / "out.json"
    assert run_cli("export", "--format", "json", "-o", str(exported), data=data_dir).returncode == 0
    notes = [r["note"] for r in json.loads(exported.read_text(encoding="utf-8"))["records"]]
    assert any("[bold]markup[/]" in n for n in notes) and all(_no_controls(n) for n in notes)


def test_a_megabyte_note_is_refused_clearly_and_nothing_is_written(repo: Repository, data_dir: Path):
    before = (data_dir / f"{YEAR}.json").read_bytes()
    with pytest.raises(ValueError, match="too long"):
        repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note="บันทึก" * 200_000)
    with pytest.raises(ValueError, match="too long"):
        repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note="\x1b" * 1_000_000)
    assert (data_dir / f"{YEAR}.json").read_bytes() == before
    # The command line caps one argument at 128 KB: a 100 KB note is refused with exit code 2.
    done = run_cli("tick", "e6-r1", "--occurrence", "2566-Q2", "--note", "x" * 100_000, data=data_dir)
    assert_clean_failure(done, 2)
    assert "too long" in done.stderr and len(done.stderr) < 2000


def test_nul_bytes_and_lone_surrogates_are_made_harmless(repo: Repository):
    r = repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note="a\0b\udcffc\ud800")
    note = next(x for x in repo.records(YEAR) if x.id == r.id).note
    assert note == "ab\ufffdc\ufffd"
    note.encode("utf-8")  # printable and storable


def test_invalid_utf8_on_the_command_line(data_dir: Path):
    done = run_cli("tick", "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01",
                   "--note", b"caf\xe9 \xff\xfe \xe0\xb8", data=data_dir)
    assert done.returncode == 0, done.stderr
    out = run_cli("export", "--format", "csv", "-o", str(data_dir.parent / "x.csv"), data=data_dir)
    assert out.returncode == 0, out.stderr
    assert "\ufffd" in (data_dir.parent / "x.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("link", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "file:///etc/passwd", "data:text/html,<script>x</script>",
    "ftp://example.com/x", "http://", "https://", "//example.com/x", "example.com", "http://[::1",
    "https://exa mple.com", "vbscript:msgbox", "\x1bjavascript:alert(1)", "", "http:/\\evil",
])
def test_links_that_are_not_http_are_refused(repo: Repository, data_dir: Path, link: str):
    before = (data_dir / f"{YEAR}.json").read_bytes()
    with pytest.raises(ValueError) as err:
        repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), links=[link])
    assert "http" in str(err.value)
    assert (data_dir / f"{YEAR}.json").read_bytes() == before


def test_links_from_the_command_line_too(data_dir: Path):
    done = run_cli("tick", "e6-r1", "--occurrence", "2566-Q2", "--link", "javascript:alert(1)", data=data_dir)
    assert_clean_failure(done, 2)


@pytest.mark.parametrize("typed, problem", [
    ("25/10/22", "1979"),        # a 2-digit CE year is read as BE 2522
    ("25/10/1965", "1965"),
    ("2565-10-25", None),        # BE year in ISO order: read as BE, fine
    ("25 ต.ค. 2022", None),       # CE year with a Thai month: fine
    ("๒๕ ต.ค. ๖๕", None),
    ("25/10/3022", "3022"),
])
def test_dates_in_the_wrong_era_are_refused_not_recorded(data_dir: Path, typed: str, problem: str | None):
    done = run_cli("tick", "e6-r1", "--occurrence", "2566-Q1", "--date", typed, data=data_dir)
    if problem is None:
        assert done.returncode == 0, done.stderr
    else:
        assert_clean_failure(done, 2)
        assert "2566" in done.stderr


def test_the_repository_refuses_a_date_far_outside_the_fiscal_year(repo: Repository):
    with pytest.raises(ValueError, match="fiscal year 2566"):
        repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2565, 2, 1))  # BE year used as CE
    with pytest.raises(ValueError, match="fiscal year 2566"):
        repo.add_record(YEAR, "e6-r1", "2566-Q2", date(1979, 10, 25))
    repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 11, 15))  # late evidence, after the year: fine


# --- attachments -----------------------------------------------------------------------------


def test_attachment_names_never_become_paths(repo: Repository, tmp_path: Path):
    nasty = tmp_path / "sub"
    nasty.mkdir()
    weird = nasty / "..\x1b[31m evil\nname [bold].pdf"
    weird.write_bytes(b"evidence")
    via_dots = tmp_path / "sub" / ".." / "sub" / weird.name
    r = repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[via_dots])
    a = r.attachments[0]
    assert "/" not in a.name and ESC not in a.name and "\n" not in a.name and "[bold]" in a.name
    stored = repo.attachments.path_of(a.sha256)
    assert stored.parent.parent == repo.data_dir / "attachments" and stored.read_bytes() == b"evidence"
    assert [p for p in (repo.data_dir / "attachments").rglob("*") if p.is_file()] == [stored]


def test_a_symlink_is_attached_by_content(repo: Repository, tmp_path: Path):
    target = tmp_path / "real.pdf"
    target.write_bytes(b"the real evidence")
    link = tmp_path / "shortcut.pdf"
    link.symlink_to(target)
    r = repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[link])
    stored = repo.attachments.path_of(r.attachments[0].sha256)
    assert not stored.is_symlink() and stored.read_bytes() == b"the real evidence"
    target.write_bytes(b"changed later")  # the stored copy does not follow the original
    assert repo.attachments.verify(r.attachments[0]) is None


@pytest.mark.parametrize("what", ["directory", "missing", "fifo", "device"])
def test_unusable_attachment_paths_are_refused_clearly(repo: Repository, tmp_path: Path, what: str):
    path = {"directory": tmp_path, "missing": tmp_path / "nope.pdf", "fifo": tmp_path / "pipe",
            "device": Path("/dev/zero")}[what]
    if what == "fifo":
        os.mkfifo(path)
    with pytest.raises(ValueError):
        repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[path])


def test_a_forged_attachment_digest_never_becomes_a_path(data_dir: Path, tmp_path: Path):
    store = AttachmentStore(data_dir / "attachments")
    for forged in ("../../etc/passwd", "/etc/passwd", "..", "a" * 63 + "/", "A" * 64, "0" * 64 + "\n"):
        with pytest.raises(ValueError):
            store.path_of(forged)
        assert "sha256" in store.verify(Attachment(forged, "x.pdf", 1))
    # A hand-edited year file with such a digest: `itacheck check` reports it, no traceback.
    file = data_dir / f"{YEAR}.json"
    doc = json.loads(file.read_text(encoding="utf-8"))
    first = next(iter(doc["records"]))
    doc["records"][first]["attachments"] = [{"sha256": "../../../../etc/passwd", "name": "x", "size": 1}]
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    done = run_cli("check", data=data_dir)
    assert done.returncode == 1 and "sha256" in done.stdout and "Traceback" not in done.stderr


def test_a_symlink_planted_in_the_store_is_not_trusted(repo: Repository, tmp_path: Path):
    evidence = tmp_path / "e.pdf"
    evidence.write_bytes(b"genuine")
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"genuine")  # same bytes: the digest would even match through the link
    import hashlib
    digest = hashlib.sha256(b"genuine").hexdigest()
    planted = repo.attachments.path_of(digest)
    planted.parent.mkdir(parents=True)
    planted.symlink_to(secret)
    r = repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), files=[evidence])
    stored = repo.attachments.path_of(r.attachments[0].sha256)
    assert not stored.is_symlink() and stored.read_bytes() == b"genuine"
    stored.unlink()
    stored.symlink_to(secret)
    assert "symbolic link" in repo.attachments.verify(r.attachments[0])


# --- plan files ------------------------------------------------------------------------------


def _sample_plan_text(repo: Repository) -> str:
    return plan_file_text(repo.plan(YEAR), repo.records(YEAR))


def test_plan_import_strips_terminal_escapes_from_every_text(repo: Repository, data_dir: Path, tmp_path: Path):
    import tomli_w

    evil = "\x1b[31m\x1b]0;title\x07\x00\x9b2J\u202e"

    def poison(value, key=""):
        if isinstance(value, str) and key not in ("id", "task", "occurrence", "kind", "rule", "tool"):
            return evil + value + evil
        if isinstance(value, dict):
            return {k: poison(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [poison(v, key) for v in value]
        return value

    # Every text of the file gets escape sequences and a NUL (written as TOML \\u escapes).
    text = tomli_w.dumps(poison(tomllib.loads(_sample_plan_text(repo))))
    assert "\\u001b" in text or "\\e" in text
    path = tmp_path / "evil.toml"
    path.write_text(text, encoding="utf-8")
    plan, records = read_plan_file(path)
    strings = json.dumps([repr(plan), [repr(r) for r in records]])
    assert "\\x1b" not in strings and "\\x00" not in strings and "\\x9b" not in strings and "\\u202e" not in strings
    # and through the real command, into the status table
    target = tmp_path / "fresh"
    done = run_cli("plan", "import", str(path), data=target)
    assert done.returncode == 0, done.stderr
    out = run_cli("status", "--year", "2566", "--round", "full", "--as-of", "2023-09-30", data=target)
    assert out.returncode == 0 and ESC not in out.stdout and "\x9b" not in out.stdout


def test_plans_saved_by_the_program_are_cleaned_too(repo: Repository):
    """The TUI's plan editor and `plan copy` go through import_plan: same cleaning."""
    from dataclasses import replace
    plan = repo.plan(YEAR)
    m = plan.measures[0]
    evil = replace(plan, intro="\x1b[2J" + plan.intro,
                   measures=(replace(m, issue="\x1b]0;x\x07" + m.issue,
                                     tasks=tuple(replace(t, text=t.text + "\x00\x1b[5m") for t in m.tasks)),
                             *plan.measures[1:]))
    repo.import_plan(evil)
    stored = repo.plan(YEAR)
    assert stored.intro == plan.intro and stored.measures[0].issue == m.issue
    assert [t.text for t in stored.measures[0].tasks] == [t.text for t in m.tasks]


@pytest.mark.parametrize("content, expected", [
    (b"\xff\xfe not utf-8", "UTF-8"),
    (b"year = 2566\n\x00", "TOML"),
    (b"a = " + b"[" * 100_000 + b"]" * 100_000, "TOML"),
    (b"format = 1\nyear = 2566\n[organisation]\nname = \"" + "ก".encode() * 30_000 + b"\"\n", "too long"),
    (b"format = 1\nyear = 1979\n[organisation]\nname = \"x\"\n", "year"),
], ids=["invalid UTF-8", "NUL byte", "nested 100000 deep", "30000-character name", "CE year"])
def test_bad_plan_files_give_a_clear_error(tmp_path: Path, content: bytes, expected: str):
    path = tmp_path / "plan.toml"
    path.write_bytes(content)
    with pytest.raises(ValueError) as err:
        read_plan_file(path)
    assert expected in str(err.value) and str(path) in str(err.value)
    done = run_cli("plan", "import", str(path), data=tmp_path / "data")
    assert_clean_failure(done, 2)


def test_a_huge_plan_file_is_refused_before_it_is_read(tmp_path: Path):
    path = tmp_path / "huge.toml"
    with open(path, "wb") as f:
        f.write(b"# " + b"x" * (20 * 2**20) + b"\n")
    with pytest.raises(ValueError, match="too large"):
        read_plan_file(path)


def test_plan_dates_in_the_wrong_era_are_refused(repo: Repository, tmp_path: Path):
    text = _sample_plan_text(repo)
    assert "due = 2022-" in text
    path = tmp_path / "be-dates.toml"
    path.write_text(text.replace("due = 2022-", "due = 2565-", 1), encoding="utf-8")
    with pytest.raises(ValueError, match="2565"):
        read_plan_file(path)
    path.write_text(text.replace("done_on = 2022-", "done_on = 2565-", 1), encoding="utf-8")
    with pytest.raises(ValueError, match="2565"):
        read_plan_file(path)


def test_plan_record_links_must_be_http(repo: Repository, tmp_path: Path):
    plan, records = repo.plan(YEAR), repo.records(YEAR)
    from dataclasses import replace
    text = plan_file_text(plan, [replace(records[0], links=("javascript:alert(1)",)), *records[1:]])
    path = tmp_path / "links.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="http"):
        read_plan_file(path)
