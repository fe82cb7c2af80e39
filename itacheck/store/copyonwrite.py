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
from collections.abc import Callable, Mapping
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

    def insert(self, document: Mapping) -> int:
        """TinyDB's insert of a new document, less the rebuilding of the whole table it does for
        every change (each key converted to a number and back, twice a tick for thousands of
        documents): the transaction's table is its own dict (see `working_copy`), so the document
        is added to it as it is. A `Document` with its own id takes TinyDB's way."""
        if not isinstance(document, Mapping) or isinstance(document, self.document_class):
            return super().insert(document)
        doc_id = self._get_next_id()
        tables = self._storage.read()
        if tables is None:
            tables = {}
        tables.setdefault(self.name, {})[str(doc_id)] = dict(document)
        self._storage.write(tables)
        self._query_cache.clear()
        return doc_id

    def _get_next_id(self) -> int:
        """The id after the highest in the table, as TinyDB's, with the keys converted in C."""
        if self._next_id is None:
            table = self._read_table()
            self._next_id = max(map(int, table), default=0) + 1
        doc_id = self._next_id
        self._next_id = doc_id + 1
        return doc_id

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
