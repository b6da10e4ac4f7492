"""The dataset as CSV files, one per table, with a Frictionless ``datapackage.json``
that gives each column's type and description, the keys and the foreign keys, so
pandas, R and the Frictionless tools read them without guessing."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

from chipfacts.dataset.describe import data_package
from chipfacts.dataset.tables import rows
from chipfacts.render.output import spreadsheet_safe
from chipfacts.render.safe import visible
from chipfacts.store.store import Store

PACKAGE_FILE = "datapackage.json"


def _cell(value: Any) -> Any:
    """A text as ``--format csv`` writes one (escapes shown, no formula); numbers as they are."""
    if isinstance(value, str):
        return spreadsheet_safe(visible(value))
    return value


def _flushed(path: Path, write: Any) -> None:
    """Write a new file through ``write(handle)``, then force it to the disk, so a
    full disk is an error here and not a short file later."""
    with open(path, "x", encoding="utf-8", newline="") as handle:
        write(handle)
        handle.flush()
        os.fsync(handle.fileno())


def write_package(store: Store, directory: Path, name: str) -> None:
    """Write every table and the data package into ``directory`` (new and empty)."""
    for table, records in rows(store):

        def write(handle: Any, table: Any = table, records: Any = records) -> None:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(c.name for c in table.columns)
            writer.writerows([_cell(v) for v in record] for record in records)

        _flushed(directory / f"{table.name}.csv", write)
    package = json.dumps(data_package(name), ensure_ascii=False, indent=2) + "\n"
    _flushed(directory / PACKAGE_FILE, lambda handle: handle.write(package))
