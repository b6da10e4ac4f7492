"""The whole store in files: the dataset (SQLite, or CSV files with a data package),
or every fact as a whole record (JSON Lines, JSON).

Every export is written beside its target under a temporary name, forced to the
disk, and renamed into place only when whole: a failure (a full disk, a file-size
limit) is ``WriteError`` (exit 5) and leaves nothing where the user asked for it.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from chipfacts.errors import WriteError, writing
from chipfacts.render.safe import json_safe, visible
from chipfacts.render.serialize import fact_record
from chipfacts.store.locate import store_files
from chipfacts.store.store import Store

TEMPORARY_PREFIX = ".chipfacts-export-"


class Written(NamedTuple):
    facts: int
    beside: Path | None = None  # a file written beside the target (Datasette's metadata)


def write_export(store: Store, target: Path, fmt: str) -> Written:
    """Write the store to ``target`` in ``fmt``.

    ``sqlite`` writes the dataset and Datasette's metadata beside it
    (``NAME.metadata.json``); ``csv`` writes a directory of CSV files and
    ``datapackage.json``; ``jsonl`` and ``json`` one whole record per fact.
    """
    # lazy: only the sqlite format describes itself for Datasette
    from chipfacts.dataset.describe import datasette_metadata

    name = visible(str(target))
    if fmt == "csv":
        _replace_directory(store, target, name)
        return Written(store.fact_count())
    final = export_target(store, target)
    writes: list[tuple[Path, Callable[[Path], None]]] = []
    given: Path | None = None
    if fmt == "sqlite":
        # lazy: only the sqlite format builds a database
        from chipfacts.dataset.sqlite import write_database

        # Beside the path as given, named as Datasette names the database: after it.
        given = target.with_name(target.stem + ".metadata.json")
        metadata = json.dumps(datasette_metadata(target.stem), ensure_ascii=False, indent=2)
        beside = export_target(store, given)
        writes = [
            (final, lambda path: write_database(store, path)),
            (beside, lambda path: _write_text(path, lambda out: out.write(metadata + "\n"))),
        ]
    else:
        writes = [(final, lambda path: _write_text(path, lambda out: _records(store, out, fmt)))]
    with _failures(name), contextlib.ExitStack() as stack:
        ready = [(stack.enter_context(_temporary_file(path)), path) for path, _ in writes]
        for (temporary, _), (_, write) in zip(ready, writes, strict=True):
            write(temporary)
        for temporary, path in ready:
            os.replace(temporary, path)
        _sync_directory(final.parent)
    return Written(store.fact_count(), given if fmt == "sqlite" else None)


@contextlib.contextmanager
def _failures(name: str) -> Iterator[None]:
    """A failed write, from the OS or from SQLite, as one ``WriteError`` line."""
    with writing(name):
        try:
            yield
        except sqlite3.Error as error:
            # SQLite says only "disk I/O error" when a write is refused (EFBIG, EIO).
            refused = getattr(error, "sqlite_errorname", "") == "SQLITE_IOERR_WRITE"
            reason = "disk full, file-size limit or device error" if refused else str(error)
            raise WriteError(f"cannot write {name} ({reason})") from None


@contextlib.contextmanager
def _temporary_file(final: Path) -> Iterator[Path]:
    """An empty file beside ``final`` with the permissions ``final`` will have;
    removed on the way out unless it was renamed into place."""
    handle, name = tempfile.mkstemp(dir=final.parent, prefix=TEMPORARY_PREFIX)
    os.close(handle)
    temporary = Path(name)
    try:
        os.chmod(temporary, _mode_for(final))
        yield temporary
    finally:
        temporary.unlink(missing_ok=True)


def _write_text(path: Path, write: Callable[[Any], None]) -> None:
    """Write text to ``path`` and force it to the disk, so a full disk fails here."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        write(out)
        out.flush()
        os.fsync(out.fileno())


def _sync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` last through a crash."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def export_target(store: Store, target: Path) -> Path:
    """The regular file an export may replace: ``target``, its symbolic links followed.

    Raises ``WriteError`` (exit 5) for a path that cannot hold the export: one
    with a NUL byte, one naming something that is not a regular file, or a path
    inside the store being exported (see ``_outside_store``).
    """
    name = visible(str(target))
    final = _resolved(store, target, name)
    with writing(name):
        try:
            info = os.stat(final)
        except FileNotFoundError:
            return final
    if stat.S_ISDIR(info.st_mode):
        raise WriteError(f"cannot write {name} (a directory; give a file name)")
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(f"cannot write {name} ({_kind(info.st_mode)}, not a regular file)")
    return final


def _kind(mode: int) -> str:
    return "a FIFO" if stat.S_ISFIFO(mode) else "a device or socket"


def _resolved(store: Store, target: Path, name: str) -> Path:
    """``target`` with its symbolic links followed, if an export may write there."""
    if "\x00" in str(target):
        raise WriteError(f"{name}: a path cannot hold a NUL byte")
    with writing(name):
        final = Path(os.path.realpath(target))
    _outside_store(store, final, name)
    return final


def _outside_store(store: Store, final: Path, name: str) -> None:
    """Refuse a fact file of the store, and anything inside a store directory: a
    file written there (a ``.yaml`` export, a temporary file) would become part of
    the store, or break every later command on it."""
    location = Path(store.path)
    for fact_file in store_files(location):
        with contextlib.suppress(OSError):
            if os.path.samefile(fact_file, final):
                raise WriteError(f"cannot write {name} (a fact file of this store)")
    if location.is_dir() and final.is_relative_to(os.path.realpath(location)):
        raise WriteError(f"cannot write {name} (inside the store directory being exported)")


def _mode_for(final: Path) -> int:
    """The permissions of the file being replaced, else what the umask allows."""
    try:
        return stat.S_IMODE(os.stat(final).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def records_text(store: Store, fmt: str) -> str:
    """Every fact record as ``jsonl`` or ``json`` text, as the file would hold it
    (for standard output), without its last newline."""
    buffer = io.StringIO()
    _records(store, buffer, fmt)
    return buffer.getvalue().removesuffix("\n")


def _records(store: Store, out: Any, fmt: str) -> None:
    records = (fact_record(fact) for fact in store.all_facts())
    if fmt == "jsonl":
        for record in records:
            out.write(json_safe(json.dumps(record, ensure_ascii=False)) + "\n")
    else:
        out.write(json_safe(json.dumps(list(records), ensure_ascii=False, indent=1)) + "\n")


# --- CSV: a directory ----------------------------------------------------------------


def _replace_directory(store: Store, target: Path, name: str) -> None:
    """Write the CSV data package into a new directory beside ``target`` and rename it
    into place. Only nothing, or an earlier chipfacts data package, is replaced."""
    # lazy: only the csv format writes a data package
    from chipfacts.dataset.package import PACKAGE_FILE, write_package

    final = _resolved(store, target, name)
    with writing(name):
        try:
            info = os.stat(final)
        except FileNotFoundError:
            info = None
        if info is not None and not stat.S_ISDIR(info.st_mode):
            what = "a file" if stat.S_ISREG(info.st_mode) else _kind(info.st_mode)
            raise WriteError(f"cannot write {name} ({what}; a CSV export is a directory)")
        if info is not None and not (final / PACKAGE_FILE).is_file():
            raise WriteError(f"cannot write {name} (a directory that is not a data package)")
        mode = 0o777 & ~_umask()
        temporary = Path(tempfile.mkdtemp(dir=final.parent, prefix=TEMPORARY_PREFIX))
        old: Path | None = None
        try:
            os.chmod(temporary, mode)
            with _failures(name):
                write_package(store, temporary, "chipfacts")
            if info is not None:  # the earlier package is moved aside, then removed
                old = Path(tempfile.mkdtemp(dir=final.parent, prefix=TEMPORARY_PREFIX))
                os.replace(final, old)
            os.replace(temporary, final)
            _sync_directory(final.parent)
        finally:
            for leftover in (temporary, old):
                if leftover is not None and leftover.exists():
                    shutil.rmtree(leftover)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
