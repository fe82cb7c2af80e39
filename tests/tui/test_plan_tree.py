"""The plan tree: on a live refresh and on a language switch the progress of a measure, its
indicator and its ITA tool follow the records, on screen, while the nodes (and the cursor) stay;
its lines are measured as they are drawn, never wider than the tree."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest
from rich.style import Style
from screen_text import screen_rows

from itacheck.store.repository import Repository
from itacheck.thai import to_thai_digits
from itacheck.tui.widgets.plan_tree import PlanTree


def progress(tree: PlanTree, data: str) -> str:
    """The "done/expected" of the node holding ``data``, as its label says."""
    node = next(n for n in tree._tree_nodes.values() if n.data == data)
    return str(node.label).split(" ")[1]


def plus_one(fraction: str) -> str:
    done, total = fraction.split("/")
    arabic = "".join(str("๐๑๒๓๔๕๖๗๘๙".index(c)) for c in done)
    return f"{to_thai_digits(str(int(arabic) + 1))}/{total}"


async def test_another_process_s_record_updates_the_measure_its_indicator_and_its_tool(app, repo, settle) -> None:
    """Repro: a colleague records an occurrence of e10 in another process; within a few polls
    the tree's line for e10 on screen, and the labels of its indicator and of EIT, count one
    more done, with the same nodes and the cursor still on e10."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e10", "e10-s2", "2566-M03")
        await settle(pilot)
        tree = app.screen.query_one(PlanTree)
        indicator = next(n.parent.data for n in tree._leaves() if n.data == "e10")
        before = {data: progress(tree, data) for data in ("e10", indicator, "tool:EIT")}
        nodes = dict(tree._tree_nodes)
        Repository(repo.data_dir, user="colleague").add_record(2566, "e10-s2", "2566-M03", date(2023, 3, 1))
        for _ in range(50):
            await asyncio.sleep(0.1)
            await settle(pilot)
            if progress(tree, "e10") != before["e10"]:
                break
        assert {data: progress(tree, data) for data in before} == {data: plus_one(p) for data, p in before.items()}
        rows = ["".join(row) for row in screen_rows(app)]
        assert any(f"{plus_one(before['e10'])} e10 " in row for row in rows), rows
        assert tree._tree_nodes == nodes and tree.measure_id == "e10"


async def test_the_tree_speaks_the_language_chosen(app, settle) -> None:
    """`l` relabels every node, on screen too: an indicator reads "ตัวชี้วัดที่ ๒" in Thai and
    "indicator 2" in English, counts in the language's digits."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(PlanTree)

        def words() -> list[list[str]]:
            return [str(n.label).split(" ")[1:4] for n in tree._tree_nodes.values()
                    if n.data and n.data.startswith("indicator:")]

        assert words() and all(w[1] == "ตัวชี้วัดที่" and w[2][0] in "๐๑๒๓๔๕๖๗๘๙" for w in words())
        await pilot.press("l")
        await settle(pilot)
        assert all(w[1] == "indicator" and w[2].isascii() and w[0].isascii() for w in words())
        tree_rows = ["".join(row[:40]) for row in screen_rows(app)]
        assert any(" indicator " in row for row in tree_rows) and not any("ตัวชี้วัดที่" in row for row in tree_rows)


@pytest.mark.parametrize("size", [(80, 24), (200, 40)])
async def test_each_label_is_measured_as_drawn_and_no_line_is_wider_than_the_tree(app, settle, size) -> None:
    """Textual sizes the tree by measuring every line; the measure skips drawing the label. A
    label that fits is measured at its drawn width; one cut with an ellipsis at the room left
    for it, which the drawn one never exceeds. Repro: compare the measure with the drawing for
    every node, at 80 columns (most labels cut) and 200."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(PlanTree)
        for y in range(tree.last_line + 1):
            node = tree.get_node_at_line(y)
            drawn = tree.render_label(node, Style(), Style()).cell_len
            measured, room = tree.get_label_width(node), tree._room(node)
            assert measured == drawn or drawn <= measured == room, (node.label, drawn, measured, room)
        assert tree.virtual_size.width <= tree.scrollable_content_region.width
