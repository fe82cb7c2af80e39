"""Reading the evidence form: every field checked before anything is saved, every problem said
in words the officer can act on (Thai first, English in brackets, as the store's messages are)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from itacheck import thai
from itacheck.domain.text import check_link, clean_text


@dataclass(frozen=True)
class EvidenceDraft:
    """What the form holds once it is valid: the arguments of `Repository.add_record`."""

    done_on: date
    note: str = ""
    links: tuple[str, ...] = ()
    files: tuple[Path, ...] = ()
    skipped: bool = False
    drop_attachments: bool = False  #: a correction that removes the files attached before


def fits_year(day: date, year: int) -> bool:
    """Whether the store accepts ``day`` as a date done in fiscal year ``year`` (it refuses dates
    more than a year outside it, nearly always a year typed in the wrong era)."""
    from itacheck.store.planfile import check_date_in_year  # the store is not needed for the first frame

    try:
        check_date_in_year(day, year, "date done")
    except ValueError:
        return False
    return True


def read_date(text: str, today: date, year: int) -> date:
    """The date done; ValueError when unreadable, impossible, still to come, or too far from the
    plan's fiscal year."""
    done_on = thai.parse_date(text)
    if done_on > today:
        raise ValueError(f"วันที่ {thai.format_date(done_on)} ยังมาไม่ถึง "
                         f"(the date {done_on.isoformat()} is in the future)")
    if not fits_year(done_on, year):
        raise ValueError(f"วันที่ {thai.format_date(done_on)} อยู่ห่างจากปีงบประมาณ {thai.format_number(year)} เกิน ๑ ปี"
                         f" (the date {done_on.isoformat()} is more than a year outside fiscal year {year})")
    return done_on


def split_files(text: str) -> list[str]:
    """File names are separated by ``;`` or new lines, because names may hold spaces."""
    return [p.strip() for p in text.replace("\n", ";").split(";") if p.strip()]


def read_file(name: str) -> Path:
    from itacheck.store.attachments import MAX_ATTACHMENT

    path = Path(name).expanduser()
    if not path.is_file():
        raise ValueError(f"ไม่พบไฟล์ {name} (no such file)")
    if not os.access(path, os.R_OK):
        raise ValueError(f"อ่านไฟล์ {name} ไม่ได้: ไม่มีสิทธิ์ (cannot read {name}: permission denied)")
    if path.stat().st_size > MAX_ATTACHMENT:
        raise ValueError(f"ไฟล์ {path.name} ใหญ่เกิน {MAX_ATTACHMENT // 2**20} MB (file too large)")
    return path


def read_draft(date_text: str, note: str, links_text: str, files_text: str, skipped: bool,
               today: date, year: int) -> tuple[EvidenceDraft | None, dict[str, str]]:
    """The draft, or None and the problems by field name (date, note, links, files)."""
    errors: dict[str, str] = {}
    done_on = None
    try:
        done_on = read_date(date_text, today, year)
    except ValueError as exc:
        errors["date"] = str(exc)
    try:
        note = clean_text(note, what="note")
        if skipped and not note:
            errors["note"] = "โปรดระบุเหตุผลที่ไม่ต้องดำเนินการในหมายเหตุ (say in the note why it does not apply)"
    except ValueError as exc:
        errors["note"] = str(exc)
    links: list[str] = []
    for link in links_text.split():
        try:
            links.append(check_link(link))
        except ValueError as exc:
            errors.setdefault("links", str(exc))
    files: list[Path] = []
    for name in split_files(files_text):
        try:
            files.append(read_file(name))
        except (ValueError, OSError) as exc:
            errors.setdefault("files", str(exc))
    if errors or done_on is None:
        return None, errors
    return EvidenceDraft(done_on, note, tuple(links), tuple(files), skipped), {}
