"""Every name key of a store in a few rows, for the lookups that read them all.

A fuzzy name, a typo and a "did you mean" compare what was typed with every name
key of the store (``entity_keys``), or every one of about its length; at a million
facts that is 200,000 keys, and reading them as rows costs more than the rest of
the lookup. Written once per compile of the vocabulary: the keys of each script
(``cjk`` 0 or 1) and length are one row, sorted and joined by newlines (a key
never holds whitespace), read in one step and split only when that length is
asked for.
"""

from __future__ import annotations

import sqlite3

SEPARATOR = "\n"


def write_name_lists(connection: sqlite3.Connection) -> None:
    """Lay down ``name_lists`` from ``entity_keys`` as they now are."""
    connection.execute("DELETE FROM name_lists")
    lists: dict[tuple[int, int], list[str]] = {}
    for key, cjk in connection.execute("SELECT DISTINCT key, cjk FROM entity_keys ORDER BY key"):
        lists.setdefault((cjk, len(key)), []).append(key)
    connection.executemany(
        "INSERT INTO name_lists (cjk, length, keys) VALUES (?, ?, ?)",
        [(cjk, length, SEPARATOR.join(keys)) for (cjk, length), keys in lists.items()],
    )


def split_names(text: str) -> list[str]:
    """One row's keys, as ``write_name_lists`` joined them."""
    return text.split(SEPARATOR)
