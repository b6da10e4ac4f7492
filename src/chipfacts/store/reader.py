"""Reading a compiled store: ``Store``, the one door to the database's rows.

``Store`` answers typed questions with records built by column name; nothing
outside this module sees SQL or the table layout. Records are built on demand
and kept, so a lookup in a store of a million facts reads the few pages its
answer needs. It never writes: the compiler (``compile``) writes databases,
and the façade (``store``) opens them, compiling first when the YAML changed.
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up. ``Store``, defined
# below its first use, is quoted.

import contextlib
import functools
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from types import FunctionType
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from chipfacts.errors import DataFileError
from chipfacts.model.dates import parse_partial_date
from chipfacts.model.records import (
    MAX_MAGNITUDE,
    Attribute,
    Bound,
    Doubt,
    DoubtKind,
    Entity,
    Fact,
    Reference,
    Source,
    Status,
    ValueType,
)
from chipfacts.store import verify
from chipfacts.store.database import ROW_SHIFT, sql_text, unpack_places
from chipfacts.store.name_lists import split_names

if TYPE_CHECKING:
    from chipfacts.store.open import Opened

R = TypeVar("R")
C = TypeVar("C", bound=type)

# ``refs``: the further references, as JSON text ("[]" for most facts), read in the
# same statement (a primary-key lookup per fact, in SQLite) rather than one query each.
FACT_COLUMNS = (
    "row, id, entity, attribute, source, value, low, high, bound, unit, status, as_of, quote, "
    "summary, context, claimed_by, related, note, doubt_kind, doubt_reason, "
    "(SELECT json_group_array(json_array(n, source, quote, as_of, note)) FROM refs "
    "WHERE refs.fact = facts.row) AS refs"
)


# The folded quote and summary (stored only where folding does more than lower case).
FOLDED = "coalesce(folded, lower(quote || summary))"


class FactFilter(NamedTuple):
    """Which facts to keep. Each field lets through a fact that matches any of its
    values (None: no restriction), and a fact must pass every field. Dates are ISO
    partial dates compared on ``as_of`` as written (2022 < 2022-11; ``until`` 2023
    includes 2023-12-31); ``doubted``: True keeps only facts with a doubt, False
    only those without."""

    entities: Sequence[str] | None = None  # entity ids
    kinds: Sequence[str] | None = None
    attributes: Sequence[str] | None = None  # attribute ids
    sources: Sequence[str] | None = None  # source ids
    statuses: Sequence[str] | None = None
    since: str | None = None
    until: str | None = None
    doubted: bool | None = None


class ScoringRow(NamedTuple):
    entity: int
    attribute: int
    value: Any
    low: float | None
    high: float | None
    bound: str
    unit: str | None
    as_of: str


class _Rows(list[Any]):
    """A query's rows, every one already read (so that whatever SQLite finds wrong
    surfaces at the door, not half-way through a caller's loop), with their
    column names."""

    names: list[str]

    def fetchone(self) -> Any:
        return self[0] if self else None


class _BadRow(Exception):
    """A row that makes no sense: the database is damaged."""


Method = TypeVar("Method", bound=Callable[..., Any])


def _door(method: Method) -> Method:
    """Answer ``method`` from a rebuilt database if the one read turns out damaged
    (any ``sqlite3.DatabaseError``, or a row that makes no sense)."""

    @functools.wraps(method)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
        store: Store = self if isinstance(self, Store) else self._store
        generation = store._generation[0]
        try:
            return method(self, *args, **kwargs)
        except sqlite3.ProgrammingError:
            if store._generation[0] == generation:
                raise
            # Another thread rebuilt the database and closed the connection this
            # call was reading: ask the new one.
        except (sqlite3.DatabaseError, _BadRow) as error:
            store._recover(str(error), generation)
        return method(self, *args, **kwargs)

    return guarded  # type: ignore[return-value]


def _guard_methods(cls: C) -> C:
    """Every public method and cached property of ``cls`` behind ``_door``."""
    for name, member in list(vars(cls).items()):
        if isinstance(member, cached_property):
            wrapped = cached_property(_door(member.func))
            wrapped.__set_name__(cls, name)
            setattr(cls, name, wrapped)
        elif (
            isinstance(member, FunctionType)
            and not member.__code__.co_flags & _GENERATOR  # see Store._read
            and (not name.startswith("_") or name in _MAPPING_METHODS)
        ):
            setattr(cls, name, _door(member))
    return cls


_MAPPING_METHODS = ("__getitem__", "__iter__", "__len__")
_GENERATOR = 0x20  # inspect.CO_GENERATOR, without importing inspect on every run


@_guard_methods
class _Records(Mapping[str, R], Generic[R]):
    """A read-only view of one kind of record by id, read from the database on use."""

    def __init__(self, store: "Store", table: str, build: Any, columns: str = "*") -> None:
        self._store = store
        self._table = table
        self._build = build
        self._columns = columns
        # Records by id, as read: a fact's related entities repeat from fact to fact.
        self._read: dict[str, R] = {}

    def __getitem__(self, ident: str) -> R:
        if not isinstance(ident, str):
            raise KeyError(ident)  # what a mapping says of a key it cannot hold
        found: R | None = self._read.get(ident)
        if found is None:
            found = self._store._one(self._table, "id = ?", (ident,), self._build, self._columns)
            if found is None:
                raise KeyError(ident)
            self._read[ident] = found
        return found

    def __iter__(self) -> Iterator[str]:
        query = f"SELECT id FROM {self._table} ORDER BY row"
        return iter([ident for (ident,) in self._store._execute(query)])

    def __len__(self) -> int:
        (count,) = self._store._execute(f"SELECT count(*) FROM {self._table}").fetchone()
        return int(count)

    def values(self) -> list[R]:  # type: ignore[override]  # a list: one query, not one per id
        return self._store._all(self._table, "1", (), self._build, self._columns)


@_guard_methods
class Store:
    """An immutable, fully resolved fact store, read from its database on demand.

    ``sources``, ``entities``, ``attributes`` and ``facts`` are read-only
    mappings from id to record; the query methods below answer everything else.
    A Store answers from the database it opened, whatever later loads compile
    (they write new files; see ``open``). Every query passes one door
    (``_execute``, each public method behind ``_door``): if the database turns
    out damaged while it is read, it is rebuilt from the fact files, with one
    line on stderr, and the question asked again.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: str,
        database: Path | None = None,
        reopen: Callable[[str], "Opened"] | None = None,
        identity: str | None = None,
        shown: Mapping[str, str] | None = None,
    ) -> None:
        self._db = connection
        self.path = path
        self._database = database
        # The database names files by their resolved paths; the user, as given.
        self._shown: Mapping[str, str] = shown or {}
        self._reopen = reopen  # rebuilds a damaged database (None: in memory)
        self._identity = identity  # of the database file read
        self._generation = [0]  # bumped by each rebuild (a list: the Store is immutable)
        self._recovery = threading.Lock()
        self._entities: dict[int, Entity] = {}
        self._attributes: dict[int, Attribute] = {}
        self._sources: dict[int, Source] = {}
        self.sources: Mapping[str, Source] = _Records(self, "sources", self._source)
        self.entities: Mapping[str, Entity] = _Records(self, "entities", self._entity)
        self.attributes: Mapping[str, Attribute] = _Records(self, "attributes", self._attribute)
        self.facts: Mapping[str, Fact] = _Records(self, "facts", self._fact, FACT_COLUMNS)

    def __setattr__(self, name: str, value: Any) -> None:
        if "facts" in self.__dict__:  # set up: from here on, nothing changes
            raise AttributeError(f"a Store is immutable; cannot set {name!r}")
        super().__setattr__(name, value)

    def _recover(self, reason: str, generation: int) -> None:
        """Rebuild the damaged database and read from the new one (once per Store;
        a thread that finds another already did it just asks again)."""
        with self._recovery:
            if self._generation[0] != generation:
                return
            if self._reopen is None:  # in memory, or a compile's own view: its caller decides
                raise sqlite3.DatabaseError(reason)
            if self._generation[0] > 0 or self._identity is None:
                raise DataFileError(
                    f"the compiled store {self._database} is damaged ({reason}); "
                    "run `chipfacts cache clear`"
                )
            verify.notify(self._database or self.path, reason)
            opened = self._reopen(self._identity)
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            for name, value in (("_db", opened.connection), ("_identity", opened.identity)):
                object.__setattr__(self, name, value)
            self._entities.clear()
            self._attributes.clear()
            self._sources.clear()
            for records in (self.sources, self.entities, self.attributes, self.facts):
                if isinstance(records, _Records):
                    records._read.clear()
            for name in ("all_entity_keys", "_name_texts", "_name_split", "attribute_keys",
                         "attribute_words", "attribute_types"):  # fmt: skip
                self.__dict__.pop(name, None)
            self._generation[0] += 1

    # --- building records from rows, by column name ------------------------------------

    def _decode(self, build: Any, record: dict[str, Any]) -> Any:
        """A record from its row; a row that makes no sense means a damaged database."""
        try:
            return build(record)
        except (ValueError, KeyError, TypeError, IndexError) as error:
            raise _BadRow(f"a row that makes no sense: {error}") from None

    def _execute(self, query: str, params: Sequence[Any] = ()) -> _Rows:
        """Run a query and read its rows; the one door through which the caller's
        text reaches SQLite.

        Text that is not valid Unicode (a lone surrogate: bytes that were not UTF-8
        in an argument, or a string built in Python) cannot be bound as it is; it is
        written the way file names are stored (``\\xff``), so it matches what it can
        and raises nothing. A parameter SQLite cannot bind is a TypeError.
        """
        try:
            cursor = self._db.execute(query, params)
        except UnicodeEncodeError:
            cursor = self._db.execute(query, [sql_text(p) for p in params])
        except sqlite3.ProgrammingError as error:
            if "binding parameter" in str(error):
                raise TypeError(f"cannot look up {error}") from None
            raise
        rows = _Rows(cursor.fetchall())
        rows.names = [d[0] for d in cursor.description or ()]
        return rows

    @_door
    def _read(self, query: str) -> _Rows:
        """``_execute`` behind the door, for the generators below (whose own calls
        run only as they are iterated, outside any door of theirs)."""
        return self._execute(query)

    def _one(
        self, table: str, where: str, params: Sequence[Any], build: Any, columns: str = "*"
    ) -> Any:
        rows = self._execute(f"SELECT {columns} FROM {table} WHERE {where} LIMIT 1", params)
        row = rows.fetchone()
        return self._decode(build, dict(zip(rows.names, row, strict=True))) if row else None

    def _all(
        self, table: str, where: str, params: Sequence[Any], build: Any, columns: str = "*"
    ) -> list[Any]:
        rows = self._execute(f"SELECT {columns} FROM {table} WHERE {where} ORDER BY row", params)
        return [self._decode(build, dict(zip(rows.names, row, strict=True))) for row in rows]

    def _source(self, r: Mapping[str, Any]) -> Source:
        found = self._sources.get(r["row"])
        if found is None:
            found = self._sources[r["row"]] = Source(
                id=r["id"], file=r["file"], title=r["title"], publisher=r["publisher"],
                published=parse_partial_date(r["published"]), language=r["language"],
                title_en=r["title_en"], url=r["url"], note=r["note"], sha256=r["sha256"],
            )  # fmt: skip
        return found

    def _entity(self, r: Mapping[str, Any]) -> Entity:
        found = self._entities.get(r["row"])
        if found is None:
            found = self._entities[r["row"]] = Entity(
                id=r["id"], name=r["name"], kind=r["kind"], aliases=tuple(json.loads(r["aliases"])),
                maker=r["maker"], description=r["description"],
            )  # fmt: skip
        return found

    def _attribute(self, r: Mapping[str, Any]) -> Attribute:
        found = self._attributes.get(r["row"])
        if found is None:
            found = self._attributes[r["row"]] = Attribute(
                id=r["id"], label=r["label"], type=ValueType(r["type"]),
                description=r["description"], unit=r["unit"],
                synonyms=tuple(json.loads(r["synonyms"])), min_value=r["min_value"],
                max_value=r["max_value"], single=bool(r["single"]),
            )  # fmt: skip
        return found

    def _referenced(self, table: str, row: int, build: Any) -> Any:
        """The record a fact's row points to; a row pointing at none means a damaged
        database (rebuilt by the door), never a record that is ``None``."""
        found = self._one(table, "row = ?", (row,), build)
        if found is None:
            raise _BadRow(f"a row that makes no sense: no row {row} in {table}")
        return found

    def entity_at(self, row: int) -> Entity:
        found = self._entities.get(row)
        if found is None:
            found = self._referenced("entities", row, self._entity)
        return found

    def attribute_at(self, row: int) -> Attribute:
        found = self._attributes.get(row)
        if found is None:
            found = self._referenced("attributes", row, self._attribute)
        return found

    def source_at(self, row: int) -> Source:
        found = self._sources.get(row)
        if found is None:
            found = self._referenced("sources", row, self._source)
        return found

    def _fact(self, r: Mapping[str, Any]) -> Fact:
        attribute = self.attribute_at(r["attribute"])
        value = r["value"]
        if attribute.type is ValueType.DATE and value is not None:
            value = parse_partial_date(value)
        elif attribute.type is ValueType.NUMBER and isinstance(value, str):
            value = int(value)  # beyond 64 bits, kept as text
        for number in (value, r["low"], r["high"]):
            if isinstance(number, int | float) and not abs(number) <= MAX_MAGNITUDE:
                raise ValueError(f"fact {r['id']!r}: a number out of range")
        claimed = r["claimed_by"]
        doubt = Doubt(DoubtKind(r["doubt_kind"]), r["doubt_reason"]) if r["doubt_kind"] else None
        further: tuple[Reference, ...] = ()
        if r["refs"] != "[]":
            further = tuple(
                Reference(self.source_at(source), quote, parse_partial_date(as_of), note)
                for _, source, quote, as_of, note in sorted(json.loads(r["refs"]))
            )
        return Fact(
            id=r["id"], entity=self.entity_at(r["entity"]), attribute=attribute, value=value,
            low=r["low"], high=r["high"], bound=Bound(r["bound"]), unit=r["unit"],
            status=Status(r["status"]), as_of=parse_partial_date(r["as_of"]),
            source=self.source_at(r["source"]), quote=r["quote"], summary=r["summary"],
            context=r["context"], claimed_by=self.entities[claimed] if claimed else None,
            related=tuple(self.entities[e] for e in json.loads(r["related"])), note=r["note"],
            doubt=doubt, further_references=further,
        )  # fmt: skip

    def _facts_where(
        self, where: str, params: Sequence[Any] = (), order: str = "row"
    ) -> list[Fact]:
        rows = self._execute(
            f"SELECT {FACT_COLUMNS} FROM facts WHERE {where} ORDER BY {order}", params
        )
        return [self._decode(self._fact, dict(zip(rows.names, row, strict=True))) for row in rows]

    # --- questions the commands ask ------------------------------------------------------

    def facts_at(self, rows: Sequence[int]) -> list[Fact]:
        """The facts in these rows, in the order given."""
        found: dict[int, Fact] = {}
        for start in range(0, len(rows), 500):
            chunk = list(rows[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            read = self._execute(f"SELECT {FACT_COLUMNS} FROM facts WHERE row IN ({marks})", chunk)
            for row in read:
                record = dict(zip(read.names, row, strict=True))
                found[record["row"]] = self._decode(self._fact, record)
        return [found[r] for r in rows if r in found]

    def facts_of(self, entity_id: str) -> list[Fact]:
        """The facts about one entity, in store order."""
        return self._facts_where("entity = (SELECT row FROM entities WHERE id = ?)", (entity_id,))

    def mentions_of(self, entity_id: str, doubted: bool | None = None) -> list[Fact]:
        """Other entities' facts that relate to this one or cite its claim (``doubted``:
        as in ``select_facts``)."""
        where, params = self._filters(FactFilter(doubted=doubted))
        where.insert(
            0,
            "row IN (SELECT fact FROM mentions WHERE entity = "
            "(SELECT row FROM entities WHERE id = ?))",
        )
        return self._facts_where(" AND ".join(where), [entity_id, *params])

    def select_facts(self, chosen: FactFilter | None = None) -> list[Fact]:
        """The facts that pass every filter of ``chosen`` (see ``FactFilter``), in store
        order."""
        where, params = self._filters(chosen or FactFilter())
        return self._facts_where(" AND ".join(where) or "1", params)

    def filter_rows(self, chosen: FactFilter) -> set[int] | None:
        """The fact rows the filters let through; None when no filter is given."""
        where, params = self._filters(chosen)
        if not where:
            return None
        query = f"SELECT row FROM facts WHERE {' AND '.join(where)}"
        return {row for (row,) in self._execute(query, params)}

    @staticmethod
    def _filters(chosen: FactFilter) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []

        def any_of(column: str, lookup: str, values: Iterable[str] | None) -> None:
            if values is None:
                return
            picked = list(values)
            where.append(f"{column} IN ({lookup} ({', '.join('?' * len(picked))}))")
            params.extend(picked)

        any_of("entity", "SELECT row FROM entities WHERE id IN", chosen.entities)
        any_of("entity", "SELECT row FROM entities WHERE kind IN", chosen.kinds)
        any_of("attribute", "SELECT row FROM attributes WHERE id IN", chosen.attributes)
        if chosen.sources is not None:  # a source that reports the fact, first or further
            picked = list(chosen.sources)
            rows = f"SELECT row FROM sources WHERE id IN ({', '.join('?' * len(picked))})"
            where.append(f"(source IN ({rows}) OR row IN (SELECT fact FROM refs WHERE source IN "
                         f"({rows})))")  # fmt: skip
            params.extend(picked * 2)
        if chosen.statuses is not None:
            statuses = list(chosen.statuses)
            where.append(f"status IN ({', '.join('?' * len(statuses))})")
            params.extend(statuses)
        if chosen.since is not None:
            where.append("as_of >= ?")
            params.append(chosen.since)
        if chosen.until is not None:
            # 2023 includes 2023-11-15: compare on the date cut to the bound's length.
            where.append("substr(as_of, 1, ?) <= ?")
            params += [len(chosen.until), chosen.until]
        if chosen.doubted is not None:
            where.append("doubt_kind IS NOT NULL" if chosen.doubted else "doubt_kind IS NULL")
        return where, params

    def dated_facts(
        self,
        entity_ids: Iterable[str] | None = None,
        doubted: bool | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Fact]:
        """Facts whose value is a date, in date order, optionally only those of some
        entities: about them, about what they make, or naming them (``doubted``: as
        in ``select_facts``; ``since`` and ``until`` bound the date each fact gives)."""
        where = "attribute IN (SELECT row FROM attributes WHERE type = 'date')"
        if doubted is not None:
            where += " AND doubt_kind IS " + ("NOT NULL" if doubted else "NULL")
        params: list[Any] = []
        if since is not None:
            where += " AND value >= ?"
            params.append(since)
        if until is not None:
            where += " AND substr(value, 1, ?) <= ?"
            params += [len(until), until]
        if entity_ids is not None:
            ids = list(entity_ids)
            marks = ", ".join("?" * len(ids))
            where += (
                f" AND (entity IN (SELECT row FROM entities WHERE id IN ({marks}) OR maker IN "
                f"({marks})) OR row IN (SELECT fact FROM mentions JOIN entities ON "
                f"entities.row = mentions.entity WHERE entities.id IN ({marks})))"
            )
            params += ids * 3
        return self._facts_where(where, params, order="value, row")

    def counts(self, column: str) -> dict[str, int]:
        """How many facts each entity, attribute or source has (by id); a source counts
        every fact it reports, as the first reference or a further one."""
        table = {"entity": "entities", "attribute": "attributes", "source": "sources"}[column]
        rows = "facts"
        if column == "source":
            rows = "(SELECT source FROM facts UNION ALL SELECT source FROM refs)"
        query = (
            f"SELECT t.id, count(*) FROM {rows} AS f JOIN {table} t ON t.row = f.{column} "
            "GROUP BY t.id"
        )
        return dict(self._execute(query))

    def entities_of_kind(self, kind: str) -> list[Entity]:
        return self._all("entities", "kind = ?", (kind,), self._entity)

    def attribute_order(self, ids: Iterable[str]) -> list[str]:
        """These attribute ids in store order (unknown ones left out), without
        building every attribute to sort a few."""
        chosen = set(ids)
        return [
            a for (a,) in self._execute("SELECT id FROM attributes ORDER BY row") if a in chosen
        ]

    def kinds(self) -> list[str]:
        return [k for (k,) in self._execute("SELECT DISTINCT kind FROM entities ORDER BY kind")]

    def fact_count(self) -> int:
        """How many facts the store holds (counted at compile time: see ``rarity``)."""
        query = "SELECT facts FROM term_counts WHERE kind = 'store' AND term = 'facts'"
        found = self._execute(query).fetchone()
        return int(found[0]) if found else 0

    # --- what search reads (rows are fact rows; entities and attributes by row) -------

    def entity_rows(self, key: str) -> list[int]:
        """The entities one folded name key names (an id, name or alias)."""
        return [e for (e,) in self._execute("SELECT entity FROM entity_keys WHERE key = ?", (key,))]

    def entity_keys_between(self, low: str, high: str) -> list[tuple[str, int]]:
        """Latin name keys in [low, high), for prefix lookups."""
        query = "SELECT key, entity FROM entity_keys WHERE key >= ? AND key < ? AND cjk = 0"
        return list(self._execute(query, (low, high)))

    def latin_entity_keys(self, shortest: int = 0, longest: int = 1 << 30) -> list[str]:
        """Latin name keys of a length in [shortest, longest], by length, then key: a
        fuzzy match of a given length needs no others, and a large store has many."""
        return self._name_keys(0, shortest, longest)

    def every_entity_key(self) -> list[str]:
        """Every name key once, by script, then length, then key."""
        return self._name_keys(0) + self._name_keys(1)

    @cached_property
    def all_entity_keys(self) -> list[str]:
        """Every name key once, sorted."""
        return sorted(self.every_entity_key())

    def _name_keys(self, cjk: int, shortest: int = 0, longest: int = 1 << 30) -> list[str]:
        """One script's name keys of a length in [shortest, longest] (see ``name_lists``),
        each length's split once."""
        found: list[str] = []
        for (script, length), text in self._name_texts.items():
            if script == cjk and shortest <= length <= longest:
                keys = self._name_split.get((script, length))
                if keys is None:
                    keys = self._name_split[script, length] = split_names(text)
                found += keys
        return found

    @cached_property
    def _name_texts(self) -> dict[tuple[int, int], str]:
        query = "SELECT cjk, length, keys FROM name_lists ORDER BY cjk, length"
        return {(cjk, length): keys for cjk, length, keys in self._execute(query)}

    @cached_property
    def _name_split(self) -> dict[tuple[int, int], list[str]]:
        return {}

    def longest_cjk_key(self) -> int:
        """The length of the longest Chinese name key (0 when there is none)."""
        (longest,) = self._execute("SELECT max(length) FROM name_lists WHERE cjk = 1").fetchone()
        return int(longest or 0)

    def cjk_keys_with_prefix(self, prefix: str, length: int, cap: int) -> list[tuple[str, int]]:
        """Chinese name keys of ``length`` characters that begin with ``prefix``, with
        their entities (at most ``cap``): the candidates of a one-character typo."""
        query = (
            "SELECT key, entity FROM entity_keys WHERE cjk = 1 AND key >= ? AND key < ? "
            "AND length(key) = ? ORDER BY key LIMIT ?"
        )
        return list(self._execute(query, (prefix, prefix + "\U0010ffff", length, cap)))

    def entities_with_cjk_part(self, part: str) -> list[int]:
        """Entities with a Chinese name that contains ``part`` and is longer."""
        query = "SELECT entity FROM entity_keys WHERE cjk = 1 AND instr(key, ?) > 0 AND key != ?"
        return [e for (e,) in self._execute(query, (part, part))]

    def facts_made_by(self, makers: Sequence[int], cap: int) -> list[tuple[int, int, int]]:
        """(fact, product, maker): the facts of the entities whose maker is one of the
        entities at rows ``makers`` (the first 500), in store order, at most ``cap``."""
        chosen = list(makers)[:500]  # the best-matched first, as the caller sorts them
        query = (
            "SELECT facts.row, product.row, maker.row FROM entities AS maker "
            "JOIN entities AS product ON product.maker = maker.id "
            "JOIN facts ON facts.entity = product.row "
            f"WHERE maker.row IN ({', '.join('?' * len(chosen))}) ORDER BY facts.row LIMIT ?"
        )
        return list(self._execute(query, [*chosen, cap])) if chosen else []

    def makers_of(self, rows: Sequence[int]) -> dict[int, int]:
        """Entity row -> the row of its maker, for those of ``rows`` that have one."""
        found: dict[int, int] = {}
        chosen = list(rows)
        for start in range(0, len(chosen), 500):
            chunk = chosen[start : start + 500]
            query = (
                "SELECT product.row, maker.row FROM entities AS product "
                "JOIN entities AS maker ON maker.id = product.maker "
                f"WHERE product.row IN ({', '.join('?' * len(chunk))})"
            )
            found.update(self._execute(query, chunk))
        return found

    @cached_property
    def attribute_keys(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for key, row in self._execute("SELECT key, attribute FROM attribute_keys"):
            found.setdefault(key, []).append(row)
        return found

    @cached_property
    def attribute_words(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for word, row in self._execute("SELECT word, attribute FROM attribute_words"):
            found.setdefault(word, []).append(row)
        return found

    @cached_property
    def attribute_types(self) -> list[str]:
        return [t for (t,) in self._execute("SELECT type FROM attributes ORDER BY row")]

    def rows_of_entity(self, entity: int, cap: int) -> list[int]:
        query = "SELECT row FROM facts WHERE entity = ? ORDER BY row LIMIT ?"
        return [r for (r,) in self._execute(query, (entity, cap))]

    def rows_mentioning(self, entity: int, cap: int) -> list[int]:
        query = "SELECT fact FROM mentions WHERE entity = ? ORDER BY fact LIMIT ?"
        return [r for (r,) in self._execute(query, (entity, cap))]

    def rows_of_attribute(self, attribute: int, cap: int) -> list[int]:
        query = "SELECT row FROM facts WHERE attribute = ? ORDER BY row LIMIT ?"
        return [r for (r,) in self._execute(query, (attribute, cap))]

    def rows_with_word(self, word: str, cap: int) -> list[int]:
        query = "SELECT file, places FROM words WHERE word = ? ORDER BY file"
        return self._postings(self._execute(query, (word,)), cap)

    @staticmethod
    def _postings(cursor: Iterable[tuple[int, bytes]], cap: int) -> list[int]:
        """The first ``cap`` fact rows of packed postings, file by file, in store order."""
        found: list[int] = []
        for file, places in cursor:
            base = file << ROW_SHIFT
            found += [base | place for place in unpack_places(places)]
            if len(found) >= cap:
                return found[:cap]
        return found

    def knows_word(self, word: str) -> bool:
        """Whether some fact's text holds this (folded) word."""
        query = "SELECT 1 FROM vocabulary WHERE word = ?"
        return self._execute(query, (word,)).fetchone() is not None

    def words_with_prefix(self, prefix: str, limit: int = 200) -> list[str]:
        query = "SELECT word FROM vocabulary WHERE word >= ? AND word < ? ORDER BY word LIMIT ?"
        return [w for (w,) in self._execute(query, (prefix, prefix + "\U0010ffff", limit))]

    def words_of_length(self, low: int, high: int) -> list[str]:
        """Words without digits, of a length in [low, high] (candidates for a typo)."""
        query = "SELECT word FROM vocabulary WHERE alpha = 1 AND length BETWEEN ? AND ?"
        return [w for (w,) in self._execute(query, (low, high))]

    def rows_with_gram(self, gram: int, cap: int) -> list[int]:
        query = "SELECT file, places FROM grams WHERE gram = ? ORDER BY file"
        return self._postings(self._execute(query, (gram,)), cap)

    def rows_containing(self, text: str, rows: Iterable[int] | None, cap: int) -> list[int]:
        """Fact rows whose folded quote and summary contain ``text`` (among ``rows``)."""
        if rows is None:
            query = f"SELECT row FROM facts WHERE instr({FOLDED}, ?) > 0 ORDER BY row LIMIT ?"
            return [r for (r,) in self._execute(query, (text, cap))]
        found = []
        chosen = sorted(rows)  # in row order, as ``scoring_columns`` reads them
        for start in range(0, len(chosen), 500):
            chunk = chosen[start : start + 500]
            query = (
                f"SELECT row FROM facts WHERE row IN ({', '.join('?' * len(chunk))}) "
                f"AND instr({FOLDED}, ?) > 0"
            )
            found += [r for (r,) in self._execute(query, [*chunk, text])]
        return sorted(found)

    def rows_with_number(self, low: float, high: float, cap: int) -> list[int]:
        query = "SELECT row FROM facts WHERE number BETWEEN ? AND ? ORDER BY row LIMIT ?"
        return [r for (r,) in self._execute(query, (low, high, cap))]

    def rows_with_range(self, value: float, tolerance: float, cap: int) -> list[int]:
        # ``low <= ?`` (a little wider than the exact test after it) lets SQLite read
        # the few ranges from their partial index instead of every fact; ``+row``
        # keeps it from choosing a scan in row order for the ORDER BY instead.
        query = (
            "SELECT row FROM facts WHERE bound = 'range' AND low <= ? AND low - ? <= ? "
            "AND ? <= high + ? ORDER BY +row LIMIT ?"
        )
        slack = abs(value) * tolerance
        wide = value + 2 * slack + abs(value) * 1e-9 + 1e-300
        return [r for (r,) in self._execute(query, (wide, slack, value, value, slack, cap))]

    def rows_in_year(self, year: int, cap: int) -> list[int]:
        query = (
            "SELECT row FROM facts WHERE attribute IN (SELECT row FROM attributes WHERE "
            "type = 'date') AND value >= ? AND value < ? ORDER BY row LIMIT ?"
        )
        return [r for (r,) in self._execute(query, (f"{year:04d}", f"{year + 1:04d}", cap))]

    def scoring_columns(self, rows: Iterable[int]) -> dict[int, ScoringRow]:
        """What ranking needs of each candidate row, without building the fact."""
        found: dict[int, ScoringRow] = {}
        # in row order: each chunk then reads neighbouring pages, not pages all over
        # the file (at a million facts, a quarter less time)
        chosen = sorted(rows)
        for start in range(0, len(chosen), 500):
            chunk = chosen[start : start + 500]
            query = (
                "SELECT row, entity, attribute, value, low, high, bound, unit, as_of FROM facts "
                f"WHERE row IN ({', '.join('?' * len(chunk))})"
            )
            for r in self._execute(query, chunk):
                found[r[0]] = ScoringRow(*r[1:])
        return found

    def claimed_among(self, rows: Iterable[int], claimants: Sequence[str]) -> dict[int, str]:
        """Of ``rows``, those claimed by one of ``claimants`` (entity ids), each with
        its claimant: "what did UBS say" asks for what UBS claims."""
        found: dict[int, str] = {}
        chosen = list(rows)
        names = list(claimants)
        for start in range(0, len(chosen), 500):
            chunk = chosen[start : start + 500]
            query = (
                f"SELECT row, claimed_by FROM facts WHERE row IN ({', '.join('?' * len(chunk))}) "
                f"AND claimed_by IN ({', '.join('?' * len(names))})"
            )
            found.update(self._execute(query, [*chunk, *names]))
        return found

    def term_counts(self, kind: str, terms: Sequence[Any]) -> dict[Any, int]:
        """How many facts carry each term of a kind (see ``rarity``); absent: none."""
        found: dict[Any, int] = {}
        chosen = list(dict.fromkeys(terms))
        for start in range(0, len(chosen), 500):
            chunk = chosen[start : start + 500]
            query = (
                "SELECT term, facts FROM term_counts WHERE kind = ? "
                f"AND term IN ({', '.join('?' * len(chunk))})"
            )
            found.update(self._execute(query, [kind, *chunk]))
        return found

    def entity_name(self, row: int) -> str:
        return self.entity_at(row).name

    def row_of(self, fact_id: str) -> int | None:
        found = self._execute("SELECT row FROM facts WHERE id = ?", (fact_id,)).fetchone()
        return int(found[0]) if found else None

    def fact_by_id(self, fact_id: str) -> Fact | None:
        """One fact by its id, or None."""
        row = self.row_of(fact_id)
        return None if row is None else self.facts_at([row])[0]

    def fact_ids_near(self, fact_id: str, limit: int = 2000) -> list[str]:
        """Fact ids sharing the first characters of ``fact_id``: the candidates for a
        "did you mean" (an index range, not the whole table)."""
        head = fact_id[:3]
        query = "SELECT id FROM facts WHERE id >= ? AND id < ? ORDER BY id LIMIT ?"
        return [i for (i,) in self._execute(query, (head, head + "\uffff", limit))]

    # --- the whole store, for export -----------------------------------------------------

    def all_facts(self) -> Iterator[Fact]:
        """Every fact in store order, read in batches."""
        rows = [r for (r,) in self._read("SELECT row FROM facts ORDER BY row")]
        for start in range(0, len(rows), 1000):
            yield from self.facts_at(rows[start : start + 1000])

    def quote_places(self) -> Iterator[tuple[Fact, int, str, int | None]]:
        """Every quote to check: each fact's references, by position (0 is the fact's
        own), with the file and line of the quote."""
        query = (
            "SELECT facts.id, 0, files.path, facts.quote_line, facts.row FROM facts "
            "JOIN files ON files.id = facts.file UNION ALL "
            "SELECT facts.id, refs.n, files.path, refs.quote_line, facts.row FROM refs "
            "JOIN facts ON facts.row = refs.fact JOIN files ON files.id = facts.file "
            "ORDER BY 5, 2"
        )
        for ident, n, path, line, _ in self._read(query):
            yield self.facts[ident], n, self._shown.get(path, path), line

    def source_places(self) -> list[tuple[Source, str, int | None]]:
        query = "SELECT id, origin, line FROM sources ORDER BY row"
        return [(self.sources[i], self._shown.get(path, path), line)
                for i, path, line in self._execute(query)]  # fmt: skip


# --- loading ---------------------------------------------------------------------------
