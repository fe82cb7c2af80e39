"""The editor's operations on a plan, one by one."""

from __future__ import annotations

from datetime import date

import pytest

from itacheck.domain.cadence import Cadence
from itacheck.domain.model import Measure, Task
from itacheck.domain.plan_edit import (move, new_measure_id, next_task_id, put_measure, put_task, remove_measure,
                                       remove_task)
from itacheck.locations import data_files_dir
from itacheck.store.planfile import read_plan_file


@pytest.fixture
def plan():
    return read_plan_file(data_files_dir() / "sample-2566.toml")[0]


def test_new_task_ids_follow_the_measures_numbering_and_are_never_reused(plan):
    assert next_task_id(plan, "e6", "step") == "e6-s4"
    assert next_task_id(plan, "e6", "reporting") == "e6-r3"
    assert next_task_id(remove_task(plan, "e6-s3"), "e6", "step", taken={"e6-s3"}) == "e6-s4"
    assert next_task_id(plan, "new", "step") == "new-s1"


def test_new_measure_ids_come_from_the_code_or_the_indicator_and_stay_unique(plan):
    assert new_measure_id(plan, "e8", "EIT", 7) == "e8"
    assert new_measure_id(plan, "e6", "EIT", 7) == "e6-2"
    assert new_measure_id(plan, "", "OIT", 10) == "oit10-2"
    assert new_measure_id(plan, "", "IIT", 1) == "iit1"


def test_a_new_step_goes_after_the_last_step_and_a_reporting_item_at_the_end(plan):
    step = Task("e6-s4", "step", "ขั้นตอนใหม่", Cadence("monthly"))
    report = Task("e6-r3", "reporting", "รายงานใหม่", Cadence("quarterly"))
    edited = put_task(put_task(plan, "e6", step), "e6", report)
    assert [t.id for t in edited.measures[1].tasks] == ["e6-s1", "e6-s2", "e6-s3", "e6-s4", "e6-r1", "e6-r2", "e6-r3"]
    changed = put_task(edited, "e6", Task("e6-s4", "step", "แก้แล้ว", Cadence("once", due=date(2023, 3, 31))))
    assert changed.task("e6-s4").text == "แก้แล้ว" and len(changed.tasks()) == len(edited.tasks())


def test_moving_stays_within_the_role_and_the_list(plan):
    assert [t.id for t in move(plan, "e6-s2", -1).measures[1].tasks][:3] == ["e6-s2", "e6-s1", "e6-s3"]
    assert move(plan, "e6-s3", +1) == plan  # the next task is a reporting item: steps stay first
    assert move(plan, "e6-s1", -1) == plan
    assert [m.id for m in move(plan, "e9", -1).measures] == ["oit10", "e6", "e9", "e7", "e10"]
    assert move(plan, "oit10", -1) == plan


def test_measures_are_replaced_in_place_added_at_the_end_and_removed(plan):
    e6 = plan.measures[1]
    renamed = put_measure(plan, Measure(**{**e6.__dict__, "issue": "ใหม่"}))
    assert [m.id for m in renamed.measures] == [m.id for m in plan.measures] and renamed.measures[1].issue == "ใหม่"
    added = put_measure(plan, Measure("iit1", "IIT", 1, "การปฏิบัติหน้าที่", "ประเด็นใหม่"))
    assert added.measures[-1].id == "iit1"
    assert [m.id for m in remove_measure(added, "e7").measures] == ["oit10", "e6", "e9", "e10", "iit1"]


def test_short_labels_leave_out_the_words_every_survey_question_shares(plan):
    """Repro: at 80 columns e7, e9 and e10 all read `หน่วยงานที่ท่าน…` in the tree."""
    from dataclasses import replace

    from itacheck.domain.model import short_label

    labels = {m.id: short_label(m) for m in plan.measures}
    assert labels["e7"].startswith("เผยแพร่ผลงาน") and labels["e9"].startswith("ชี้แจงและตอบคำถาม")
    assert labels["e10"].startswith("ช่องทางให้ผู้มาติดต่อร้องเรียน")
    assert len({label[:12] for label in labels.values()}) == len(labels)
    assert short_label(replace(plan.measures[2], label="ประชาสัมพันธ์ผลงาน")) == "ประชาสัมพันธ์ผลงาน"


def test_a_label_survives_the_plan_file(plan, tmp_path):
    from dataclasses import replace

    from itacheck.store.planfile import plan_file_text, read_plan_file

    labelled = replace(plan, measures=(replace(plan.measures[0], label="มาตรการภายใน"), *plan.measures[1:]))
    path = tmp_path / "plan.toml"
    path.write_text(plan_file_text(labelled, ()), encoding="utf-8")
    assert read_plan_file(path)[0].measures[0].label == "มาตรการภายใน"


def test_copying_a_plan_says_what_to_review(plan):
    from itacheck.domain.catalogue import Catalogue, Indicator, Item, Tool
    from itacheck.domain.model import plan_for_year
    from itacheck.domain.plan_edit import copy_review

    catalogue = Catalogue(2567, (Tool("EIT", "x"), Tool("OIT", "y")),
                          (Indicator(7, "EIT", "ประสิทธิภาพการสื่อสาร"), Indicator(10, "OIT", "การป้องกันการทุจริต")),
                          (Item("e6", 7, "…"), Item("e7", 7, "…"), Item("e9", 7, "…")))
    review = copy_review(plan_for_year(plan, 2567), catalogue)
    once = [t.id for t in plan.tasks() if t.cadence.kind == "once"]
    assert review[0].startswith(f"งานครั้งเดียว {len(once)} รายการ") and all(i in review[0] for i in once)
    assert [p for p in review if "e10" in p and "item code e10" in p]  # renumbered: not in the new list
    assert not [p for p in review if p.startswith(("e6:", "e7:", "e9:", "oit10:"))]
