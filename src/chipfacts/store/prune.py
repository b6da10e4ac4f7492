"""Cache entries of stores that are gone: a store built once and deleted (a
generated test store, a moved checkout) would otherwise keep its compiled
database, which can be hundreds of megabytes, in the user's cache for ever.

They are removed when a store is built afresh (rare, and already slow), never
on a lookup. An entry is removed only when it names its store and that path
no longer exists; an entry that cannot be read (another layout, damage) is left
to ``chipfacts cache clear``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from chipfacts.store import database, verify


def location_of(entry: Path) -> str | None:
    """The store path a cached database was built from, as it recorded it; None
    when it cannot be read or cannot be trusted to be the real path."""
    try:
        uri = entry.resolve().as_uri() + "?mode=ro"
        connection = sqlite3.connect(uri, uri=True)
    except (sqlite3.Error, ValueError, OSError):
        return None
    try:
        verify.harden(connection)
        row = connection.execute("SELECT value FROM meta WHERE key = 'location'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    location = row[0] if row is not None and isinstance(row[0], str) else None
    # ``path_text`` escapes bytes that were not UTF-8: such a path cannot be
    # checked by its text, and a store is never removed on a guess.
    if not location or database.path_text(location) != location or "\\x" in location:
        return None
    return location


def prune_gone(keep: Path) -> int:
    """Remove the cached databases (with their seals, locks and journals) of
    stores that no longer exist, except ``keep``; return how many."""
    removed = 0
    for entry in database.entries():
        if entry.suffix != database.SUFFIX or entry == keep:
            continue
        location = location_of(entry)
        if location is None or os.path.lexists(location):
            continue
        for part in (entry, *(entry.with_name(entry.name + end) for end in (
                verify.SEAL, ".lock", "-journal"))):  # fmt: skip
            with contextlib.suppress(FileNotFoundError):
                part.unlink()
        removed += 1
    return removed
