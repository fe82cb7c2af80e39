"""`itacheck status` on a terminal: it fits the width (80 columns when piped), Thai wraps between
words with dates whole, and each output uses one digit system (ids and period keys, which are typed
back into commands, stay as they are)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from thai_lines import words_broken

from itacheck.cli import main
from itacheck.thaitext.cells import cell_width

HALF = ["status", "--year", "2566", "--round", "half", "--as-of", "2023-03-31"]
FULL = ["status", "--year", "2566", "--round", "full", "--as-of", "2023-09-30"]
#: Task and measure ids (e6-r1, oit10), item codes (e6) and period keys (2566-Q2, once).
_CODES = re.compile(r"\b(?:[a-z]+\d+(?:-[a-z]+\d+)?|\d{4}-[A-Z]\d+)\b")


@pytest.fixture
def data(data: Path, monkeypatch) -> Path:
    """The sample's data directory, with the width of a terminal not set."""
    monkeypatch.delenv("COLUMNS", raising=False)
    return data


def status(capsys, *argv: str) -> list[str]:
    assert main(list(argv)) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("argv", [HALF, FULL, [*HALF, "--lang", "en"], [*FULL, "--digits", "arabic"]])
def test_piped_status_fits_80_columns_and_breaks_between_words(data, capsys, argv) -> None:
    """The rows were 86 columns wide and a terminal wrapped them mid-date (``๒๕ ต`` / ``.ค. ๖๕``)."""
    lines = status(capsys, *argv)
    assert max(cell_width(line) for line in lines) <= 80
    assert words_broken(lines, 80) == []
    header = [line for line in lines if "๓๐ ก.ย. ๖๖" in line or "30 Sep 2023" in line or "30 ก.ย. 66" in line]
    assert header or "half" in argv


def test_status_fits_the_terminal_it_prints_to(data, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    lines = status(capsys, *HALF)
    assert max(cell_width(line) for line in lines) <= 60
    assert words_broken(lines, 60) == []
    assert any(cell_width(line) > 50 for line in lines)  # the width is used, not left empty


def test_thai_status_writes_every_number_in_thai_digits(data, capsys) -> None:
    """It printed ``ปีงบประมาณ 2566 รอบ ๖ เดือน (1 ต.ค. 65 …``."""
    out = "\n".join(status(capsys, *HALF))
    assert "ปีงบประมาณ ๒๕๖๖ รอบ ๖ เดือน (๑ ต.ค. ๖๕ – ๓๑ มี.ค. ๖๖)" in " ".join(out.split())
    assert "รวม: ๒๑/๔๙  ๔๒.๙%  !๒๐ เกินกำหนด  •๘ ใกล้ครบกำหนด" in out
    assert re.findall("[0-9]", _CODES.sub("", out)) == []
    for code in ("e6-r1", "oit10-s1", "2566-Q2", "[e9]"):
        assert code in out


def test_arabic_digits_on_request(data, capsys) -> None:
    out = "\n".join(status(capsys, *HALF, "--digits", "arabic"))
    assert "ปีงบประมาณ 2566 รอบ 6 เดือน (1 ต.ค. 65 – 31 มี.ค. 66)" in " ".join(out.split())
    assert "รวม: 21/49  42.9%  !20 เกินกำหนด  •8 ใกล้ครบกำหนด" in out
    assert re.findall("[๐-๙]", out) == []


def test_english_status_is_in_english_with_arabic_digits(data, capsys) -> None:
    out = "\n".join(status(capsys, *HALF, "--lang", "en"))
    assert "fiscal year 2566 half-year (1 Oct 2022 – 31 Mar 2023)" in " ".join(out.split())
    assert "Total: 21/49  42.9%  !20 overdue  •8 due soon" in out
    assert re.findall("[๐-๙]", "\n".join(line for line in out.splitlines() if "due" in line)) == []


def test_status_json_loads_no_line_breaker_and_the_table_still_wraps(data) -> None:
    """``status --json`` wraps nothing: it must not pay for the Thai segmenter (its module, its
    library and their dictionaries), nor for the screen or the PDF; the table still loads it."""
    import subprocess
    import sys

    script = ("import sys; from itacheck.cli import main; code = main(sys.argv[1:]); "
              "print(' '.join(m for m in sys.modules if m.split('.')[0] in ('thaibreak', 'textual', 'fpdf') "
              "or m == 'itacheck.thaitext.segment'), file=sys.stderr); sys.exit(code)")
    for extra, loaded in ((["--json"], ""), ([], "itacheck.thaitext.segment")):
        done = subprocess.run([sys.executable, "-c", script, *HALF, "--data", str(data), *extra],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert loaded in done.stderr.split() if loaded else done.stderr.split() == []
        assert "e6-r1" in done.stdout


def test_each_measure_lines_its_periods_up_under_its_own_tasks_text() -> None:
    """The same periods with the same statuses are written once per table and reused: a measure
    whose task ids are longer puts its task texts, and so its periods, further right."""
    from dataclasses import replace
    from datetime import date

    from itacheck.domain.fiscal import fiscal_round
    from itacheck.domain.status import plan_status
    from itacheck.locations import data_files_dir
    from itacheck.status_output import status_table
    from itacheck.store.planfile import read_plan_file

    sample, _ = read_plan_file(data_files_dir() / "sample-2566.toml")
    first = sample.measures[0]
    longer = replace(first, id="long", tasks=tuple(replace(t, id=f"long-task-{i}") for i, t in enumerate(first.tasks)))
    plan = replace(sample, measures=(first, longer))
    lines = status_table(plan_status(plan, [], fiscal_round(2566, "full"), date(2023, 9, 30)), "th", 100)
    columns = {}
    for line in lines.splitlines():
        task = re.match(r"  (\S+) +\S", line)
        if task and "-" in task[1]:
            measure = task[1].split("-")[0]
            text_at = len(line) - len(line[2 + len(task[1]):].lstrip())
        period = re.match(r" +2566-", line)
        if period:
            columns.setdefault(measure, set()).add(period.end() - 5)
    assert columns == {first.id: {2 + 10}, "long": {text_at}}
    assert text_at == 2 + len("long-task-0") + 2
