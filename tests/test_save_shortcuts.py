"""A save takes shortcuts a tick on a big year needs, and none of them may lose a change.

Repro of the cost: a tick on a year of 2,000 records took six to seven times an atomic write of
the same bytes: the file was hashed after each save and hashed again when the next change read it
back, TinyDB rebuilt each table it inserted into (every key converted to a number and back), and
the whole file was encoded again document by document.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from itacheck.store import yearformat
from itacheck.store.repository import Repository


def _edit_in_place(path: Path, old: bytes, new: bytes) -> None:
    """Another program rewrites ``path`` in place with the same size and puts its times back,
    as a change within the file system's timestamp granularity can leave them."""
    raw, st = path.read_bytes(), path.stat()
    assert len(old) == len(new) and old in raw
    with open(path, "r+b") as f:
        f.write(raw.replace(old, new))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_file_edited_in_place_just_after_this_process_saved_it_is_read_again(repo: Repository):
    """The file this process has just written is recognised by its bytes, not by the save: an
    in-place change that keeps its size and times is seen by the next read and the next change."""
    first = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1), note="กขค")
    path = repo.year_file(2566).path
    _edit_in_place(path, "กขค".encode(), "งจฉ".encode())
    assert {r.note for r in repo.records(2566) if r.id == first.id} == {"งจฉ"}
    _edit_in_place(path, "งจฉ".encode(), "ชซฌ".encode())
    repo.add_record(2566, "e6-r1", "2566-Q3", date(2023, 5, 1))  # its transaction starts from the file
    notes = {d["id"]: d["note"] for d in json.loads(path.read_bytes())["records"].values()}
    assert notes[first.id] == "ชซฌ"


def test_saves_write_what_a_fresh_encoding_of_the_file_writes(repo: Repository):
    """Whatever a change does (add, correct, undo, edit the plan, several in one transaction),
    the bytes written are those of the whole content encoded afresh."""
    path = repo.year_file(2566).path

    def fresh() -> bytes:
        return yearformat.serialise(json.loads(path.read_bytes()))

    first = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1), note="ก")
    assert path.read_bytes() == fresh()
    repo.edit_record(2566, first.id, date(2023, 2, 2), note="แก้")  # removes the document, inserts anew
    assert path.read_bytes() == fresh()
    year = repo.year_file(2566)
    with year.transaction() as db:
        records = db.table("records")
        records.update({"note": "ต้น"}, doc_ids=[min(int(k) for k in year.content().data["records"])])
        records.insert({**records.all()[-1], "id": "f" * 32, "note": "ท้าย"})
    assert path.read_bytes() == fresh()
    assert [d["note"] for d in json.loads(path.read_bytes())["records"].values()][::len(repo.records(2566)) - 1] \
        == ["ต้น", "ท้าย"]
    repo.remove_record(2566, first.id)
    assert path.read_bytes() == fresh()
    repo.save_plan(repo.plan(2566), summary="แผนเดิม")
    assert path.read_bytes() == fresh()


def test_an_insert_takes_the_id_after_the_highest_and_goes_last(repo: Repository):
    """A hand-edited file may list its documents out of order, with gaps: a new document gets the
    id after the highest, as TinyDB gives it, and is written after the others."""
    path = repo.year_file(2566).path
    data = json.loads(path.read_bytes())
    docs = list(data["records"].values())
    data["records"] = {"40": docs[0], "7": docs[1], **{str(i + 8): d for i, d in enumerate(docs[2:])}}
    path.write_bytes(yearformat.serialise(data))
    added = repo.add_record(2566, "e6-r1", "2566-Q2", date(2023, 2, 1))
    records = json.loads(path.read_bytes())["records"]
    assert list(records)[:2] == ["40", "7"] and list(records)[-1] == "41" and records["41"]["id"] == added.id
    assert path.read_bytes() == yearformat.serialise(json.loads(path.read_bytes()))
