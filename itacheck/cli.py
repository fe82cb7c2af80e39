"""The `itacheck` command. Without a sub-command it opens the TUI; the others serve scripts.

Each command imports what it needs when it runs (only the parser and what every command shares
are imported here), so `tick` and `status` start fast over SSH and never load Textual, the PDF
code or the HTTP client.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from itacheck import __version__, thai
from itacheck.domain.fiscal import ROUND_NAMES
from itacheck.domain.limits import DEFAULT_SOON_DAYS
from itacheck.store.errors import StoreError

if TYPE_CHECKING:
    from itacheck.domain.model import Plan
    from itacheck.store.filetext import TextFindings
    from itacheck.store.repository import Repository
    from itacheck.store.settings import Settings


class UsageError(ValueError):
    """Bad input on the command line: exit code 2."""


def _date_arg(text: str) -> date:
    try:
        return thai.parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _days_arg(text: str) -> int:
    try:
        days = int(thai.to_arabic_digits(text))
    except ValueError:
        days = -1
    if not 0 <= days <= 366:
        raise argparse.ArgumentTypeError(f"จำนวนวันต้องเป็น 0–366 ไม่ใช่ {text!r} (days must be a number from 0 to 366, "
                                         f"not {text!r})")
    return days


def _seconds_arg(text: str) -> float:
    try:
        seconds = float(thai.to_arabic_digits(text))
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 300:
        raise argparse.ArgumentTypeError(f"เวลารอต้องอยู่ระหว่าง 0 ถึง 300 วินาที ไม่ใช่ {text!r} (the time-out must be "
                                         f"more than 0 and at most 300 seconds, not {text!r})")
    return seconds


def _port_arg(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"พอร์ตต้องเป็นเลข 0–65535 ไม่ใช่ {text!r} (a port is a number from 0 to 65535, "
                                         f"not {text!r})")
    return int(text)


def _year_arg(text: str) -> int:
    try:
        return thai.parse_year(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        """One line on stderr and exit 2: the real message, not a usage dump."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS,
                        help="data directory (default: $ITACHECK_DATA or the user data directory)")
    common.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language (default th)")

    parser = _Parser(prog="itacheck", parents=[common],
                     description="ติดตามและรายงานมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA) — "
                                 "track and report a Thai agency's ITA integrity measures.")
    parser.add_argument("--version", action="version", version=f"itacheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("demo", parents=[common], help="the TUI on a throw-away copy of the sample plan")

    p = sub.add_parser("init", parents=[common], help="create the data directory")
    p.add_argument("--sample", action="store_true", help="also load the sample plan (FY2566) to try things out")

    p = sub.add_parser("status", parents=[common], help="completion status of a round")
    p.add_argument("--year", type=_year_arg, help="fiscal year (BE), e.g. 2566")
    p.add_argument("--round", choices=ROUND_NAMES, help="half, full or q1–q4 (default: the current round)")
    p.add_argument("--as-of", type=_date_arg, help="date to compute statuses for (default today)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--digits", choices=("thai", "arabic"),
                   help="digits of the table (default: Thai with --lang th, Arabic with --lang en)")

    p = sub.add_parser("report", parents=[common],
                       help="write the Thai report, a PDF or a Word copy to retouch (in Thai only: --lang en is refused)")
    p.add_argument("--year", type=_year_arg)
    p.add_argument("--round", choices=("half", "full"))
    p.add_argument("--as-of", type=_date_arg,
                   help="date the report shows the records as of (default: today, but no later than the last "
                        "deadline of the round's periods)")
    p.add_argument("-o", "--output", type=Path, help="output file, or - for standard output "
                                                     "(default: ita-report-YEAR-ROUND.pdf or .docx)")
    p.add_argument("--digits", choices=("thai", "arabic"), default="thai")
    p.add_argument("--format", choices=("pdf", "docx"), default="pdf",
                   help="pdf (default) or docx: the same document for Word")
    p.add_argument("--publish", action="store_true",
                   help="also copy the PDF as ita-YEAR-ROUND.pdf into the publish directory set in DATA/itacheck.toml")

    p = sub.add_parser("tick", parents=[common], help="record that a task was done")
    p.add_argument("task", metavar="TASK_ID")
    p.add_argument("--year", type=_year_arg)
    p.add_argument("--occurrence", metavar="KEY",
                   help="e.g. 2566-Q2: add to this period even if it has a record (default: the period of the date)")
    p.add_argument("--date", type=_date_arg, help="date done (default today), e.g. \"๒๕ ต.ค. ๖๕\"")
    p.add_argument("--note", default="")
    p.add_argument("--link", action="append", default=[], metavar="URL")
    p.add_argument("--file", action="append", default=[], type=Path, metavar="PATH")

    plan = sub.add_parser("plan", parents=[common], help="list, import, export or copy plans")
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True, parser_class=_Parser)
    plan_sub.add_parser("list", parents=[common], help="the plans in the data directory")
    p = plan_sub.add_parser("import", parents=[common],
                            help="import a plan: a TOML plan file, or last year's report (.docx, or its text; - reads "
                                 "pasted text from standard input)")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="show what was read, save nothing")
    p = plan_sub.add_parser("export", parents=[common], help="write a year's plan and records as TOML")
    p.add_argument("year", type=_year_arg)
    p.add_argument("-o", "--output", type=Path, required=True, help="TOML file, or - for standard output")
    p = plan_sub.add_parser("copy", parents=[common], help="carry a plan into another fiscal year")
    p.add_argument("source", type=_year_arg)
    p.add_argument("target", type=_year_arg)

    p = sub.add_parser("export", parents=[common], help="export records as JSON or CSV")
    p.add_argument("--format", choices=("json", "csv"), required=True)
    p.add_argument("--year", type=_year_arg)
    p.add_argument("-o", "--output", type=Path, required=True, help="file, or - for standard output")

    sub.add_parser("backup", parents=[common], help="copy every year file into backups/")
    p = sub.add_parser("restore", parents=[common], help="replace a year file by a backup (the current one is kept)")
    p.add_argument("file", type=Path)
    sub.add_parser("check", parents=[common], help="verify the year files and attachments")

    p = sub.add_parser("due", parents=[common],
                       help="what is overdue or due soon, one line per task; silent when nothing is (for login "
                            "scripts and cron); exit 1 when something is overdue")
    p.add_argument("--days", type=_days_arg, default=DEFAULT_SOON_DAYS,
                   help=f"how far ahead 'due soon' looks (default {DEFAULT_SOON_DAYS})")
    p.add_argument("--year", type=_year_arg, help="fiscal year (BE) (default: this year's plan, else the latest)")
    p.add_argument("--as-of", type=_date_arg, help="date to compute statuses for (default today)")

    p = sub.add_parser("check-links", parents=[common],
                       help="check every evidence link of a year (HEAD, then GET); exit 1 when one is dead or "
                            "unreachable")
    p.add_argument("--year", type=_year_arg, help="fiscal year (BE) (default: this year's plan, else the latest)")
    p.add_argument("--timeout", type=_seconds_arg, default=10.0, metavar="SECONDS",
                   help="how long to wait for each step of an answer (default 10; a link gets at most 3 times this)")
    p.add_argument("--recheck", action="store_true", help="ask again even for links checked less than a day ago")

    p = sub.add_parser("serve", parents=[common],
                       help="the app in a browser (textual-serve), on this server's loopback address by default")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: reach it through "
                                                       "an SSH tunnel)")
    p.add_argument("--port", type=_port_arg, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--allow-remote", action="store_true",
                   help="allow an address other computers can reach: anyone who reaches it works as you, unencrypted")
    return parser


# --- helpers ------------------------------------------------------------------------------------


def _repo(args: argparse.Namespace, *, create: bool = False) -> Repository:
    """The data directory of ``--data``/``$ITACHECK_DATA``/the default. Only commands that start
    one (``create``) may work on a directory that does not exist yet: any other command refuses,
    so a mistyped path never collects evidence that nobody will find."""
    from itacheck.locations import default_data_dir
    from itacheck.store.repository import Repository

    repo = Repository(default_data_dir(getattr(args, "data", None)))
    if not create and not repo.data_dir.is_dir():
        raise UsageError(f"ไม่พบโฟลเดอร์ข้อมูล {repo.data_dir} (no data directory {repo.data_dir}: check --data or "
                         "ITACHECK_DATA, or create it with `itacheck init`, `itacheck init --sample` or "
                         "`itacheck plan import FILE`)")
    return repo


def _done(output: Path, message: str) -> None:
    """The success message of a command that wrote ``output``: on stderr when the output itself
    went to standard output (``-o -``), so it never mixes with the data."""
    from itacheck.store.outputs import is_stdout

    print(message, file=sys.stderr if is_stdout(output) else sys.stdout)


def _plan_for(repo: Repository, year: int | None) -> Plan:
    from itacheck.store.repository import default_year

    year = year or default_year(repo, date.today())
    plan = repo.plan(year) if year else None
    if plan is None and year is None:
        raise UsageError(f"ยังไม่มีแผนใน {repo.data_dir} (no plan yet in {repo.data_dir}: start with "
                         "`itacheck plan import FILE`, or try the sample with `itacheck init --sample`)")
    if plan is None:
        known = ", ".join(map(str, repo.years())) or "none"
        raise UsageError(f"ไม่มีแผนของปีงบประมาณ {year} (no plan for fiscal year {year} in {repo.data_dir}; "
                         f"years with a plan: {known})")
    return plan


# --- commands -----------------------------------------------------------------------------------


def cmd_status(args: argparse.Namespace) -> int:
    from itacheck.domain.fiscal import default_round, fiscal_round
    from itacheck.domain.status import plan_status
    from itacheck.gcpause import paused_gc

    def output() -> str:
        repo = _repo(args)
        plan = _plan_for(repo, args.year)
        today = date.today()
        rnd = fiscal_round(plan.year, args.round) if args.round else default_round(plan.year, today)
        status = plan_status(plan, repo.records(plan.year), rnd, args.as_of or today)
        if args.json:
            import orjson

            from itacheck.status_output import status_json

            return orjson.dumps(status_json(status), option=orjson.OPT_INDENT_2).decode()  # as json.dumps(indent=2)
        import shutil

        from itacheck.status_output import status_table

        width = shutil.get_terminal_size((80, 24)).columns  # 80 when piped
        return status_table(status, getattr(args, "lang", "th"), width, args.digits)

    # One read of a big year, its status and its output make hundreds of thousands of values and no
    # cycle: no collection while they are made, and they are gone (with `output`'s frame) before
    # collection resumes, so it never walks them.
    with paused_gc():
        text = output()
    print(text)
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    """The whole fiscal year as of today: anything owed since October counts, whatever round the
    report is on. Exit 1 when something is overdue, so a script can act on it."""
    import shutil

    from itacheck.domain.fiscal import fiscal_round
    from itacheck.domain.status import plan_status
    from itacheck.due_output import due_lines

    repo = _repo(args)
    plan = _plan_for(repo, args.year)
    status = plan_status(plan, repo.records(plan.year), fiscal_round(plan.year, "full"), args.as_of or date.today())
    width = shutil.get_terminal_size((80, 24)).columns  # 80 when piped or mailed
    lines = due_lines(status, args.days, getattr(args, "lang", "th"), width)
    if lines:
        print("\n".join(lines))
    return 1 if status.tally["overdue"] else 0


def cmd_check_links(args: argparse.Namespace) -> int:
    """A summary, then each link that is moved, dead or unreachable, or not a web link, with the
    record that cites it. Exit 1 when one is dead or unreachable: the report should not go out so."""
    from itacheck.domain.links import broken
    from itacheck.linkcheck import check_evidence
    from itacheck.links_output import not_web_line, result_line, summary_line

    repo = _repo(args)
    plan = _plan_for(repo, args.year)
    lang = getattr(args, "lang", "th")
    found = check_evidence(repo.records(plan.year), recheck=args.recheck, timeout=args.timeout)
    if not found.links and not found.other:
        print(f"ไม่มีลิงก์หลักฐานในปีงบประมาณ {plan.year} (no evidence links in fiscal year {plan.year})")
        return 0
    results = [found.results[link.url] for link in found.links]
    print(summary_line(plan.year, results, found.cached, lang))
    for link, result in zip(found.links, results):
        if result.kind != "ok":
            print(result_line(result, link, plan, lang))
    for link in found.other:
        print(not_web_line(link, plan, lang))
    return 1 if broken(results) else 0


def cmd_report(args: argparse.Namespace) -> int:
    from itacheck.domain.fiscal import default_round, fiscal_round
    from itacheck.domain.status import plan_status, report_as_of
    from itacheck.handoff import fetch_command
    from itacheck.report import write_report
    from itacheck.store.outputs import is_stdout, output_name
    from itacheck.store.publish import publish_report

    if getattr(args, "lang", "th") == "en":
        raise UsageError("รายงาน ITA มีเฉพาะภาษาไทย จึงไม่รับ --lang en (the ITA report is written in Thai only: --lang en "
                         "sets the language of the screen, not of the report; leave it out, and use --digits arabic "
                         "for Arabic digits)")
    repo = _repo(args)
    plan = _plan_for(repo, args.year)
    today = date.today()
    rnd = fiscal_round(plan.year, args.round) if args.round else default_round(plan.year, today)
    as_of = args.as_of or report_as_of(plan, rnd, today)
    output = args.output or Path(f"ita-report-{plan.year}-{rnd.name}.{args.format}")
    settings = _publish_settings(args, repo) if args.publish else None  # a wrong setting stops before the work
    status = plan_status(plan, repo.records(plan.year), rnd, as_of)
    data = write_report(status, output, digits=args.digits, format=args.format)
    if is_stdout(output):
        _done(output, f"เขียนรายงานแล้ว (report written): {output_name(output)}")
    else:
        print(f"เขียนรายงานแล้ว (report written): {output.absolute()}")
        print(f"คัดลอกไปเครื่องของคุณ (to copy it to your computer): {fetch_command(output)}")
    if settings is not None:
        published = publish_report(settings, repo.data_dir, data, plan.year, rnd.name)
        _done(output, f"เผยแพร่แล้ว (published): {published.path}" + (f" {published.url}" if published.url else ""))
    return 0


def _publish_settings(args: argparse.Namespace, repo: Repository) -> Settings:
    """The settings to publish with, checked before the report is built: only the PDF is
    published, into a folder that is set and writable."""
    from itacheck.store.publish import publish_folder
    from itacheck.store.settings import read_settings

    if args.format != "pdf":
        raise UsageError("เผยแพร่ได้เฉพาะ PDF (only the PDF is published: --publish goes with --format pdf)")
    settings = read_settings(repo.data_dir)
    publish_folder(settings, repo.data_dir)
    return settings


def cmd_tick(args: argparse.Namespace) -> int:
    from itacheck.labels import occurrence_label
    from itacheck.store.errors import AlreadyRecorded, NoPeriod
    from itacheck.store.repository import default_year

    repo = _repo(args)
    first = default_year(repo, date.today())
    years = [args.year] if args.year else sorted(repo.years(), key=lambda y: y != first)
    plan = next((p for y in years if (p := repo.plan(y)) and any(t.id == args.task for t in p.tasks())), None)
    if plan is None:
        raise UsageError(f"no task {args.task!r} in the plans of {', '.join(map(str, years)) or 'this data directory'} "
                         "(see `itacheck status --json` for task ids)")
    done_on = args.date or date.today()
    try:
        record = repo.add_record(plan.year, args.task, args.occurrence, done_on, note=args.note, links=args.link,
                                 files=args.file)
    except AlreadyRecorded as exc:
        raise UsageError(f"{exc}. เพิ่มหลักฐานอีกรายการโดยตั้งใจด้วย --occurrence {exc.occurrence.key} "
                         f"(to add another record on purpose: itacheck tick {args.task} "
                         f"--occurrence {exc.occurrence.key} …)") from None
    except NoPeriod as exc:
        raise UsageError(f"{exc}; ระบุช่วงด้วย --occurrence KEY (give --occurrence KEY)") from None
    period = occurrence_label(plan.occurrence(record.task_id, record.occurrence))
    print(f"บันทึกแล้ว (recorded): {record.task_id} {period} ({record.occurrence}) "
          f"เสร็จเมื่อ {thai.format_date(record.done_on)} โดย {record.recorded_by}")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    repo = _repo(args, create=True)
    if repo.create():
        print(f"สร้างโฟลเดอร์ข้อมูลแล้ว (data directory created): {repo.data_dir}")
    else:
        print(f"มีโฟลเดอร์ข้อมูลอยู่แล้ว (the data directory exists): {repo.data_dir}")
    if args.sample:
        if repo.load_sample():
            print("โหลดแผนตัวอย่างปีงบประมาณ ๒๕๖๖ แล้ว (sample plan of fiscal year 2566 loaded)")
        else:
            print("ปีงบประมาณ ๒๕๖๖ มีแผนอยู่แล้ว จึงไม่ได้โหลดแผนตัวอย่าง "
                  "(fiscal year 2566 already has a plan; the sample was not loaded)")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    if args.plan_command == "import":
        return _import_plan(args)
    from itacheck.domain.plan_edit import copy_review
    from itacheck.labels import catalogue_label
    from itacheck.store.catalogue_file import catalogue_for
    from itacheck.store.outputs import output_name, write_output
    from itacheck.store.planfile import plan_file_text

    repo = _repo(args)
    if args.plan_command == "list":
        for year in repo.years():
            plan = repo.plan(year)
            if plan is None:
                print(f"{year}  (no plan)")
                continue
            print(f"{year}  {plan.organisation.name}  {len(plan.measures)} measures, {len(plan.tasks())} tasks, "
                  f"{len(repo.records(year))} records")
            print(f"      {catalogue_label(catalogue_for(year, repo.data_dir), year)}")
        return 0
    if args.plan_command == "export":
        plan = _plan_for(repo, args.year)
        text = plan_file_text(plan, repo.records(plan.year))
        write_output(args.output, text.encode("utf-8"), private=True)
        _done(args.output, f"ส่งออกแผนปี {plan.year} แล้ว (exported the plan of fiscal year {plan.year}): "
                           f"{output_name(args.output)}")
        return 0
    copied = repo.copy_plan(args.source, args.target)
    print(f"คัดลอกแผนปี {args.source} ไปปี {copied.year} แล้ว (copied); ควรตรวจสอบ (to review):")
    for point in copy_review(copied, catalogue_for(copied.year, repo.data_dir)):
        print(f"  - {point}")
    return 0


def _import_plan(args: argparse.Namespace) -> int:
    """A TOML plan file is imported as written; a report (.docx, pasted or extracted text) is read
    into a draft whose every guess is printed first, so nothing is taken silently."""
    from itacheck.locations import default_data_dir
    from itacheck.reportimport import read_report, read_report_text
    from itacheck.reportimport.preview import preview_lines

    source: Path = args.file
    data_dir = default_data_dir(getattr(args, "data", None))
    draft = (read_report_text(sys.stdin.read(), "standard input", data_dir) if str(source) == "-"
             else read_report(source, data_dir))
    plan, records, results = draft.plan, draft.records, len(draft.results)
    print("\n".join(preview_lines(draft, getattr(args, "lang", "th"))), end="\n\n")
    if args.dry_run:
        print(f"ไม่ได้บันทึก (--dry-run: nothing saved): {len(plan.measures)} measures, {len(plan.tasks())} tasks")
        return 0
    repo = _repo(args, create=True)
    repo.import_plan(plan, records, summary=f"นำเข้าแผนจาก {source.name or 'stdin'} (imported)")
    print(f"นำเข้าแผนปี {plan.year} แล้ว (imported): {len(plan.measures)} measures, "
          f"{len(plan.tasks())} tasks, {len(records)} records")
    if results:
        print(f"ผลการดำเนินการ {results} รายการในรายงานไม่ได้บันทึกเป็นหลักฐาน: ตรวจสอบแล้วบันทึกใน itacheck "
              f"({results} results of the report were not recorded as evidence: review them and tick in itacheck)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from itacheck.record_export import records_csv, records_json
    from itacheck.store.outputs import output_name, write_output

    repo = _repo(args)
    plan = _plan_for(repo, args.year)
    records = repo.records(plan.year)
    data = records_csv(records) if args.format == "csv" else records_json(plan, records)
    write_output(args.output, data, private=True)
    _done(args.output, f"ส่งออกบันทึกของปีงบประมาณ {plan.year} แล้ว (exported the records of fiscal year "
                       f"{plan.year}): {output_name(args.output)} ({len(records)} records)")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """A copy of every year file; one that fails the check is kept only for inspection, named
    damaged, and said so (exit 1)."""
    from itacheck.store.backups import is_damaged_copy

    repo = _repo(args)
    damaged = 0
    for year in repo.years():
        year_file = repo.year_file(year)
        with year_file.transaction_raw():
            kept = year_file.backup(reason="manual")
        if kept is None:
            continue
        if is_damaged_copy(kept):
            damaged += 1
            print(f"itacheck: ไฟล์ฐานข้อมูล {year_file.path} เสียหาย จึงไม่ได้สำรอง สำเนา {kept} เก็บไว้ให้ตรวจเท่านั้น "
                  f"และจะไม่ถูกเสนอให้กู้คืน (the database file {year_file.path} is damaged, so it was not backed "
                  f"up: its copy {kept} is kept for inspection only and never offered for restore; "
                  "run `itacheck check`)", file=sys.stderr)
        else:
            print(kept)
    return 1 if damaged else 0


def cmd_restore(args: argparse.Namespace) -> int:
    from itacheck.store.filetext import listed

    repo = _repo(args, create=True)
    source: Path = args.file
    year = _year_of_backup(source)
    kept, cleaned = repo.year_file(year).restore(source)
    print(f"กู้คืนปี {year} จาก {source} แล้ว (restored)" + (f"; the replaced file was kept as {kept}" if kept else ""))
    if cleaned:
        print(f"ลบอักขระควบคุมและลำดับ escape ของเทอร์มินัลออกจาก {len(cleaned)} ช่อง (terminal control characters "
              f"and escape sequences were removed from {len(cleaned)} fields: {listed(cleaned)})")
    return 0


def _year_of_backup(source: Path) -> int:
    stem = source.name.split("-", 1)[0].split(".", 1)[0]
    if stem.isdigit() and len(stem) == 4:
        return int(stem)
    import json

    from itacheck.store.inputfile import read_input_file
    from itacheck.store.yearformat import MAX_YEAR_FILE

    raw = read_input_file(source, MAX_YEAR_FILE)
    try:
        return int(next(iter(json.loads(raw)["plan"].values()))["year"])
    except (ValueError, KeyError, TypeError, StopIteration, AttributeError, RecursionError):
        raise UsageError(f"ไม่ทราบว่า {source} เป็นข้อมูลปีใด ตั้งชื่อไฟล์ตามปี เช่น 2566.json "
                         f"(cannot tell which fiscal year {source} holds; name it like 2566.json)") from None


def cmd_check(args: argparse.Namespace) -> int:
    repo = _repo(args)
    problems = 0
    for year in repo.years():
        try:
            plan = repo.plan(year)
            records = repo.records(year)
        except (StoreError, ValueError) as exc:
            print(f"✗ {year}: {exc}")
            problems += 1
            continue
        try:
            bad = _text_problems(repo.year_file(year).text_findings())
        except StoreError as exc:  # a text over its size limit: refused like a damaged file
            bad = [str(exc)]
        for r in records:
            try:
                if plan is None:
                    raise ValueError("records but no plan")
                plan.occurrence(r.task_id, r.occurrence)
            except ValueError as exc:
                bad.append(f"record {r.id}: {exc}")
            bad += [p for a in r.attachments if (p := repo.attachments.verify(a))]
        for b in bad:
            print(f"✗ {year}: {b}")
        problems += len(bad)
        if not bad:
            print(f"✓ {year}: {len(records)} records, {sum(len(r.attachments) for r in records)} attachments OK")
    if not repo.years():
        print(f"no year files in {repo.data_dir}")
    return 1 if problems else 0


def _text_problems(findings: TextFindings) -> list[str]:
    """`check`'s lines for texts of a year file that break the rules for text from files."""
    from itacheck.store.filetext import listed

    problems = []
    if findings.cleaned:
        problems.append(f"อักขระควบคุมหรือลำดับ escape ของเทอร์มินัลใน {len(findings.cleaned)} ช่อง (terminal control "
                        f"characters or escape sequences in {len(findings.cleaned)} fields: {listed(findings.cleaned)}; "
                        "they are removed whenever the file is read, and from the file itself by its next save)")
    if findings.bad_links:
        problems.append(f"ลิงก์ที่ไม่ใช่ http(s) {len(findings.bad_links)} รายการ (links that are not http(s) URLs in "
                        f"{listed(findings.bad_links)}; shown as text, never made live in a report)")
    return problems


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the TUI to browsers until Ctrl+C; the data directory is the TUI's (a new one opens on
    the welcome screen, as in the terminal)."""
    from itacheck.handoff import tunnel_command
    from itacheck.locations import default_data_dir
    from itacheck.serve import Listening, ServeError, is_loopback, serve

    def started(where: Listening) -> None:
        print(f"itacheck ในเบราว์เซอร์ (in a browser): {where.url}")
        if is_loopback(where.host):
            print("จากเครื่องของคุณ เปิดทางผ่าน SSH (from your computer, open a tunnel): "
                  f"{tunnel_command(where.port, where.host)}")
            print(f"แล้วเปิด (then open) http://localhost:{where.port}/{where.key}/")
        print("กด Ctrl+C เพื่อหยุด (Ctrl+C stops it)", flush=True)

    try:
        serve(default_data_dir(getattr(args, "data", None)).absolute(), host=args.host, port=args.port,
              lang=getattr(args, "lang", "th"), allow_remote=args.allow_remote, started=started)
    except ServeError as exc:
        print(f"itacheck: {exc}", file=sys.stderr)
        return 1
    return 0


def run_tui(args: argparse.Namespace, data_dir: Path | None = None, today: date | None = None) -> int:
    """The checklist; on a data directory without a plan (a new one too) it opens on the welcome
    screen, which creates the directory only when the officer chooses how to start."""
    from itacheck.locations import default_data_dir
    from itacheck.tui.app import make_app

    # The app opens the store itself once its first frame is drawn (the store's modules are a
    # good part of the start-up).
    make_app(data_dir or default_data_dir(getattr(args, "data", None)), lang=getattr(args, "lang", "th"),
             today=today).run()
    return 0


#: The demo lives on the day of the sample's half-year report, so it opens on the situation the
#: reference report describes and ticks fall inside its fiscal year.
DEMO_TODAY = date(2023, 3, 31)


def cmd_demo(args: argparse.Namespace) -> int:
    import tempfile

    from itacheck.store.repository import Repository

    with tempfile.TemporaryDirectory(prefix="itacheck-demo-") as tmp:
        Repository(Path(tmp)).load_sample()
        return run_tui(args, Path(tmp), today=DEMO_TODAY)


COMMANDS = {"status": cmd_status, "report": cmd_report, "tick": cmd_tick, "plan": cmd_plan,
            "export": cmd_export, "backup": cmd_backup, "restore": cmd_restore, "check": cmd_check,
            "demo": cmd_demo, "init": cmd_init, "due": cmd_due,
            "check-links": cmd_check_links, "serve": cmd_serve}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors (already printed)
        return int(exc.code or 0)
    try:
        handler = COMMANDS.get(args.command or "", run_tui)
        code = handler(args)
        sys.stdout.flush()  # a reader that went away is found here, not in the interpreter's exit
        return code
    except BrokenPipeError:
        return _stdout_closed()
    except StoreError as exc:  # the message is written for the officer
        print(f"itacheck: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # bad input: dates, plan files, links, notes, task ids, input files
        print(f"itacheck: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # anything the store did not foresee: still one line, naming the file
        name = exc.filename or ""
        print(f"itacheck: ทำงานไม่สำเร็จ {name} ({exc.strerror or exc}{': ' + str(name) if name else ''})",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _stdout_closed() -> int:
    """Standard output was closed by its reader (``itacheck status | head -1``): end quietly, as
    Python's documentation recommends: point stdout at /dev/null so the final flush cannot fail
    again, and exit 1 (Python ignores SIGPIPE, so there is no signal death to report)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 1


if __name__ == "__main__":
    sys.exit(main())
