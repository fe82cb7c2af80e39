"""`itacheck tick` and `itacheck status` load only what they need.

Repro of the cost: the command line imported every command's modules before it looked at the
command, so a tick over SSH paid for the status table, the link checker, the report's helpers and
more, and nothing kept a command from loading Textual, the PDF code, the HTTP client or the Word
reader. Each command here runs in a fresh interpreter, as it does when an officer types it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

#: Libraries only the TUI, the report, the link check and the import of a report need.
HEAVY = ("textual", "fpdf", "httpx", "docx")

RUN = """
import json, sys
from itacheck.cli import main
code = main(json.loads(sys.argv[1]))
print(json.dumps([code, sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.argv[2])))]))
"""


@pytest.mark.parametrize("argv", [["tick", "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01"],
                                  ["tick", "e6-r1", "--date", "2023-05-01"],
                                  ["status"], ["status", "--json"]], ids=" ".join)
def test_tick_and_status_work_without_loading_the_tui_pdf_http_or_word_libraries(data: Path, argv: list[str]):
    done = subprocess.run([sys.executable, "-c", RUN, json.dumps(argv), json.dumps(HEAVY)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    code, loaded = json.loads(done.stdout.splitlines()[-1])
    assert (code, loaded) == (0, [])
    assert ("บันทึกแล้ว (recorded): e6-r1" in done.stdout) if argv[0] == "tick" else len(done.stdout) > 200
