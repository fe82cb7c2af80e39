"""Dependencies point one way: tui/report/cli → store → domain. Checked on the source, so a stray
import fails here rather than in a slow start-up over SSH."""

import ast
import subprocess
import sys
from pathlib import Path

import itacheck

PACKAGE = Path(itacheck.__file__).parent

FORBIDDEN = {
    "domain": ("textual", "rich", "tinydb", "fpdf", "uharfbuzz", "itacheck.store", "itacheck.tui",
               "itacheck.report", "itacheck.cli"),
    "thai.py": ("textual", "rich", "tinydb", "fpdf", "itacheck.store", "itacheck.tui", "itacheck.report"),
    "thaitext": ("textual", "rich", "tinydb", "fpdf", "uharfbuzz", "itacheck.store", "itacheck.tui",
                 "itacheck.report", "itacheck.cli", "itacheck.domain"),
    "labels.py": ("textual", "rich", "tinydb", "fpdf", "itacheck.store", "itacheck.tui", "itacheck.report"),
    "store": ("textual", "rich", "fpdf", "itacheck.tui", "itacheck.report", "itacheck.cli"),
    "report": ("textual", "tinydb", "itacheck.tui", "itacheck.cli", "itacheck.store.yearfile"),
    "reportimport": ("textual", "rich", "tinydb", "fpdf", "itacheck.tui", "itacheck.cli", "itacheck.report",
                     "itacheck.store.yearfile", "itacheck.store.repository"),
}


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_layers_import_only_downwards():
    problems = []
    for part, banned in FORBIDDEN.items():
        target = PACKAGE / part
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target] if target.exists() else []
        for f in files:
            for name in imports_of(f):
                if any(name == b or name.startswith(b + ".") for b in banned):
                    problems.append(f"{f.relative_to(PACKAGE)} imports {name}")
    assert problems == []


def test_importing_the_domain_loads_no_ui_storage_or_pdf_library():
    code = ("import sys, itacheck.thai, itacheck.domain.status, itacheck.domain.cadence, itacheck.domain.text, "
            "itacheck.thaitext.lines;"
            "bad = [m for m in ('textual', 'rich', 'tinydb', 'fpdf', 'thaibreak') if m in sys.modules]; assert not bad, bad")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
