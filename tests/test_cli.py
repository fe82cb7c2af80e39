import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run

from itacheck.cli import main
from itacheck.store.repository import Repository

HALF = ["status", "--year", "2566", "--round", "half", "--as-of", "2023-03-31"]


def test_status_json_has_the_documented_shape_and_numbers(data, capsys):
    code, out, _ = run(capsys, *HALF, "--json")
    assert code == 0
    s = json.loads(out)
    assert s["plan"] == {"org": "องค์การบริหารส่วนตำบลเมืองน้อย", "year": 2566}
    assert s["round"] == {"name": "half", "start": "2022-10-01", "end": "2023-03-31"}
    assert s["as_of"] == "2023-03-31"
    assert s["totals"] == {"occurrences": 49, "done": 21, "late": 0, "overdue": 20, "due_soon": 8, "open": 0,
                           "upcoming": 0, "skipped": 0, "percent_complete": 42.9}
    assert [m["id"] for m in s["measures"]] == ["oit10", "e6", "e7", "e9", "e10"]
    e9 = s["measures"][3]
    assert set(e9) >= {"id", "tool", "indicator", "code", "issue", "responsible", "tasks"}
    task = e9["tasks"][3]
    assert (task["id"], task["role"], task["cadence"]) == ("e9-r1", "reporting", "semiannual")
    assert task["occurrences"] == [{"key": "2566-H1", "start": "2022-10-01", "end": "2023-03-31",
                                    "due": "2023-04-30", "status": "done", "done_on": "2023-03-31"}]


def test_status_table_shows_the_same_totals_in_thai(data, capsys):
    code, out, _ = run(capsys, *HALF)
    assert code == 0
    assert "องค์การบริหารส่วนตำบลเมืองน้อย" in out and "รอบ ๖ เดือน" in out
    assert "รวม: ๒๑/๔๙  ๔๒.๙%  !๒๐ เกินกำหนด  •๘ ใกล้ครบกำหนด" in out
    for measure in ("[oit10]", "[e6]", "[e7]", "[e9]", "[e10]"):
        assert measure in out


def test_tick_with_a_thai_date_is_reflected_by_status(data, capsys):
    code, out, _ = run(capsys, "tick", "e6-r1", "--date", "๒๐ มี.ค. ๖๖", "--note", "รายงานแล้ว [bold]")
    assert code == 0 and "2566-Q2" in out
    _, out, _ = run(capsys, *HALF, "--json")
    e6 = json.loads(out)["measures"][1]
    assert e6["tasks"][3]["occurrences"][1] == {"key": "2566-Q2", "start": "2023-01-01", "end": "2023-03-31",
                                                "due": "2023-03-31", "status": "done", "done_on": "2023-03-20"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tick", "e6-r1", "--date", "๓๑ เมษายน ๒๕๖๖"], "April 2566 has 30 days"),
        (["tick", "e6-r1", "--date", "29 ก.พ. 2566"], "28"),
        (["tick", "e6-r1", "--date", "25/10/2022", "--occurrence", "2566-M01"], "no occurrence '2566-M01'"),
        (["tick", "nonexistent-task"], "no task 'nonexistent-task'"),
        (["tick", "e6-r1", "--link", "ftp://x"], "http"),
        (["status", "--year", "2599"], "no plan for fiscal year 2599"),
        (["status", "--round", "h3"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(data, capsys, argv, message):
    run(capsys, "plan", "list")
    before = (data / "2566.json").read_bytes()
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert (data / "2566.json").read_bytes() == before


def test_plan_export_import_and_copy(data, capsys, tmp_path: Path):
    out_file = tmp_path / "plan.toml"
    assert run(capsys, "plan", "export", "2566", "-o", str(out_file))[0] == 0
    other = tmp_path / "other"
    code, out, _ = run(capsys, "--data", str(other), "plan", "import", str(out_file))
    assert code == 0 and "26 tasks, 21 records" in out
    assert run(capsys, "--data", str(other), "plan", "copy", "2566", "2567")[0] == 0
    code, out, _ = run(capsys, "--data", str(other), "plan", "list")
    assert "2566  องค์การบริหารส่วนตำบลเมืองน้อย  5 measures, 26 tasks, 21 records" in out
    assert "2567  องค์การบริหารส่วนตำบลเมืองน้อย  5 measures, 26 tasks, 0 records" in out


def test_export_csv_and_json(data, capsys, tmp_path: Path):
    assert run(capsys, "export", "--format", "csv", "-o", str(tmp_path / "r.csv"))[0] == 0
    rows = (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("task,occurrence,done_on") and len(rows) == 22
    assert run(capsys, "export", "--format", "json", "-o", str(tmp_path / "r.json"))[0] == 0
    assert len(json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["records"]) == 21


def test_installed_command_runs_without_textual_for_status(tmp_path: Path):
    """`status` must not pay for importing Textual (lazy imports at the edge)."""
    code = ("import sys, runpy; sys.argv = ['itacheck', '--data', sys.argv[1], 'status', '--year', '2566', '--json'];"
            "from itacheck.cli import main; main(sys.argv[1:]) ;"
            "heavy = [m for m in ('textual', 'fpdf', 'httpx', 'docx', 'textual_serve', 'aiohttp') if m in sys.modules];"
            "assert not heavy, heavy")
    assert main(["--data", str(tmp_path / "d"), "init", "--sample"]) == 0
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "d")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_python_dash_m_itacheck_reports_a_corrupt_file_without_a_traceback(tmp_path: Path):
    (tmp_path / "2566.json").write_text("{not json", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "itacheck", "--data", str(tmp_path), "status"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "2566.json" in result.stderr and "itacheck restore" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "2566.json").read_text(encoding="utf-8") == "{not json"


def test_demo_opens_the_tui_on_a_throw_away_copy_on_the_sample_reports_day(monkeypatch, tmp_path: Path):
    import itacheck.tui.app as tui_app
    from datetime import date

    seen = {}

    class FakeApp:
        def run(self):  # the app is given the data directory and opens it itself
            opened = Repository(seen["data"])
            seen["years"] = opened.years()
            seen["dir"] = opened.data_dir

    def fake_make_app(data, *, lang, today):
        seen.update(data=data, lang=lang, today=today)
        return FakeApp()

    monkeypatch.setattr(tui_app, "make_app", fake_make_app)
    monkeypatch.setenv("ITACHECK_DATA", str(tmp_path / "real"))
    assert main(["demo", "--lang", "en"]) == 0
    assert seen["years"] == [2566] and seen["today"] == date(2023, 3, 31) and seen["lang"] == "en"
    assert not seen["dir"].exists()  # thrown away
    assert not (tmp_path / "real").exists()  # the real data directory untouched


def test_plan_copy_lists_what_to_review(data, capsys):
    code, out, _ = run(capsys, "plan", "copy", "2566", "2567")
    assert code == 0 and "to review" in out and "one-off deadlines moved a year on" in out
