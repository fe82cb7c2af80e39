"""The TUI on a data directory where a colleague planted a FIFO as the year file.

Repro: ``mkfifo 2566.json`` in the shared directory; the TUI's read blocked forever in its worker
thread, the screen said "Loading…" and ``q`` could not end the program (the blocked thread kept
the process alive). The pilot runs in a subprocess with a timeout, so a hang fails the test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from itacheck.store.repository import Repository

PILOT = textwrap.dedent("""
    import asyncio, sys
    from datetime import date
    from pathlib import Path
    from itacheck.store.repository import Repository
    from itacheck.tui.app import make_app
    from itacheck.tui.widgets.measure_info import MeasureInfo

    async def main():
        app = make_app(Repository(Path(sys.argv[1]), user="t"), today=date(2023, 3, 31), refresh_seconds=0.2)
        async with app.run_test() as pilot:
            for _ in range(100):
                await pilot.pause(0.05)
                if app.snapshot is not None:
                    break
            await pilot.pause()
            print("SHOWN:", str(app.screen.query_one(MeasureInfo).render()).replace("\\n", " "))
            await pilot.press("q")
            await pilot.pause()
            print("QUIT:", not app.is_running)

    asyncio.run(main())
""")


def test_a_fifo_year_file_shows_an_error_and_q_still_quits(tmp_path: Path):
    data = tmp_path / "data"
    Repository(data, user="t").load_sample()
    year = data / "2566.json"
    year.unlink()
    os.mkfifo(year)
    done = subprocess.run([sys.executable, "-c", PILOT, str(data)], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8"))
    assert done.returncode == 0, done.stderr[-2000:]
    shown = next(line for line in done.stdout.splitlines() if line.startswith("SHOWN:"))
    assert str(year) in shown and "FIFO" in shown and "อ่านข้อมูลไม่ได้" in shown
    assert "QUIT: True" in done.stdout
