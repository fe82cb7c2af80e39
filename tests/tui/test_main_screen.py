"""The checklist as an officer uses it: open, tick, undo, switch round, live refresh."""

from __future__ import annotations

import asyncio
from datetime import date

from textual.widgets import OptionList, Static

from itacheck.store.repository import Repository
from itacheck.tui.app import make_app
from itacheck.tui.screens.main import MainScreen
from itacheck.tui.session import Period
from itacheck.tui.widgets.checklist import Checklist
from itacheck.tui.widgets.evidence_view import EvidenceView
from itacheck.tui.widgets.plan_tree import PlanTree

TODAY = date(2023, 3, 31)


def _records(repo: Repository, task_id: str, key: str):
    return [r for r in repo.records(2566) if (r.task_id, r.occurrence) == (task_id, key)]


def _text(widget: Static) -> str:
    return str(widget.render())


async def test_opens_on_the_current_round(app, settle) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.period == Period(2566, "half", TODAY)
        bar = _text(app.screen.query_one("#period-bar", Static))
        assert "ปีงบประมาณ ๒๕๖๖" in bar and "รอบ ๖ เดือน" in bar
        tree = app.screen.query_one(PlanTree)
        assert tree.measure_id == "oit10"
        checklist = app.screen.query_one(Checklist)
        assert checklist.current is not None
        prompts = [str(checklist.get_option_at_index(i).prompt) for i in range(checklist.option_count)]
        assert any("ไตรมาสละ ๑ ครั้ง" in p for p in prompts) is False  # oit10 has no quarterly task
        tree.select_measure("e6")
        await settle(pilot)
        prompts = [str(checklist.get_option_at_index(i).prompt) for i in range(checklist.option_count)]
        assert any("ไตรมาสละ ๑ ครั้ง" in p for p in prompts)
        assert any("• ใกล้ครบกำหนด" in p and "กำหนด ๓๑ มี.ค. ๖๖" in p for p in prompts)


async def test_an_old_plan_opens_on_its_full_year(repo, settle) -> None:
    app = make_app(repo, today=date(2026, 11, 28))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.period == Period(2566, "full", date(2026, 11, 28))


async def test_space_ticks_the_occurrence_today(app, repo, settle) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not _records(repo, "e6-r1", "2566-Q2")
        app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        await pilot.press("space")
        await settle(pilot)
        [record] = _records(repo, "e6-r1", "2566-Q2")
        assert record.done_on == TODAY and record.recorded_by == "tester"
        checklist = app.screen.query_one(Checklist)
        task, occ = checklist.current
        assert (task.task.id, occ.occurrence.key, occ.status) == ("e6-r1", "2566-Q2", "done")
        assert "✓ เสร็จตามกำหนด" in str(checklist.highlighted_option.prompt)
        # a second tick does not pile up a duplicate record
        await pilot.press("space")
        await settle(pilot)
        assert len(_records(repo, "e6-r1", "2566-Q2")) == 1


async def test_enter_ticks_and_u_undoes(app, repo, settle) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e7", "e7-s1", "2566-M02")
        await pilot.press("enter")
        await settle(pilot)
        assert len(_records(repo, "e7-s1", "2566-M02")) == 1
        await pilot.press("u")
        await settle(pilot)
        assert _records(repo, "e7-s1", "2566-M02") == []
        assert repo.audit(2566)[0].action == "undo"
        _, occ = app.screen.query_one(Checklist).current
        assert occ.status == "overdue"


async def test_switch_round_with_n_and_the_period_dialog(app, settle) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.period.round == "full"
        assert "รอบ ๑๒ เดือน" in _text(app.screen.query_one("#period-bar", Static))
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#round").value = "q2"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.period == Period(2566, "q2", TODAY)
        assert "ไตรมาสที่ ๒" in _text(app.screen.query_one("#period-bar", Static))


async def test_a_change_by_another_process_appears_and_keeps_the_cursor(app, repo, settle) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e10", "e10-s2", "2566-M03")
        await settle(pilot)
        other = Repository(repo.data_dir, user="colleague")
        other.add_record(2566, "e10-s2", "2566-M03", date(2023, 3, 1), note="ทำโดยเพื่อนร่วมงาน")
        for _ in range(50):
            await asyncio.sleep(0.1)
            await settle(pilot)
            task, occ = app.screen.query_one(Checklist).current
            if occ.records:
                break
        assert (task.task.id, occ.occurrence.key, occ.status) == ("e10-s2", "2566-M03", "late")
        assert "ทำโดยเพื่อนร่วมงาน" in _text(app.screen.query_one(EvidenceView))


async def test_user_text_is_never_markup(app, repo, settle) -> None:
    """Notes, links and file names with markup-like text are shown as typed and do not crash."""
    note = "[bold]x[/] [/] [link=http://a]y[/link] [@click=app.quit]z"
    repo.add_record(2566, "e9-s1", "once", date(2023, 3, 30), note=note)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e9", "e9-s1", "once")
        await settle(pilot)
        shown = _text(app.screen.query_one(EvidenceView))
        assert note in shown
        assert app.is_running


async def test_the_tree_shows_progress_and_a_mark(app, settle) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(PlanTree)
        labels = [str(node.label) for node in tree._leaves()]
        assert any(label.startswith("! ๕/๑๑ e6 ") for label in labels), labels
        assert any(label.startswith("✓ ๒/๒ oit10 ") for label in labels), labels


async def test_checklist_is_a_list_of_options(app, settle) -> None:
    async with app.run_test() as pilot:
        await settle(pilot)
        assert isinstance(app.screen.query_one(Checklist), OptionList)


async def test_plan_text_is_never_markup(repo, settle) -> None:
    """Measure and task texts come from plan files: brackets in them are shown as written."""
    from dataclasses import replace

    plan = repo.plan(2566)
    first = plan.measures[0]
    task = replace(first.tasks[0], text="ส่ง [bold]รายงาน[/] [/] [link=http://x]ที่นี่[/link]")
    measure = replace(first, issue="ประเด็น [red]สำคัญ[/red] [@click=app.quit]", responsible=("กอง[คลัง]",),
                      tasks=(task, *first.tasks[1:]))
    repo.import_plan(replace(plan, measures=(measure, *plan.measures[1:])))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        info = str(app.screen.query_one("#measure", Static).render())
        assert "ประเด็น [red]สำคัญ[/red] [@click=app.quit]" in info and "กอง[คลัง]" in info
        tree = app.screen.query_one(PlanTree)
        assert "[red]สำคัญ[/red]" in str(tree.cursor_node.label)
        checklist = app.screen.query_one(Checklist)
        assert "ส่ง [bold]รายงาน[/] [/] [link=http://x]ที่นี่[/link]" in str(checklist.get_option_at_index(0).prompt)
        assert app.is_running


async def test_a_busy_store_on_tick_is_explained_not_a_crash(app, repo, settle, monkeypatch) -> None:
    from itacheck.store.errors import StoreBusy

    said = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: said.append((message, kw)))

    def busy(*args, **kwargs):
        raise StoreBusy("ข้อมูลกำลังถูกบันทึกโดยผู้ใช้อื่น ลองใหม่อีกครั้ง (busy)")

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        monkeypatch.setattr(repo, "add_record", busy)
        await pilot.press("space")
        await settle(pilot)
        assert app.is_running
        assert any("busy" in message and kw.get("markup") is False and kw.get("severity") == "error"
                   for message, kw in said)
        assert _records(repo, "e6-r1", "2566-Q2") == []


async def test_a_corrupt_year_file_is_reported_on_screen(repo, settle) -> None:
    (repo.data_dir / "2566.json").write_text("{ not json", encoding="utf-8")
    app = make_app(Repository(repo.data_dir, user="tester"), today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert "อ่านข้อมูลไม่ได้" in _text(app.screen.query_one("#measure", Static))


async def test_a_slow_read_never_overwrites_a_later_one(app, settle) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        half = app.snapshot
        full = app.session.load(Period(2566, "full", TODAY))
        app._publish(app._published + 2, full)
        app._publish(app._published - 1, half)  # an older read arriving late
        assert app.snapshot is full and app.period.round == "full"


async def test_opening_a_year_without_a_plan_says_how_to_start_one(repo, settle):
    from datetime import date

    from itacheck.tui.app import make_app

    app = make_app(repo, today=date(2026, 11, 28), refresh_seconds=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("itacheck plan copy 2566 2570" in m and "ยังไม่มีแผน" in m for m in messages), messages
        assert app.snapshot.period.year == 2566


async def test_no_plan_notice_when_this_years_plan_is_open(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not any("plan copy" in n.message for n in app._notifications)


async def test_in_april_the_half_year_round_is_still_shown_and_its_report_deadline_said(repo, settle) -> None:
    """The half-year report (October–March) is made in April: the round it reports on stays the
    default until the end of April, and the header says when the report is due."""
    app = make_app(repo, today=date(2023, 4, 20))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.period == Period(2566, "half", date(2023, 4, 20))
        bar = _text(app.screen.query_one("#period-bar", Static))
        assert "รายงานรอบนี้ครบกำหนด ๓๐ เม.ย. ๖๖" in bar


async def test_the_no_plan_notice_is_shown_once_per_officer_not_at_every_start(repo, settle):
    for shown in (True, False):
        app = make_app(repo, today=date(2026, 11, 28), refresh_seconds=60)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            messages = [n.message for n in app._notifications]
            assert any("ยังไม่มีแผน" in m for m in messages) is shown, messages


async def test_a_colleagues_records_are_announced_with_their_login(app, repo, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        Repository(repo.data_dir, user="malee (Malee S.)").add_record(2566, "e7-r2", "2566-M05", date(2023, 2, 28))
        await pilot.pause(0.6)
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("มีการบันทึกใหม่ ๑ รายการ โดย malee" in m for m in messages), messages
        app.screen.jump_to("e6", "e6-r1", "2566-Q2")
        await pilot.press("space")  # this window's own tick is not announced as news
        await pilot.pause(0.6)
        await settle(pilot)
        assert sum("มีการบันทึกใหม่" in n.message for n in app._notifications) == 1


async def test_a_not_applicable_mark_is_not_called_done(app, repo, settle):
    from itacheck.tui import notices

    record = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 3, 1), note="ไม่มีงบ", skipped=True)
    assert notices.recorded(record, None, "th").startswith("บันทึกว่าไม่ต้องดำเนินการ")
    assert "เสร็จเมื่อ" not in notices.recorded(record, None, "th")


async def test_tab_cycles_tree_checklist_evidence_and_space_leads_the_footer(app, settle) -> None:
    """Repro: Tab stopped on the measure description, which showed no focus, so Space went nowhere."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        order = []
        for _ in range(3):
            order.append(app.focused.id)
            await pilot.press("tab")
        assert order == ["tree", "checklist", "evidence-box"] and app.focused.id == "tree"
        await pilot.press("tab")
        footer_keys = [key for key, b in app.screen.active_bindings.items() if b.binding.show]
        assert footer_keys[0] == "space"


async def test_without_colour_the_focused_pane_shows_its_cursor_in_reverse(repo, settle, monkeypatch) -> None:
    """Repro: under NO_COLOR the focused checklist row was only a grey background while the
    unfocused tree kept bold-reverse: the officer could not tell where Space would go."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(repo, today=TODAY, refresh_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tree, checklist = app.screen.query_one(PlanTree), app.screen.query_one(Checklist)
        checklist.focus()
        await pilot.pause()
        focused_row = checklist.get_component_rich_style("option-list--option-highlighted")
        tree_cursor = tree.get_component_rich_style("tree--cursor")
        assert focused_row.reverse and not tree_cursor.reverse and tree_cursor.underline
        tree.focus()
        await pilot.pause()
        assert tree.get_component_rich_style("tree--cursor").reverse
        assert not checklist.get_component_rich_style("option-list--option-highlighted").reverse


async def test_toasts_cover_the_tree_not_the_checklist_or_the_evidence(repo, settle) -> None:
    """Repro: at 80×24 toasts covered the evidence pane the officer was reading."""
    from textual.widgets._toast import Toast

    for size in ((80, 24), (120, 40), (60, 18)):
        app = make_app(repo, today=TODAY, refresh_seconds=60)
        async with app.run_test(size=size, notifications=True) as pilot:
            await settle(pilot)
            app.notify("ทดสอบข้อความแจ้งเตือนที่ยาวพอสมควรเพื่อดูว่าวางไว้ตรงไหนของหน้าจอ", markup=False)
            await pilot.pause(0.3)
            [toast] = list(app.screen.query(Toast))
            for pane in ("#checklist", "#evidence-box"):
                assert not toast.region.overlaps(app.screen.query_one(pane).region), (size, toast.region, pane)


async def test_over_a_form_toasts_hide_none_of_its_fields_or_buttons(repo, settle) -> None:
    """Repro: at 80×24 the evidence form fills the screen and the year notice shown at start (and
    a failed save's message) sat over its Save and Cancel buttons. Over a dialog, toasts take the
    top right, over the title the officer has already read."""
    from textual.widgets._toast import Toast

    for size in ((80, 24), (120, 40), (60, 18)):
        app = make_app(repo, today=TODAY, refresh_seconds=60)
        async with app.run_test(size=size, notifications=True) as pilot:
            await settle(pilot)
            app.screen.jump_to("e6", "e6-r1", "2566-Q2")
            await settle(pilot)
            await pilot.press("e")
            await settle(pilot)
            assert type(app.screen).__name__ == "EvidenceForm"
            app.notify("มีการบันทึกใหม่ ๑ รายการ โดย somchai", markup=False)
            await pilot.pause(0.3)
            [toast] = list(app.screen.query(Toast))
            for part in ("#date", "#note", "#links", "#files", "#errors", "#buttons"):
                assert not toast.region.overlaps(app.screen.query_one(part).region), (size, toast.region, part)
