"""Helpers shared by the reliability tests (imported by name: this folder is on sys.path).

Stress sizes: the default run is kept short; ``ITACHECK_STRESS=1`` runs the full counts (1000
kills, larger fuzzing). Tests with a stress size are marked ``slow`` so CI can also leave them out
with ``-m "not slow"``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STRESS = os.environ.get("ITACHECK_STRESS", "") not in ("", "0")
YEAR = 2566


def stress(default: int, full: int) -> int:
    """A count for a stress test: ``full`` under ITACHECK_STRESS=1, else ``default``."""
    return full if STRESS else default


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ITACHECK_")}
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8", COLUMNS="120")
    env.update(extra)
    return env


def run_cli(*args: str | bytes | os.PathLike, data: Path | None = None, timeout: float = 60,
            env: dict[str, str] | None = None, preexec_fn=None) -> subprocess.CompletedProcess:
    """Run the installed program as an officer would (a new process); stdout/stderr as text."""
    argv: list = [sys.executable, "-c", "import sys; from itacheck.cli import main; sys.exit(main())"]
    if data is not None:
        argv += ["--data", str(data)]
    argv += [os.fsencode(a) if isinstance(a, os.PathLike) else a for a in args]
    done = subprocess.run(argv, capture_output=True, timeout=timeout, env=env or cli_env(),
                          preexec_fn=preexec_fn)
    done.stdout = done.stdout.decode("utf-8", "replace")
    done.stderr = done.stderr.decode("utf-8", "replace")
    return done


def assert_clean_failure(done: subprocess.CompletedProcess, code: int) -> None:
    """A failed command: the expected exit code, a message on stderr, no traceback, no raw escapes."""
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    assert done.stderr.strip(), "no message on stderr"
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    assert "\x1b" not in done.stderr + done.stdout
