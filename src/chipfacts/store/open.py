"""Opening a store's database: use it when it matches the files, else compile.

A lookup that finds every file unchanged reads their ``stat()`` and the
``files`` table, then only the pages its query needs. Otherwise one process at
a time (an exclusive lock beside the database) brings it up to date: in place
and in one transaction when it is sound, or built afresh in a temporary file
renamed into place when it is missing, damaged, foreign or of another version.
Concurrent first runs wait for the one that builds, then read its result. When
the cache cannot be used at all (a read-only home, something that is not a
regular file in the way), the store is compiled in memory for this run: slower,
never wrong.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from chipfacts.errors import InvalidDataError, Problem
from chipfacts.store import database
from chipfacts.store.database import Damaged

if TYPE_CHECKING:
    from chipfacts.store.compile import Outcome


def open_store(location: Path, files: list[Path], use_cache: bool) -> sqlite3.Connection:
    """A read-only connection to the up-to-date database of the store at ``location``.

    Raises ``InvalidDataError`` with every problem when the store is not valid.
    """
    if not use_cache:
        return _in_memory(location, files)
    identities = {database.path_text(p): database.file_identity(p) for p in files}
    target = database.path_for(location)
    fresh = _open_if_fresh(target, identities)
    if fresh is not None:
        return fresh
    try:
        with _locked(target):
            fresh = _open_if_fresh(target, identities)  # another process may have built it
            if fresh is not None:
                return fresh
            _update(target, location, files)
            return database.open_read_only(target)
    except (OSError, sqlite3.Error, Damaged):
        # The cache is unusable here (read-only, full, something in the way):
        # answer from memory, as --no-cache would.
        return _in_memory(location, files)


def _open_if_fresh(target: Path, identities: dict[str, str]) -> sqlite3.Connection | None:
    try:
        connection = database.open_read_only(target)
    except Damaged:
        return None
    try:
        stored = dict(connection.execute("SELECT path, identity FROM files"))
    except sqlite3.Error:
        connection.close()
        return None
    if stored == identities:
        return connection
    connection.close()
    return None


def _in_memory(location: Path, files: list[Path]) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    database.create(connection, str(location))
    _raise_problems(_compile(connection, files).problems)
    connection.execute("PRAGMA query_only = ON")
    return connection


def _raise_problems(problems: list[Problem]) -> None:
    if problems:
        raise InvalidDataError(problems)


@contextlib.contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``<database>.lock`` (released when the process dies)."""
    import fcntl

    target.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK
    handle = os.open(target.with_name(target.name + ".lock"), flags, 0o600)
    try:
        if not database.is_regular_fd(handle):
            raise Damaged("the lock is not a regular file")
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def _update(target: Path, location: Path, files: list[Path]) -> None:
    """Bring the database at ``target`` up to date: in place, or built afresh."""
    for leftover in (target, target.with_name(target.name + "-journal")):
        if database.is_regular_file(leftover) is False:
            leftover.unlink()  # a FIFO, a symlink, a device: never opened
    if database.is_regular_file(target) is None:
        # Nothing to update (connecting would create an empty file, left behind
        # if the build then failed or was interrupted).
        _build_afresh(target, location, files)
        return
    try:
        connection = sqlite3.connect(target, check_same_thread=False)
        try:
            database.check_meta(connection)
            connection.execute("SELECT count(*) FROM files").fetchone()
        except (sqlite3.Error, Damaged):
            connection.close()
            raise Damaged("rebuild") from None
    except (sqlite3.Error, Damaged):
        _build_afresh(target, location, files)
        return
    try:
        _raise_problems(_compile(connection, files).problems)
    except sqlite3.DatabaseError:
        connection.close()
        _build_afresh(target, location, files)
        return
    connection.close()


def _build_afresh(target: Path, location: Path, files: list[Path]) -> None:
    import glob  # only to build: a lookup should not pay for their import
    import tempfile

    # Under the lock, another build's temporary file is one whose build died (killed,
    # out of memory): nothing else would ever remove it.
    for stale in target.parent.glob(f"{glob.escape(target.name)}*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary, check_same_thread=False)
        try:
            # Nobody sees this file until it is renamed into place, so it
            # needs no journal; the rename is what makes it atomic.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            database.create(connection, str(location.resolve()))
            _raise_problems(_compile(connection, files).problems)
        finally:
            connection.close()
        # A journal left by a writer that died belongs to the database being
        # replaced: beside the new one, SQLite would roll its old pages into it.
        target.with_name(target.name + "-journal").unlink(missing_ok=True)
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _compile(connection: sqlite3.Connection, files: list[Path]) -> Outcome:
    from chipfacts.store.compile import compile_store  # YAML and checks: only when needed

    return compile_store(connection, files)
