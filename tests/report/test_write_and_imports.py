"""write_report's atomic write, and what importing the report package costs."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from itacheck.report import write_report


def test_write_report_writes_the_built_bytes(tmp_path: Path, half_status, half_year) -> None:
    target = tmp_path / "report.pdf"
    write_report(half_status, target)
    assert target.read_bytes() == half_year.data
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temporary file left


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, half_status) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(ValueError):
        write_report(half_status, target, digits="roman")
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_write_report_replaces_an_existing_file(tmp_path: Path, half_status, half_year_arabic) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")
    write_report(half_status, target, digits="arabic")
    assert target.read_bytes() == half_year_arabic.data


def test_a_new_report_is_readable_as_the_umask_allows_and_an_old_one_keeps_its_mode(
        tmp_path: Path, half_status) -> None:
    fresh = tmp_path / "new.pdf"
    write_report(half_status, fresh)
    umask = os.umask(0o022)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    old = tmp_path / "old.pdf"
    old.write_bytes(b"x")
    old.chmod(0o640)
    write_report(half_status, old)
    assert old.stat().st_mode & 0o777 == 0o640


def test_importing_the_report_package_is_cheap() -> None:
    """The CLI imports it lazily anyway, but `import itacheck.report` must not drag in fpdf2,
    HarfBuzz, the segmenter, or any UI or storage library."""
    code = ("import sys, itacheck.report; "
            "print(sorted(m for m in ('fpdf', 'uharfbuzz', 'thaibreak', 'fontTools', 'textual', 'tinydb', "
            "'pythainlp', 'rich') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_report_imports_neither_the_ui_nor_the_store() -> None:
    """report → domain and thai only (the CLI hands it a PlanStatus)."""
    code = ("import sys, itacheck.report.document; "
            "print(sorted(m for m in sys.modules if m.startswith(('textual', 'tinydb', 'itacheck.tui', "
            "'itacheck.store', 'itacheck.cli', 'pythainlp'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_same_bytes_from_another_process_with_another_hash_seed(half_year) -> None:
    """Nothing in the output may depend on set or dict order of strings (PYTHONHASHSEED)."""
    code = ("import sys, hashlib; sys.path.insert(0, 'tests/report'); from pdfcheck import sample_status; "
            "from itacheck.report import build_report; "
            "print(hashlib.sha256(build_report(sample_status())).hexdigest())")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    env.pop("SOURCE_DATE_EPOCH", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root, env=env)
    assert out.stdout.strip() == hashlib.sha256(half_year.data).hexdigest()
