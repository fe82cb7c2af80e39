"""The lowest supported Python is checked, not assumed.

Repro of the gap: itacheck asked for Python 3.11, which rules out Ubuntu 22.04's 3.10, although
every dependency runs on 3.10 (fpdf2 2.8.9, the pinned version, is the one that needs 3.10) and the
code needed only `tomllib`. The floor is now 3.10; vermin reads the package, the tests and the tools
and fails when any of them uses a language feature or library module that the lowest version lacks
(e.g. an unguarded `import tomllib`, `except*`, `typing.Self`), so the floor cannot slip again unseen.
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import itacheck

HERE = Path(__file__).resolve().parent
CLASSIFIER = "Programming Language :: Python :: "


def supported() -> list[str]:
    found = [c[len(CLASSIFIER):] for c in importlib.metadata.metadata("itacheck").get_all("Classifier") or []
             if c.startswith(CLASSIFIER)]
    return sorted((v for v in found if v.count(".") == 1), key=lambda v: tuple(map(int, v.split("."))))


def test_requires_python_is_the_lowest_version_the_bundle_carries():
    versions = supported()
    assert versions[0] == "3.10" and versions[-1] >= "3.13"
    assert importlib.metadata.metadata("itacheck")["Requires-Python"] == f">={versions[0]}"


def test_the_code_needs_nothing_newer_than_the_lowest_supported_python():
    scripts = (HERE.parent / "tools", HERE.parent / "bench", HERE.parent / "docs")
    paths = [Path(itacheck.__file__).parent, HERE] + [p for p in scripts if p.is_dir()]
    done = subprocess.run([sys.executable, "-c", "import sys, vermin; sys.exit(vermin.main())",
                           f"--target={supported()[0]}-", "--violations", "--eval-annotations", "--no-tips",
                           "--feature", "union-types", *map(str, paths)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Minimum required versions" in done.stdout, done.stdout[-2000:]  # it did read the files
