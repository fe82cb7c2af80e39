"""Pausing Python's cyclic garbage collector while many objects are built at once.

Reading a big agency's year builds hundreds of thousands of dicts and strings, and its status
tens of thousands of small values; none of them is in a reference cycle, so reference counting
frees them all. Yet every 700 new objects start a collection, and every few of those walk
everything alive, the whole year's data included: measured, that doubled both the read and the
status. Standard library only, so every layer may use it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc(*, kept: bool = False) -> Iterator[None]:
    """No cyclic collection inside the block (re-entrant: an inner block leaves it paused).

    ``kept``: what the block makes stays alive long after it (a year file's content). Everything
    made while collection was paused is in the youngest generation when it resumes: the next
    young collection walks all of it and moves it one generation up, where the next middle one
    walks it again. One collection of both when the block ends moves it to the oldest generation,
    which is walked only after many more objects have been kept (a quarter of those there)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if kept:
                gc.collect(1)
            gc.enable()
