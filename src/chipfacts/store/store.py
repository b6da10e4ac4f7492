"""The fact store: where it lives, how it is loaded (and cached), how it is read.

``load()`` is the one entry point scripts and the CLI use; ``validate()`` does the
same work but returns every problem instead of raising, and can also check the
quotes against the source texts.

A store is one YAML file or a directory of them (one store split by topic);
records may refer across files. Loading goes through two caches (``cache``):
an unchanged store comes back from its search-ready tables without touching
YAML; after an edit, only the edited files are parsed again.
"""

from __future__ import annotations

import json
import os
from array import array
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chipfacts.model.dates import PartialDate
from chipfacts.model.records import (
    Attribute,
    Bound,
    Doubt,
    DoubtKind,
    Entity,
    Fact,
    Source,
    Status,
    ValueType,
)
from chipfacts.store import cache
from chipfacts.store.locate import data_path, store_files
from chipfacts.store.tables import (
    LAYOUT,
    R_AS_OF,
    R_BOUND,
    R_CLAIMED,
    R_CONTEXT,
    R_DOUBT,
    R_HIGH,
    R_ID,
    R_LOW,
    R_NOTE,
    R_QUOTE,
    R_RELATED,
    R_STATUS,
    R_SUMMARY,
    R_UNIT,
    R_VALUE,
    Tables,
    unpack,
)

if TYPE_CHECKING:
    from chipfacts.store.build import Report


class _Facts(Mapping[str, Fact]):
    """Facts by id, each built from its row the first time it is asked for."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._rows: dict[str, int] | None = None

    def row_of(self, ident: str) -> int:
        if self._rows is None:
            self._rows = {fact: n for n, fact in enumerate(self._store.fact_ids)}
        return self._rows[ident]

    def __getitem__(self, ident: str) -> Fact:
        return self._store.fact_at(self.row_of(ident))

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.fact_ids)

    def __len__(self) -> int:
        return len(self._store.fact_ids)


class Store:
    """An immutable, fully resolved fact store.

    ``sources``, ``entities``, ``attributes`` and ``facts`` map ids to frozen
    records; facts are built from their packed rows only when asked for, so a
    lookup in a store of 100,000 facts builds the handful it returns.
    """

    def __init__(self, path: str, tables: Tables) -> None:
        self.path = path
        self.tables = tables
        self.source_list = [
            Source(r[0], r[1], r[2], r[3], PartialDate(*r[4]), r[5], r[6], r[7], r[8])
            for r in tables.sources
        ]
        self.entity_list = [
            Entity(r[0], r[1], r[2], tuple(r[3]), r[4], r[5]) for r in tables.entities
        ]
        self.attribute_list = [
            Attribute(r[0], r[1], ValueType(r[2]), r[3], r[4], tuple(r[5]), r[6], r[7])
            for r in tables.attributes
        ]
        self.sources = {s.id: s for s in self.source_list}
        self.entities = {e.id: e for e in self.entity_list}
        self.attributes = {a.id: a for a in self.attribute_list}
        self.entity_row = {e.id: n for n, e in enumerate(self.entity_list)}
        self.facts: Mapping[str, Fact] = _Facts(self)
        self._built: dict[int, Fact] = {}

    @cached_property
    def fact_ids(self) -> list[str]:
        return self.tables.fact_ids.split("\x00") if self.tables.fact_ids else []

    @cached_property
    def offsets(self) -> array[int]:
        return unpack(self.tables.offsets, "q")

    @cached_property
    def fact_entity(self) -> array[int]:
        return unpack(self.tables.fact_entity)

    @cached_property
    def fact_attribute(self) -> array[int]:
        return unpack(self.tables.fact_attribute)

    @cached_property
    def fact_source(self) -> array[int]:
        return unpack(self.tables.fact_source)

    @cached_property
    def fact_status(self) -> array[int]:
        return unpack(self.tables.fact_status)

    def row(self, n: int) -> list[Any]:
        """Fact row ``n`` decoded (see ``tables`` for its fields)."""
        row: list[Any] = json.loads(self.tables.rows[self.offsets[n] : self.offsets[n + 1]])
        return row

    def fact_at(self, n: int) -> Fact:
        """The fact in row ``n`` (rows are in file order)."""
        fact = self._built.get(n)
        if fact is None:
            fact = self._built[n] = self._fact(n)
        return fact

    def _fact(self, n: int) -> Fact:
        r = self.row(n)
        attribute = self.attribute_list[self.fact_attribute[n]]
        value = PartialDate(*r[R_VALUE]) if attribute.type is ValueType.DATE else r[R_VALUE]
        claimed = r[R_CLAIMED]
        return Fact(
            r[R_ID], self.entity_list[self.fact_entity[n]], attribute, value, r[R_LOW], r[R_HIGH],
            Bound(r[R_BOUND]), r[R_UNIT], Status(r[R_STATUS]), PartialDate(*r[R_AS_OF]),
            self.source_list[self.fact_source[n]], r[R_QUOTE], r[R_SUMMARY], r[R_CONTEXT],
            self.entities[claimed] if claimed is not None else None,
            tuple(self.entities[i] for i in r[R_RELATED]), r[R_NOTE],
            Doubt(DoubtKind(r[R_DOUBT][0]), r[R_DOUBT][1]) if r[R_DOUBT] else None,
        )  # fmt: skip

    def rows_of(self, entity_id: str) -> array[int]:
        row = self.entity_row.get(entity_id)
        return unpack(self.tables.by_entity[row]) if row is not None else unpack(b"")

    def facts_of(self, entity_id: str) -> tuple[Fact, ...]:
        """The facts about one entity, in file order."""
        return tuple(self.fact_at(n) for n in self.rows_of(entity_id))

    def mentions_of(self, entity_id: str) -> tuple[Fact, ...]:
        """Other entities' facts that relate to this one or cite its claim."""
        row = self.entity_row.get(entity_id)
        if row is None:
            return ()
        return tuple(self.fact_at(n) for n in unpack(self.tables.mentions[row]))


def identities(files: list[Path]) -> tuple[cache.FileIdentity, ...]:
    try:
        return tuple(cache.identity(f) for f in files)
    except OSError:
        return ()  # unreadable: let the reader report it properly


# --- loading ---------------------------------------------------------------------------


def load(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Store:
    """Load a fact store (the built-in one by default): a YAML file or a directory of them.

    Raises ``DataFileError`` when it cannot be read and ``InvalidDataError``
    (carrying every problem) when it is not a valid store.
    """
    location = data_path(path)
    files = store_files(location)
    name = str(location)
    key = (LAYOUT, cache.code_fingerprint(), identities(files))
    if use_cache and key[2]:
        plain = cache.read("store", str(location.resolve()), key)
        if plain is not None:
            try:
                return Store(name, Tables.from_plain(plain))
            except (ValueError, TypeError, IndexError):
                pass  # a damaged entry: rebuild it below
    from chipfacts.store.build import load_tables

    tables = load_tables(files, use_cache)
    if use_cache and key[2]:
        cache.write("store", str(location.resolve()), key, tables.to_plain())
    return Store(name, tables)


def validate(
    path: str | os.PathLike[str] | None = None,
    sources_dir: Path | None = None,
    *,
    use_cache: bool = True,
) -> Report:
    """Check a store and return every problem (quotes too, given the sources).

    Raises ``DataFileError`` only when it cannot be read at all; problems with
    its content, YAML syntax included, are in the report.
    """
    from chipfacts.store.build import check_store

    return check_store(data_path(path), sources_dir, use_cache)
