"""A tick lands in the period it was done in, and a period that has its record is not ticked
twice by accident (`itacheck tick` without --occurrence)."""

from __future__ import annotations

from datetime import date
from pathlib import Path


from itacheck.cli import main
from itacheck.domain.cadence import Cadence, occurrence_on, occurrences_for
from itacheck.store.repository import Repository


def tick(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["tick", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def keys(data: Path, task: str) -> list[str]:
    return sorted(r.occurrence for r in Repository(data).records(2566) if r.task_id == task)


def test_the_same_day_written_three_ways_is_one_period_recorded_once(data, capsys):
    """Repro: `tick e7-r1 --date 2023-01-15`, then `--date 15/01/2566`, then `--date "15 มกราคม 66"`
    recorded November, December and January (each took "the earliest open occurrence"). The date
    chooses January; the second and third are refused, naming the record that is there and how to
    add another on purpose."""
    code, out, _ = tick(capsys, "e7-r1", "--date", "2023-01-15")
    assert code == 0
    assert "ม.ค. ๖๖" in out and "2566-M04" in out  # the period in words, and its key
    for spelling in ("15/01/2566", "15 มกราคม 66"):
        code, out, err = tick(capsys, "e7-r1", "--date", spelling)
        assert code == 2 and out == ""
        assert "ม.ค. ๖๖" in err and "๑๕ ม.ค. ๖๖" in err and "--occurrence 2566-M04" in err, err
    assert keys(data, "e7-r1") == ["2566-M01", "2566-M04"]


def test_a_date_in_a_period_already_done_is_refused_not_added_silently(data, capsys):
    """Repro: `tick e6-r2 --date "๒๕ ต.ค. ๖๕"` went into the October occurrence that was already done."""
    code, _, err = tick(capsys, "e6-r2", "--date", "๒๕ ต.ค. ๖๕")
    assert code == 2
    assert "ต.ค. ๖๕" in err and "2566-M01" in err
    assert keys(data, "e6-r2") == ["2566-M01"]
    code, out, _ = tick(capsys, "e6-r2", "--date", "๒๕ ต.ค. ๖๕", "--occurrence", "2566-M01", "--note", "อีกฉบับ")
    assert code == 0 and "2566-M01" in out
    assert keys(data, "e6-r2") == ["2566-M01", "2566-M01"]


def test_a_report_made_after_its_window_by_its_deadline_closes_that_window(data, capsys):
    """The half-year report is due in April for October–March: made on 20 April it closes H1 when
    H1 has no record yet; once H1 has one, April work belongs to the second half."""
    Repository(data).remove_record(2566, next(r.id for r in Repository(data).records(2566) if r.task_id == "e9-r1"))
    code, out, _ = tick(capsys, "e9-r1", "--date", "2023-04-20")
    assert code == 0 and "2566-H1" in out and "ครึ่งปีแรก" in out
    code, out, _ = tick(capsys, "e9-r1", "--date", "2023-04-21")
    assert code == 0 and "2566-H2" in out and "ครึ่งปีหลัง" in out


def test_a_date_in_no_period_names_the_periods_to_choose_from(data, capsys):
    code, _, err = tick(capsys, "e6-r1", "--date", "2023-10-15")
    assert code == 2
    assert "2566-Q1" in err and "--occurrence" in err
    assert keys(data, "e6-r1") == ["2566-Q1"]


def test_occurrence_on_follows_windows_and_deadlines():
    quarterly = occurrences_for(Cadence("quarterly"), 2566)
    assert occurrence_on(quarterly, date(2022, 12, 31)).key == "2566-Q1"
    assert occurrence_on(quarterly, date(2023, 1, 1)).key == "2566-Q2"
    assert occurrence_on(quarterly, date(2023, 9, 30)).key == "2566-Q4"
    assert occurrence_on(quarterly, date(2023, 10, 1)) is None
    assert occurrence_on(quarterly, date(2022, 9, 30)) is None
    half = occurrences_for(Cadence("semiannual", due_months=(4, 10)), 2566)
    assert occurrence_on(half, date(2023, 4, 30)).key == "2566-H1"
    assert occurrence_on(half, date(2023, 4, 30), recorded={"2566-H1"}).key == "2566-H2"
    assert occurrence_on(half, date(2023, 5, 1)).key == "2566-H2"
    assert occurrence_on(half, date(2023, 10, 31)).key == "2566-H2"  # the annual report, made in October
    assert occurrence_on(half, date(2023, 11, 1)) is None
    once = occurrences_for(Cadence("once", due=date(2022, 10, 31)), 2566)
    assert occurrence_on(once, date(2023, 3, 1)).key == "once"  # late, but the only one there is
