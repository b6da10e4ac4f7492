"""Every name key of a store in one text per script, for the lookups that read them all.

A fuzzy name, a typo and a "did you mean" compare what was typed with every name
key of the store (``entity_keys``); at a million facts that is 200,000 keys, and
reading them as rows costs more than the rest of the lookup. Written once per
compile of the vocabulary, each script's keys (``cjk`` 0 or 1) are one row,
sorted and joined by newlines (a key never holds whitespace), read in one step,
with the length of the longest (no longer piece of a query can be a name).
"""

from __future__ import annotations

import sqlite3

SEPARATOR = "\n"


def write_name_lists(connection: sqlite3.Connection) -> None:
    """Lay down ``name_lists`` from ``entity_keys`` as they now are."""
    connection.execute("DELETE FROM name_lists")
    for cjk in (0, 1):
        query = "SELECT DISTINCT key FROM entity_keys WHERE cjk = ? ORDER BY key"
        keys = [k for (k,) in connection.execute(query, (cjk,))]
        if keys:
            connection.execute(
                "INSERT INTO name_lists (cjk, keys, longest) VALUES (?, ?, ?)",
                (cjk, SEPARATOR.join(keys), max(map(len, keys))),
            )


def split_names(text: str) -> list[str]:
    """One script's keys, as ``write_name_lists`` joined them."""
    return text.split(SEPARATOR)
