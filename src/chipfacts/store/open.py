"""Opening a store's database: use it when it matches the files, else compile.

A lookup that finds every file unchanged reads their ``stat()``, the database's
seal and the ``files`` table, then only the pages its query needs (``verify``
says what is checked before any of it is believed). Otherwise one process at a
time (an exclusive lock beside the database) brings it up to date.

A database is never changed once it is in place: an update copies it, brings
the copy up to date in one transaction, and renames the copy into place; a
build when it is missing, damaged, foreign or of another version writes a new
file the same way. So a ``Store`` already open keeps reading the file it opened
(its snapshot) whatever later loads do, and every file in place is the one its
seal describes. Concurrent first runs wait for the one that builds, then read
its result. When the cache cannot be used at all (a read-only home, something
that is not a regular file in the way), the store is compiled in memory for
this run: slower, never wrong.

The cache is keyed by the store's resolved path: the same store named by a
relative path, an absolute one or a symbolic link shares one database. The
database records each file under its resolved path too; what the user is
shown (problems' file names) keeps the path as given.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from chipfacts.errors import InvalidDataError, Problem
from chipfacts.store import database, verify
from chipfacts.store.verify import Damaged

if TYPE_CHECKING:
    from chipfacts.store.compile import Outcome


class Opened(NamedTuple):
    """A read-only connection to a store's database, and which file it is (to tell,
    when it turns out damaged, whether another process has already replaced it)."""

    connection: sqlite3.Connection
    identity: str | None  # None: in memory


def open_store(location: Path, files: list[Path], use_cache: bool) -> Opened:
    """A read-only connection to the up-to-date database of the store at ``location``.

    Raises ``InvalidDataError`` with every problem when the store is not valid.
    """
    if not use_cache:
        return Opened(_in_memory(location, files), None)
    root, resolved = _resolved(location, files)
    identities = {database.path_text(p): database.file_identity(p) for p in resolved}
    target = database.path_for(root)
    try:
        return _open_if_fresh(target, identities)
    except Damaged:
        pass
    try:
        with _locked(target):
            try:  # another process may have built it meanwhile
                return _open_if_fresh(target, identities)
            except Damaged as why:
                if why.notice:
                    verify.notify(target, str(why))
            _update(target, root, resolved, dict(zip(resolved, files, strict=True)))
            connection = database.open_read_only(target)
            return Opened(connection, verify.identity(target))
    except (OSError, sqlite3.Error, Damaged):
        # The cache is unusable here (read-only, full, something in the way):
        # answer from memory, as --no-cache would.
        return Opened(_in_memory(location, files), None)


def reopen_damaged(location: Path, files: list[Path], damaged: str) -> Opened:
    """Rebuild the database a ``Store`` found damaged while reading it (the file of
    identity ``damaged``), unless another process has already replaced it."""
    root, resolved = _resolved(location, files)
    target = database.path_for(root)
    try:
        with _locked(target):
            with contextlib.suppress(OSError):
                if verify.identity(target) == damaged:
                    target.unlink()
    except (OSError, Damaged):
        pass  # open_store copes with what is there, or answers from memory
    return open_store(location, files, use_cache=True)


def _resolved(location: Path, files: list[Path]) -> tuple[Path, list[Path]]:
    """The store's resolved path, and each file's path under it."""
    root = location.resolve()
    if files == [location]:
        return root, [root]
    return root, [root / p.relative_to(location) for p in files]


def shown_names(location: Path, files: list[Path]) -> dict[str, str]:
    """Each file's name in the database (its resolved path) -> its name as given."""
    _, resolved = _resolved(location, files)
    return {
        database.path_text(r): database.path_text(f) for r, f in zip(resolved, files, strict=True)
    }


def _open_if_fresh(target: Path, identities: dict[str, str]) -> Opened:
    """The verified database, if it was compiled from the files as they are now;
    else ``Damaged`` (saying whether it is worth a word to the user)."""
    connection = database.open_read_only(target)
    try:
        stored = dict(connection.execute("SELECT path, identity FROM files"))
        opened = verify.identity(target)
    except (sqlite3.Error, OSError) as error:
        connection.close()
        raise Damaged(f"it cannot be read ({error})") from None
    if stored != identities:
        connection.close()
        raise Damaged("out of date", notice=False)
    return Opened(connection, opened)


def _in_memory(location: Path, files: list[Path]) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    database.create(connection, str(location))
    _raise_problems(_compile(connection, files).problems)
    connection.execute("PRAGMA query_only = ON")
    return connection


def _raise_problems(problems: list[Problem], shown: dict[Path, Path] | None = None) -> None:
    """Raise the problems, if any, naming each file as the user gave it."""
    if not problems:
        return
    if shown:
        names = {database.path_text(k): database.path_text(v) for k, v in shown.items()}
        problems = [p._replace(file=names.get(p.file, p.file)) for p in problems]
        # A duplicate id's message names the file of its first place too.
        for resolved, given in names.items():
            problems = [p._replace(message=p.message.replace(f"first at {resolved}:",
                                                             f"first at {given}:"))
                        for p in problems]  # fmt: skip
    raise InvalidDataError(problems)


@contextlib.contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``<database>.lock`` (released when the process dies)."""
    import fcntl  # lazy: only a build locks (and not on Windows)

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


def _update(target: Path, root: Path, files: list[Path], shown: dict[Path, Path]) -> None:
    """Bring the database at ``target`` up to date: a copy of it updated, or built afresh."""
    for leftover in (target, target.with_name(target.name + "-journal")):
        if database.is_regular_file(leftover) is False:
            leftover.unlink()  # a FIFO, a symlink, a device: never opened
    try:
        database.open_read_only(target).close()  # sealed, this version, nothing planted
        sealed = verify.identity(target)
    except (Damaged, OSError):
        _write_new(target, root, files, shown, None)
        return
    try:
        _write_new(target, root, files, shown, (target, sealed))
    except (sqlite3.DatabaseError, Damaged):  # damage the checks could not see: start afresh
        _write_new(target, root, files, shown, None)


def _write_new(
    target: Path,
    root: Path,
    files: list[Path],
    shown: dict[Path, Path],
    base: tuple[Path, str] | None,
) -> None:
    """Write the database in a temporary file, from a copy of ``base`` (a database
    and the identity it was verified with; updated) or from nothing (built afresh),
    rename it into place and seal it."""
    # lazy: only a build copies and writes (1.5 ms)
    import glob
    import tempfile

    # Under the lock, another build's temporary file is one whose build died (killed,
    # out of memory): nothing else would ever remove it.
    for stale in target.parent.glob(f"{glob.escape(target.name)}*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    os.close(handle)
    try:
        if base is not None:
            shutil.copyfile(base[0], temporary)
            if verify.identity(base[0]) != base[1]:  # written to while it was copied
                raise Damaged("it was changed while it was copied")
        connection = sqlite3.connect(temporary, check_same_thread=False)
        try:
            verify.harden(connection)
            if base is not None:
                verify.check_objects(connection, database.LAYOUT)
            # Nobody sees this file until it is renamed into place, so it
            # needs no journal; the rename is what makes it atomic.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            if base is None:
                database.create(connection, str(root))
            _raise_problems(_compile(connection, files).problems, shown)
        finally:
            connection.close()
        # A journal left by a writer that died belongs to the database being
        # replaced: beside the new one, SQLite would roll its old pages into it.
        target.with_name(target.name + "-journal").unlink(missing_ok=True)
        os.replace(temporary, target)
        verify.seal(target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    if base is None:  # a store built afresh: the moment to drop those that are gone
        from chipfacts.store.prune import prune_gone  # lazy: only a first build needs it

        with contextlib.suppress(OSError):  # tidying must never fail the build
            prune_gone(target)


def _compile(connection: sqlite3.Connection, files: list[Path]) -> Outcome:
    from chipfacts.store.compile import compile_store  # lazy: YAML and checks, 30 ms

    return compile_store(connection, files)
