"""`itacheck due`: the dashboard's lines for a login script or a cron mail, silent when all is well,
exit 1 when something is overdue."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from cli_run import run

from itacheck.domain.attention import attention
from itacheck.domain.fiscal import fiscal_round
from itacheck.domain.status import plan_status
from itacheck.labels import attention_line
from itacheck.store.repository import Repository
from itacheck.thaitext.cells import cell_width


def test_one_line_per_task_as_the_dashboard_says_it_and_exit_1_when_overdue(data, capsys):
    """Repro: nothing told an officer at login what was owed. On the sample's half-year deadline,
    `due` lists each task once per kind (overdue, then due soon) in the dashboard's words."""
    code, out, err = run(capsys, "due", "--as-of", "2023-03-31")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == "itacheck: ปีงบประมาณ ๒๕๖๖ ณ ๓๑ มี.ค. ๖๖: เกินกำหนด ๕ งาน ครบกำหนดใน ๑๔ วัน ๘ งาน"
    plan = Repository(data).plan(2566)
    status = plan_status(plan, Repository(data).records(2566), fiscal_round(2566, "full"), date(2023, 3, 31))
    overdue, soon = attention(status, 14)
    assert len(lines) == 1 + len(overdue) + len(soon) == 14
    for line, item in zip(lines[1:], [*overdue, *soon]):
        assert line.startswith(f"{attention_line(item)} · ")
    assert lines[2].startswith("e7 ขั้นตอน ๑ · ! เกินกำหนด ๔ เดือน (พ.ย. ๖๕ – ก.พ. ๖๖) · เจ้าหน้าที่ทุกภารกิจ")
    assert all(cell_width(line) <= 80 for line in lines)  # piped: 80 columns


def test_nothing_printed_and_exit_0_when_all_is_well(data, capsys):
    assert run(capsys, "due", "--as-of", "2022-10-02") == (0, "", "")


def test_only_due_soon_prints_the_lines_but_exits_0(data, capsys):
    """Exit 1 means overdue: a reminder of what falls due next week is not a failure."""
    code, out, _ = run(capsys, "due", "--as-of", "2022-10-20")
    assert code == 0
    assert "เกินกำหนด ๐ งาน" in out.splitlines()[0]
    assert len(out.splitlines()) > 1 and "!" not in out


def test_days_sets_how_far_ahead_and_english_follows_lang(data, capsys):
    code, out, _ = run(capsys, "due", "--as-of", "2023-03-20", "--days", "0", "--lang", "en")
    assert code == 1
    assert out.splitlines()[0] == "itacheck, FY 2566, 20 Mar 2023: 5 overdue, 0 due within 0 days"
    assert "due soon" not in out and "e7 step 1 · ! overdue 4 months (Nov 2022 – Feb 2023)" in out
    _, wider, _ = run(capsys, "due", "--as-of", "2023-03-20", "--days", "๑๔", "--lang", "en")
    assert "due soon" in wider


@pytest.mark.parametrize("days", ["-1", "abc", "400"])
def test_bad_days_is_bad_input(data, capsys, days):
    code, out, err = run(capsys, "due", "--days", days)
    assert code == 2 and out == ""
    assert "days must be a number from 0 to 366" in err and "Traceback" not in err


def test_as_cron_runs_it_silent_and_0_or_mail_and_1(data):
    """The real command with cron's bare environment (C locale, output piped): UTF-8 Thai out,
    and the exit codes a script tests."""
    env = {"PATH": os.environ["PATH"], "LANG": "C", "ITACHECK_DATA": str(data), "HOME": str(data.parent)}
    quiet = subprocess.run([sys.executable, "-m", "itacheck", "due", "--as-of", "2022-10-02"],
                           capture_output=True, env=env)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, b"", b"")
    owed = subprocess.run([sys.executable, "-m", "itacheck", "due", "--as-of", "2023-03-31"],
                          capture_output=True, env=env)
    assert owed.returncode == 1 and owed.stderr == b""
    assert owed.stdout.decode("utf-8").startswith("itacheck: ปีงบประมาณ ๒๕๖๖")
