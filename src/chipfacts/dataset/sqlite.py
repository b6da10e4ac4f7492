"""The dataset as a SQLite database, in the shape sqlite-utils gives one: text
primary keys, declared foreign keys, typed columns, views for the common joins, and
full-text search made as ``sqlite-utils enable-fts --create-triggers`` makes it (an
FTS5 table over the table's rows plus the triggers that keep it in step)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from chipfacts.dataset.tables import TABLES, Column, Table, rows
from chipfacts.store.store import Store

# The joins people write first: every fact with the names of what it points to and
# its first quote, and every reference with its source and its fact's entity.
VIEWS = {
    "fact_details": """
SELECT facts.id, facts.entity, entities.name AS entity_name, entities.kind AS entity_kind,
       facts.attribute, attributes.label AS attribute_label, facts.value, facts.min, facts.max,
       facts.bound, facts.unit, facts.text_value, facts.display, facts.context, facts.status,
       facts.as_of, facts.claimed_by, claimants.name AS claimed_by_name, facts.doubt,
       facts.doubt_reason, facts.summary, first.quote, facts.note, facts.source,
       sources.title AS source_title, sources.title_en AS source_title_en,
       sources.publisher AS source_publisher, sources.published AS source_published,
       sources.url AS source_url
FROM facts
JOIN entities ON entities.id = facts.entity
JOIN attributes ON attributes.id = facts.attribute
LEFT JOIN sources ON sources.id = facts.source
LEFT JOIN entities AS claimants ON claimants.id = facts.claimed_by
LEFT JOIN [references] AS first ON first.fact_id = facts.id AND first.position = 0""",
    "reference_details": """
SELECT [references].fact_id, [references].position, facts.entity,
       entities.name AS entity_name, attributes.label AS attribute_label, facts.display,
       [references].source_id, sources.title AS source_title,
       sources.title_en AS source_title_en, sources.publisher AS source_publisher,
       sources.published AS source_published, [references].quote,
       coalesce([references].as_of, facts.as_of) AS as_of
FROM [references]
JOIN facts ON facts.id = [references].fact_id
JOIN entities ON entities.id = facts.entity
JOIN attributes ON attributes.id = facts.attribute
JOIN sources ON sources.id = [references].source_id""",
}


def _quoted(name: str) -> str:
    return f"[{name}]"


def _column_sql(table: Table, column: Column) -> str:
    parts = [_quoted(column.name), column.sql]
    if column.required:
        parts.append("NOT NULL")
    if column.choices:
        allowed = ", ".join(f"'{choice}'" for choice in column.choices)
        parts.append(f"CHECK ({_quoted(column.name)} IN ({allowed}))")
    if column.references is not None:
        parts.append(f"REFERENCES {_quoted(column.references)}(id)")
    return " ".join(parts)


def create_table_sql(table: Table) -> str:
    lines = [_column_sql(table, column) for column in table.columns]
    lines.append(f"PRIMARY KEY ({', '.join(map(_quoted, table.primary_key))})")
    return f"CREATE TABLE {_quoted(table.name)} (\n   " + ",\n   ".join(lines) + "\n)"


def search_sql(table: Table) -> list[str]:
    """The statements ``sqlite-utils enable-fts TABLE COLUMNS --create-triggers`` runs:
    an external-content FTS5 table named ``TABLE_fts``, filled from the table, and
    insert, delete and update triggers; Datasette finds it by its ``content=``."""
    name, fts = table.name, _quoted(f"{table.name}_fts")
    columns = ", ".join(map(_quoted, table.search))
    new = ", ".join(f"new.{_quoted(c)}" for c in table.search)
    old = ", ".join(f"old.{_quoted(c)}" for c in table.search)
    delete = f"INSERT INTO {fts} ({fts}, rowid, {columns}) VALUES('delete', old.rowid, {old});"
    insert = f"INSERT INTO {fts} (rowid, {columns}) VALUES (new.rowid, {new});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING FTS5 ({columns}, content={_quoted(name)}"
        + ("" if table.tokenizer == "unicode61" else f", tokenize='{table.tokenizer}'")
        + ")",
        f"INSERT INTO {fts} (rowid, {columns}) SELECT rowid, {columns} FROM {_quoted(name)}",
        f"CREATE TRIGGER {_quoted(name + '_ai')} AFTER INSERT ON {_quoted(name)} BEGIN\n"
        f"  {insert}\nEND",
        f"CREATE TRIGGER {_quoted(name + '_ad')} AFTER DELETE ON {_quoted(name)} BEGIN\n"
        f"  {delete}\nEND",
        f"CREATE TRIGGER {_quoted(name + '_au')} AFTER UPDATE ON {_quoted(name)} BEGIN\n"
        f"  {delete}\n  {insert}\nEND",
    ]


# SQLite's integers are 64-bit, while a fact's number may reach 1e30 (a count in base
# units): a larger integer goes in as REAL, the nearest value SQLite holds, instead of
# failing the whole export. JSON, JSON Lines and CSV keep every digit.
_SQLITE_INTEGERS = range(-(2**63), 2**63)


def _fitted(record: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(float(v) if type(v) is int and v not in _SQLITE_INTEGERS else v for v in record)


def write_database(store: Store, path: Path) -> None:
    """Build the dataset in a new SQLite file at ``path`` (which must not exist).

    No rollback journal: the file is a temporary one, renamed into place only when
    whole, so a failure leaves nothing to recover and no ``-journal`` beside it.
    Raises ``sqlite3.Error`` (a full disk, a file-size limit) or ``OSError``.
    """
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        # Checked at COMMIT: an entity's maker may come after it.
        connection.execute("PRAGMA defer_foreign_keys = ON")
        for table, records in rows(store):
            connection.execute(create_table_sql(table))
            marks = ", ".join("?" * len(table.columns))
            fitted = (_fitted(record) for record in records)
            connection.executemany(f"INSERT INTO {_quoted(table.name)} VALUES ({marks})", fitted)
        for table in TABLES:
            if table.search:
                for statement in search_sql(table):
                    connection.execute(statement)
        for name, query in VIEWS.items():
            connection.execute(f"CREATE VIEW {_quoted(name)} AS{query}")
        connection.execute("COMMIT")
    finally:
        connection.close()
