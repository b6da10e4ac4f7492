"""The whole store in one file: the SQLite database, or every fact as a whole record."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sqlite3
import stat
import tempfile
from pathlib import Path
from typing import Any

from chipfacts.errors import WriteError, writing
from chipfacts.render.output import csv_cell
from chipfacts.render.safe import json_safe, visible
from chipfacts.render.serialize import FACT_COLUMNS, fact_record
from chipfacts.store.locate import store_files
from chipfacts.store.store import Store


def write_export(store: Store, target: Path, fmt: str) -> int:
    """Write the store to ``target`` atomically (a temporary file renamed into place).

    ``target`` must be a regular file or nothing yet: a rename would put a
    regular file where a FIFO, a device (``/dev/full``), a directory or a socket
    was, so those are refused, as is any fact file of the store itself. A
    symbolic link is followed (the file it names is replaced; the link stays).
    A file written over keeps its permissions; a new one gets the umask's.
    """
    final = export_target(store, target)
    with writing(visible(str(target))):
        mode = _mode_for(final)
        handle, temporary = tempfile.mkstemp(dir=final.parent, prefix=".chipfacts-export-")
        os.close(handle)
        try:
            os.chmod(temporary, mode)
            if fmt == "sqlite":
                with sqlite3.connect(temporary) as connection:
                    store.backup_to(connection)
                connection.close()
            else:
                with open(temporary, "w", encoding="utf-8", newline="") as out:
                    _write_records(store, out, fmt)
            os.replace(temporary, final)
        finally:
            Path(temporary).unlink(missing_ok=True)
    return store.fact_count()


def export_target(store: Store, target: Path) -> Path:
    """The regular file an export may replace: ``target``, its symbolic links followed.

    Raises ``WriteError`` (exit 5) for a path that cannot hold the export: one
    with a NUL byte, one naming something that is not a regular file, or a fact file
    of the store being exported (the data is never written over).
    """
    name = visible(str(target))
    if "\x00" in str(target):
        raise WriteError(f"{name}: a path cannot hold a NUL byte")
    with writing(name):
        final = Path(os.path.realpath(target))
        try:
            info = os.stat(final)
        except FileNotFoundError:
            return final
    if stat.S_ISDIR(info.st_mode):
        raise WriteError(f"cannot write {name} (a directory; give a file name)")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        raise WriteError(f"cannot write {name} ({kind}, not a regular file)")
    for fact_file in store_files(Path(store.path)):
        with contextlib.suppress(OSError):
            if os.path.samefile(fact_file, final):
                raise WriteError(f"cannot write {name} (a fact file of this store)")
    return final


def _mode_for(final: Path) -> int:
    """The permissions of the file being replaced, else what the umask allows."""
    try:
        return stat.S_IMODE(os.stat(final).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


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
