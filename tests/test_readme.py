"""The README is the user guide: it opens with the two commands, shows only pictures that
`docs/make_pictures.py` makes, and its command reference names every command."""

from __future__ import annotations

import html
import importlib.util
import io
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from itacheck.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_opens_with_the_two_commands() -> None:
    assert README.startswith('# itacheck\n\n```sh\npip install . && itacheck\npip install ".[test]" && pytest\n```\n')


def _script():
    spec = importlib.util.spec_from_file_location("make_pictures", ROOT / "docs" / "make_pictures.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def test_every_picture_shown_is_made_by_the_script_and_every_picture_made_is_shown() -> None:
    """A picture renamed in the script but not in the README (or left behind in docs/pictures)
    would show a stale or missing image."""
    shown = re.findall(r"!\[[^\]]+\]\(docs/pictures/([^)]+)\)", README)
    assert sorted(shown) == sorted(_script().FILES) == sorted(p.name for p in (ROOT / "docs" / "pictures").iterdir())


def test_thai_runs_in_the_pictures_are_as_wide_as_their_cells() -> None:
    """Repro: Rich's SVG export gives a run ``textLength`` = characters × cell width; Thai vowel
    and tone marks take no cell, so a browser stretched ตัวชี้วัดที่ over the next pane. The
    script's pictures give each run the width of its cells."""
    console = Console(record=True, width=40, file=io.StringIO())
    console.print("ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร", highlight=False)
    runs = re.findall(r'<text [^>]*textLength="([\d.]+)"[^>]*>([^<]*)</text>', _script().fit_thai(console.export_svg()))
    assert runs, "no text run found"
    for length, text in runs:  # Rich's cell is 0.61 × its 20 px font
        assert float(length) == pytest.approx(12.2 * cell_len(html.unescape(text))), text


def test_the_command_reference_names_every_command() -> None:
    reference = README[README.index("## Command reference"):]
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    missing = [name for name in commands if not re.search(rf"^itacheck {re.escape(name)}(\s|$)", reference, re.M)]
    assert not missing, missing
