"""The ITA catalogue: the one shipped with itacheck, and an agency's corrected copy of it.

``data/catalogue.toml`` (bundled) holds, per fiscal year, the tools, the indicators and the items
plans cite, with the public sources of that year's list and which entries were verified. The NACC
renumbers items between years and publishes no machine-readable list, so an agency that has its
year's list (from ITAS) keeps a corrected catalogue, in the same format, as ``catalogue.toml`` in
its data directory. A year found there replaces the bundled year whole; other years stay bundled.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import tomli_w

from itacheck.domain.catalogue import Catalogue, Indicator, Item, Tool
from itacheck.domain.text import MAX_LINE, MAX_NOTE, clean_text
from itacheck.locations import data_files_dir
from itacheck.store.errors import UnsafeFile
from itacheck.store.lockfile import LockFile
from itacheck.store.nofollow import Role, read_regular
from itacheck.store.safefile import atomic_write_bytes, file_mode

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

AGENCY_CATALOGUE = "catalogue.toml"
"""The agency's corrected catalogue, in its data directory."""
FORMAT = 1
MAX_CATALOGUE_FILE = 2**20
"""A catalogue is tens of kilobytes; anything larger is refused before it is read."""
AGENCY_FILE = Role("แคตตาล็อก ITA ของหน่วยงาน", "the agency's ITA catalogue")


class CatalogueError(ValueError):
    """An agency's catalogue file that cannot be used; ``str()`` is the one-line message."""


def parse_catalogues(text: str, origin: str) -> dict[int, Catalogue]:
    """The catalogue of each year in a catalogue file's ``text``; ValueError naming what is wrong.
    Every text is cleaned (it reaches terminals, screens and reports)."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"not valid TOML: {' '.join(str(exc).split())}") from None
    if (fmt := doc.get("format", FORMAT)) != FORMAT:
        raise ValueError(f"catalogue format {fmt!r} is not supported (this itacheck reads format {FORMAT})")
    years = doc.get("years")
    if not isinstance(years, list) or not years:
        raise ValueError("no [[years]] table")
    catalogues: dict[int, Catalogue] = {}
    for n, raw in enumerate(years, start=1):
        catalogue = _year(_table(raw, f"years[{n}]"), f"years[{n}]", origin)
        if catalogue.year in catalogues:
            raise ValueError(f"year {catalogue.year} is given twice")
        catalogues[catalogue.year] = catalogue
    return catalogues


@cache
def bundled_catalogues() -> dict[int, Catalogue]:
    return parse_catalogues((data_files_dir() / "catalogue.toml").read_text(encoding="utf-8"), "bundled")


def agency_catalogues(data_dir: Path) -> dict[int, Catalogue]:
    """The years corrected in ``data_dir/catalogue.toml`` (none when there is no such file);
    `CatalogueError` when the file cannot be used. Read afresh on each call: a colleague may
    have corrected it since."""
    path = Path(data_dir) / AGENCY_CATALOGUE
    text = _read_shared_file(path)
    if text is None:
        return {}
    try:
        return parse_catalogues(text, str(path))
    except ValueError as exc:
        raise _unusable(path, str(exc)) from None


def catalogue_for(year: int, data_dir: Path | None = None) -> Catalogue:
    """The catalogue of ``year``, else of the nearest year before it, else the earliest one: the
    agency's corrected year (from ``data_dir``) where there is one, else the bundled year."""
    catalogues = dict(bundled_catalogues())
    if data_dir is not None:
        catalogues.update(agency_catalogues(data_dir))
    earlier = [y for y in catalogues if y <= year]
    return catalogues[max(earlier) if earlier else min(catalogues)]


def _read_shared_file(path: Path) -> str | None:
    """The text of ``path``, or None when it does not exist, read as every shared entry is (see
    `read_regular`): a colleague could plant a link or a FIFO in a group-shared data directory."""
    try:
        raw = read_regular(path, AGENCY_FILE, MAX_CATALOGUE_FILE)
    except UnsafeFile as exc:
        raise CatalogueError(str(exc)) from None
    except OSError as exc:
        raise _unusable(path, exc.strerror or str(exc)) from None
    if raw is None:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _unusable(path, f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def _unusable(path: Path, detail: str) -> CatalogueError:
    return CatalogueError(f"แคตตาล็อก ITA ของหน่วยงาน {path} ใช้ไม่ได้ แก้ไขหรือลบไฟล์นี้ "
                          f"(the agency's ITA catalogue {path} cannot be used: {detail}; correct or remove it)")


def _year(doc: dict[str, Any], where: str, origin: str) -> Catalogue:
    year = _int(doc, "year", where)
    if not 2500 <= year <= 2700:
        raise ValueError(f"{where}.year: {year} is not a Buddhist-era fiscal year such as 2568")
    where = f"year {year}"
    tools = tuple(_tool(_table(t, f"{where} tool"), f"{where} tool") for t in _list(doc, "tools", where, required=True))
    codes = [t.code for t in tools]
    if len(set(codes)) < len(codes):
        raise ValueError(f"{where}: a tool code is given twice")
    indicators = tuple(_indicator(_table(i, f"{where} indicator"), f"{where} indicator", codes)
                       for i in _list(doc, "indicators", where, required=True))
    numbers = [i.number for i in indicators]
    if len(set(numbers)) < len(numbers):
        raise ValueError(f"{where}: an indicator number is given twice")
    items = tuple(_item(_table(i, f"{where} item"), f"{where} item", numbers) for i in _list(doc, "items", where))
    item_codes = [i.code.lower() for i in items]
    if len(set(item_codes)) < len(item_codes):
        raise ValueError(f"{where}: an item code is given twice")
    verified, sources = _verified(doc, where)
    return Catalogue(year=year, tools=tools, indicators=indicators, items=items, verified=verified,
                     sources=sources, note=_text(doc, "note", where, MAX_NOTE, ""), origin=origin)


def _tool(doc: dict[str, Any], where: str) -> Tool:
    code = _text(doc, "code", where, MAX_LINE)
    where = f"{where} {code}"
    return Tool(code, _text(doc, "name", where, MAX_LINE), _text(doc, "name_en", where, MAX_LINE, ""))


def _indicator(doc: dict[str, Any], where: str, tools: list[str]) -> Indicator:
    number = _int(doc, "number", where)
    where = f"{where} {number}"
    tool = _text(doc, "tool", where, MAX_LINE)
    if tool not in tools:
        raise ValueError(f"{where}: tool {tool!r} is not among the year's tools ({', '.join(tools)})")
    return Indicator(number, tool, _text(doc, "name", where, MAX_LINE), _text(doc, "name_en", where, MAX_LINE, ""))


def _item(doc: dict[str, Any], where: str, indicators: list[int]) -> Item:
    code = _text(doc, "code", where, MAX_LINE)
    where = f"{where} {code}"
    indicator = _int(doc, "indicator", where)
    if indicator not in indicators:
        raise ValueError(f"{where}: indicator {indicator} is not among the year's indicators")
    verified, sources = _verified(doc, where)
    return Item(code, indicator, _text(doc, "text", where, MAX_NOTE), verified=verified, sources=sources,
                note=_text(doc, "note", where, MAX_NOTE, ""))


def _verified(doc: dict[str, Any], where: str) -> tuple[bool, tuple[str, ...]]:
    """An entry is verified only when it says so and names where it was checked."""
    verified = doc.get("verified", False)
    if not isinstance(verified, bool):
        raise ValueError(f"{where}: 'verified' must be true or false")
    sources = tuple(clean_text(_str(s, f"{where} sources"), limit=MAX_LINE, what=f"{where} source", multiline=False)
                    for s in _list(doc, "sources", where))
    if verified and not sources:
        raise ValueError(f"{where}: verified = true needs at least one source in 'sources'")
    return verified, sources


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{where} must be a table")
    return value


def _list(doc: dict[str, Any], key: str, where: str, *, required: bool = False) -> list[Any]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"{where}: '{key}' must be a list")
    if required and not value:
        raise ValueError(f"{where}: at least one entry is needed in '{key}'")
    return value


def _int(doc: dict[str, Any], key: str, where: str) -> int:
    value = doc.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{where}: '{key}' must be a whole number, not {value!r}")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where} must be text, not {value!r}")
    return value


def _text(doc: dict[str, Any], key: str, where: str, limit: int, default: str | None = None) -> str:
    """A cleaned text field; required (non-empty) unless a ``default`` is given."""
    if key not in doc:
        if default is None:
            raise ValueError(f"{where}: '{key}' is missing")
        return default
    text = clean_text(_str(doc.get(key), f"{where}: '{key}'"), limit=limit, what=f"{where} {key}",
                      multiline=limit == MAX_NOTE)
    if not text and default is None:
        raise ValueError(f"{where}: '{key}' is empty")
    return text


def add_agency_item(data_dir: Path, year: int, item: Item, *, lock_timeout: float = 10.0) -> Catalogue:
    """Record ``item`` in the agency's corrected catalogue for ``year`` (an item code the bundled
    list lacks or numbers differently, e.g. from the agency's ITAS list). The year starts as a
    copy of the catalogue it uses now; other corrected years are kept as they are. Written under
    a lock and atomically, like a year file: colleagues share the file."""
    path = Path(data_dir) / AGENCY_CATALOGUE
    lock = LockFile(path, lock_timeout)
    lock.acquire()
    try:
        years = agency_catalogues(data_dir)
        base = years.get(year) or replace(catalogue_for(year, data_dir), year=year, origin=str(path))
        items = tuple(i for i in base.items if i.code.lower() != item.code.lower()) + (item,)
        years[year] = replace(base, items=items)
        text = catalogues_text(years)
        parse_catalogues(text, str(path))  # what is written must read back
        atomic_write_bytes(path, text.encode("utf-8"), file_mode(Path(data_dir)))
    finally:
        lock.release()
    return years[year]


def catalogues_text(catalogues: dict[int, Catalogue]) -> str:
    """A catalogue file holding ``catalogues`` (the format `parse_catalogues` reads)."""
    def year_doc(c: Catalogue) -> dict[str, Any]:
        doc: dict[str, Any] = {"year": c.year, "verified": c.verified, "sources": list(c.sources), "note": c.note,
                               "tools": [{"code": t.code, "name": t.name, "name_en": t.name_en} for t in c.tools],
                               "indicators": [{"number": i.number, "tool": i.tool, "name": i.name,
                                               "name_en": i.name_en} for i in c.indicators]}
        doc["items"] = [{"code": i.code, "indicator": i.indicator, "text": i.text, "verified": i.verified,
                         "sources": list(i.sources), "note": i.note} for i in c.items]
        return doc

    header = ("# แคตตาล็อก ITA ที่หน่วยงานแก้ไข (the agency's corrected ITA catalogue): a year here replaces\n"
              "# the bundled one. Written by itacheck; may be edited in any UTF-8 text editor.\n")
    return header + tomli_w.dumps({"format": FORMAT, "years": [year_doc(c) for _, c in sorted(catalogues.items())]})
