"""The Textual app: a thin shell holding the period and the latest snapshot; screens show it.

`make_app` builds it for the command line, the tests and the snapshot tests alike. Reads and
writes run in thread workers (a shared disk or another officer's lock must never freeze the
screen); a poll of the year file's signature brings other people's changes in within seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.message_pump import MessagePump
from textual.screen import Screen

from itacheck.domain.fiscal import ROUND_NAMES, current_round, default_round, fiscal_year_of
from itacheck.domain.model import Plan
from itacheck.store.errors import StoreError
from itacheck.tui.commands import ItaCommands
from itacheck.tui.screens.base import Localised
from itacheck.tui.seen import first_time
from itacheck.tui.session import Period, Session, Snapshot
from itacheck.tui.text import t

if TYPE_CHECKING:
    from itacheck.store.repository import Repository

T = TypeVar("T")


class ItaCheckApp(App[None]):
    """Holds the session, the language, the period and the snapshot; screens watch `snapshot`."""

    CSS_PATH = "app.tcss"
    TITLE = "itacheck"
    COMMANDS = App.COMMANDS | {ItaCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-stacked"), (70, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("question_mark,ฦ", "help", "Help"),
        Binding("f1", "help", "Help", show=False),
        Binding("l,ส", "toggle_lang", "Switch language", show=False),
        Binding("ctrl+r", "reload", "Reload", show=False),
        Binding("q,ๆ", "quit", "Quit"),
    ]

    lang: reactive[str] = reactive("th")
    snapshot: reactive[Snapshot | None] = reactive(None, always_update=True)

    def __init__(self, session: Session, *, lang: str = "th", refresh_seconds: float = 2.0) -> None:
        super().__init__()
        self.session = session
        self.set_reactive(ItaCheckApp.lang, lang)
        self.refresh_seconds = refresh_seconds
        self._polling = False
        self._wanted: Period | None = None  # None until the first read picks the default period
        self._asked = self._published = 0
        self._key_in_flight: events.Key | None = None
        self._queued_keys: list[events.Key] = []
        self._opening = False
        self._openings = 0

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands (theme, keys, quit…), in the officer's language."""
        for command in super().get_system_commands(screen):
            yield command._replace(title=t(command.title, self.lang), help=t(command.help, self.lang))

    def get_default_screen(self) -> Screen:
        """The checklist is the app's first screen (not one pushed over an empty default screen,
        which cost a second screen to build and style before the first frame)."""
        from itacheck.tui.screens.main import MainScreen

        return MainScreen()

    def on_mount(self) -> None:
        # The first read waits for the first frame: the officer sees the screen (saying it is
        # loading) at once instead of after the year file is read, whose reading would also
        # share the interpreter with drawing that frame.
        self.call_after_refresh(self.reload)
        self.set_interval(self.refresh_seconds, self._poll)

    # --- keys typed ahead --------------------------------------------------------------------------
    # Over SSH keys arrive in bursts: "e", a date, Tab, a note. Textual forwards each key to the
    # focused widget at once and runs a key's binding only when the key has bubbled back up, so
    # in a burst the keys after "e" were queued to the checklist (and lost) before "e" opened the
    # form, and "NOTE1" typed after Tab landed in the date field before Tab had moved the focus.
    # Here one key is handled at a time: the next is forwarded only when the one before has been
    # handled all the way up (or stopped on the way), and not while a screen that was just
    # pushed has yet to set its focus (`Localised.on_mount` tells the app, see `screen_ready`).

    def push_screen(self, screen, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        if isinstance(screen, Localised):  # ours say when they are ready (Textual's own, e.g. the palette, do not)
            self.expect_screen()
        return super().push_screen(screen, *args, **kwargs)

    @property
    def typing_ahead(self) -> bool:
        """Keys typed ahead are still waiting to be handled (a test waits for them)."""
        return bool(self._key_in_flight or self._queued_keys or self._opening)

    def expect_screen(self, seconds: float = 1.0) -> None:
        """Hold the keys typed from now until a screen about to open has set its focus (at most
        ``seconds``: the keys of a screen that does not open are never kept)."""
        self._opening = True
        self._openings += 1
        self.set_timer(seconds, partial(self._give_up_waiting, self._openings))

    def _give_up_waiting(self, opening: int) -> None:
        if opening == self._openings:  # that screen never said it was ready; a later one may still
            self.screen_ready()

    def screen_ready(self) -> None:
        self._opening = False
        self._next_key()

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        if self._key_in_flight is not None or self._opening or self._queued_keys:
            self._queued_keys.append(event)
            self._next_key()
            return
        await self._dispatch_key(event)

    async def _dispatch_key(self, event: events.Key) -> None:
        self._key_in_flight = event
        target = self.focused or self.screen
        await super().on_event(event)
        if not event.is_forwarded:  # a priority binding took it
            self._key_done(event)
        elif not target.call_later(self._key_reached, event, target):
            self._key_done(event)
        else:
            self.set_timer(2.0, partial(self._key_done, event))

    def _key_reached(self, event: events.Key, node: MessagePump) -> None:
        """``node`` has handled ``event``: done if it stopped there, else follow it up."""
        parent = node._parent
        if event._stop_propagation or not event.bubble or parent is None or not parent.call_later(
                self._key_reached, event, parent):
            self._key_done(event)

    def _key_done(self, event: events.Key) -> None:
        if self._key_in_flight is event:
            self._key_in_flight = None
            self._next_key()

    def _next_key(self) -> None:
        if self._queued_keys and self._key_in_flight is None and not self._opening:
            self._key_in_flight = key = self._queued_keys.pop(0)  # reserved until it is sent
            self.call_later(self._send_key, key)

    async def _send_key(self, key: events.Key) -> None:
        if self._opening:  # the key before it opened a screen after this one was lined up
            self._key_in_flight = None
            self._queued_keys.insert(0, key)
            return
        await self._dispatch_key(events.Key(key.key, key.character))

    @property
    def reading(self) -> bool:
        """Nothing has been read yet, or the latest read asked for is not on screen yet (a test
        waits for it)."""
        return self.snapshot is None or self._published < self._asked

    @property
    def period(self) -> Period | None:
        return self.snapshot.period if self.snapshot else None

    # --- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the wanted period again and publish it as the new snapshot. Each read is numbered
        when asked for: a slow read never overwrites the result of a later one (say, a poll that
        started before the officer switched rounds)."""
        self._asked += 1
        self._load(self._asked, self._wanted)

    @work(thread=True, group="load")
    def _load(self, number: int, period: Period | None) -> None:
        today = self.session.today()
        period = period or self.session.first_period()
        if period is None:  # an empty data directory
            period = Period(fiscal_year_of(today), current_round(today).name, today)
        try:
            snapshot = self.session.load(period)
        except (StoreError, ValueError, OSError) as exc:
            snapshot = Snapshot(period, (), None, None, str(exc))
        self.call_from_thread(self._publish, number, snapshot)

    def _publish(self, number: int, snapshot: Snapshot) -> None:
        if number > self._published:
            first, previous = self._wanted is None, self.snapshot
            self._published = number
            self._wanted = snapshot.period
            self.snapshot = snapshot
            if first and not snapshot.years and not snapshot.error:
                self.action_welcome()
                return
            this_year = fiscal_year_of(self.session.today())
            if first and snapshot.status and snapshot.period.year < this_year and this_year not in snapshot.years \
                    and first_time(f"no-plan:{self.session.repository.data_dir}:{this_year}"):
                shown = snapshot.period.year
                self.notify(t("Fiscal year {this} has no plan yet, so {year} is shown. Start one with: {command}",
                              self.lang, this=this_year, year=shown, command=f"itacheck plan copy {shown} {this_year}"),
                            markup=False, timeout=12)
            elif not first and previous is not None:
                self._tell_about_colleagues(previous, snapshot)

    def _tell_about_colleagues(self, previous: Snapshot, snapshot: Snapshot) -> None:
        """A live refresh brought records made elsewhere: say so briefly, with whose they are."""
        if previous.period.year != snapshot.period.year or not previous.status or not snapshot.status:
            return
        before = {r.id for _, _, o in previous.status.occurrences() for r in o.records}
        mine = self.session.made_here()
        new = [r for _, _, o in snapshot.status.occurrences() for r in o.records
               if r.id not in before and r.id not in mine]
        if new:
            who = ", ".join(sorted({r.recorded_by.split(" ")[0] for r in new}))
            self.notify(t("{n} new records by {who}", self.lang, n=len(new), who=who), markup=False, timeout=6)

    @work(thread=True, group="poll")
    def _poll(self) -> None:
        """Reload when another process saved the year (its file signature changed)."""
        snapshot = self.snapshot
        if snapshot is None or self._polling:
            return
        self._polling = True
        try:
            changed = self.session.token(snapshot.period.year) != snapshot.token
        except OSError:
            changed = False
        finally:
            self._polling = False
        if changed:
            self.call_from_thread(self.reload)

    def set_period(self, period: Period | None) -> None:
        if period is not None:
            self._wanted = period
            self.reload()

    # --- writing ------------------------------------------------------------------------------

    def run_store(self, job: Callable[[], T], done: Callable[[T], Any]) -> None:
        """Run a store call off the UI thread; on success reload and call ``done``, on failure
        tell the officer why (the message of a StoreError is written for them)."""
        def in_thread() -> None:
            try:
                result = job()
            except (StoreError, ValueError, OSError) as exc:
                self.call_from_thread(self.notify, t("Could not save: {error}", self.lang, error=str(exc)),
                                      severity="error", markup=False, timeout=10)
                return
            self.call_from_thread(self._after_write, done, result)

        self.run_worker(in_thread, thread=True, group="write")

    def _after_write(self, done: Callable[[T], Any], result: T) -> None:
        self.reload()
        done(result)

    # --- actions (screens and dialogs are imported when first opened) ---------------------------

    def action_period(self) -> None:
        from itacheck.tui.dialogs.period import PeriodDialog

        if self.snapshot:
            self.push_screen(PeriodDialog(self.snapshot.period, self.snapshot.years, self.session.today()),
                             self.set_period)

    def action_next_round(self) -> None:
        if self.period:
            names = ROUND_NAMES
            following = names[(names.index(self.period.round) + 1) % len(names)]
            self.set_period(Period(self.period.year, following, self.period.as_of))

    def _open(self, screen: Screen[Any], callback: Callable[[Any], None] | None = None) -> None:
        """Push ``screen`` unless one of its kind is already showing (the palette can ask twice)."""
        if type(self.screen) is not type(screen):
            self.push_screen(screen, callback)

    def action_dashboard(self) -> None:
        from itacheck.tui.screens.dashboard import DashboardScreen

        self._open(DashboardScreen(), self._jump)

    def _jump(self, target: tuple[str, str, str] | None) -> None:
        from itacheck.tui.screens.main import MainScreen

        if target and isinstance(self.screen, MainScreen):
            self.screen.jump_to(*target)

    def action_report(self) -> None:
        from itacheck.tui.screens.report import ReportScreen

        self._open(ReportScreen())

    def action_check_links(self) -> None:
        """The report screen, checking the round's evidence links (from the command palette)."""
        from itacheck.tui.screens.report import ReportScreen

        if isinstance(self.screen, ReportScreen):
            self.screen.action_check_links()
        else:
            self._open(ReportScreen(check_links=True))

    def action_audit(self) -> None:
        from itacheck.tui.screens.audit import AuditScreen

        self._open(AuditScreen(), self._jump)

    def action_welcome(self) -> None:
        from itacheck.tui.screens.welcome import WelcomeScreen

        self._open(WelcomeScreen(), self._started)

    def _started(self, year: int | None) -> None:
        """A plan was just loaded or imported: show it."""
        if year is not None:
            today = self.session.today()
            self.set_period(Period(year, default_round(year, today).name, today))

    def action_edit_plan(self) -> None:
        """The editor on the shown year's plan (read afresh, with its record counts)."""
        if self.snapshot is not None:
            self.expect_screen(5.0)  # the editor opens once the plan is read
            self._edit(self.snapshot.period.year)

    @work(thread=True, exclusive=True, group="editor")
    def _edit(self, year: int) -> None:
        try:
            plan, taken, counts = self.session.editing(year)
        except (StoreError, ValueError, OSError) as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False, timeout=10)
            self.call_from_thread(self.screen_ready)
            return
        self.call_from_thread(self._open_editor, year, plan, taken, counts)

    def _open_editor(self, year: int, plan: Plan | None, taken: set[str], counts: dict[str, int]) -> None:
        from itacheck.tui.screens.plan_editor import EditorScreen, empty_plan

        editor = EditorScreen(plan or empty_plan(year), taken, counts, new=plan is None)
        self._open(editor, self._started)

    def action_command_palette(self) -> None:
        from itacheck.tui.commands import LocalisedPalette

        if self.use_command_palette and not LocalisedPalette.is_open(self):
            self.push_screen(LocalisedPalette(self.lang))

    def action_help(self) -> None:
        from itacheck.tui.screens.help import HelpScreen

        self._open(HelpScreen())

    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "th" else "th"
        self.screen.refresh_bindings()

    def action_reload(self) -> None:
        self.reload()


def make_app(repository: Repository | Path, *, lang: str = "th", today: date | None = None,
             refresh_seconds: float = 2.0) -> ItaCheckApp:
    """The app on ``repository`` (or on the data directory ``repository``, opened by the first read:
    the first frame does not wait for the store to be imported); ``today`` fixes the date for tests
    and demonstrations."""
    return ItaCheckApp(Session(repository, today), lang=lang, refresh_seconds=refresh_seconds)
