"""Text read from a year file is untrusted at every exit. A year file brought in by `restore` or
edited by hand may hold terminal escape sequences in any text: the organisation's name, a task, a
note, a user name. Whatever reads the file (the terminal, the TUI, the CSV, the PDF) gets the text
cleaned by the same rules as `plan import`; `check` names each field that breaks them; `restore`
brings the file in cleaned and says which fields it cleaned; and the PDF makes only http(s) links
live. The rules are the entry rules (see test_hostile_input.py); here the text skips the entries."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pypdf
import pytest

from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.model import Record
from itacheck.domain.status import plan_status
from itacheck.report import build_report
from itacheck.store.repository import Repository
from reliability_support import YEAR, run_cli

OSC_TITLE = "\x1b]0;pwned title\x07"
CLEAR = "\x1b[2J"
OSC_CLIPBOARD = "\x1b]52;c;ZXZpbCBjbGlwYm9hcmQ=\x07"
HOSTILE = f"{OSC_TITLE}{CLEAR}{OSC_CLIPBOARD}\x9b31m\u202e\r"
#: Anything a terminal acts on: C0 controls but tab and newline, DEL, C1, bidi overrides.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
HALF = ["--year", str(YEAR), "--round", "half", "--as-of", "2023-03-31"]


def _poison(data_dir: Path, tmp_path: Path) -> dict[str, str]:
    """The sample year file with hostile text in the organisation's name, a measure's issue, a
    task, a note, a recorded-by name, an attachment name and an audit entry's user and summary,
    written as a hand editor or another program would (not through itacheck). Returns the fields."""
    evidence = tmp_path / "evidence.pdf"
    evidence.write_bytes(b"evidence")
    Repository(data_dir, user="tester").add_record(YEAR, "oit10-s2", "once", date(2022, 11, 30),
                                                  note="สรุปผล", files=[evidence])
    path = data_dir / f"{YEAR}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    plan = doc["plan"]["1"]
    plan["organisation"]["name"] = f"อบต.{HOSTILE}เมืองน้อย"
    plan["measures"][0]["issue"] += HOSTILE
    plan["measures"][0]["tasks"][0]["text"] = f"{OSC_CLIPBOARD}วิเคราะห์ผลการประเมิน{CLEAR}"
    rid, record = next((k, r) for k, r in doc["records"].items() if r["task"] == "oit10-s2")
    record["note"] = f"ส่งรายงานแล้ว{HOSTILE}\nบรรทัดสอง"
    record["recorded_by"] = f"tester{OSC_TITLE}"
    record["attachments"][0]["name"] = f"{CLEAR}evidence.pdf"
    aid = next(iter(doc["audit"]))
    doc["audit"][aid]["user"] = f"{OSC_TITLE}another-officer"
    doc["audit"][aid]["summary"] += OSC_CLIPBOARD
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return {"org": "plan.1.organisation.name", "issue": "plan.1.measures[0].issue",
            "task": "plan.1.measures[0].tasks[0].text", "note": f"records.{rid}.note",
            "by": f"records.{rid}.recorded_by", "file": f"records.{rid}.attachments[0].name",
            "user": f"audit.{aid}.user", "summary": f"audit.{aid}.summary"}


def _assert_safe(text: str, where: str) -> None:
    found = UNSAFE.search(text)
    assert found is None, f"{where}: {found.group()!r} at {text[max(0, found.start() - 40):found.end() + 40]!r}"


@pytest.fixture
def hostile(data_dir: Path, tmp_path: Path) -> dict[str, str]:
    return _poison(data_dir, tmp_path)


def test_the_terminal_never_gets_an_escape_from_the_file(data_dir: Path, tmp_path: Path, hostile):
    """Repro: `status`, `plan list` and the exports printed the organisation's name, the task and
    the note with their escapes, so the terminal retitled itself, cleared, and wrote the clipboard."""
    runs = {
        "status": run_cli("status", *HALF, data=data_dir),
        "status --json": run_cli("status", *HALF, "--json", data=data_dir),
        "plan list": run_cli("plan", "list", data=data_dir),
        "export csv": run_cli("export", "--format", "csv", "-o", "-", data=data_dir),
        "export json": run_cli("export", "--format", "json", "-o", "-", data=data_dir),
        "plan export": run_cli("plan", "export", str(YEAR), "-o", "-", data=data_dir),
    }
    for name, done in runs.items():
        assert done.returncode == 0, (name, done.stderr)
        _assert_safe(done.stdout.replace("\r\n", "\n") + done.stderr, name)  # CSV rows end in CR LF
    assert "เมืองน้อย" in runs["plan list"].stdout and "เมืองน้อย" in runs["status"].stdout
    assert "ส่งรายงานแล้ว" in runs["export csv"].stdout and "evidence.pdf" in runs["export csv"].stdout
    assert "\\u001b" not in runs["export json"].stdout and "\\u001b" not in runs["status --json"].stdout
    # the PDF's text too
    out = tmp_path / "r.pdf"
    assert run_cli("report", *HALF, "-o", str(out), data=data_dir).returncode == 0
    _assert_safe("".join(p.extract_text() for p in pypdf.PdfReader(out).pages), "report")


def test_check_names_every_field_that_breaks_the_rules(data_dir: Path, hostile):
    """Repro: `check` said "OK" for this file."""
    done = run_cli("check", data=data_dir)
    assert done.returncode == 1
    _assert_safe(done.stdout + done.stderr, "check")
    assert "OK" not in done.stdout
    for field in hostile.values():
        assert field in done.stdout, (field, done.stdout)


def test_the_next_save_writes_the_file_clean(data_dir: Path, hostile):
    assert run_cli("tick", "e6-r1", "--date", "2023-02-01", data=data_dir).returncode == 0
    raw = (data_dir / f"{YEAR}.json").read_text(encoding="utf-8")
    assert "\\u001b" not in raw and "\\r" not in raw
    _assert_safe(raw, "the saved file")
    done = run_cli("check", data=data_dir)
    assert done.returncode == 0, done.stdout


def test_restore_brings_the_file_in_cleaned_and_says_which_fields(data_dir: Path, tmp_path: Path, hostile):
    source = tmp_path / f"{YEAR}-from-elsewhere.json"
    shutil.copyfile(data_dir / f"{YEAR}.json", source)
    done = run_cli("restore", str(source), data=data_dir)
    assert done.returncode == 0, done.stderr
    _assert_safe(done.stdout + done.stderr, "restore")
    for field in hostile.values():
        assert field in done.stdout + done.stderr
    restored = (data_dir / f"{YEAR}.json").read_text(encoding="utf-8")
    _assert_safe(restored, "restored file")
    assert "\\u001b" not in restored and "เมืองน้อย" in restored and "ส่งรายงานแล้ว" in restored
    done = run_cli("check", data=data_dir)
    assert done.returncode == 0, done.stdout


def _with_links(data_dir: Path, links: list[str]) -> str:
    path = data_dir / f"{YEAR}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    rid, record = next((k, r) for k, r in doc["records"].items() if r["task"] == "oit10-s1")
    record["links"] = links
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return rid


BAD_LINKS = ["javascript:alert(document.cookie)", "file:///etc/passwd", "data:text/html,<script>x</script>"]


def test_links_that_are_not_http_are_reported_refused_by_restore_and_never_live(data_dir: Path, tmp_path: Path):
    """Repro: `javascript:` and `file:` links brought in with a year file became live links in the PDF."""
    rid = _with_links(data_dir, ["https://www.example.go.th/ita", *BAD_LINKS])
    done = run_cli("check", data=data_dir)
    assert done.returncode == 1
    for i in (1, 2, 3):
        assert f"records.{rid}.links[{i}]" in done.stdout
    assert "links[0]" not in done.stdout
    source = tmp_path / f"{YEAR}-with-links.json"
    shutil.copyfile(data_dir / f"{YEAR}.json", source)
    other = tmp_path / "other"
    done = run_cli("restore", str(source), data=other)
    assert done.returncode == 2 and f"records.{rid}.links[1]" in done.stderr and "http" in done.stderr
    assert not (other / f"{YEAR}.json").exists()
    out = tmp_path / "r.pdf"
    assert run_cli("report", *HALF, "-o", str(out), data=data_dir).returncode == 0
    assert _link_uris(out) == ["https://www.example.go.th/ita"]


def _link_uris(pdf: Path) -> list[str]:
    uris = []
    for page in pypdf.PdfReader(pdf).pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link":
                action = annot.get("/A") or {}
                uris.append(str(action.get("/URI")))
    return uris


def test_the_pdf_writes_only_http_links_whatever_it_is_given(tmp_path: Path):
    """The report layer checks too: records that never went through the store (or a future path
    that forgets) still cannot put a `javascript:` or `file:` link into a published report."""
    repo = Repository(tmp_path / "d", user="t")
    repo.load_sample()
    plan = repo.plan(YEAR)
    record = Record("x1", "oit10-s1", "once", date(2022, 10, 31), note="ลิงก์",
                    links=("https://www.example.go.th/ita", *BAD_LINKS, "HTTPS://EXAMPLE.GO.TH/x"))
    status = plan_status(plan, (record,), fiscal_round(YEAR, "half"), date(2023, 3, 31))
    out = tmp_path / "r.pdf"
    out.write_bytes(build_report(status))
    assert sorted(_link_uris(out)) == ["HTTPS://EXAMPLE.GO.TH/x", "https://www.example.go.th/ita"]
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "file:///etc/passwd" in text.replace("\u200b", "").replace("\n", "")  # shown, not linked


def test_a_plan_file_name_with_escapes_does_not_make_the_audit_log_dirty(tmp_path: Path):
    """The audit entry of `plan import` names the file: its name is text from outside too."""
    plan = tmp_path / f"plan{OSC_TITLE}.toml"
    shutil.copyfile(Path(__file__).parents[2] / "data" / "sample-2566.toml", plan)
    data = tmp_path / "data"
    assert run_cli("plan", "import", str(plan), data=data).returncode == 0
    _assert_safe((data / f"{YEAR}.json").read_text(encoding="utf-8"), "year file")
    done = run_cli("check", data=data)
    assert done.returncode == 0, done.stdout


def test_check_reports_a_text_over_its_size_limit_and_goes_on(data_dir: Path, tmp_path: Path):
    """Reading tolerates it (only escapes are looked for on every read); `check` and `restore` apply
    the size limits of `plan import` too, and `check` goes on to the next year."""
    assert run_cli("plan", "copy", str(YEAR), str(YEAR + 1), data=data_dir).returncode == 0
    path = data_dir / f"{YEAR}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["plan"]["1"]["organisation"]["name"] = "อบต." * 1000
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert run_cli("status", *HALF, data=data_dir).returncode == 0
    done = run_cli("check", data=data_dir)
    assert done.returncode == 1 and "plan.1.organisation.name" in done.stdout and "too long" in done.stdout
    assert f"✓ {YEAR + 1}" in done.stdout
    done = run_cli("restore", str(path), data=tmp_path / "other")
    assert done.returncode == 1 and "too long" in done.stderr and not (tmp_path / "other" / f"{YEAR}.json").exists()
