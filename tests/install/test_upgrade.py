"""An upgrade keeps the officers' data.

Repro of the risk: a newer bundle installed over an older installation must leave the data
directory as it was and read what the older version wrote. An early itacheck (OLD_COMMIT, its year
files at schema version 1) is built from git history and installed into what will be
/opt/itacheck; it records a tick with a note, a link and an attached file. The current bundle's
install.sh is then run over that installation, without network: the data directory is byte for byte
unchanged, the current program (whose schema version is checked against the file's) reads the
record, its note, link and attachment, and its next save keeps them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from install_support import OLD_COMMIT, REPO, app_env, install_env, run

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib


def old_wheel(into: Path) -> Path:
    """The wheel of OLD_COMMIT, built from a copy of its tree (git archive)."""
    if run(["git", "-C", REPO, "cat-file", "-e", f"{OLD_COMMIT}^{{commit}}"]).returncode != 0:
        pytest.skip(f"the checkout has no commit {OLD_COMMIT[:10]} (a shallow clone or a source archive)")
    tree = into / "tree"
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", OLD_COMMIT], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    from uv import find_uv_bin

    done = run([find_uv_bin(), "build", "--quiet", "--python", sys.executable, "--no-python-downloads", "--wheel",
                "--out-dir", into / "wheel", tree])
    assert done.returncode == 0, done.stderr
    (wheel,) = (into / "wheel").glob("itacheck-*.whl")
    return wheel


def install_old(bundle: Path, wheel: Path, python: str, target: Path, offline: list[str]) -> None:
    """The old version as an earlier bundle left it: a virtual environment at ``target``, its
    dependencies taken from the bundle's wheels."""
    assert run([python, "-m", "venv", "--without-pip", target]).returncode == 0
    (pip,) = (bundle / "wheels").glob("pip-*.whl")
    done = run([*offline, target / "bin" / "python", pip / "pip", "install", "--isolated", "--no-index", "--quiet",
                "--find-links", bundle / "wheels", "--no-compile", wheel],
               env={**install_env(python), "PIP_CONFIG_FILE": "/dev/null"})
    assert done.returncode == 0, done.stdout + done.stderr


def files_of(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mode) for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_installing_over_an_older_version_keeps_and_reads_its_data(bundle: Path, offline: list[str],
                                                                  python_for_upgrade: str, tmp_path: Path):
    target = tmp_path / "opt" / "itacheck"
    install_old(bundle, old_wheel(tmp_path / "old"), python_for_upgrade, target, offline)
    itacheck = [*offline, target / "bin" / "itacheck", "--data", tmp_path / "data"]
    evidence = tmp_path / "minutes.txt"
    evidence.write_text("รายงานการประชุม\n", encoding="utf-8")
    for argv in (["status", "--year", "2566"],  # the old version loads the sample plan on first use
                 ["tick", "e6-r1", "--date", "2023-04-20", "--note", "รายงานผู้บริหารแล้ว",
                  "--link", "https://example.org/e6", "--file", evidence]):
        done = run([*itacheck, *argv], env=app_env())
        assert done.returncode == 0, done.stdout + done.stderr
    year_file = json.loads((tmp_path / "data" / "2566.json").read_text(encoding="utf-8"))
    assert year_file["meta"]["1"]["schema_version"] == 1
    (old_record,) = [r for r in year_file["records"].values() if r["note"] == "รายงานผู้บริหารแล้ว"]
    before = files_of(tmp_path / "data")

    done = run([*offline, bundle / "install.sh", target], env=install_env(python_for_upgrade))
    assert done.returncode == 0, done.stdout + done.stderr
    assert files_of(tmp_path / "data") == before, "installing touched the data directory"
    installed = next(target.glob("lib/python3.*/site-packages/itacheck"))
    assert (installed / "cli.py").read_bytes() == (REPO / "itacheck" / "cli.py").read_bytes(), "not upgraded"
    schema = run([target / "bin" / "python", "-c",
                  "from itacheck.store.yearformat import SCHEMA_VERSION; print(SCHEMA_VERSION)"])
    assert int(schema.stdout) >= year_file["meta"]["1"]["schema_version"]

    exported = tmp_path / "plan.toml"
    for argv in (["check"], ["plan", "export", "2566", "-o", exported]):
        done = run([*itacheck, *argv], env=app_env())
        assert done.returncode == 0, done.stdout + done.stderr
    records = tomllib.loads(exported.read_text(encoding="utf-8"))["records"]
    (record,) = [r for r in records if r["id"] == old_record["id"]]
    assert (record["task"], record["occurrence"], str(record["done_on"])) == ("e6-r1", old_record["occurrence"],
                                                                             "2023-04-20")
    assert record["links"] == ["https://example.org/e6"]
    assert [a["sha256"] for a in record["attachments"]] == [a["sha256"] for a in old_record["attachments"]]

    done = run([*itacheck, "tick", "e6-r1", "--date", "2023-07-20", "--note", "ไตรมาสที่ ๔"], env=app_env())
    assert done.returncode == 0, done.stdout + done.stderr
    year_file = json.loads((tmp_path / "data" / "2566.json").read_text(encoding="utf-8"))
    assert year_file["meta"]["1"]["schema_version"] == int(schema.stdout)
    assert old_record["id"] in {r["id"] for r in year_file["records"].values()}
