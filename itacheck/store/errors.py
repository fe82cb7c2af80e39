"""What can go wrong with the data directory, each with a message an officer can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every storage problem; ``str()`` is the user-facing message."""


class StoreBusy(StoreError):
    """Another officer's save held the lock for too long."""


class CorruptFile(StoreError):
    """A year file cannot be read as an itacheck database. It is never overwritten."""


class NewerSchema(StoreError):
    """A year file was written by a newer itacheck."""


class WriteFailed(StoreError):
    """A save could not be completed (disk full, permissions…); the previous file is intact."""
