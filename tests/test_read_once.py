"""A year file is parsed once per change of its bytes, a save copies and re-encodes only what
changed, and neither shortcut lets a change leak into what readers already hold.

Repro of the cost: every read of a big year parsed and checked the whole file again (twice for a
status: plan, then records) and every tick deep-copied and re-encoded all of its documents.
"""

from __future__ import annotations

import gc
import json
import os
from datetime import date
from pathlib import Path

import pytest

from itacheck.gcpause import paused_gc
from itacheck.store import yearfile, yearformat
from itacheck.store.repository import Repository
from itacheck.store.yearfile import YearFile


def counting_parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    seen: list[Path] = []
    real = yearfile.parse

    def parse(raw: bytes, path: Path, **kwargs):
        seen.append(path)
        return real(raw, path, **kwargs)

    monkeypatch.setattr(yearfile, "parse", parse)
    return seen


def test_reads_of_unchanged_bytes_parse_once_and_another_writers_save_is_seen(repo: Repository, tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch):
    parses = counting_parses(monkeypatch)
    reader = Repository(tmp_path / "data", user="reader")
    plan, records = reader.plan(2566), reader.records(2566)
    assert reader.plan(2566) is plan and reader.records(2566) is records and len(parses) == 1
    added = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1), note="จากอีกคน")  # another writer
    assert added in reader.records(2566) and len(parses) == 2


def test_a_transaction_never_changes_the_content_readers_hold(repo: Repository):
    repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1), note="เดิม", links=["https://a.go.th/1"])
    year = repo.year_file(2566)
    held = year.content()
    doc_id, doc = next((k, d) for k, d in held.data["records"].items() if d["note"] == "เดิม")
    before = json.dumps(held.data, sort_keys=True)

    def change(d: dict) -> None:
        d["links"].append("https://a.go.th/2")
        d["note"] = "ใหม่"

    with year.transaction() as db:
        db.table("records").update(change, doc_ids=[int(doc_id)])
        db.table("records").update({"note": "ใหม่กว่า"}, doc_ids=[int(doc_id)])
    assert json.dumps(held.data, sort_keys=True) == before and doc["links"] == ["https://a.go.th/1"]
    [now] = [r for r in repo.records(2566) if r.note == "ใหม่กว่า"]
    assert now.links == ("https://a.go.th/1", "https://a.go.th/2")
    assert json.loads(year.path.read_bytes())["records"][doc_id]["note"] == "ใหม่กว่า"  # encoded afresh


def test_a_save_encodes_only_the_documents_that_changed_and_writes_the_same_bytes(repo: Repository,
                                                                                  monkeypatch: pytest.MonkeyPatch):
    repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1))  # this process has saved: it knows the JSON
    dumped: list[object] = []
    real = yearformat._dump
    monkeypatch.setattr(yearformat, "_dump", lambda value: dumped.append(value) or real(value))
    repo.add_record(2566, "e6-r1", "2566-Q3", date(2023, 5, 1))
    documents = [d for d in dumped if isinstance(d, dict)]
    assert len(documents) == 2 and {"task", "occurrence"} <= documents[0].keys()  # the record, its audit entry
    path = repo.year_file(2566).path
    assert path.read_bytes() == yearformat.serialise(json.loads(path.read_bytes()))


def test_a_file_edited_in_place_is_read_again_even_when_its_size_and_times_are_kept(repo: Repository):
    """Within the file system's timestamp granularity a change can keep every time: such a recent
    file is compared by its bytes."""
    first = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1), note="ก")
    year = YearFile(repo.year_file(2566).path)
    assert first in year.content().records
    path = year.path
    raw = path.read_bytes()
    st = path.stat()
    swapped = raw.replace(first.id.encode(), first.id[::-1].encode())
    path.write_bytes(swapped)  # in place, same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert first.id[::-1] in {r.id for r in year.content().records}


def test_a_year_read_goes_to_the_oldest_generation_at_once(repo: Repository, tmp_path: Path):
    """A big year's content is read with cyclic collection paused and kept for long: when it
    resumes, the content is moved to the oldest generation, instead of its being walked by a
    young collection and again by a middle one (twice 40 ms for a 12,000-record year); it is not
    left frozen, where no collection would ever look at it again."""
    gc.collect()  # the generations' counts start from nothing
    reader = Repository(tmp_path / "data", user="reader")
    reader.records(2566)
    doc = next(iter(reader.year_file(2566).content().data["records"].values()))
    assert gc.is_tracked(doc) and any(o is doc for o in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0


def test_a_read_inside_a_pause_leaves_collection_paused(tmp_path: Path, repo: Repository):
    """A command that pauses collection for its whole run (status) gets no collection from a read."""
    reader = Repository(tmp_path / "data", user="reader")
    gc.collect()
    with paused_gc():
        reader.records(2566)
        assert not gc.isenabled()
        doc = next(iter(reader.year_file(2566).content().data["records"].values()))
        assert any(o is doc for o in gc.get_objects(generation=0))
    assert gc.isenabled()
