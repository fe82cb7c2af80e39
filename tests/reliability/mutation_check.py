"""Remove a guarantee, run the test that proves it, and check that the test now fails.

Each mutation replaces one piece of the code (its "old text", which must occur exactly once) in a
copy of the package in a temporary directory (put first on PYTHONPATH), never in the working tree,
so colleagues' test runs are not disturbed. Not collected by pytest (its name does not start with
``test_``): it runs the named tests once per mutation, minutes in all.

    python tests/reliability/mutation_check.py            # all mutations
    python tests/reliability/mutation_check.py plain-write no-lock
    python tests/reliability/mutation_check.py --show plain-write   # with the tests' output

For each mutation it says one of:

* KILLED: a named test fails, as it should;
* SURVIVED: the tests pass without the guarantee, so they do not prove it (write or strengthen
  the test, never weaken the mutation);
* ERROR: the mutation no longer applies (its old text is not in the file: the code moved, so the
  entry must follow it), the mutated package does not import, a named test does not exist, or
  pytest did not run the tests to the end.

A kill means something only because the named tests pass on the unchanged code, which the full
test suite checks. Exit status 0 when every mutation was KILLED.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
#: A pytest run of the named tests longer than this is a hang: reported as an error, not a kill.
TIMEOUT_S = 900

YF = "itacheck/store/yearfile.py"
FORMAT = "itacheck/store/yearformat.py"
SAFE = "itacheck/store/safefile.py"
LOCK = "itacheck/store/lockfile.py"
COW = "itacheck/store/copyonwrite.py"
REPO = "itacheck/store/repository.py"
BACKUPS = "itacheck/store/backups.py"
OUTPUTS = "itacheck/store/outputs.py"

R = "tests/reliability/"
CRASH = R + "test_crash_kill.py::test_random_sigkills_never_corrupt_or_lose_acknowledged_writes"
WRITERS = R + "test_concurrent_writers.py::test_four_processes_ticking_120_times_each_lose_nothing"


class Mutation(NamedTuple):
    """One guarantee removed: ``old`` replaced by ``new`` in ``file`` (and each pair of ``then``
    after it), so that one of ``tests`` must fail."""

    file: str
    old: str
    new: str
    tests: tuple[str, ...]  # pytest node ids (relative to the project); one of them must fail
    then: tuple[tuple[str, str], ...] = ()  # further (old text, new text) in the same file


MUTATIONS: dict[str, Mutation] = {
    # --- several writers, nothing lost ---------------------------------------------------------
    "no-lock": Mutation(
        YF,
        "        self.lock.acquire()\n        self._held = 1\n        self._remove_stale_temporaries()",
        "        self._held = 1  # MUTATION: no lock (and no clean-up, which is only safe under it)",
        (WRITERS,)),
    "read-outside-lock": Mutation(
        YF,
        "            self._acquire()\n            outer = self._held == 1\n            try:\n                if outer:\n"
        "                    self._working = self._load_for_update()",
        "            early = None if self._held else self._load_for_update()  # MUTATION: read, then lock\n"
        "            self._acquire()\n            outer = self._held == 1\n            try:\n                if outer:\n"
        "                    self._working = early",
        (WRITERS,)),
    # --- decisions under the lock --------------------------------------------------------------
    "period-chosen-before-lock": Mutation(
        REPO,
        "            earlier = [record_from_dict(d) for d in table.search(lambda d: d.get(\"task\") == task_id)] \\\n"
        "                if free_only else []\n",
        "            earlier = [r for r in stale if r.task_id == task_id] if free_only else []  # MUTATION\n",
        (R + "test_lock_decisions.py::test_a_tick_sees_the_record_a_colleague_saved_while_it_waited",),
        then=(("        with self.year_file(year).transaction() as db:\n            _check_room_for_a_record(db, year)\n",
               "        stale = self.records(year)  # MUTATION: the records as read before the lock\n"
               "        with self.year_file(year).transaction() as db:\n            _check_room_for_a_record(db, year)\n"),)),
    "plan-checked-before-lock": Mutation(
        REPO,
        "        with self.year_file(plan.year).transaction() as db:\n"
        "            if not overwrite and db.table(\"plan\").get(doc_id=1) is not None:\n",
        "        exists = self.plan(plan.year) is not None  # MUTATION: decided on a read before the lock\n"
        "        with self.year_file(plan.year).transaction() as db:\n"
        "            if not overwrite and exists:\n",
        (R + "test_lock_decisions.py::test_the_sample_never_replaces_a_plan_imported_while_it_waited",)),
    # --- checked once, never changed -----------------------------------------------------------
    "shared-documents-changed": Mutation(
        COW,
        "            doc = marshal.loads(marshal.dumps(doc))  # a deep copy of plain JSON data, fast\n"
        "            super().__setitem__(doc_id, doc)\n",
        "            pass  # MUTATION: TinyDB changes the document the last checked save shares with readers\n",
        ("tests/test_read_once.py::test_a_transaction_never_changes_the_content_readers_hold",)),
    "own-save-known-by-size": Mutation(
        YF,
        "            return raw == self.written\n",
        "            return len(raw) == len(self.written)  # MUTATION: the file just saved is taken for ours\n",
        ("tests/test_save_shortcuts.py::test_a_file_edited_in_place_just_after_this_process_saved_it_is_read_again",)),
    "lines-by-key": Mutation(
        FORMAT,
        "        seen = {(k, id(d)): line for k, d, line in zip(before.keys, before.docs, before.lines)}\n"
        "    return [seen.get((k, id(d))) or _line(k, d) for k, d in zip(keys, docs)]\n",
        "        seen = dict(zip(before.keys, before.lines))  # MUTATION: a document's old line by its id alone\n"
        "    return [seen.get(k) or _line(k, d) for k, d in zip(keys, docs)]\n",
        ("tests/test_save_shortcuts.py::test_saves_write_what_a_fresh_encoding_of_the_file_writes",)),
    "grown-table-unchecked": Mutation(
        FORMAT,
        "        if len(docs) >= n and keys[:n] == before.keys and all(map(operator.is_, docs[:n], before.docs)):\n",
        "        if len(docs) >= n and keys[:n] == before.keys:  # MUTATION: same ids taken for same documents\n",
        ("tests/test_save_shortcuts.py::test_saves_write_what_a_fresh_encoding_of_the_file_writes",)),
    # --- busy, not a hang ----------------------------------------------------------------------
    "polling-lock": Mutation(
        LOCK,
        "        except BlockingIOError:\n            os.close(fd)\n            fd = self._wait()\n",
        "        except BlockingIOError:  # MUTATION: poll every 20 ms instead of a blocking wait\n"
        "            import time\n"
        "            deadline = time.monotonic() + self.timeout\n"
        "            while True:\n"
        "                time.sleep(0.02)\n"
        "                try:\n"
        "                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
        "                    break\n"
        "                except BlockingIOError:\n"
        "                    if time.monotonic() > deadline:\n"
        "                        os.close(fd)\n"
        "                        raise StoreBusy(f'ผู้ใช้อื่นกำลังบันทึก {self.guarded.name} อยู่ กรุณาลองใหม่อีกครั้ง '\n"
        "                                        f'(busy: someone else is saving {self.guarded.name}; try again)')\n",
        (R + "test_concurrent_writers.py::test_a_waiter_sleeps_in_the_kernel_until_the_lock_is_free",)),
    "abandoned-lock-kept": Mutation(
        LOCK,
        "                if state[\"abandoned\"]:\n                    unlock_and_close(fd)\n                    return\n",
        "                if state[\"abandoned\"]:\n                    return  # MUTATION: keep a lock nobody waits for\n",
        (R + "test_concurrent_writers.py::test_a_timed_out_wait_does_not_keep_the_lock_afterwards",)),
    "close-without-unlock": Mutation(
        LOCK,
        "    try:\n        fcntl.flock(fd, fcntl.LOCK_UN)\n    finally:\n        os.close(fd)\n",
        "    os.close(fd)  # MUTATION: a forked child's copy of the descriptor keeps the lock\n",
        (R + "test_concurrent_writers.py::test_a_lock_given_up_is_released_even_if_a_forked_child_shares_the_descriptor",)),
    # --- crashes -------------------------------------------------------------------------------
    "plain-write": Mutation(
        SAFE,
        "    path = Path(path)\n    try:\n        tmp, fd = _create_temporary(dir_fd, path.name)\n",
        "    path = Path(path)\n"
        "    if True:  # MUTATION: write in place, as stock TinyDB does\n"
        "        fd = os.open(path.name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode, dir_fd=dir_fd)\n"
        "        with os.fdopen(fd, 'wb') as f:\n"
        "            f.write(data)\n"
        "        return\n"
        "    try:\n        tmp, fd = _create_temporary(dir_fd, path.name)\n",
        (CRASH,)),
    "write-per-change": Mutation(
        YF,
        "        self._working = data\n        self._dirty = True",
        "        self._working = data\n        self.save(data)  # MUTATION: save at every TinyDB change",
        (CRASH,)),
    "stale-temporaries-kept": Mutation(
        YF,
        "        self._held = 1\n        self._remove_stale_temporaries()\n",
        "        self._held = 1  # MUTATION: temporaries of a killed writer stay\n",
        (CRASH,)),
    # --- disk full, I/O errors -----------------------------------------------------------------
    "no-rollback": Mutation(
        YF,
        "                except BaseException:\n                    self._aborted = True\n                    raise",
        "                except BaseException:\n                    self.save(self._working)  # MUTATION: keep half a change\n"
        "                    raise",
        (R + "test_disk_full.py::test_a_failed_transaction_changes_nothing",)),
    "no-fsync": Mutation(
        SAFE,
        "            f.flush()\n            os.fsync(f.fileno())\n",
        "            f.flush()  # MUTATION: no fsync of the new file before the rename\n",
        (R + "test_disk_full.py::test_a_failed_save_keeps_the_previous_file_and_the_program_goes_on"
             "[fsync fails (delayed allocation)-year file]",)),
    "no-directory-fsync": Mutation(
        SAFE,
        "    try:\n        fsync_directory(dir_fd)\n    except OSError as exc:\n",
        "    try:\n        pass  # MUTATION: the rename is not made durable\n    except OSError as exc:\n",
        (R + "test_disk_full.py::test_a_directory_fsync_failure_after_the_rename_says_so",)),
    "backup-failure-ignored": Mutation(
        YF,
        "        self.backup(reason=\"auto\")\n        self.backup_store.prune_automatic()\n",
        "        try:\n            self.backup(reason=\"auto\")\n"
        "        except StoreError:  # MUTATION: save without the backup\n            return\n"
        "        self.backup_store.prune_automatic()\n",
        (R + "test_disk_full.py::test_a_failed_automatic_backup_stops_the_save_before_it_touches_the_file",)),
    # --- corrupt or foreign files --------------------------------------------------------------
    "corrupt-overwritten": Mutation(
        YF,
        "        current = self._current()\n        return {} if current is None else working_copy(current.data)\n",
        "        try:\n            current = self._current()\n"
        "        except CorruptFile:\n            return {}  # MUTATION: start afresh over a corrupt file\n"
        "        return {} if current is None else working_copy(current.data)\n",
        (R + "test_corrupt_files.py::test_a_corrupt_or_foreign_file_is_reported_and_never_overwritten",)),
    "audit-entries-unchecked": Mutation(
        FORMAT,
        "            fromisoformat(doc[\"at\"])\n",
        "            pass  # MUTATION: an audit entry's time is not checked\n",
        (R + "test_corrupt_files.py::test_a_corrupt_or_foreign_file_is_reported_and_never_overwritten"
             "[an audit entry without a time]",)),
    # --- backups, restore, check ---------------------------------------------------------------
    "damaged-records-skipped": Mutation(
        FORMAT,
        "        records = tuple(record_from_dict(doc) for doc in data.get(\"records\", {}).values())\n",
        "        records = tuple(r for r in map(_decodable, data.get(\"records\", {}).values()) if r)  # MUTATION\n",
        (R + "test_corrupt_files.py::test_a_corrupt_or_foreign_file_is_reported_and_never_overwritten"
             "[a record without its task]",),
        then=(("def damage_message(",
               "def _decodable(doc):  # MUTATION: a record that does not decode is left out\n"
               "    try:\n        return record_from_dict(doc)\n    except Exception:\n        return None\n\n\n"
               "def damage_message("),)),
    "damaged-backup-offered": Mutation(
        BACKUPS,
        "                try:\n                    parse(read_regular(path, BACKUP, MAX_YEAR_FILE, dir_fd=fd) or b\"\", path)\n",
        "                try:\n                    pass  # MUTATION: the newest backup offered unchecked\n",
        (R + "test_recovery.py::test_the_hint_offers_the_newest_backup_that_passes_the_check_with_its_age",)),
    "restore-keeps-nothing": Mutation(
        YF,
        "            kept = self.backup(reason=\"before-restore\")\n",
        "            kept = None  # MUTATION: the replaced file is not kept\n",
        (R + "test_corrupt_files.py::test_restore_keeps_a_backup_of_what_it_replaces",)),
    # --- hostile input, shared directory -------------------------------------------------------
    "no-sha-names": Mutation(
        "itacheck/store/attachments.py",
        "        if not isinstance(sha256, str) or not _SHA.fullmatch(sha256):",
        "        if False:  # MUTATION: no digest check",
        (R + "test_hostile_input.py::test_a_forged_attachment_digest_never_becomes_a_path",)),
    "no-plan-cleaning": Mutation(
        "itacheck/store/planfile.py",
        "    doc = clean_plan_document(doc)\n",
        "",
        (R + "test_hostile_input.py::test_plan_import_strips_terminal_escapes_from_every_text",)),
    "no-size-limit": Mutation(
        "itacheck/store/nofollow.py",
        "    return None if total > limit else b\"\".join(chunks)\n",
        "    return b\"\".join(chunks)  # MUTATION: whatever the size\n",
        (R + "test_shared_directory.py::test_a_year_file_over_the_size_limit_is_refused_with_the_limit",),
        then=(("    if size > limit:\n        return None\n", ""),)),
    "follow-links": Mutation(
        "itacheck/store/nofollow.py",
        "NO_FOLLOW = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC\n",
        "NO_FOLLOW = os.O_NONBLOCK | os.O_CLOEXEC  # MUTATION: entries of the data directory followed\n",
        (R + "test_shared_directory.py::test_a_lock_file_linked_to_another_officers_file_is_refused_and_that_file_untouched",)),
    "any-command-creates-the-directory": Mutation(
        "itacheck/cli.py",
        "    if not create and not repo.data_dir.is_dir():\n",
        "    if False:  # MUTATION: a mistyped --data becomes a new data directory\n",
        ("tests/test_data_dir_start.py::test_a_mistyped_data_directory_is_refused_and_not_created",)),
    # --- text from files, audit identity, CSV, limits ------------------------------------------
    "trust-year-file-text": Mutation(
        FORMAT,
        "        findings = clean_year_data(data, raw, thorough=thorough)\n",
        "        findings = TextFindings()  # MUTATION: trust the texts of the file\n",
        (R + "test_year_file_text.py::test_the_terminal_never_gets_an_escape_from_the_file",)),
    "audit-name-from-environment": Mutation(
        REPO,
        "        entry = pwd.getpwuid(uid)\n",
        "        entry = pwd.getpwnam(os.environ.get('LOGNAME') or pwd.getpwuid(uid).pw_name)  # MUTATION\n",
        (R + "test_audit_identity.py::test_logname_and_user_do_not_change_who_is_recorded",)),
    "csv-formulas-kept": Mutation(
        "itacheck/record_export.py",
        "    return \"'\" + cell if cell.startswith(_FORMULA_STARTS) else cell\n",
        "    return cell  # MUTATION: a spreadsheet runs what a note starts with\n",
        (R + "test_csv_export.py::test_a_formula_in_a_note_is_exported_as_text",)),
    "no-records-limit": Mutation(
        REPO,
        "            _check_room_for_a_record(db, year)\n",
        "",
        (R + "test_limits.py::test_a_year_holds_at_most_the_limit_of_records",)),
    # --- permissions, output files -------------------------------------------------------------
    "no-group-mode": Mutation(
        SAFE,
        "    return 0o660 if shared else 0o600",
        "    return 0o600  # MUTATION: ignore the shared directory",
        (R + "test_file_permissions.py::test_a_group_shared_directory_gives_the_group_read_and_write",)),
    "exports-on-the-umask": Mutation(
        OUTPUTS,
        "    if private:\n",
        "    if False:  # MUTATION: data exports follow the umask\n",
        (R + "test_output_files.py::test_data_exports_are_private_whatever_the_umask",)),
    "replace-whatever-is-there": Mutation(
        OUTPUTS,
        "    if st is not None and not stat.S_ISREG(st.st_mode):\n",
        "    if False:  # MUTATION: rename over devices, FIFOs, links\n",
        (R + "test_output_files.py::test_an_output_path_that_is_not_a_regular_file_is_refused_and_left_alone",)),
    # --- ids, messages, publishing, link checks -------------------------------------------------
    "ids-case-sensitive": Mutation(
        "itacheck/domain/model.py",
        "                key = item.id.lower()\n",
        "                key = item.id  # MUTATION: E6-R1 beside e6-r1\n",
        ("tests/test_ids.py::test_ids_are_unique_within_a_plan_whatever_their_case",)),
    "broken-pipe-message": Mutation(
        "itacheck/cli.py",
        "    except BrokenPipeError:\n        return _stdout_closed()\n",
        "    except BrokenPipeError:  # MUTATION: a closed standard output is reported as an error\n"
        "        print('itacheck: Broken pipe', file=sys.stderr)\n        return 1\n",
        ("tests/test_messages.py::test_status_into_a_pipe_closed_early_ends_quietly",)),
    "published-on-the-umask": Mutation(
        "itacheck/store/publish.py",
        "        write_output(target, data, private=False, mode=PUBLISHED_MODE)\n",
        "        write_output(target, data, private=False)  # MUTATION: the web server may not read it\n",
        ("tests/test_report_handoff.py::test_publish_copies_the_same_pdf_under_a_stable_name_readable_by_the_web_server",)),
    "report-pending-miscounted": Mutation(
        "itacheck/report/wording.py",
        "def summary_row(label: str, tally: Tally, digits: str) -> list[str]:\n"
        "    pending = tally[\"due_soon\"] + tally[\"open\"] + tally[\"upcoming\"]\n",
        "def summary_row(label: str, tally: Tally, digits: str) -> list[str]:\n"
        "    pending = tally[\"due_soon\"] + tally[\"open\"]  # MUTATION: periods not yet open left out\n",
        ("tests/report/test_report_numbers.py::test_a_plan_with_different_numbers_per_indicator",)),
    "no-per-server-limit": Mutation(
        "itacheck/linkcheck.py",
        "asyncio.Semaphore(PER_HOST))\n",
        "asyncio.Semaphore(1000))  # MUTATION: any number of links on one server at once\n",
        ("tests/test_linkcheck.py::test_concurrency_is_bounded_overall_and_per_server",)),
}


def _module(file: str) -> str:
    return file.removesuffix(".py").replace("/", ".")


def missing_tests(names: list[str]) -> list[str]:
    """The named tests that the unchanged tree does not have (a renamed or removed test)."""
    wanted = sorted({t for n in names for t in MUTATIONS[n].tests})
    files = sorted({t.split("::")[0] for t in wanted if (ROOT / t.split("::")[0]).is_file()})
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-n0", "-p", "no:cacheprovider",
                           *files], capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT_S)
    if done.returncode != 0:  # e.g. pytest is not installed for this Python
        raise SystemExit(f"the tests cannot be collected with {sys.executable} (exit {done.returncode}): "
                         f"{(done.stderr or done.stdout).strip()[-600:]}")
    collected = set(done.stdout.splitlines())
    return [t for t in wanted if t not in collected and not any(c.startswith(t + "[") for c in collected)]


def run(name: str, missing: set[str], *, show: bool = False) -> str:
    """KILLED, SURVIVED or ERROR (see the module's docstring), after printing why."""
    file, old, new, tests, then = MUTATIONS[name]
    assert file.startswith("itacheck/"), f"{name}: only the package is copied and mutated, not {file}"
    if absent := [t for t in tests if t in missing]:
        print(f"{name}: ERROR: the named test does not exist (renamed?): {', '.join(absent)}")
        return "ERROR"
    text = (ROOT / file).read_text()
    for old_text, new_text in ((old, new), *then):
        count = text.count(old_text)
        if count != 1:
            where = "was not found" if count == 0 else f"occurs {count} times"
            print(f"{name}: ERROR: its old text {where} in {file}: the code changed, update this mutation "
                  f"({old_text.strip()[:200]!r})")
            return "ERROR"
        text = text.replace(old_text, new_text)
    with tempfile.TemporaryDirectory(prefix=f"itacheck-mutant-{name}-") as tmp:
        # The whole package is copied (3 MB): the mutated file must never be reached through a link
        # into the working tree. The bundled data and fonts are only read.
        shutil.copytree(ROOT / "itacheck", Path(tmp) / "itacheck", ignore=shutil.ignore_patterns("__pycache__"))
        for sub in ("data", "fonts"):
            if (ROOT / sub).exists():
                os.symlink(ROOT / sub, Path(tmp) / sub)
        (Path(tmp) / file).write_text(text)
        env = dict(os.environ, PYTHONPATH=tmp + os.pathsep + os.environ.get("PYTHONPATH", ""))
        check = subprocess.run([sys.executable, "-c", f"import {_module(file)} as m; print(m.__file__)"],
                               env=env, capture_output=True, text=True, cwd=tmp)
        if check.returncode != 0:
            print(f"{name}: ERROR: the mutated module does not import: {check.stderr.strip()[-400:]}")
            return "ERROR"
        if not check.stdout.startswith(tmp):
            print(f"{name}: ERROR: the tests would import {check.stdout.strip()}, not the mutant")
            return "ERROR"
        try:
            done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-n0", "-p", "no:cacheprovider",
                                   *(str(ROOT / t) for t in tests)],
                                  env=env, capture_output=True, text=True, cwd=tmp, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            print(f"{name}: ERROR: the tests ran over {TIMEOUT_S} s (a hang?)")
            return "ERROR"
    if show:
        print(done.stdout, done.stderr, sep="")
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    last = lines[-1] if lines else "?"
    if done.returncode == 0:
        print(f"{name}: SURVIVED: the tests pass without the guarantee ({last})")
        return "SURVIVED"
    if done.returncode != 1:  # 2 interrupted (collection error), 3 internal error, 4 usage, 5 no tests
        print(f"{name}: ERROR: pytest exited {done.returncode} ({last})\n{done.stdout[-1500:]}{done.stderr[-1500:]}")
        return "ERROR"
    failed = next((line for line in lines if line.startswith("FAILED")), "")
    reason = next((line for line in lines if line.startswith("E ")), "")
    print(f"{name}: KILLED ({last}) {failed[:200]} {reason[:400]}")
    return "KILLED"


def main(argv: list[str]) -> int:
    show = "--show" in argv
    names = [a for a in argv if a != "--show"] or list(MUTATIONS)
    if unknown := [n for n in names if n not in MUTATIONS]:
        print(f"unknown mutations: {', '.join(unknown)} (known: {', '.join(MUTATIONS)})")
        return 2
    missing = set(missing_tests(names))
    results = {n: run(n, missing, show=show) for n in names}
    print()
    for outcome in ("SURVIVED", "ERROR"):
        if bad := [n for n, r in results.items() if r == outcome]:
            print(f"{outcome}: {', '.join(bad)}")
    print(f"{sum(r == 'KILLED' for r in results.values())} of {len(results)} mutations killed")
    return 0 if all(r == "KILLED" for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
