"""What the ITA assesses in a given fiscal year: tools, the ten indicators, and known item codes.

Item codes and even names change between years, so they are data (``data/catalogue.toml``) that an
officer can correct; plans refer to indicators by number and are checked against this.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tool:
    code: str
    name: str
    name_en: str = ""


@dataclass(frozen=True)
class Indicator:
    number: int
    tool: str
    name: str
    name_en: str = ""


@dataclass(frozen=True)
class Item:
    code: str
    indicator: int
    text: str


@dataclass(frozen=True)
class Catalogue:
    year: int
    tools: tuple[Tool, ...]
    indicators: tuple[Indicator, ...]
    items: tuple[Item, ...] = ()
    verified: bool = False

    def tool(self, code: str) -> Tool | None:
        return next((t for t in self.tools if t.code == code), None)

    def indicator(self, number: int) -> Indicator | None:
        return next((i for i in self.indicators if i.number == number), None)

    def item(self, code: str) -> Item | None:
        return next((i for i in self.items if i.code.lower() == code.lower()), None)

    def check_measure(self, tool: str, indicator: int) -> str | None:
        """Why a measure's tool and indicator do not fit this year's ITA, or ``None``."""
        found = self.indicator(indicator)
        if found is None:
            return f"indicator {indicator} is not in the ITA {self.year} catalogue"
        if found.tool != tool:
            return f"indicator {indicator} ({found.name}) belongs to {found.tool}, not {tool}"
        return None
