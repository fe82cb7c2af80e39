"""The TUI in a real terminal: tmux runs it, and the screen is read until something appears.

    python bench/tui.py [--runs N]

* first paint: from the `exec` of the program to the first content on the screen (any text),
  itacheck on the sample plan against a bare Textual app with the same widget types
  (`bare_app.py`);
* data shown: on the 100x10 data set (12,000 records), until the tree shows the first
  code, against the bare app's first paint; and the program's peak memory (VmHWM).

A shell line writes the time just before `exec`, so tmux's own start is not counted; the pane
is read every few milliseconds with `tmux capture-pane`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import PYTHON, line, ms, p50, show  # noqa: E402

import datasets  # noqa: E402
from tick import itacheck_command  # noqa: E402

_launches = [0]
HERE = Path(__file__).resolve().parent


def _tmux(*args: str) -> str:
    """tmux on a server of this launch's own (a server being killed refuses new sessions)."""
    return subprocess.run(["tmux", "-L", f"itabench{os.getpid()}-{_launches[0]}", *args], capture_output=True,
                          text=True).stdout


def launch(command: list[str], until: str | None, work: Path, timeout: float = 30.0) -> tuple[float, int]:
    """Seconds from exec to the screen showing ``until`` (any text when None), and the peak
    resident memory of the program in KiB, read just before it is told to quit."""
    _launches[0] += 1
    stamp = work / "exec-time"
    stamp.unlink(missing_ok=True)
    quoted = " ".join(f"'{c}'" for c in command)
    shell = f"{PYTHON} -c 'import time; print(time.time())' > {stamp}; exec {quoted}"
    _tmux("new-session", "-d", "-s", "b", "-x", "100", "-y", "30", "-e", "LANG=C.UTF-8", shell)
    try:
        deadline = time.time() + timeout
        while time.time() < deadline:
            screen = _tmux("capture-pane", "-p", "-t", "b")
            now = time.time()
            if (until in screen) if until else screen.strip():
                if stamp.exists() and stamp.read_text().strip():
                    break
            time.sleep(0.005)
        else:
            raise RuntimeError(f"{command} never showed {until!r}:\n{screen}")
        started = float(stamp.read_text())
        pid = _tmux("display-message", "-p", "-t", "b", "#{pane_pid}").strip()
        peak = 0
        try:
            for row in Path(f"/proc/{pid}/status").read_text().splitlines():
                if row.startswith("VmHWM:"):
                    peak = int(row.split()[1])
        except OSError:
            pass
        return now - started, peak
    finally:
        _tmux("kill-server")


def main(runs: int = 5) -> None:
    if not shutil.which("tmux"):
        show("TUI: tmux is not installed; skipped")
        return
    sets = datasets.build()
    bare = [PYTHON, str(HERE / "bare_app.py")]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        big = work / "big"
        shutil.copytree(sets["big"], big)
        sample = work / "sample"
        shutil.copytree(sets["sample"], sample)
        bare_t, ita_t, data_t, peaks = [], [], [], []
        for _ in range(runs):  # interleaved, so a busy moment of the machine hits both
            bare_t.append(launch(bare, None, work)[0])
            ita_t.append(launch([*itacheck_command(), "--data", str(sample)], None, work)[0])
            seconds, peak = launch([*itacheck_command(), "--data", str(big)], "๑๒๐/๑๒๐", work)
            data_t.append(seconds)
            peaks.append(peak)
        show(line("TUI first paint in tmux, sample", ms(p50(ita_t)), ms(p50(bare_t)) + " bare app",
                  p50(ita_t) / p50(bare_t), "<= 1.2x", p50(ita_t) <= 1.2 * p50(bare_t)))
        show(line("TUI on 100x10, 12k records: data shown", ms(p50(data_t)), ms(p50(bare_t)) + " bare app",
                  p50(data_t) / p50(bare_t), "< 1 s", p50(data_t) < 1.0))
        show(line("TUI on 100x10, 12k records: peak RSS", f"{max(peaks) / 1024:.0f} MB", target="< 120 MB",
                  met=max(peaks) < 120 * 1024))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    main(parser.parse_args().runs)
