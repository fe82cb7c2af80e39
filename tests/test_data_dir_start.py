"""Only an explicit start creates a data directory or loads the sample plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from itacheck.cli import main
from itacheck.locations import data_files_dir
from itacheck.store.repository import Repository

READERS = [["status"], ["tick", "e6-r1", "--date", "2023-02-01"], ["report", "-o", "r.pdf"],
           ["export", "--format", "csv", "-o", "r.csv"], ["plan", "list"], ["plan", "export", "2566", "-o", "p.toml"],
           ["plan", "copy", "2566", "2567"], ["backup"], ["check"]]


@pytest.mark.parametrize("argv", READERS, ids=lambda a: " ".join(a[:2]))
def test_a_mistyped_data_directory_is_refused_and_not_created(tmp_path: Path, capsys, monkeypatch, argv):
    """Repro: a mistyped `--data` given to `tick` created the directory, seeded the sample agency's
    plan and printed "recorded"; the officer's evidence went where nobody would look for it."""
    monkeypatch.chdir(tmp_path)
    typo = tmp_path / "sevr" / "itacheck"
    assert main(["--data", str(typo), *argv]) == 2
    out, err = capsys.readouterr()
    assert out == "" and str(typo) in err and "itacheck init" in err
    assert len(err.strip().splitlines()) == 1
    assert not typo.exists() and not typo.parent.exists()


def test_init_creates_an_empty_data_directory_and_init_sample_loads_the_sample_once(tmp_path: Path, capsys):
    data = tmp_path / "data"
    assert main(["--data", str(data), "init"]) == 0
    assert data.is_dir() and Repository(data).years() == []
    assert main(["--data", str(data), "status"]) == 2
    assert "itacheck init --sample" in capsys.readouterr().err
    assert main(["--data", str(data), "init", "--sample"]) == 0
    assert Repository(data).plan(2566).organisation.name == "องค์การบริหารส่วนตำบลเมืองน้อย"
    assert main(["--data", str(data), "tick", "e6-r1", "--date", "2023-02-01"]) == 0
    capsys.readouterr()
    assert main(["--data", str(data), "init", "--sample"]) == 0  # again: nothing replaced
    assert "already has a plan" in capsys.readouterr().out
    assert any(r.occurrence == "2566-Q2" for r in Repository(data).records(2566))


def test_the_sample_never_replaces_a_plan(tmp_path: Path):
    repo = Repository(tmp_path / "data", user="tester")
    text = (data_files_dir() / "sample-2566.toml").read_text(encoding="utf-8").replace("เมืองน้อย", "บ้านเรา")
    (tmp_path / "ours.toml").write_text(text, encoding="utf-8")
    assert main(["--data", str(repo.data_dir), "plan", "import", str(tmp_path / "ours.toml")]) == 0  # creates it
    assert repo.load_sample() is False
    assert repo.plan(2566).organisation.name == "องค์การบริหารส่วนตำบลบ้านเรา"
