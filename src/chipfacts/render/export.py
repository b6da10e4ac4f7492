"""The whole store in one file: the SQLite database, or every fact as a whole record."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from chipfacts.errors import writing
from chipfacts.render.output import csv_cell
from chipfacts.render.safe import json_safe
from chipfacts.render.serialize import FACT_COLUMNS, fact_record
from chipfacts.store.store import Store


def write_export(store: Store, target: Path, fmt: str) -> int:
    """Write the store to ``target`` atomically (a temporary file renamed into place)."""
    with writing(str(target)):
        handle, temporary = tempfile.mkstemp(
            dir=target.parent if str(target.parent) else ".", prefix=".chipfacts-export-"
        )
        os.close(handle)
        try:
            if fmt == "sqlite":
                with sqlite3.connect(temporary) as connection:
                    store.backup_to(connection)
                connection.close()
            else:
                with open(temporary, "w", encoding="utf-8", newline="") as out:
                    _write_records(store, out, fmt)
            os.replace(temporary, target)
        finally:
            Path(temporary).unlink(missing_ok=True)
    return store.fact_count()


def _write_records(store: Store, out: io.TextIOBase | Any, fmt: str) -> None:
    records = (fact_record(fact) for fact in store.all_facts())
    if fmt == "jsonl":
        for record in records:
            out.write(json_safe(json.dumps(record, ensure_ascii=False)) + "\n")
    elif fmt == "json":
        out.write(json_safe(json.dumps(list(records), ensure_ascii=False, indent=1)) + "\n")
    else:  # the columns of every command's --format csv
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(FACT_COLUMNS)
        for record in records:
            writer.writerow(csv_cell(record, column) for column in FACT_COLUMNS)
