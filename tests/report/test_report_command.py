"""`itacheck report` end to end: the file it says it wrote is there, opens as a PDF of the round
and date asked for, and holds the plan's numbers; the as-of date, Arabic digits, standard output,
and `--lang en`, which the Thai-only report refuses rather than ignore."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pdf_numbers import expected_by_indicator, printed_sentences, printed_summary
from pdfcheck import Built

from itacheck.cli import main
from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.status import plan_status
from itacheck.store.repository import Repository

HALF = ["report", "--year", "2566", "--round", "half"]


def status_on(data: Path, as_of: date, round_name: str = "half"):
    repo = Repository(data)
    plan = repo.plan(2566)
    return plan_status(plan, repo.records(2566), fiscal_round(2566, round_name), as_of)


def written(path: Path) -> Built:
    assert path.read_bytes().startswith(b"%PDF-"), "no PDF where the command said it wrote one"
    return Built(path.read_bytes(), path)


def test_the_report_command_writes_the_pdf_it_names(data: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "รายงาน ๖ เดือน.pdf"
    assert main([*HALF, "--as-of", "2023-03-31", "-o", str(out)]) == 0
    said = capsys.readouterr()
    assert f"(report written): {out}" in said.out and not said.err
    report = written(out)
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน" in report.text
    assert "ข้อมูลการดำเนินการ ณ วันที่ ๓๑ มีนาคม ๒๕๖๖" in report.text
    expected = expected_by_indicator(status_on(data, date(2023, 3, 31)))
    assert printed_summary(report.reader) == expected
    assert set(printed_sentences(report.text)) == {"10", "7"}


def test_without_as_of_the_report_says_the_round_as_it_stood_on_its_last_deadline(
        data: Path, tmp_path: Path) -> None:
    """Made any day after it was due, the half-year report shows what was recorded by 30 April
    2566, the deadline of its last period, so printing it again later gives the same report."""
    out = tmp_path / "late.pdf"
    assert main([*HALF, "-o", str(out)]) == 0
    report = written(out)
    assert "ข้อมูลการดำเนินการ ณ วันที่ ๓๐ เมษายน ๒๕๖๖" in report.text
    assert printed_summary(report.reader) == expected_by_indicator(status_on(data, date(2023, 4, 30)))


def test_as_of_and_arabic_digits(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "arabic.pdf"
    assert main(["report", "--year", "2566", "--round", "full", "--as-of", "๓๐ ก.ย. ๖๖", "--digits", "arabic",
                 "-o", str(out)]) == 0
    report = written(out)
    assert "ข้อมูลการดำเนินการ ณ วันที่ 30 กันยายน 2566" in report.text
    assert printed_summary(report.reader) == expected_by_indicator(status_on(data, date(2023, 9, 30), "full"))


@pytest.mark.parametrize("argv", [[*HALF, "--lang", "en"], ["--lang", "en", *HALF]],
                         ids=["after", "before"])
def test_an_english_report_is_refused_with_a_clear_message(data: Path, tmp_path: Path, capsys, argv) -> None:
    """`--lang en` used to be accepted and the Thai file written byte for byte."""
    out = tmp_path / "english.pdf"
    assert main([*argv, "-o", str(out)]) == 2
    said = capsys.readouterr()
    assert not out.exists() and not said.out
    assert said.err.count("\n") == 1 and said.err.startswith("itacheck: error: ")
    assert "ภาษาไทย" in said.err and "--lang en" in said.err


def test_a_real_process_writes_the_same_bytes_to_standard_output(data: Path, tmp_path: Path) -> None:
    """`python -m itacheck report -o -` in a process of its own gives the very bytes of the file."""
    out = tmp_path / "file.pdf"
    assert main([*HALF, "--as-of", "2023-03-31", "-o", str(out)]) == 0
    run = subprocess.run([sys.executable, "-m", "itacheck", "--data", str(data), *HALF, "--as-of", "2023-03-31",
                          "-o", "-"], capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout == out.read_bytes()
    assert "report written" in run.stderr.decode()
