"""Helpers shared by the reliability tests (imported by name: this folder is on sys.path).

Stress sizes: the default run is kept short; ``ITACHECK_STRESS=1`` runs the full counts (1000
kills, larger fuzzing). Tests with a stress size are marked ``slow`` so CI can also leave them out
with ``-m "not slow"``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
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


_GATED = ("import os, sys\n"
          "from itacheck.cli import main\n"
          "os.write(int(sys.argv[1]), b'r')\n"
          "os.read(int(sys.argv[2]), 1)\n"
          "import time; time.sleep(float(sys.argv[3]))\n"
          "sys.exit(main(sys.argv[4:]))\n")


def run_cli_together(*commands: list[str], data: Path, delays: Sequence[float] = (),
                     timeout: float = 120) -> list[subprocess.CompletedProcess]:
    """Run several real `itacheck` commands so that they start at the same instant: each process
    imports the program, says it is ready, and waits at a gate the test opens for all at once
    (then sleeps its entry of ``delays``, in seconds, if any). Python's start-up (~0.2 s, and
    uneven) would otherwise keep real races from overlapping; the delays let a test sweep the
    offset between two commands across the window where their decisions interleave."""
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    procs = []
    try:
        for n, args in enumerate(commands):
            delay = delays[n] if n < len(delays) else 0.0
            argv = [sys.executable, "-c", _GATED, str(ready_w), str(go_r), str(delay), "--data", str(data), *args]
            procs.append(subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(),
                                          pass_fds=(ready_w, go_r)))
        for _ in procs:
            assert os.read(ready_r, 1) == b"r"
        os.write(go_w, b"g" * len(procs))
        done = []
        for p, args in zip(procs, commands):
            out, err = p.communicate(timeout=timeout)
            done.append(subprocess.CompletedProcess(args, p.returncode, out.decode("utf-8", "replace"),
                                                    err.decode("utf-8", "replace")))
        return done
    finally:
        for fd in (ready_r, ready_w, go_r, go_w):
            os.close(fd)
        for p in procs:
            if p.poll() is None:
                p.kill()
