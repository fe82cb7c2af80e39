"""Reading the bundled ITA catalogue (``data/catalogue.toml``)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from itacheck.domain.catalogue import Catalogue, Indicator, Item, Tool
from itacheck.locations import data_files_dir


def read_catalogues(path: Path) -> dict[int, Catalogue]:
    doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return {
        y["year"]: Catalogue(
            year=y["year"],
            tools=tuple(Tool(t["code"], t["name"], t.get("name_en", "")) for t in y.get("tools", [])),
            indicators=tuple(Indicator(i["number"], i["tool"], i["name"], i.get("name_en", ""))
                             for i in y.get("indicators", [])),
            items=tuple(Item(i["code"], i["indicator"], i["text"]) for i in y.get("items", [])),
            verified=bool(y.get("verified", False)),
        )
        for y in doc.get("years", [])
    }


@cache
def bundled_catalogues() -> dict[int, Catalogue]:
    return read_catalogues(data_files_dir() / "catalogue.toml")


def catalogue_for(year: int) -> Catalogue:
    """The catalogue of ``year``, else of the nearest year before it, else the earliest one."""
    catalogues = bundled_catalogues()
    earlier = [y for y in catalogues if y <= year]
    return catalogues[max(earlier) if earlier else min(catalogues)]
