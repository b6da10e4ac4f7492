"""Where a store is: the built-in fact file, ``--data``/$CHIPFACTS_DATA, and the
YAML files that make up a store given as a directory."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from chipfacts.errors import DataFileError, UsageError
from chipfacts.text.visible import visible

DATA_ENV = "CHIPFACTS_DATA"
YAML_SUFFIXES = (".yaml", ".yml")


def builtin_path() -> Path:
    """The fact file that ships with chipfacts.

    An installed wheel carries it inside the package; an editable install from a
    checkout imports from ``src/`` where there is no copy, so the checkout's own
    ``data/facts.yaml`` is used (and edits to it show at once).
    """
    packaged = packaged_path()
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "facts.yaml"


def packaged_path() -> Path:
    """Where an installed chipfacts keeps its copy of the built-in fact file (a
    checkout has none: it reads ``data/facts.yaml``)."""
    # A plain path, not importlib.resources: wheels install unzipped, and the
    # resources machinery costs more start-up time than a whole cached lookup.
    return Path(__file__).parents[1] / "data" / "facts.yaml"


def editable_path(explicit: str | os.PathLike[str] | None) -> Path:
    """The store a command that writes (``sources add``) may change: as
    ``data_path``, except the copy inside an installed package, which the next
    upgrade would overwrite (and which may not be the user's to change)."""
    path = data_path(explicit)
    if path.resolve() == packaged_path().resolve():
        raise UsageError(
            "the built-in store of an installed chipfacts is not for editing; "
            f"name your own fact file with --data or ${DATA_ENV}"
        )
    return path


def data_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Which store to use: the argument, else $CHIPFACTS_DATA, else the built-in one.

    An empty $CHIPFACTS_DATA counts as unset; an explicit empty path is an error
    (it would otherwise mean the current directory, read recursively). Raises
    ``DataFileError`` for a path no file can have (a NUL byte, too long), so
    callers of the API meet only the documented exceptions.
    """
    if explicit is not None:
        if os.fspath(explicit) in ("", b""):
            raise DataFileError("the fact file path is empty")
        return checked_path(Path(os.fsdecode(explicit)))
    from_env = os.environ.get(DATA_ENV)
    if from_env:
        return checked_path(Path(from_env))
    return builtin_path()


def checked_path(path: Path) -> Path:
    """``path``, if it could name a file at all; else ``DataFileError``.

    Missing files and permissions are left to the reader, which names them; this
    catches what would otherwise surface as ValueError or an unnamed OSError.
    """
    name = visible(str(path))
    if "\x00" in str(path):
        raise DataFileError(f"{name}: a path cannot hold a NUL byte")
    try:
        os.stat(path)
    except OSError as error:
        if error.errno in (errno.ENAMETOOLONG, errno.ELOOP, errno.ENOTDIR):
            raise DataFileError(f"{name[:200]}: cannot read ({error.strerror})") from None
    except ValueError as error:  # e.g. a path the OS cannot encode
        raise DataFileError(f"{name[:200]}: not a usable path ({error})") from None
    return path


def store_files(location: Path) -> list[Path]:
    """The YAML files of a store: the file itself, or a directory's *.yaml/*.yml, sorted.

    Hidden files and directories (".git") are skipped; symbolic links to
    directories are not followed (no loops). A subdirectory that cannot be
    listed is an error naming it, never skipped: a store read in part would
    give answers without saying that facts are missing.
    """
    if not location.is_dir():
        return [location]

    def refuse(error: OSError) -> None:
        where = visible(str(error.filename or location))
        raise DataFileError(f"{where}: cannot list the directory ({error.strerror})")

    files: list[Path] = []
    for top, directories, names in os.walk(location, onerror=refuse):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        files.extend(
            Path(top, name)
            for name in names
            if not name.startswith(".") and name.endswith(YAML_SUFFIXES)
        )
    if not files:
        raise DataFileError(f"{visible(str(location))}: directory holds no .yaml or .yml files")
    return sorted(files)


def stat_fact_file(path: Path) -> os.stat_result:
    """A fact file's status, refusing what is not a readable regular file."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DataFileError(f"{name}: no such file") from None
    except PermissionError:
        raise DataFileError(f"{name}: permission denied") from None
    except OSError as error:
        raise DataFileError(f"{name}: cannot read ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise DataFileError(f"{name}: is a directory, not a fact file")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end; refuse before opening it.
        raise DataFileError(f"{name}: not a regular file")
    return info
