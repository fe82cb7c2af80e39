"""A transaction's TinyDB works on the last checked save without copying the whole file.

A big agency's year holds tens of thousands of documents and a change touches one or two, so
a transaction starts from new dicts for the file and each table (`working_copy`) and shares the
documents themselves with the save it came from. No document is ever changed in place: TinyDB
inserts new ones and removes by id, and the tables of `TransactionDB` copy a document the first
time an update reaches it. The save stays as it was, which is what lets readers share it and
`yearformat.serialise` keep the JSON of every document it has written.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table


def working_copy(data: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """A copy of a year file's content that a transaction may change: new dicts for the file and
    each table, the documents shared (see the module's docstring)."""
    return {name: dict(table) for name, table in data.items()}


class _CopyOnWriteTable(Table):
    """A table whose documents are shared with the last checked save: TinyDB changes a document
    in place when it updates it, so each document is copied first."""

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        def on_copies(table: dict[int, Any]) -> None:
            copying = _CopiedOnAccess(table)
            updater(copying)
            table.clear()
            table.update(copying)

        super()._update_table(on_copies)


class _CopiedOnAccess(dict):
    """The documents of one table change: each is copied when first looked up by id, which is
    how TinyDB reaches a document it is about to change (inserts and removals need no copy)."""

    def __init__(self, table: dict[int, Any]) -> None:
        super().__init__(table)
        self._copied: set[int] = set()

    def __getitem__(self, doc_id: int) -> Any:
        doc = super().__getitem__(doc_id)
        if doc_id not in self._copied:
            doc = marshal.loads(marshal.dumps(doc))  # a deep copy of plain JSON data, fast
            super().__setitem__(doc_id, doc)
            self._copied.add(doc_id)
        return doc


class TransactionDB(TinyDB):
    """The TinyDB of a transaction: its tables copy a document before changing it."""

    table_class = _CopyOnWriteTable
