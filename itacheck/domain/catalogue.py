"""What the ITA assesses in a given fiscal year: tools, the ten indicators, and known item codes.

Item codes and even names change between years and the NACC publishes no machine-readable list, so
they are data (``data/catalogue.toml``, or an agency's corrected copy) that records where each
year's list comes from and which entries were checked against a source. Plans refer to indicators
by number and are checked against this.
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
    """A question (IIT ``i…``, EIT ``e…``) or OIT item (``O…``) that a plan of this year cites."""

    code: str
    indicator: int
    text: str
    verified: bool = False
    """The code and text were seen, for this year, in one of ``sources``."""
    sources: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Catalogue:
    year: int
    tools: tuple[Tool, ...]
    indicators: tuple[Indicator, ...]
    items: tuple[Item, ...] = ()
    verified: bool = False
    """The tools and the indicators' numbers, names and tools were checked against ``sources``."""
    sources: tuple[str, ...] = ()
    """Where this year's list comes from: web addresses, or a document named in words."""
    note: str = ""
    """What is known and what is not, for the officer who corrects the list."""
    origin: str = "bundled"
    """``"bundled"``, or the path of the agency's corrected catalogue the year was read from."""

    def tool(self, code: str) -> Tool | None:
        return next((t for t in self.tools if t.code == code), None)

    def indicator(self, number: int) -> Indicator | None:
        return next((i for i in self.indicators if i.number == number), None)

    def item(self, code: str) -> Item | None:
        """The item with ``code`` (``E6`` finds ``e6``): agencies write codes in either case."""
        return next((i for i in self.items if i.code.lower() == code.lower()), None)

    def check_measure(self, tool: str, indicator: int) -> str | None:
        """Why a measure's tool and indicator do not fit this year's ITA, or ``None``."""
        found = self.indicator(indicator)
        if found is None:
            return f"indicator {indicator} is not in the ITA {self.year} catalogue"
        if found.tool != tool:
            return f"indicator {indicator} ({found.name}) belongs to {found.tool}, not {tool}"
        return None
