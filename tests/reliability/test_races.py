"""Decisions taken under the lock: nothing that another officer saves between "is it there yet?"
and the save can be lost or doubled.

Every test here starts real `itacheck` processes at the same instant (`run_cli_together`) on a
fresh data directory, many times over, because a race shows only some of the time.
"""

from __future__ import annotations

from pathlib import Path


from itacheck.locations import data_files_dir
from itacheck.store.repository import Repository
from reliability_support import YEAR, run_cli_together, stress



def _our_plan(tmp_path: Path, year: int, name: str) -> Path:
    """The sample plan as another agency's plan of fiscal year ``year``."""
    text = (data_files_dir() / "sample-2566.toml").read_text(encoding="utf-8")
    text = text.replace('name = "องค์การบริหารส่วนตำบลเมืองน้อย"', f'name = "{name}"', 1)
    if year != YEAR:
        text = text.replace("year = 2566", f"year = {year}", 1)
        start = text.index("[[records]]")
        text = text[:start]  # records and once-dates of 2566 do not fit another year
        text = text.replace("2022-", f"{2022 + year - YEAR}-").replace("2023-", f"{2023 + year - YEAR}-")
    path = tmp_path / f"ours-{year}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_first_run_never_loads_the_sample_over_an_imported_plan(tmp_path: Path):
    """Repro: `plan import ours.toml` and `status` started at the same moment on a new data
    directory; in 20 of 40 runs the import said "imported" and then status seeded the bundled
    sample over it (audit: "import ours.toml", then "sample plan"). Now only an explicit start
    loads the sample, and that start decides under the lock and never replaces a plan: here
    `init --sample` races the import, and whichever comes first, the agency's own plan stays."""
    ours = _our_plan(tmp_path, YEAR, "เทศบาลตำบลทดสอบ")
    for run in range(stress(10, 80)):  # the old code lost the import in 16 of 20 such runs
        data = tmp_path / f"d{run}"
        imported, status, init = run_cli_together(["plan", "import", str(ours)], ["status"], ["init", "--sample"],
                                                  data=data)
        assert imported.returncode == 0, imported.stderr
        assert init.returncode == 0, init.stderr
        repo = Repository(data)
        assert repo.plan(YEAR).organisation.name == "เทศบาลตำบลทดสอบ", (run, status.stdout, init.stdout)
        imports = [e.summary for e in repo.audit(YEAR) if e.action == "import"]  # newest first
        assert ours.name in imports[0], (run, imports)  # the sample, if loaded, came before and was replaced


def test_plan_copy_never_replaces_a_plan_imported_at_the_same_moment(tmp_path: Path):
    """Repro: `plan import ours-2567.toml` and `plan copy 2566 2567` at the same moment: in 2 of
    40 runs both succeeded and the copy replaced the imported plan. The "target already has a
    plan" check now runs under the target year's lock: the copy either comes first (and the
    import, an explicit replacement, follows) or it is refused."""
    ours = _our_plan(tmp_path, 2567, "แผนที่นำเข้า")
    for run in range(stress(24, 120)):
        data = tmp_path / f"d{run}"
        Repository(data).load_sample()
        # The copy starts 0–27 ms after the import: the offsets sweep the window where the copy's
        # check falls before the import's save and its own save after it (before the check moved
        # under the lock, about a third of such runs lost the imported plan).
        imported, copied = run_cli_together(["plan", "import", str(ours)], ["plan", "copy", "2566", "2567"],
                                            data=data, delays=(0, (run % 10) * 0.003))
        assert imported.returncode == 0, imported.stderr
        assert Repository(data).plan(2567).organisation.name == "แผนที่นำเข้า", (run, copied.stdout, copied.stderr)
        if copied.returncode != 0:
            assert copied.returncode == 2 and "2567" in copied.stderr, copied.stderr


def test_parallel_ticks_of_one_date_record_its_period_once(tmp_path: Path):
    """Repro: 8 parallel `tick e7-s1 --date 2023-09-30` recorded M02–M05 twice each and left
    M06–M08 open: each process chose "the earliest open occurrence" from a read taken before the
    lock. Now the date chooses September (2566-M12), under the lock: one tick records it and the
    seven others are refused, naming the record that is there."""
    for run in range(stress(3, 12)):
        data = tmp_path / f"d{run}"
        Repository(data).load_sample()
        before = {r.id for r in Repository(data).records(YEAR)}
        done = run_cli_together(*[["tick", "e7-s1", "--date", "2023-09-30", "--note", f"officer {i}"]
                                  for i in range(8)], data=data)
        new = [r for r in Repository(data).records(YEAR) if r.id not in before]
        assert [(r.task_id, r.occurrence) for r in new] == [("e7-s1", "2566-M12")], (run, new)
        assert sorted(d.returncode for d in done) == [0] + [2] * 7, [d.stderr for d in done]
        for refused in (d for d in done if d.returncode == 2):
            assert "ก.ย. ๖๖" in refused.stderr and new[0].recorded_by in refused.stderr, refused.stderr
            assert "--occurrence 2566-M12" in refused.stderr, refused.stderr
