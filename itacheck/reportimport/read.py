"""Which reader a file needs, with the size and format checks every source shares."""

from __future__ import annotations

from pathlib import Path

from itacheck.reportimport.blocks import text_blocks
from itacheck.store.inputfile import UnreadableInput, read_input_file
from itacheck.store.planfile import read_plan_file
from itacheck.reportimport.draft import PlanDraft
from itacheck.reportimport.measures import NotAReport, build_draft

MAX_REPORT_FILE = 20 * 2**20
"""A measures report is a few hundred kilobytes, with pictures a few megabytes."""
MAX_REPORT_TEXT = 2 * 2**20


def read_report_text(text: str, source: str = "pasted text", data_dir: Path | None = None) -> PlanDraft:
    """A plan draft from pasted text: a table copied from Word or LibreOffice, or the text of a
    report's PDF."""
    if len(text) > MAX_REPORT_TEXT:
        raise NotAReport(f"ข้อความยาวเกินไป ({len(text):,} ตัวอักษร) (the text is too long for a measures report: "
                         f"{len(text):,} characters, at most {MAX_REPORT_TEXT:,})")
    return build_draft(text_blocks(text), source, data_dir)


def read_report(path: Path, data_dir: Path | None = None) -> PlanDraft:
    """A plan draft from a .docx report, a text file, or a TOML plan file (taken as written: its
    cadences are the officer's own, and it may carry records). ``data_dir``: where an agency's
    corrected ITA catalogue is (the bundled one otherwise)."""
    path = Path(path)
    if path.suffix.lower() == ".toml":
        plan, records = read_plan_file(path, data_dir)
        return PlanDraft(plan, path.name, records=records)
    try:  # a missing file, a folder, a FIFO, one over the limit: refused before anything is parsed
        raw = read_input_file(path, MAX_REPORT_FILE)
    except UnreadableInput as exc:
        raise NotAReport(str(exc)) from None
    if path.suffix.lower() == ".docx":
        from itacheck.reportimport.docx_blocks import docx_blocks

        return build_draft(docx_blocks(path), path.name, data_dir)
    if raw[:4] == b"\xd0\xcf\x11\xe0":
        raise NotAReport(f"{path} เป็นไฟล์ Word รุ่นเก่า (.doc) หรือมีรหัสผ่าน: บันทึกเป็น .docx แล้วลองใหม่ "
                         f"({path} is an old Word .doc file or password-protected: save it as .docx and try again)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotAReport(f"{path} ไม่ใช่ไฟล์ข้อความ UTF-8 หรือ .docx ({path} is neither a .docx file nor UTF-8 "
                         "text)") from None
    return read_report_text(text, path.name, data_dir)
