"""One style for every message: one line, Thai then English, the path the officer typed (never a
temporary file's name), exit code 2 for bad input, 1 for other failures, never a traceback.

Each test is a message that broke the style (repro in its docstring).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from itacheck.store.repository import Repository

YEAR = 2566
THAI = re.compile(r"[\u0e00-\u0e7f]")


def _cli(*args: str, data: Path | None = None, timeout: float = 120,
         stdout: int = subprocess.PIPE) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-c", "import sys; from itacheck.cli import main; sys.exit(main())"]
    if data is not None:
        argv += ["--data", str(data)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("ITACHECK_")}
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8")
    return subprocess.run(argv + list(args), stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=timeout, env=env)


def _one_line_thai_then_english(done: subprocess.CompletedProcess, code: int) -> str:
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    message = done.stderr.strip()
    assert "Traceback" not in done.stderr and "\n" not in message, done.stderr
    assert message.startswith("itacheck: ") and THAI.search(message), message
    english = message.find(" (")
    assert english > 0 and THAI.search(message[:english]), f"Thai first, then English: {message}"
    assert ".tmp" not in message, message
    return message


@pytest.fixture
def data(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    Repository(directory, user="tester").load_sample()
    return directory


# --- input files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["plan", "import"], ["restore"], ["tick", "e6-r1", "--date", "2023-02-01", "--file"]])
def test_a_missing_input_file_is_bad_input_in_thai_and_english(data, tmp_path, command):
    """Repro: `plan import missing.toml` said "No such file or directory: missing.toml" (English,
    exit 1), `restore` said "no such backup file" (English), while `tick --file` was bilingual."""
    missing = tmp_path / "2566-missing.toml"
    message = _one_line_thai_then_english(_cli(*command, str(missing), data=data), 2)
    assert str(missing) in message and "ไม่พบไฟล์" in message


@pytest.mark.parametrize("command", [["plan", "import"], ["restore"]])
def test_a_directory_or_fifo_given_as_input_is_refused_at_once(data, tmp_path, command):
    folder = tmp_path / "2566.d"
    folder.mkdir()
    fifo = tmp_path / "2566-pipe.toml"
    os.mkfifo(fifo)
    for path in (folder, fifo):
        message = _one_line_thai_then_english(_cli(*command, str(path), data=data, timeout=60), 2)
        assert str(path) in message and "ไม่ใช่ไฟล์ธรรมดา" in message


def test_a_deeply_nested_plan_file_is_refused_in_one_line(data, tmp_path):
    """Repro: a plan file of 2,000 dotted keys (``a.a.a…= 1``, valid TOML) made `plan import` end
    in a RecursionError traceback."""
    plan = tmp_path / "deep.toml"
    plan.write_text("a" + ".a" * 2000 + " = 1\n")
    message = _one_line_thai_then_english(_cli("plan", "import", str(plan), data=data), 2)
    assert str(plan) in message and "nested" in message


def test_a_number_too_long_for_python_in_a_year_file_names_the_file(data):
    """Repro: a 5000-digit number in 2566.json gave Python's "Exceeds the limit (4300 digits) for
    integer string conversion" with no file name, as bad input (exit 2)."""
    year = data / f"{YEAR}.json"
    doc = json.loads(year.read_text(encoding="utf-8"))
    doc["meta"]["1"]["schema_version"] = 7  # placeholder, replaced below by a 5000-digit number
    year.write_text(json.dumps(doc, ensure_ascii=False).replace('"schema_version": 7', '"schema_version": ' + "9" * 5000),
                    encoding="utf-8")
    message = _one_line_thai_then_english(_cli("status", data=data), 1)
    assert str(year) in message and "Exceeds the limit" not in message


def test_a_number_too_long_for_python_in_a_plan_file_names_the_file(data, tmp_path):
    plan = tmp_path / "plan.toml"
    plan.write_text("x = " + "9" * 5000 + "\n")
    message = _one_line_thai_then_english(_cli("plan", "import", str(plan), data=data), 2)
    assert str(plan) in message and "Exceeds the limit" not in message


# --- output files ---------------------------------------------------------------------------------


def test_a_report_into_a_folder_that_does_not_exist_names_the_path(data, tmp_path):
    """Repro: `report -o missing/r.pdf` said "No such file or directory: …/missing/.r.pdf.x.tmp"."""
    target = tmp_path / "missing" / "r.pdf"
    message = _one_line_thai_then_english(_cli("report", "-o", str(target), data=data), 2)
    assert str(target) in message and str(tmp_path / "missing") in message


def test_a_report_to_a_folder_names_the_folder(data, tmp_path):
    """Repro: `report -o somedir/` said "Is a directory: …tmp"."""
    folder = tmp_path / "reports"
    folder.mkdir()
    message = _one_line_thai_then_english(_cli("report", "-o", f"{folder}/", data=data), 2)
    assert str(folder) in message


# --- standard output closed early -------------------------------------------------------------------


def test_status_into_a_pipe_closed_early_ends_quietly(data):
    """Repro: `itacheck status | head -1` printed "itacheck: Broken pipe:" on stderr. A closed
    standard output ends the program quietly with exit code 1, as Python's documentation
    recommends (Python ignores SIGPIPE, so there is no signal death to report). Here the reader
    is gone before the first write, as `head` is after its line."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _cli("status", data=data, stdout=write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert done.stderr == "", done.stderr
