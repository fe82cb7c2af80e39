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
    young collection would walk all of it and move it one generation up, where the next middle
    one would walk it again. Freezing and at once unfreezing every object moves them all to the
    oldest generation without walking any (a list splice): that generation is walked only by full
    collections, which would walk them anyway. Measured on a 12 MB year file in the TUI's
    process: 40 ms less than collecting the young generations, and one full collection fewer
    afterwards. (Nothing in itacheck freezes objects for good, which this would undo.)"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if kept:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
