"""Pure parts of the TUI: every UI string has its Thai, the session picks the right period, the
evidence form's checks, and the app starts without loading what it does not need yet."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import itacheck.tui
from itacheck.tui.draft import read_draft, split_files
from itacheck.tui.session import Period, Session
from itacheck.tui.text import TH, t

TUI = Path(itacheck.tui.__file__).parent


def _strings_given_to_t() -> set[str]:
    found = set()
    for path in TUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = getattr(node.func, "id", "")
                if name == "t" or (name == "Binding" and len(node.args) >= 3):
                    found.add(node.args[2 if name == "Binding" else 0].value)
    return found


def test_every_ui_string_has_its_thai() -> None:
    from itacheck.tui.screens.audit import ACTIONS
    from itacheck.tui.screens.help import _NAVIGATION, _sections

    wanted = _strings_given_to_t() | set(ACTIONS.values()) | {w for _, w in _NAVIGATION}
    wanted |= {title for title, _ in _sections()}
    missing = sorted(s for s in wanted if s not in TH)
    assert not missing


def test_t_fills_fields_with_user_text_as_is() -> None:
    assert t("Cannot read the data: {error}", "th", error="{x} [bold]") == "อ่านข้อมูลไม่ได้: {x} [bold]"
    assert t("Cannot read the data: {error}", "en", error="e") == "Cannot read the data: e"


def test_first_period_is_this_round_or_the_whole_of_an_older_year(repo) -> None:
    assert Session(repo, date(2023, 3, 31)).first_period() == Period(2566, "half", date(2023, 3, 31))
    assert Session(repo, date(2023, 4, 30)).first_period() == Period(2566, "half", date(2023, 4, 30))
    assert Session(repo, date(2023, 5, 1)).first_period() == Period(2566, "full", date(2023, 5, 1))
    assert Session(repo, date(2026, 11, 28)).first_period() == Period(2566, "full", date(2026, 11, 28))


def test_first_period_of_an_empty_data_directory(tmp_path) -> None:
    from itacheck.store.repository import Repository

    assert Session(Repository(tmp_path, user="x"), date(2023, 3, 31)).first_period() is None


@pytest.mark.parametrize("text", ["๒๕ มีนาคม ๒๕๖๖", "25 มี.ค. 66", "25/3/2566", "2023-03-25", "วันที่ ๒๕ มี.ค. ๖๖"])
def test_draft_reads_thai_dates(text) -> None:
    draft, errors = read_draft(text, "", "", "", False, date(2023, 3, 31), 2566)
    assert errors == {} and draft.done_on == date(2023, 3, 25)


def test_draft_collects_every_problem(tmp_path) -> None:
    draft, errors = read_draft("๓๑ เมษายน ๒๕๖๖", "x" * 100_000, "ftp://a", str(tmp_path / "nope"), False,
                               date(2023, 3, 31), 2566)
    assert draft is None and set(errors) == {"date", "note", "links", "files"}


def test_file_names_may_hold_spaces() -> None:
    assert split_files(" ~/a b.pdf ; /tmp/c.pdf;\n") == ["~/a b.pdf", "/tmp/c.pdf"]


def test_the_app_module_loads_no_pdf_code() -> None:
    """Start-up stays fast: the report module (fonts, shaping) is imported only when a PDF is written."""
    heavy = "('itacheck.report', 'fpdf', 'uharfbuzz', 'pythainlp')"
    code = f"import sys, itacheck.tui.app; print(sorted(m for m in sys.modules if m.startswith({heavy})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_draft_refuses_a_date_the_store_would_refuse() -> None:
    draft, errors = read_draft("1 ม.ค. 2568", "", "", "", False, date(2026, 11, 28), 2566)
    assert draft is None and "เกิน ๑ ปี" in errors["date"]
