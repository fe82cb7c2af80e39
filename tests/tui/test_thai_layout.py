"""Thai on screen at 80×24: every line ends between words and nothing cuts a letter from its marks.

Rich and Textual wrap only at spaces and fold a Thai run at the last column (``…การติดต่อห`` /
``น่วยงาน…``), and cut text by cells, so a vowel or tone mark after the cut was lost (``ติ`` shown
as ``ต``). The screen text is read back from the compositor and judged with the app's segmenter."""

from __future__ import annotations

from datetime import date

import pytest
from rich.segment import Segment
from screen_text import region_lines, screen_rows, widget_problems
from thai_lines import words_broken
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable, Label, OptionList, Static, TextArea, Tree
from textual.widgets._toast import Toast

from itacheck.thaitext.cells import cell_width, clusters
from itacheck.tui.app import make_app
from itacheck.tui.session import Period
from itacheck.tui.widgets.checklist import Checklist
from itacheck.tui.widgets.plan_tree import PlanTree

SIZE = (80, 24)
TEXT_WIDGETS = (Static, Label, OptionList, DataTable, Tree)


def _shown(app) -> list:
    """The widgets holding text on the screen (and the dialog's), toasts included."""
    screen = app.screen
    widgets = [w for w in screen.query("*") if isinstance(w, TEXT_WIDGETS) and w.display and w.region.area]
    return widgets + list(screen.query(Toast))


@pytest.mark.parametrize("lang", ["th", "en"])
async def test_no_line_of_the_main_screen_ends_inside_a_thai_word(repo, today, settle, lang) -> None:
    """Every measure, and every item of its checklist with its evidence, at 80×24: for each task
    one period with records and one without (the other periods show the same texts)."""
    app = make_app(repo, lang=lang, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        problems = []
        for measure in app.snapshot.status.measures:
            app.screen.query_one(PlanTree).select_measure(measure.measure.id)
            await settle(pilot)
            problems += widget_problems(app, _shown(app))
            for task in measure.tasks:
                recorded = [occ for occ in task.occurrences if occ.records][:1]
                for occ in recorded + [occ for occ in task.occurrences if not occ.records][:1]:
                    app.screen.query_one(Checklist).select_occurrence(task.task.id, occ.occurrence.key)
                    await settle(pilot)
                    problems += widget_problems(app, _shown(app))
                    for box in app.screen.query("#measure-box, #evidence-box"):  # what scrolling shows
                        box.scroll_end(animate=False, immediate=True)
                    await settle(pilot)
                    problems += widget_problems(app, _shown(app))
        assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", ["th", "en"])
async def test_no_line_of_the_dashboard_ends_inside_a_thai_word(repo, today, settle, lang) -> None:
    app = make_app(repo, lang=lang, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert type(app.screen).__name__ == "DashboardScreen"
        assert widget_problems(app, _shown(app)) == []


@pytest.mark.parametrize("lang", ["th", "en"])
async def test_no_line_of_the_evidence_form_ends_inside_a_thai_word(repo, today, settle, lang) -> None:
    app = make_app(repo, lang=lang, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        open_items = [(m.measure.id, task.task.id, occ.occurrence.key) for m in app.snapshot.status.measures
                      for task in m.tasks for occ in task.occurrences if not occ.records]
        firsts = {measure_id: (measure_id, task_id, key) for measure_id, task_id, key in reversed(open_items)}
        for measure_id, task_id, key in firsts.values():  # the first open item of each measure
            app.screen.jump_to(measure_id, task_id, key)
            await settle(pilot)
            await pilot.press("e")
            await settle(pilot)
            assert type(app.screen).__name__ == "EvidenceForm"
            title = app.screen.query_one("#form-title", Static)
            assert title.region.height >= 2
            assert widget_problems(app, _shown(app)) == []
            await pilot.press("escape")
            await settle(pilot)


@pytest.mark.parametrize("lang", ["th", "en"])
async def test_toasts_wrap_between_words_and_cut_nothing_under_them(repo, today, settle, lang) -> None:
    """A toast over the evidence pane: its own lines end between words, and the text left of its
    edge keeps its marks (it showed ``ผู้บริหารกำกับเจ▌``, the ้ of เจ้า lost)."""
    app = make_app(repo, lang=lang, today=today)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.screen.jump_to("e6", "e6-r2", "2566-M06")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        for _ in range(50):  # the toast is mounted a moment after the notification
            if app.screen.query(Toast):
                break
            await pilot.pause(0.01)
        [toast] = app.screen.query(Toast)
        assert widget_problems(app, [toast]) == []
        region, shown = toast.region, screen_rows(app)
        app.clear_notifications()
        while app.screen.query(Toast):
            await pilot.pause(0.01)
        under = screen_rows(app)
        left = Region(0, region.y, region.x, region.height)
        assert region_lines(shown, left) == region_lines(under, left)


async def test_tree_labels_are_cut_between_clusters_with_an_ellipsis(repo, today, settle) -> None:
    """The tree showed ``หน่วยงานที่ท่านต▕``: ติ without its ิ, and no sign the label went on."""
    app = make_app(repo, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(PlanTree)
        rows = region_lines(screen_rows(app), tree.content_region)
        labels = [tree.get_node_at_line(y).label.plain for y in range(tree.last_line + 1)]
        assert len(labels) >= 8
        for row, label in zip(rows, labels):
            shown = row.rstrip()
            start = shown.index(label[:3])
            shown = shown[start:]
            if shown != label:
                assert shown.endswith("…"), shown
                kept = shown[:-1]
                assert label.startswith(kept) and "".join(clusters(kept)) == kept
                assert clusters(label)[len(clusters(kept))] == clusters(label[len(kept):])[0], shown


def test_a_crop_keeps_the_marks_of_the_last_letter() -> None:
    import itacheck.tui  # noqa: F401  (teaches Rich and Textual to cut between clusters)

    assert Strip([Segment("abต่ติx")]).crop(0, 4).text == "abต่ติ"
    assert Strip([Segment("abต่ติx")]).crop(4, 5).text == "x"


@pytest.mark.parametrize("width", range(3, 9))
def test_an_ellipsis_never_separates_a_letter_from_sara_am(width: int) -> None:
    import itacheck.tui  # noqa: F401

    out = Content("ประจำปีเจ้าหน้าที่").truncate(width, ellipsis=True)
    assert out.cell_length == width
    kept = out.plain.rstrip().removesuffix("…")
    assert "ประจำปีเจ้าหน้าที่".startswith(kept)
    assert not kept.endswith(("จ", "เ", "เจ้")), out.plain


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("screen", ["main", "d", "r"])
async def test_headers_keep_dates_whole(repo, settle, lang, screen) -> None:
    """The annual round's header broke ``(๑ ต.ค. ๖๕ – ๓๐ ก.ย.`` / `` ๖๖)`` at 80 columns."""
    app = make_app(repo, lang=lang, today=date(2023, 9, 30))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_period(Period(2566, "full", date(2023, 9, 30)))
        await settle(pilot)
        if screen != "main":
            await pilot.press(screen)
            await settle(pilot)
        headers = [w for w in app.screen.query("#period-bar, .screen-title")]
        assert headers and all(w.region.height == 2 for w in headers)  # a header that wraps
        assert widget_problems(app, headers) == []


@pytest.mark.parametrize(("lang", "size"), [("th", SIZE), ("en", (60, 18))], ids=["th-80x24", "en-60x18"])
async def test_welcome_import_review_and_editor_screens_break_between_words(tmp_path, repo, today, settle,
                                                                           lang, size) -> None:
    import sys
    from pathlib import Path

    from textual.widgets import TextArea

    from itacheck.locations import data_files_dir
    from itacheck.store.planfile import read_plan_file
    from itacheck.store.repository import Repository

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan_import"))
    from test_reference_report import pasted_table

    problems = []
    app = make_app(Repository(tmp_path / "new", user="tester"), lang=lang, today=today)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "WelcomeScreen"
        problems += widget_problems(app, _shown(app))
        await pilot.press("down", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ImportScreen"
        problems += widget_problems(app, _shown(app))
        sample = read_plan_file(data_files_dir() / "sample-2566.toml")[0]
        app.screen.query_one("#import-paste", TextArea).text = pasted_table(sample)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        for _ in range(4):  # the detail pane below the list shows each task's text in full
            await pilot.press("down")
            await settle(pilot)
            problems += widget_problems(app, _shown(app))
    app = make_app(repo, lang=lang, today=today)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert type(app.screen).__name__ == "EditorScreen"
        problems += widget_problems(app, _shown(app))
        await pilot.press("y")  # copy to the next year: a long question in a dialog
        await settle(pilot)
        problems += widget_problems(app, _shown(app))
    assert problems == [], "\n".join(problems)


NOTE = ("ประชาสัมพันธ์ช่องทางการติดต่อหน่วยงานให้ประชาชนรับทราบอย่างสม่ำเสมอผ่านเว็บไซต์และเพจเฟซบุ๊ก"
        "ของหน่วยงานทุกเดือน โดยผู้บริหารกำกับติดตามผลการดำเนินงานอย่างต่อเนื่อง")


async def test_a_thai_note_being_typed_wraps_between_words(repo, today, settle) -> None:
    """Textual's TextArea wraps at spaces only: a long Thai note typed in the evidence form broke
    ``…การติดต่อห`` / ``น่วยงาน…`` in the field itself. Its lines, as the field wraps them, end
    between words."""
    app = make_app(repo, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        measure_id, task_id, key = next((m.measure.id, task.task.id, occ.occurrence.key)
                                        for m in app.snapshot.status.measures for task in m.tasks
                                        for occ in task.occurrences if not occ.records)
        app.screen.jump_to(measure_id, task_id, key)
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        note = app.screen.query_one("#note", TextArea)
        note.text = NOTE
        await settle(pilot)
        width = note.wrap_width
        sections = note.wrapped_document.get_sections(0)
        assert len(sections) >= 2 and "".join(sections) == NOTE
        assert all(cell_width(s.rstrip()) <= width for s in sections)
        assert words_broken(sections, width) == []
        note.focus()
        note.move_cursor((0, 0))
        await pilot.press("down", "end", "x")  # the cursor moves along the wrapped lines
        await settle(pilot)
        assert note.text.replace("x", "", 1) == NOTE
        assert len(sections[0]) < note.text.index("x") <= len(sections[0]) + len(sections[1])
