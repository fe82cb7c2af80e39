import sys
from datetime import date
from pathlib import Path

import pytest

from itacheck.locations import data_files_dir
from itacheck.store.codec import FormatError
from itacheck.store.planfile import parse_plan_document, plan_file_text, read_plan_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

SAMPLE = data_files_dir() / "sample-2566.toml"


def test_export_then_import_round_trips_the_sample_plan_without_loss(tmp_path: Path):
    plan, records = read_plan_file(SAMPLE)
    out = tmp_path / "plan.toml"
    out.write_text(plan_file_text(plan, records), encoding="utf-8")
    again, again_records = read_plan_file(out)
    assert again == plan
    assert again_records == records
    # and a second trip gives the same text
    assert plan_file_text(again, again_records) == out.read_text(encoding="utf-8")


def test_exported_file_is_readable_by_a_person(tmp_path: Path):
    plan, records = read_plan_file(SAMPLE)
    text = plan_file_text(plan, records)
    assert text.startswith("# itacheck plan file")
    assert "due = 2022-10-31" in text  # a TOML date, not a quoted string
    assert "องค์การบริหารส่วนตำบลเมืองน้อย" in text  # UTF-8, not escaped


def test_importing_the_same_file_twice_gives_the_same_record_ids():
    assert read_plan_file(SAMPLE)[1] == read_plan_file(SAMPLE)[1]


BASE = """
format = 1
year = 2566
[organisation]
name = "อบต.ทดสอบ"
[[measures]]
id = "m1"
tool = "EIT"
indicator = 7
issue = "ประเด็น"
[[measures.tasks]]
id = "t1"
text = "รายงานไตรมาสละ ๑ ครั้ง"
cadence = "quarterly"
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("[[records]]\ntask = \"nope\"\noccurrence = \"once\"\ndone_on = 2022-10-01\n", "no task 'nope'"),
        ("[[records]]\ntask = \"t1\"\noccurrence = \"2566-M01\"\ndone_on = 2022-10-01\n", "valid: 2566-Q1"),
        ("[[records]]\ntask = \"t1\"\noccurrence = \"2566-Q1\"\ndone_on = \"31/02/2566\"\n", "expected a date"),
    ],
)
def test_bad_records_are_refused_with_a_message_saying_where(tmp_path: Path, extra, message):
    f = tmp_path / "p.toml"
    f.write_text(BASE + extra, encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        read_plan_file(f)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("year = 2566", "year = 2023", "Buddhist-Era"),
        ("tool = \"EIT\"", "tool = \"XIT\"", "IIT, EIT or OIT"),
        ("indicator = 7", "indicator = 11", "1–10"),
        ("cadence = \"quarterly\"", "cadence = \"fortnightly\"", "unknown cadence kind"),
        ("id = \"t1\"", "id = \"m1\"", "used twice"),
        ("format = 1", "format = 9", "not supported"),
    ],
)
def test_bad_plans_are_refused_with_a_clear_message(tmp_path: Path, old, new, message):
    f = tmp_path / "p.toml"
    f.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        read_plan_file(f)


def test_not_toml_and_not_utf8_are_refused(tmp_path: Path):
    f = tmp_path / "p.toml"
    f.write_text("year = [", encoding="utf-8")
    with pytest.raises(FormatError, match="not a valid TOML"):
        read_plan_file(f)
    f.write_bytes(BASE.encode("tis-620", errors="replace"))
    with pytest.raises(FormatError, match="not UTF-8"):
        read_plan_file(f)


def test_a_minimal_plan_parses():
    plan, records = parse_plan_document(tomllib.loads(BASE))
    assert plan.task("t1").cadence.kind == "quarterly"
    assert plan.task("t1").role == "step"
    assert records == ()
    assert plan.occurrence("t1", "2566-Q3").due == date(2023, 6, 30)


def test_indicator_names_come_from_the_ita_catalogue_and_tools_are_checked(tmp_path: Path):
    plan, _ = parse_plan_document(tomllib.loads(BASE))
    assert plan.measures[0].indicator_name == "ประสิทธิภาพการสื่อสาร"
    with pytest.raises(FormatError, match="belongs to EIT, not OIT"):
        parse_plan_document(tomllib.loads(BASE.replace('tool = "EIT"', 'tool = "OIT"')))


def test_catalogue_covers_2566_to_2568_with_ten_indicators():
    from itacheck.store.catalogue_file import bundled_catalogues, catalogue_for

    catalogues = bundled_catalogues()
    assert sorted(catalogues) == [2566, 2567, 2568]
    for c in catalogues.values():
        assert [t.code for t in c.tools] == ["IIT", "EIT", "OIT"]
        assert [i.number for i in c.indicators] == list(range(1, 11))
    assert catalogue_for(2566).item("E6").indicator == 7
    assert catalogue_for(2570).year == 2568
    assert catalogue_for(2566).verified and not catalogue_for(2568).verified


def test_a_task_without_cadence_takes_the_one_its_thai_wording_names():
    plan, _ = parse_plan_document(tomllib.loads(BASE.replace('cadence = "quarterly"\n', "")))
    assert plan.task("t1").cadence.kind == "quarterly"  # "รายงานไตรมาสละ ๑ ครั้ง"
    text = BASE.replace('cadence = "quarterly"\n', "").replace("รายงานไตรมาสละ ๑ ครั้ง", "รายงานผู้บริหาร")
    with pytest.raises(FormatError, match="no cadence given"):
        parse_plan_document(tomllib.loads(text))
