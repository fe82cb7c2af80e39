"""Limits: a plan or a year can grow far beyond any real agency, but not without bound. Without
limits a plan of 100,000 measures was accepted, and then `status` took 8 s and the report 54 s.
Each refusal is one line, Thai then English, naming the limit; at the limit everything works."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

import pytest

from itacheck.domain.cadence import Cadence
from itacheck.domain.limits import (MAX_ATTACHMENTS_PER_RECORD, MAX_LINKS_PER_RECORD, MAX_MEASURES,
                                    MAX_RECORDS_PER_YEAR, MAX_TASKS_PER_MEASURE)
from itacheck.domain.model import Measure, Organisation, Plan, Record, Task
from itacheck.store.repository import Repository
from reliability_support import YEAR, assert_clean_failure, run_cli

QUARTERLY = Cadence("quarterly")


def _plan_text(measures: int, tasks: int) -> str:
    lines = ["format = 1", f"year = {YEAR}", "[organisation]", 'name = "อบต.ทดสอบ"']
    for m in range(measures):
        lines += ["[[measures]]", f'id = "m{m}"', 'tool = "EIT"', "indicator = 7", 'issue = "ประเด็น"']
        for t in range(tasks):
            lines += ["[[measures.tasks]]", f'id = "m{m}-t{t}"', 'text = "รายงาน"', 'cadence = "quarterly"']
    return "\n".join(lines) + "\n"


def _limit_named(message: str, limit: int, th: str, en: str) -> None:
    assert f"{limit:,}" in message and th in message and en in message, message
    assert message.index(th) < message.index(en)  # Thai first, then English
    assert len(message.strip().splitlines()) == 1


@pytest.mark.parametrize(("measures", "tasks", "th", "en", "limit"), [
    (MAX_MEASURES + 1, 1, "มาตรการในแผน", "measures in a plan", MAX_MEASURES),
    (1, MAX_TASKS_PER_MEASURE + 1, "งานของมาตรการ m0", "tasks in measure 'm0'", MAX_TASKS_PER_MEASURE),
])
def test_a_plan_over_a_limit_is_refused_by_plan_import(tmp_path: Path, measures, tasks, th, en, limit):
    plan = tmp_path / "plan.toml"
    plan.write_text(_plan_text(measures, tasks), encoding="utf-8")
    data = tmp_path / "data"
    done = run_cli("plan", "import", str(plan), data=data)
    assert_clean_failure(done, 2)
    _limit_named(done.stderr, limit, th, en)
    assert not (data / f"{YEAR}.json").exists()


def test_a_plan_at_the_limits_is_accepted_and_works(tmp_path: Path):
    plan = tmp_path / "plan.toml"
    plan.write_text(_plan_text(MAX_MEASURES, 1).replace('id = "m0-t0"', 'id = "m0-t0"\nresponsible = "กองคลัง"'),
                    encoding="utf-8")
    data = tmp_path / "data"
    assert run_cli("plan", "import", str(plan), data=data).returncode == 0
    wide = tmp_path / "wide.toml"
    wide.write_text(_plan_text(1, MAX_TASKS_PER_MEASURE).replace(f"year = {YEAR}", f"year = {YEAR + 1}"),
                    encoding="utf-8")
    assert run_cli("plan", "import", str(wide), data=data).returncode == 0
    done = run_cli("status", "--year", str(YEAR), "--json", data=data)
    assert done.returncode == 0 and len(json.loads(done.stdout)["measures"]) == MAX_MEASURES


def test_the_domain_refuses_100000_measures_on_every_path():
    """The repro's plan, built directly (as a year file or the editor would): refused by the model."""
    measures = tuple(Measure(f"m{i}", "EIT", 7, "", "ประเด็น", tasks=(Task(f"m{i}-t", "step", "ก", QUARTERLY),))
                     for i in range(100_000))
    with pytest.raises(ValueError, match=rf"at most {MAX_MEASURES} measures in a plan are allowed; this has 100,000"):
        Plan(YEAR, Organisation("อบต."), measures=measures)


def test_a_year_file_over_a_limit_is_not_restored(tmp_path: Path, data_dir: Path):
    """A year file brought in with `restore` meets the same limits as a plan file."""
    measures = tuple(Measure(f"m{i}", "EIT", 7, "", "ประเด็น") for i in range(MAX_MEASURES))
    big = Repository(tmp_path / "other", user="x")
    big.import_plan(Plan(YEAR, Organisation("อบต."), measures=measures))
    path = tmp_path / "other" / f"{YEAR}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["plan"]["1"]["measures"].append(dict(doc["plan"]["1"]["measures"][0], id="one-more"))
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = (data_dir / f"{YEAR}.json").read_bytes()
    done = run_cli("restore", str(path), data=data_dir)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert f"{MAX_MEASURES:,} measures" in done.stderr
    assert (data_dir / f"{YEAR}.json").read_bytes() == before


def test_links_and_attachments_per_record(data_dir: Path, tmp_path: Path):
    tick = ["tick", "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01"]
    links = [a for i in range(MAX_LINKS_PER_RECORD + 1) for a in ("--link", f"https://x.go.th/{i}")]
    done = run_cli(*tick, *links, data=data_dir)
    assert_clean_failure(done, 2)
    _limit_named(done.stderr, MAX_LINKS_PER_RECORD, "ลิงก์ของบันทึกหนึ่ง", "links in one record")
    files = []
    for i in range(MAX_ATTACHMENTS_PER_RECORD + 1):
        (tmp_path / f"e{i}.pdf").write_bytes(f"evidence {i}".encode())
        files += ["--file", str(tmp_path / f"e{i}.pdf")]
    done = run_cli(*tick, *files, data=data_dir)
    assert_clean_failure(done, 2)
    _limit_named(done.stderr, MAX_ATTACHMENTS_PER_RECORD, "ไฟล์แนบของบันทึกหนึ่ง", "attached files in one record")
    assert run_cli(*tick, *links[2:], *files[2:], data=data_dir).returncode == 0  # at the limits: fine


def test_a_year_holds_at_most_the_limit_of_records(tmp_path: Path):
    """A year one record short of the limit takes one more tick, then refuses the next, naming the
    limit and writing nothing."""
    data = tmp_path / "data"
    repo = Repository(data, user="tester")
    repo.load_sample()
    plan = repo.plan(YEAR)
    filler = [Record(uuid.uuid4().hex, "e7-r2", "2566-M01", date(2022, 10, 31), recorded_by="x")
              for _ in range(MAX_RECORDS_PER_YEAR - 1 - len(repo.records(YEAR)))]
    repo.import_plan(plan, filler)
    assert len(repo.records(YEAR)) == MAX_RECORDS_PER_YEAR - 1
    tick = ["tick", "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01"]
    assert run_cli(*tick, data=data).returncode == 0
    before = (data / f"{YEAR}.json").read_bytes()
    done = run_cli(*tick, data=data)
    assert_clean_failure(done, 2)
    assert f"{MAX_RECORDS_PER_YEAR:,}" in done.stderr and str(YEAR) in done.stderr
    assert (data / f"{YEAR}.json").read_bytes() == before


def test_a_plan_file_with_more_records_than_a_year_holds_is_refused(tmp_path: Path):
    plan = tmp_path / "plan.toml"
    record = '[[records]]\ntask = "m0-t0"\noccurrence = "2566-Q1"\ndone_on = 2022-10-01\n'
    plan.write_text(_plan_text(1, 1) + record * (MAX_RECORDS_PER_YEAR + 1), encoding="utf-8")
    done = run_cli("plan", "import", str(plan), data=tmp_path / "data")
    assert_clean_failure(done, 2)
    _limit_named(done.stderr, MAX_RECORDS_PER_YEAR, "บันทึกของปีหนึ่ง", "records in a year")
