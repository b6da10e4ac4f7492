"""How many facts carry each search term: counted once per compile, from the rows
just written, so search can weigh a rare term above a common one without reading
a common term's postings (at a million facts, hundreds of thousands of rows).

One SQL statement per kind of term, each a single pass in C over its table. A
posting's fact count is its packed length (see ``database.pack_places``: a type
code byte, then 2 or 4 bytes a place), so no posting is unpacked.
"""

from __future__ import annotations

import sqlite3

_PLACES = "(length(places) - 1) / (CASE substr(places, 1, 1) WHEN x'48' THEN 2 ELSE 4 END)"

COUNTS = (
    f"INSERT INTO term_counts SELECT 'word', word, sum({_PLACES}) FROM words GROUP BY word",
    f"INSERT INTO term_counts SELECT 'gram', gram, sum({_PLACES}) FROM grams GROUP BY gram",
    "INSERT INTO term_counts SELECT 'entity', entity, count(*) FROM "
    "(SELECT entity FROM facts UNION ALL SELECT entity FROM mentions) GROUP BY entity",
    "INSERT INTO term_counts SELECT 'attribute', attribute, count(*) FROM facts GROUP BY attribute",
    # the whole every count is a share of: one row, not a count of a million rows a lookup
    "INSERT INTO term_counts SELECT 'store', 'facts', count(*) FROM facts",
)


def count_terms(connection: sqlite3.Connection) -> None:
    """Count every term again (inside the compile's transaction): an edited file
    changes the counts of terms in every other file's share of the store."""
    connection.execute("DELETE FROM term_counts")
    for sql in COUNTS:
        connection.execute(sql)
