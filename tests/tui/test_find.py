"""Finding the item: `/` narrows the tree and checklist as you type, a choice shows only what is
overdue, due this month or one unit's work, Esc shows everything again; j/k/g/G move."""

from __future__ import annotations

from textual.widgets import Input, Select

from itacheck.tui.widgets.checklist import Checklist
from test_typeahead import burst
from itacheck.tui.widgets.plan_tree import PlanTree


def _measures(tree: PlanTree) -> list[str]:
    return [str(leaf.data) for leaf in tree._leaves()]


async def test_slash_filters_as_you_type_and_esc_shows_everything(app, settle) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(PlanTree)
        assert _measures(tree) == ["oit10", "e6", "e7", "e9", "e10"]
        await pilot.press("slash")
        assert app.screen.query_one("#filter-words", Input).has_focus
        burst(app, "รองเรียน")  # typed as a terminal sends it; the tone mark left out, as officers often do
        await settle(pilot)
        assert _measures(tree) == ["e10"]
        await pilot.press("enter")
        assert app.screen.query_one(Checklist).has_focus
        task, _ = app.screen.query_one(Checklist).current
        assert task.task.id.startswith("e10-")
        await pilot.press("escape")
        await settle(pilot)
        assert _measures(tree) == ["oit10", "e6", "e7", "e9", "e10"]
        assert not app.screen.query_one("#filter-bar").display


async def test_overdue_only_leaves_the_overdue_periods(app, settle) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.screen.query_one("#filter-show", Select).value = "overdue"
        await settle(pilot)
        assert _measures(app.screen.query_one(PlanTree)) == ["e6", "e7", "e10"]
        checklist = app.screen.query_one(Checklist)
        shown = [checklist._items[o.id][1].status for o in checklist._options if o.id in checklist._items]
        assert shown and set(shown) == {"overdue"}
        units = [str(v) for _, v in app.screen.query_one("#filter-show", Select)._options]
        assert "unit:เจ้าหน้าที่ทุกภารกิจงาน" in units
        app.screen.query_one("#filter-show", Select).value = "unit:เจ้าหน้าที่ทุกภารกิจงาน"
        await settle(pilot)
        assert _measures(app.screen.query_one(PlanTree)) == ["e7"]


async def test_j_k_g_G_move_in_the_checklist_and_the_tree(app, settle) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(PlanTree)
        tree.focus()
        await pilot.press("G")
        await settle(pilot)
        assert tree.measure_id == "e10"
        await pilot.press("k", "k")
        await settle(pilot)
        assert tree.measure_id == "e7"
        checklist = app.screen.query_one(Checklist)
        checklist.focus()
        await pilot.press("G")
        last = checklist.highlighted
        await pilot.press("g")
        first = checklist.highlighted
        await pilot.press("j")
        assert first < checklist.highlighted <= last
