"""What makes a compiled store believable before a single answer is read from it.

A database in the cache is chipfacts' own output, but it sits in a directory any
program of the user's can write, so it is checked, not trusted:

- **The seal.** A database is never written in place: every build and every
  update writes a new file and renames it into place (``open``), then records
  that file's identity (size, modification and change times to the nanosecond,
  inode, device) in ``<database>.seal``. A lookup compares the two before it
  opens the file: any write to the database since, by anyone (a scribbled page,
  a value changed with the ``sqlite3`` shell, a file copied over it), changes
  its change time, which no user tool can set back, so the database is rebuilt,
  never read. The check costs one ``stat`` and one small read, whatever the
  store's size; checking every page's content on every lookup would cost in
  proportion to the store (a 666 MB database for a million facts).
- **The schema objects.** ``sqlite_master`` must list exactly the tables and
  indexes ``database.LAYOUT`` makes, with the same SQL: a planted trigger, view,
  table or index, or a table redefined, is refused before any statement runs.
- **The door.** Anything SQLite still finds wrong while reading (damage the
  seal cannot see, such as a disk corrupting the file under the file system)
  raises ``sqlite3.DatabaseError``; ``Store`` catches it at its one door to the
  database and rebuilds (see ``store.Store``).

Every rebuild for damage says so in one line on stderr (``notify``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from functools import cache
from pathlib import Path

from chipfacts.text.visible import visible

SEAL = ".seal"


class Damaged(Exception):
    """The database at the cache path cannot be trusted (rebuild it).

    ``notice``: whether the user is told (damage), or it is only out of date or
    missing (rebuilt silently, as after an edit or an upgrade)."""

    def __init__(self, reason: str, notice: bool = True) -> None:
        super().__init__(reason)
        self.notice = notice


def identity(path: Path) -> str:
    """What changes whenever anyone writes the file (see the module's docstring)."""
    info = os.stat(path)
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}:{info.st_dev}"


def seal_path(database: Path) -> Path:
    return database.with_name(database.name + SEAL)


def seal(database: Path) -> None:
    """Record the identity of the database just renamed into place (atomically)."""
    import tempfile  # lazy: only a build seals (1 ms)

    handle, temporary = tempfile.mkstemp(dir=database.parent, prefix=database.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(identity(database))
        os.replace(temporary, seal_path(database))
    finally:
        Path(temporary).unlink(missing_ok=True)


def check_seal(database: Path) -> None:
    """Raise ``Damaged`` unless the database is the very file its seal describes."""
    try:
        with open(seal_path(database), encoding="ascii", errors="replace") as handle:
            recorded = handle.read(200)
    except FileNotFoundError:
        # Written before seals existed, or a build that died before sealing:
        # rebuilt like any out-of-date database, without a word.
        raise Damaged("not sealed", notice=False) from None
    except OSError as error:
        raise Damaged(f"its seal cannot be read ({error.strerror})") from None
    if recorded != identity(database):
        raise Damaged("it was changed after chipfacts wrote it")


@cache
def expected_objects(schema: str) -> tuple[tuple[str, ...], ...]:
    """Every schema object the SQL ``schema`` (``database.LAYOUT``) makes, as
    ``sqlite_master`` lists it."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(schema)
        return _objects(connection)
    finally:
        connection.close()


def _objects(connection: sqlite3.Connection) -> tuple[tuple[str, ...], ...]:
    query = "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master"
    return tuple(sorted(tuple(map(str, row)) for row in connection.execute(query)))


def check_objects(connection: sqlite3.Connection, schema: str) -> None:
    """Raise ``Damaged`` unless the database holds exactly the objects ``schema`` makes."""
    found = _objects(connection)
    expected = expected_objects(schema)
    if found != expected:
        names = {row[:2] for row in expected}
        extra = sorted(f"{kind} {name}" for kind, name, *_ in found if (kind, name) not in names)
        what = (
            f"objects chipfacts did not make ({', '.join(extra)[:200]})"
            if extra
            else ("a schema chipfacts did not make")
        )
        raise Damaged(f"it holds {what}")


def harden(connection: sqlite3.Connection) -> None:
    """Settings for every connection to a cached database: no SQL functions run
    from the schema, and every cell's size checked as it is read."""
    connection.execute("PRAGMA trusted_schema = OFF")
    connection.execute("PRAGMA cell_size_check = ON")


def notify(database: Path | str, reason: str) -> None:
    """One line on stderr: the database was damaged and is rebuilt."""
    line = (
        f"chipfacts: warning: the compiled store {visible(str(database))} was damaged "
        f"({visible(reason)}); rebuilding it from the fact files\n"
    )
    with contextlib.suppress(OSError, ValueError, AttributeError):  # stderr closed or gone
        sys.stderr.write(line)
        sys.stderr.flush()
