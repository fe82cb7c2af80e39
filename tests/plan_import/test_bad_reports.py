"""Whatever the file, the import either reads a measures table or says in one line why not, and
saves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_tables import HEADER, measure_cells
from test_reference_report import pasted_table, write_docx

from itacheck.cli import main
from itacheck.locations import data_files_dir
from itacheck.reportimport import read_report, read_report_text
from itacheck.reportimport.measures import NotAReport
from itacheck.store.planfile import read_plan_file
from itacheck.store.repository import Repository

SAMPLE = read_plan_file(data_files_dir() / "sample-2566.toml")[0]


def _docx_of_paragraphs(path: Path, *texts: str) -> Path:
    import docx

    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _four_column_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("ประจำปีงบประมาณ พ.ศ. ๒๕๖๖")
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, HEADER[:4]):
        cell.text = text
    for cell, paragraphs in zip(table.rows[1].cells, measure_cells(SAMPLE.measures[1])[:4]):
        cell.text = "\n".join(paragraphs)
    document.save(str(path))
    return path


BAD = {
    "a letter, not a report": (lambda p: _docx_of_paragraphs(p / "letter.docx", "เรียน นายก", "ขอเชิญประชุม"),
                               "no table of measures"),
    "password-protected": (lambda p: _write(p / "locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
                           "password-protected"),
    "damaged": (lambda p: _write(p / "broken.docx", b"PK\x03\x04 this is not a zip"), "not a readable .docx"),
    "a zip that is not Word": (lambda p: _zip(p / "photos.docx"), "not a Word document"),
    "50 MB": (lambda p: _big(p / "huge.docx"), "too large"),
    "four columns": (lambda p: _four_column_docx(p / "four.docx"), "lacks columns"),
    "English text": (lambda p: _write(p / "notes.txt", b"Meeting notes\nNothing about ITA here.\n"),
                     "no table of measures"),
    "not UTF-8": (lambda p: _write(p / "report.txt", "รายงาน".encode("tis-620")), "neither a .docx file nor UTF-8"),
    "missing": (lambda p: p / "nowhere.docx", "cannot read"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(path: Path) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("photo.jpg", b"\xff\xd8\xff")
    return path


def _big(path: Path) -> Path:
    with open(path, "wb") as f:
        f.truncate(50 * 2**20)
    return path


@pytest.mark.parametrize("kind", BAD)
def test_a_bad_file_is_refused_in_one_line_and_nothing_is_saved(tmp_path: Path, capsys, kind: str):
    make, message = BAD[kind]
    path = make(tmp_path)
    with pytest.raises(NotAReport) as refused:
        read_report(path)
    assert message in str(refused.value)
    data = tmp_path / "data"
    assert main(["--data", str(data), "plan", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not data.exists()


def test_pasted_text_with_escapes_and_markup_is_cleaned_like_any_input(tmp_path: Path, capsys):
    text = pasted_table(SAMPLE).replace("รายงานผู้บริหาร", "รายงานผู้บริหาร\x1b]52;c;aGk=\x07[bold]x[/]\x1b[2J", 1)
    draft = read_report_text(text)
    path = tmp_path / "pasted.txt"
    path.write_text(text, encoding="utf-8")
    data = tmp_path / "data"
    assert main(["--data", str(data), "plan", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    saved = Repository(data).plan(2566)
    texts = [t.text for t in saved.tasks()]
    assert not any("\x1b" in t or "\x07" in t for t in texts)
    assert any("[bold]x[/]" in t for t in texts)  # markup is text: kept as typed, shown literally
    assert len(saved.tasks()) == len(draft.plan.tasks())


def test_dry_run_shows_every_task_with_its_cadence_and_saves_nothing(tmp_path: Path, capsys):
    path = tmp_path / "report.docx"
    write_docx(SAMPLE, path)
    data = tmp_path / "data"
    assert main(["--data", str(data), "plan", "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    for task in SAMPLE.tasks():
        assert f"  {task.id}  " in out
    assert "ไตรมาสละ ๑ ครั้ง" in out and "⚠ ปีละ ๑ ครั้ง" in out and "nothing saved" in out
    assert not data.exists()
    assert main(["--data", str(data), "plan", "import", str(path)]) == 0
    assert "were not recorded" in capsys.readouterr().out
    assert [m.id for m in Repository(data).plan(2566).measures] == [m.id for m in SAMPLE.measures]
    assert Repository(data).records(2566) == ()  # results are for review, never records by themselves


def test_the_agencys_corrected_catalogue_is_the_one_plans_are_checked_against(tmp_path: Path):
    """An agency whose catalogue (DATA/catalogue.toml) has no indicator 7 for 2566 sees each EIT
    measure of an imported report flagged, where the bundled catalogue accepts them."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from test_catalogue import CORRECTED_2568

    agency = CORRECTED_2568.replace("year = 2568", "year = 2566").replace(
        "[[years.indicators]]\nnumber = 7\ntool = \"EIT\"\nname = \"ประสิทธิภาพการสื่อสาร\"\n\n", "")
    (tmp_path / "catalogue.toml").write_text(agency, encoding="utf-8")
    path = tmp_path / "report.docx"
    write_docx(SAMPLE, path)
    assert not [n for n in read_report(path).notes if "catalogue" in n.message_en]
    flagged = {n.where for n in read_report(path, tmp_path).notes if "catalogue" in n.message_en}
    assert flagged == {"e6", "e7", "e9", "e10"}
