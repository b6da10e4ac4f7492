"""Where a store is: the built-in fact file, ``--data``/$CHIPFACTS_DATA, and the
YAML files that make up a store given as a directory."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from chipfacts.errors import DataFileError

DATA_ENV = "CHIPFACTS_DATA"
YAML_SUFFIXES = (".yaml", ".yml")


def builtin_path() -> Path:
    """The fact file that ships with chipfacts.

    An installed wheel carries it inside the package; an editable install from a
    checkout imports from ``src/`` where there is no copy, so the checkout's own
    ``data/facts.yaml`` is used (and edits to it show at once).
    """
    # A plain path, not importlib.resources: wheels install unzipped, and the
    # resources machinery costs more start-up time than a whole cached lookup.
    packaged = Path(__file__).parents[1] / "data" / "facts.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "facts.yaml"


def data_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Which store to use: the argument, else $CHIPFACTS_DATA, else the built-in one."""
    if explicit is not None and str(explicit) != "":
        return Path(explicit)
    from_env = os.environ.get(DATA_ENV)
    if from_env:
        return Path(from_env)
    return builtin_path()


def store_files(location: Path) -> list[Path]:
    """The YAML files of a store: the file itself, or a directory's *.yaml/*.yml, sorted."""
    if location.is_dir():
        try:
            files = sorted(
                p
                for p in location.rglob("*")
                if p.suffix in YAML_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(location).parts)
            )
        except OSError as error:
            raise DataFileError(f"{location}: cannot list ({error.strerror})") from None
        if not files:
            raise DataFileError(f"{location}: directory holds no .yaml or .yml files")
        return files
    return [location]


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
