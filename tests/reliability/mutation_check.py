"""Remove a guarantee, run the test that proves it, and check that the test now fails.

Each mutation is applied to a copy of the package in a temporary directory (put first on
PYTHONPATH), never to the working tree, so colleagues' test runs are not disturbed.

    python tests/reliability/mutation_check.py            # all mutations
    python tests/reliability/mutation_check.py plain-write no-lock

Exit status 0 when every mutation made its test fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

YF = "itacheck/store/yearfile.py"
SAFE = "itacheck/store/safefile.py"
LOCK = "itacheck/store/lockfile.py"

# name: (file, old text, new text, tests that must fail)
MUTATIONS: dict[str, tuple[str, str, str, list[str]]] = {
    "plain-write": (
        SAFE,
        "    path = Path(path)\n    try:\n        fd, tmp = tempfile.mkstemp(",
        "    path = Path(path)\n    if True:  # MUTATION: write in place, as stock TinyDB does\n"
        "        with open(path, 'wb') as f:\n            f.write(data)\n        return\n"
        "    try:\n        fd, tmp = tempfile.mkstemp(",
        ["test_crash_kill.py::test_random_sigkills_never_corrupt_or_lose_acknowledged_writes"],
    ),
    "write-per-change": (
        YF,
        "        self._working = data\n        self._dirty = True",
        "        self._working = data\n        self.save(data)  # MUTATION: save at every TinyDB change",
        ["test_crash_kill.py::test_random_sigkills_never_corrupt_or_lose_acknowledged_writes"],
    ),
    "no-lock": (
        YF,
        "        self.lock.acquire()\n        self._held = 1\n        self._remove_stale_temporaries()",
        "        self._held = 1  # MUTATION: no lock (and no clean-up, which is only safe under it)",
        ["test_concurrent_writers.py::test_four_processes_ticking_250_times_each_lose_nothing"],
    ),
    "read-outside-lock": (
        YF,
        "            self._acquire()\n            outer = self._held == 1\n            try:\n                if outer:\n"
        "                    self._working = self._load_for_update()",
        "            early = None if self._held else self._load_for_update()  # MUTATION: read, then lock\n"
        "            self._acquire()\n            outer = self._held == 1\n            try:\n                if outer:\n"
        "                    self._working = early",
        ["test_concurrent_writers.py::test_four_processes_ticking_250_times_each_lose_nothing"],
    ),
    "no-rollback": (
        YF,
        "                except BaseException:\n                    self._aborted = True\n                    raise",
        "                except BaseException:\n                    self.save(self._working)  # MUTATION: keep half a change\n"
        "                    raise",
        ["test_disk_full.py::test_a_failed_transaction_changes_nothing"],
    ),
    "polling-lock": (
        LOCK,
        "            os.close(fd)\n            fd = self._wait()",
        "            while True:  # MUTATION: poll every 20 ms\n                time.sleep(0.02)\n"
        "                try:\n                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n                    break\n"
        "                except BlockingIOError:\n                    pass",
        [],  # starvation is measured by bench/store_concurrency.py, not asserted (no timing assertions)
    ),
    "corrupt-overwritten": (
        YF,
        "            return copy_data(self._snapshot[1])\n        return self._parse(raw)\n",
        "            return copy_data(self._snapshot[1])\n        try:\n            return self._parse(raw)\n"
        "        except CorruptFile:\n            return {}  # MUTATION: start afresh over a corrupt file\n",
        ["test_corrupt_files.py"],
    ),
    "no-sha-names": (
        "itacheck/store/attachments.py",
        "        if not isinstance(sha256, str) or not _SHA.fullmatch(sha256):",
        "        if False:  # MUTATION: no digest check",
        ["test_hostile_input.py::test_a_forged_attachment_digest_never_becomes_a_path"],
    ),
    "no-group-mode": (
        SAFE,
        "    return 0o660 if shared else 0o600",
        "    return 0o600  # MUTATION: ignore the shared directory",
        ["test_file_permissions.py"],
    ),
    "no-plan-cleaning": (
        "itacheck/store/planfile.py",
        "    doc = clean_plan_document(doc)\n",
        "",
        ["test_hostile_input.py::test_plan_import_strips_terminal_escapes_from_every_text"],
    ),
    "trust-year-file-text": (
        "itacheck/store/yearformat.py",
        "        findings = clean_year_data(data, raw, thorough=thorough)\n",
        "        findings = TextFindings()  # MUTATION: trust the texts of the file\n",
        ["test_year_file_text.py::test_the_terminal_never_gets_an_escape_from_the_file"],
    ),
    "audit-name-from-environment": (
        "itacheck/store/repository.py",
        "        entry = pwd.getpwuid(uid)\n",
        "        entry = pwd.getpwnam(os.environ.get('LOGNAME') or pwd.getpwuid(uid).pw_name)  # MUTATION\n",
        ["test_audit_identity.py"],
    ),
    "exports-on-the-umask": (
        "itacheck/store/outputs.py",
        "    if private:\n",
        "    if False:  # MUTATION: data exports follow the umask\n",
        ["test_output_files.py::test_data_exports_are_private_whatever_the_umask"],
    ),
    "replace-whatever-is-there": (
        "itacheck/store/outputs.py",
        "    if st is not None and not stat.S_ISREG(st.st_mode):\n",
        "    if False:  # MUTATION: rename over devices, FIFOs, links\n",
        ["test_output_files.py::test_an_output_path_that_is_not_a_regular_file_is_refused_and_left_alone"],
    ),
    "no-records-limit": (
        "itacheck/store/repository.py",
        "            _check_room_for_a_record(db, year)\n",
        "",
        ["test_limits.py::test_a_year_holds_at_most_the_limit_of_records"],
    ),
}


def run(name: str) -> bool:
    file, old, new, tests = MUTATIONS[name]
    if not tests:
        print(f"{name}: no assertion (see its note)")
        return True
    with tempfile.TemporaryDirectory(prefix=f"itacheck-mutant-{name}-") as tmp:
        shutil.copytree(ROOT / "itacheck", Path(tmp) / "itacheck",
                        ignore=shutil.ignore_patterns("__pycache__", "tui", "report"))
        for sub in ("tui", "report"):
            if (ROOT / "itacheck" / sub).exists():
                os.symlink(ROOT / "itacheck" / sub, Path(tmp) / "itacheck" / sub)
        for sub in ("data", "fonts"):
            os.symlink(ROOT / sub, Path(tmp) / sub)
        target = Path(tmp) / file
        text = target.read_text()
        if old not in text:
            print(f"{name}: the code to mutate was not found in {file}: update this script")
            return False
        target.write_text(text.replace(old, new, 1))
        env = dict(os.environ, PYTHONPATH=tmp + os.pathsep + os.environ.get("PYTHONPATH", ""))
        check = subprocess.run([sys.executable, "-c", "import itacheck; print(itacheck.__file__)"],
                               env=env, capture_output=True, text=True, cwd=tmp)
        assert check.stdout.startswith(tmp), check.stdout
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                               *(str(HERE / t) for t in tests)], env=env, capture_output=True, text=True, cwd=tmp)
        failed = done.returncode != 0
        last = [line for line in done.stdout.splitlines() if line.strip()][-1:] or ["?"]
        detail = next((line for line in done.stdout.splitlines() if line.startswith(("E ", "FAILED"))), "")
        print(f"{name}: {'test FAILS as it should' if failed else 'test still PASSES: the guarantee is not proven'}"
              f" ({last[0]}) {detail[:240]}")
        return failed


if __name__ == "__main__":
    names = sys.argv[1:] or list(MUTATIONS)
    results = [run(n) for n in names]
    sys.exit(0 if all(results) else 1)
