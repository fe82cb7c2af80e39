"""Task and measure ids are short ASCII slugs, unique within a plan (whatever their case). Records,
`tick TASK_ID` and reports point at them, so an empty id, an invisible character or two ids that
differ only in case would make a task impossible to name or easy to confuse. The domain model
refuses them on every path (plan file, year file, editor); the plan-file reader says on which line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itacheck.domain.cadence import Cadence
from itacheck.domain.model import InvalidId, Measure, Plan, Organisation, Task
from itacheck.store.codec import FormatError
from itacheck.store.planfile import read_plan_file
from itacheck.cli import main

QUARTERLY = Cadence("quarterly")

PLAN = """\
format = 1
year = 2566

[organisation]
name = "อบต.ทดสอบ"

[[measures]]
id = "oit10"
tool = "OIT"
indicator = 10
issue = "ประเด็น"

[[measures.tasks]]
id = "oit10-s1"
text = "รายงานไตรมาสละ ๑ ครั้ง"
cadence = "quarterly"

[[measures.tasks]]
id = {second!s}
text = "รายงานผู้บริหาร"
cadence = "quarterly"
"""
SECOND_LINE = 19  # the line of the second task's id above


@pytest.mark.parametrize("good", ["e6-r1", "oit10-s1", "A", "9", "m.1_2-x", "x" * 40])
def test_short_ascii_slugs_are_ids(good: str):
    assert Task(good, "step", "ก", QUARTERLY).id == good


@pytest.mark.parametrize("bad", ["", "oit10-s1\u200b", "-x", ".x", "x" * 41, "e6 r1", "e6/r1", "ก1", "e6\u00a0",
                                 "e\u0301", "\uff45\uff16", "x\n", "é"])
def test_anything_else_is_refused_by_the_domain_model(bad: str):
    with pytest.raises(InvalidId, match=r"\(task id .* not a valid id"):
        Task(bad, "step", "ก", QUARTERLY)
    with pytest.raises(InvalidId, match=r"\(measure id"):
        Measure(bad, "OIT", 10, "", "ประเด็น")


@pytest.mark.parametrize("task_ids", [("oit10-s1", "oit10-s1"), ("oit10-s1", "OIT10-S1"), ("OIT10",)])
def test_ids_are_unique_within_a_plan_whatever_their_case(task_ids: tuple[str, ...]):
    """Measures and tasks together: a task may not take its measure's id either."""
    tasks = tuple(Task(i, "step", "ก", QUARTERLY) for i in task_ids)
    with pytest.raises(InvalidId, match="used twice"):
        Plan(2566, Organisation("อบต."), measures=(Measure("oit10", "OIT", 10, "", "ประเด็น", tasks=tasks),))


@pytest.mark.parametrize("second", ['""', '"oit10-s1\\u200b"', '"oit10-s1\u200b"', '"OIT10-S1"', "'oit10-s1'",
                                    '"oit10"', '"bad id"'])
def test_a_plan_file_with_a_bad_id_is_refused_naming_its_line(tmp_path: Path, capsys, second: str):
    """Repro: a plan file with a task id "" and one "oit10-s1\\u200b" beside "oit10-s1" was imported."""
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN.format(second=second), encoding="utf-8")
    with pytest.raises(FormatError, match=rf"{plan} บรรทัด {SECOND_LINE} \(line {SECOND_LINE}\): "):
        read_plan_file(plan)
    data = tmp_path / "data"
    assert main(["--data", str(data), "plan", "import", str(plan)]) == 2
    err = capsys.readouterr().err
    assert f"line {SECOND_LINE}" in err and len(err.strip().splitlines()) == 1
    assert not (data / "2566.json").exists()


def test_the_first_id_that_breaks_the_rules_is_the_one_named(tmp_path: Path):
    plan = tmp_path / "plan.toml"
    text = PLAN.format(second='"ok-2"').replace('id = "oit10-s1"', 'id = "oit10 s1"')
    plan.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError, match=r"บรรทัด 14 \(line 14\).*'oit10 s1'"):
        read_plan_file(plan)


def test_a_year_file_with_a_bad_id_is_refused_as_damaged(repo, capsys):
    """The same rules hold for a year file written by hand (or by another program)."""
    path = repo.data_dir / "2566.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["plan"]["1"]["measures"][0]["tasks"][1]["id"] = "oit10-s1\u200b"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["--data", str(repo.data_dir), "status"]) == 1
    err = capsys.readouterr().err
    assert "2566.json" in err and "oit10-s1\\u200b" in err
