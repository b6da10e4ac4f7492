"""The fact store's façade: ``load()`` and ``validate()``, over the reader and writer.

``load()`` opens a store (the built-in one by default), compiling it first when
its YAML changed (``open``, ``compile``), and returns a ``Store`` (``reader``);
``validate()`` compiles it in memory and returns every problem. The names
readers of a store need are here too, so that nothing above this package
imports the reader or the writer directly.
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from chipfacts.errors import DataFileError, Problem
from chipfacts.store.database import create, path_for
from chipfacts.store.locate import checked_path, data_path, store_files
from chipfacts.store.reader import FactFilter, ScoringRow, Store
from chipfacts.text.visible import visible

if TYPE_CHECKING:
    from chipfacts.store.open import Opened

__all__ = ["FactFilter", "Report", "ScoringRow", "Store", "load", "validate"]


class Report(NamedTuple):
    """What ``validate`` found."""

    path: str
    problems: list[Problem]
    facts: int
    entities: int
    attributes: int
    sources: int
    quotes_checked: int


def load(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Store:
    """Load a fact store (the built-in one by default): a YAML file or a directory of them.

    Raises ``DataFileError`` when it cannot be read and ``InvalidDataError``
    (carrying every problem) when it is not a valid store.
    """
    # lazy: validate and lint compile in memory and never open the cache (5 ms)
    from chipfacts.store.open import open_store, reopen_damaged, shown_names

    location = data_path(path)
    files = store_files(location)
    opened = open_store(location, files, use_cache)
    if opened.identity is None:  # in memory: nothing to rebuild
        return Store(opened.connection, str(location))

    def reopen(damaged: str) -> "Opened":
        return reopen_damaged(location, files, damaged)

    return Store(opened.connection, str(location), path_for(location), reopen, opened.identity,
                 shown_names(location, files))  # fmt: skip


def _sources_directory(given: str | os.PathLike[str]) -> Path:
    """The directory of source texts, if it is one; else ``DataFileError``."""
    directory = checked_path(Path(os.fsdecode(given)))
    if not directory.is_dir():
        raise DataFileError(f"{visible(str(directory))}: not a directory of source texts")
    return directory


def validate(
    path: str | os.PathLike[str] | None = None,
    sources_dir: str | os.PathLike[str] | None = None,
    *,
    use_cache: bool = True,
) -> Report:
    """Check a store and return every problem (quotes too, given the sources).

    Raises ``DataFileError`` only when it (or ``sources_dir``, a directory) cannot
    be read at all; problems with
    its content, YAML syntax included, are in the report. ``use_cache`` is
    accepted for symmetry with ``load``: validation always reads every file.
    """
    from chipfacts.store.compile import compile_store  # lazy: a lookup never compiles here

    location = data_path(path)
    files = store_files(location)
    connection = sqlite3.connect(":memory:")
    create(connection, str(location))
    outcome = compile_store(connection, files, keep_invalid=True)
    problems = list(outcome.problems)
    checked = 0
    if sources_dir is not None and outcome.facts:
        # lazy: only given the sources are quotes checked (25 ms)
        from chipfacts.store.checks import check_quotes

        store = Store(connection, str(location))
        found, checked = check_quotes(store, _sources_directory(sources_dir))
        problems += found
    return Report(
        str(location), problems, outcome.facts, len(outcome.entities), len(outcome.attributes),
        len(outcome.sources), checked,
    )  # fmt: skip
