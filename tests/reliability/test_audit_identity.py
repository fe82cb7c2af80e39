"""Audit identity: who made a change is the real Unix account of the process, not what the
environment claims. ``LOGNAME`` and ``USER`` are set by whoever starts the program, so a colleague
could record evidence (or undo it) under another officer's name by setting them."""

from __future__ import annotations

import json
import os
import pwd
from pathlib import Path

from reliability_support import YEAR, cli_env, run_cli


def test_logname_and_user_do_not_change_who_is_recorded(data_dir: Path):
    """Repro: `LOGNAME=another-officer USER=another-officer itacheck tick e6-r1 …` was recorded
    (record and audit log) as "another-officer"; it must be the account of the real uid."""
    real = pwd.getpwuid(os.getuid()).pw_name
    env = cli_env(LOGNAME="another-officer", USER="another-officer", LNAME="another-officer",
                  USERNAME="another-officer")
    done = run_cli("tick", "e6-r1", "--occurrence", "2566-Q2", "--date", "2023-02-01", data=data_dir, env=env)
    assert done.returncode == 0, done.stderr
    assert "another-officer" not in done.stdout
    doc = json.loads((data_dir / f"{YEAR}.json").read_text(encoding="utf-8"))
    record = next(r for r in doc["records"].values() if r["occurrence"] == "2566-Q2" and r["task"] == "e6-r1")
    audit = next(a for a in doc["audit"].values() if a.get("record") == record["id"])
    for who in (record["recorded_by"], audit["user"]):
        assert who == real or who.startswith(f"{real} ("), who
