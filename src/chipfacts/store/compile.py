"""Compiling YAML fact files into the store's SQLite database (see ``database``).

One pipeline for every caller: ``chipfacts validate`` compiles every file into
a database in memory and reports every problem; a lookup brings the cached
database up to date, file by file, and refuses to answer from a store with
problems. Both run the same checks in the same order, so they report the same
problem at the same line.

Incremental by file: each file's row in ``files`` remembers its identity and its
vocabulary sections (sources, entities, attributes). When files change, only
they are parsed; the vocabulary is re-checked as a whole from the stored
sections, and when it is unchanged only the changed files' facts are checked
and their rows replaced. A changed vocabulary, or files added, removed or
renamed, recompile every file: rare edits, and the only way to keep fact rows
in store order.

Memory in proportion to one file, not the store: a file that holds facts alone
(``facts_only``, told from its top-level lines without parsing it) is parsed
once, when its facts are checked, in a worker, and its rows are written as they
come back; only files with vocabulary are parsed first and held until their
facts are checked. A compile with problems is rolled back (and a database built
in a temporary file is discarded by its caller).
"""

from __future__ import annotations

import gc
import json
import mmap
import re
import sqlite3
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from chipfacts.errors import InvalidDataError, Problem
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Entity, Fact, Source
from chipfacts.store.build import (
    Corpus,
    Indexes,
    ParsedFile,
    build_attributes,
    build_entities,
    build_facts,
    build_sources,
    shown,
)
from chipfacts.store.database import INDEXES, ROW_SHIFT, file_identity, pack_places, path_text
from chipfacts.store.name_lists import write_name_lists
from chipfacts.store.rarity import count_terms
from chipfacts.store.reader import Store
from chipfacts.store.safeyaml import SECTIONS, parse_yaml, read_text
from chipfacts.store.verify import Damaged
from chipfacts.store.workers import ordered_map, workers_for
from chipfacts.text.normalize import has_cjk, name_key
from chipfacts.text.terms import char_pairs, fact_words, folded_text, gram_number, label_words

VOCABULARY = ("sources", "entities", "attributes")
INT64 = 2**63


class Parsed(NamedTuple):
    """One file, read: its document (lines and problems) and its sections."""

    doc: ParsedFile
    sections: Mapping[str, Any]


def parse_file(path: Path) -> Parsed:
    """Parse one file; ``InvalidDataError`` when it is not usable YAML at all."""
    name = path_text(path)
    data, lines, problems = parse_yaml(read_text(path), name)
    doc = ParsedFile(name, lines, list(problems))
    if not isinstance(data, dict):
        doc.problem((), "a fact file must be a mapping with sections " + ", ".join(SECTIONS))
        return Parsed(doc, {})
    for key in data:
        if key not in SECTIONS:
            doc.problem((key,), f"unknown section {shown(key)} (allowed: {', '.join(SECTIONS)})")
    return Parsed(doc, data)


# A top-level line other than a comment, a blank line, or ``facts:`` or a
# document marker with nothing after it but a comment: the file may hold vocabulary.
_NOT_FACTS_ONLY = re.compile(
    rb"^(?!\Z|[ \t\r\n#]|(?:facts:|---|\.\.\.)[ \t]*(?:#[^\r\n]*)?\r?$)", re.M
)
_FACTS_KEY = re.compile(rb"^facts:", re.M)


def facts_only(path: Path) -> bool:
    """Whether a file holds a ``facts`` section and nothing else, told from its lines
    (memory-mapped, not read into memory). Conservative: any other top-level line
    (another key, a flow collection, a BOM, a directive) says no, and the file is
    then parsed with the vocabulary."""
    try:
        with (
            open(path, "rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as text,
        ):
            return _NOT_FACTS_ONLY.search(text) is None and bool(_FACTS_KEY.search(text))
    except (OSError, ValueError):  # unreadable (reported when it is read), or empty
        return False


def vocabulary_json(parsed: Parsed) -> bytes:
    """A file's vocabulary sections and their lines, to re-check them without YAML."""
    sections = {k: v for k, v in parsed.sections.items() if k in VOCABULARY}
    lines = [[list(p), n] for p, n in parsed.doc.lines.items() if not p or p[0] in VOCABULARY]
    plain = {"sections": sections, "lines": lines, "facts": "facts" in parsed.sections}
    return zlib.compress(json.dumps(plain, ensure_ascii=False).encode(), 1)


def stored_vocabulary(blob: bytes) -> Any:
    """A file's vocabulary as ``vocabulary_json`` stored it; ``Damaged`` where it cannot
    be read (a disk's damage the seal could not see): a database to build afresh."""
    try:
        return json.loads(zlib.decompress(blob))
    except (zlib.error, ValueError) as error:
        raise Damaged(f"a stored vocabulary cannot be read ({error})") from error


def parsed_from_json(name: str, blob: bytes) -> Parsed:
    stored = stored_vocabulary(blob)
    lines = {tuple(path): line for path, line in stored["lines"]}
    return Parsed(ParsedFile(name, lines), stored["sections"])


class Outcome(NamedTuple):
    """What a compile found: the problems (sorted) and the records it built."""

    problems: list[Problem]
    sources: Mapping[str, Source]
    entities: Mapping[str, Entity]
    attributes: Mapping[str, Attribute]
    facts: int  # how many facts the database now holds (when written)


def _problems(parts: Iterable[ParsedFile], order: Mapping[str, int]) -> list[Problem]:
    """Every problem, in file order, then line: the same order whatever was re-read."""
    found = [p for doc in parts for p in doc.problems]
    return sorted(found, key=lambda p: (order.get(p.file, -1), p.line or 0))


@contextmanager
def _without_gc() -> Iterator[None]:
    """Python's cycle collector off for the duration: a compile builds millions of
    objects (parsed data, records, rows) and no cycles, and the collector would
    walk the ever larger heap again and again for nothing (a sixth of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_without_gc()
def compile_store(
    connection: sqlite3.Connection, files: list[Path], *, keep_invalid: bool = False
) -> Outcome:
    """Bring the database up to date with ``files``, in one transaction.

    With problems the transaction is rolled back (where the database has a
    journal; a caller building in a temporary file without one discards it),
    unless ``keep_invalid`` (for validate, in memory): then every valid record
    is written, so its quotes can still be checked.
    """
    names = [path_text(p) for p in files]
    order = {name: n for n, name in enumerate(names)}
    identities = {name: file_identity(p) for name, p in zip(names, files, strict=True)}
    stored = {
        path: (identity, vocabulary)
        for path, identity, vocabulary in connection.execute(
            "SELECT path, identity, vocabulary FROM files"
        )
    }
    full = set(stored) != set(names)
    paths = dict(zip(names, files, strict=True))
    changed = [n for n in names if full or stored[n][0] != identities[n]]
    # Files of facts alone are parsed when their facts are checked, not before.
    later = {n for n in changed if facts_only(paths[n])}
    first = [n for n in changed if n not in later]
    workers = _workers(paths, first)
    parsed: dict[str, Parsed] = {}
    unreadable: list[Problem] = []
    for name, got in zip(first, ordered_map(_read, paths, first, workers), strict=True):
        if isinstance(got, Parsed):
            parsed[name] = got
        else:
            unreadable += got
    if unreadable:  # what follows would only add noise about the missing content
        docs = [p.doc for p in parsed.values()]
        problems = sorted(
            unreadable + _problems(docs, order), key=lambda p: (order.get(p.file, -1), p.line or 0)
        )
        return Outcome(problems, {}, {}, {}, 0)

    meta = dict(connection.execute("SELECT key, value FROM meta"))
    vocabulary: Corpus | None = None
    entity_keys: dict[str, list[str]] | None = None
    sources: Mapping[str, Source]
    entities: Mapping[str, Entity]
    attributes: Mapping[str, Attribute]
    if (
        not full
        and meta.get("vocabulary")
        and all(
            stored_vocabulary(vocabulary_json(parsed[n])) == stored_vocabulary(stored[n][1])
            for n in parsed
        )
        and all(stored_vocabulary(stored[n][1]) == _FACTS_ONLY_VOCABULARY for n in later)
    ):
        # The edit touched facts only (the common case): check them against the
        # vocabulary already in the database, read record by record as referred
        # to, instead of re-checking every source, entity and attribute.
        known = Store(connection, "")
        sources, entities, attributes = known.sources, known.entities, known.attributes
        fingerprint = meta["vocabulary"]
        vocabulary_docs = {
            name: parsed[name] if name in parsed else Parsed(ParsedFile(name, {}), {})
            for name in names
        }
    else:
        vocabulary_docs = {
            name: parsed[name] if name in parsed else _vocabulary_of(name, name in later, stored)
            for name in names
        }
        vocabulary = Corpus([(p.doc, p.sections) for p in vocabulary_docs.values()])
        sources = build_sources(vocabulary)
        entities = build_entities(vocabulary)
        attributes = build_attributes(vocabulary)
        # lazy: only a changed vocabulary is checked (25 ms: quotes, opencc)
        from chipfacts.store.checks import check_names

        entity_keys = check_names(vocabulary, entities)
        fingerprint = _fingerprint(sources, entities, attributes)
        if meta.get("vocabulary") != fingerprint:
            full = True
        if full:
            rest = [n for n in names if n not in parsed and n not in later]
            later.update(n for n in rest if facts_only(paths[n]))
            rest = [n for n in rest if n not in later]
            workers = _workers(paths, rest)
            for name, got in zip(rest, ordered_map(_read, paths, rest, workers), strict=True):
                if not isinstance(got, Parsed):
                    raise InvalidDataError(got)  # changed since it was compiled
                parsed[name] = got
                # Problems the vocabulary check found in this file move with it.
                got.doc.problems.extend(vocabulary_docs[name].doc.problems)
                vocabulary_docs[name] = got
        has_facts = any(
            "facts" in vocabulary_docs[n].sections
            if n in parsed
            else (n in later or stored_vocabulary(stored[n][1])["facts"])
            for n in names
        )
        if not has_facts and names:
            vocabulary_docs[names[0]].doc.problem((), "missing section 'facts'")

    # Each parsed file's ``files`` row, then its vocabulary let go: checked, and
    # written below, it would otherwise be held (and copied into every worker)
    # until the end.
    own = {n: (vocabulary_json(p), "facts" in p.sections) for n, p in parsed.items()}
    numbers = _row_numbers(connection, sources, entities, attributes, full)
    job = _Job(parsed, Indexes(sources, entities, attributes), order, numbers, paths, own)
    to_check = [n for n in names if n in parsed or n in later]
    # Records read from the database (an edit of facts only) are read on demand,
    # through this process's connection, which a forked worker must not use.
    workers = _workers(paths, to_check) if vocabulary is not None else 1
    ids: dict[str, list[tuple[str, int | None]]] = {}
    with connection:  # one transaction: all of it, or none
        if not connection.in_transaction:
            connection.execute("BEGIN")
        indexes = _drop_indexes(connection) if full else ()
        if full:
            for table in ("files", "sources", "entities", "entity_keys", "attributes",
                          "attribute_keys", "attribute_words", "facts", "refs", "words",
                          "vocabulary", "grams", "mentions"):  # fmt: skip
                connection.execute(f"DELETE FROM {table}")
            # A full compile always re-checks the vocabulary.
            assert vocabulary is not None and entity_keys is not None
            _write_vocabulary(connection, vocabulary, sources, entities, attributes, entity_keys)
            write_name_lists(connection)
        for kept in vocabulary_docs.values():
            _release_vocabulary(kept)
        vocabulary = entity_keys = None  # written: its records are in ``job.idx``
        writer = _Writer(connection)
        for name, result in zip(
            to_check, ordered_map(_check_file, job, to_check, workers), strict=True
        ):
            # Problems found by a worker, in its copy of the file.
            vocabulary_docs[name].doc.problems[:] = result.problems
            if name in parsed:
                _release_facts(parsed[name])
            file_id = order[name]
            if not full:
                writer.remove_file(file_id)
                ids[name] = result.ids
            connection.execute(
                "INSERT OR REPLACE INTO files (id, path, identity, vocabulary, has_facts) "
                "VALUES (?, ?, ?, ?, ?)",
                (file_id, name, identities[name], result.vocabulary, int(result.has_facts)),
            )
            dropped = writer.add(file_id, result.rows)
            if full and dropped:
                _duplicates_written(connection, name, result, vocabulary_docs[name].doc)
        if not full:
            _duplicates(connection, ids, order, full, vocabulary_docs)
        docs = [vocabulary_docs[n].doc for n in names]
        problems = _problems(docs, order)
        if problems and not keep_invalid:
            connection.rollback()
            return Outcome(problems, sources, entities, attributes, 0)
        writer.flush()
        for sql in indexes:
            connection.execute(sql)
        count_terms(connection)
        connection.execute("UPDATE meta SET value = ? WHERE key = 'vocabulary'", (fingerprint,))
    (count,) = connection.execute("SELECT count(*) FROM facts").fetchone()
    return Outcome(problems, sources, entities, attributes, count)


# What ``vocabulary_json`` holds for a file of facts alone.
_FACTS_ONLY_VOCABULARY = {"sections": {}, "lines": [], "facts": True}


def _vocabulary_of(name: str, facts_alone: bool, stored: Mapping[str, tuple[str, bytes]]) -> Parsed:
    """A file's vocabulary without parsing it: none for a file of facts alone, else
    as stored when it was last compiled."""
    if facts_alone:
        return Parsed(ParsedFile(name, {}), {})
    return parsed_from_json(name, stored[name][1])


def _duplicates_written(
    connection: sqlite3.Connection, name: str, result: _Checked, doc: ParsedFile
) -> None:
    """A full compile writes files in order, and a fact whose id an earlier file
    already wrote is not written (``_Writer.add``): report each at its line."""
    for (ident, line), fact_row in zip(result.ids, result.rows.facts, strict=True):
        kept = connection.execute(
            "SELECT facts.row, files.path, facts.line FROM facts "
            "JOIN files ON files.id = facts.file WHERE facts.id = ?",
            (ident,),
        ).fetchone()
        if kept is not None and kept[0] != fact_row[0]:
            message = f"duplicate id {ident!r} in facts (first at {kept[1]}:{kept[2]})"
            doc.problems.append(Problem(name, line, message))


def _drop_indexes(connection: sqlite3.Connection) -> tuple[str, ...]:
    """Drop the secondary indexes; return the statements that create them again.

    A full compile writes every row: an index built once from the rows costs less
    than one kept up to date row by row (the facts' six, half of their writing).
    The caller's transaction must be open: a DROP alone would commit at once, and
    an interrupted compile would leave the database without its indexes.
    """
    assert connection.in_transaction
    for sql in INDEXES:
        name = sql.split()[2]  # CREATE INDEX name ON …
        connection.execute(f"DROP INDEX IF EXISTS {name}")
    return INDEXES


def _fingerprint(
    sources: Mapping[str, Source],
    entities: Mapping[str, Entity],
    attributes: Mapping[str, Attribute],
) -> str:
    plain = [[list(map(str, r)) for r in part.values()] for part in (sources, entities, attributes)]
    return f"{zlib.crc32(json.dumps(plain, ensure_ascii=False).encode()):08x}"


def _workers(paths: Mapping[str, Path], names: list[str]) -> int:
    """How many processes should work on these files (see ``workers.workers_for``)."""
    return workers_for([paths[n].stat().st_size for n in names])


def _read(paths: Mapping[str, Path], name: str) -> Parsed | list[Problem]:
    """``parse_file``, with a file that is no usable YAML as its problems: a value
    the caller sorts with every other file's."""
    try:
        return parse_file(paths[name])
    except InvalidDataError as error:
        return error.problems


class _Job(NamedTuple):
    """What checking each re-read file needs (shared with the workers by fork)."""

    parsed: Mapping[str, Parsed]  # files parsed before (the rest are read by the worker)
    idx: Indexes
    order: Mapping[str, int]
    numbers: RowNumbers
    paths: Mapping[str, Path]
    own: Mapping[str, tuple[bytes, bool]]  # the files row of each file in ``parsed``


class _Checked(NamedTuple):
    """One file, checked: its problems so far, its facts' ids and lines, its rows, and
    its ``files`` row's vocabulary and whether it has facts."""

    problems: list[Problem]
    ids: list[tuple[str, int | None]]
    rows: FileRows
    vocabulary: bytes
    has_facts: bool


def _check_file(job: _Job, name: str) -> _Checked:
    parsed = job.parsed.get(name)
    if parsed is None:  # a file of facts alone, read here (in a worker)
        got = _read(job.paths, name)
        if not isinstance(got, Parsed):
            return _Checked(got, [], FileRows([], [], [], {}, {}), b"", False)
        parsed = got
    facts = _check_facts(parsed, job.idx)
    # The parsed facts are records now: let them go before the rows are built, so
    # that a file's YAML, records and rows are never all held at once.
    _release_facts(parsed)
    rows = file_rows(job.order[name], facts, job.numbers)
    ids = [(c.fact.id, c.line) for c in facts]
    vocabulary, has_facts = job.own.get(name) or (
        vocabulary_json(parsed),
        "facts" in parsed.sections,
    )
    return _Checked(parsed.doc.problems, ids, rows, vocabulary, has_facts)


def _release_vocabulary(parsed: Parsed) -> None:
    """Let a file's vocabulary sections go once they are checked and written (its
    facts stay, to be checked)."""
    sections = parsed.sections
    if isinstance(sections, dict):
        for section in VOCABULARY:
            sections.pop(section, None)
    lines = parsed.doc.lines
    for path in [p for p in lines if p[:1] and p[0] in VOCABULARY]:
        del lines[path]


def _release_facts(parsed: Parsed) -> None:
    """Let a file's parsed facts go once its rows are built: a large store's parsed
    facts and rows would otherwise be held at once (its vocabulary stays)."""
    sections = parsed.sections
    if isinstance(sections, dict) and sections.get("facts"):
        sections["facts"] = []  # still a section: the file has facts
    lines = parsed.doc.lines
    for path in [p for p in lines if p[:1] == ("facts",)]:
        del lines[path]


def _row_numbers(
    connection: sqlite3.Connection,
    sources: Mapping[str, Source],
    entities: Mapping[str, Entity],
    attributes: Mapping[str, Attribute],
    full: bool,
) -> RowNumbers:
    """The row each source, entity and attribute has (a full compile writes them in
    order, see ``_write_vocabulary``; otherwise they are in the database)."""
    if full:
        return RowNumbers(
            *(
                {ident: n for n, ident in enumerate(part)}
                for part in (sources, entities, attributes)
            )
        )
    return RowNumbers(
        *(dict(connection.execute(f"SELECT id, row FROM {table}"))
          for table in ("sources", "entities", "attributes"))
    )  # fmt: skip


def _check_facts(parsed: Parsed, idx: Indexes) -> list[CheckedFact]:
    """A file's facts, checked against the vocabulary, with the lines of id and quotes."""
    doc = parsed.doc
    if "facts" not in parsed.sections:  # a file of vocabulary only (checked store-wide)
        return []
    corpus = Corpus([(doc, {"facts": parsed.sections["facts"]})])
    facts = build_facts(corpus, idx)
    found = []
    for fact in facts.values():
        _, path = corpus.places[("facts", fact.id)]
        further = tuple(
            doc.line((*path, "references", n, "quote")) for n in range(len(fact.further_references))
        )
        found.append(
            CheckedFact(fact, doc.line((*path, "id")), doc.line((*path, "quote")), further)
        )
    return found


def _duplicates(
    connection: sqlite3.Connection,
    checked: Mapping[str, list[tuple[str, int | None]]],
    order: Mapping[str, int],
    full: bool,
    parsed: Mapping[str, Parsed],
) -> None:
    """Fact ids are checked within each file by the record builder; here, across files
    (``checked``: each re-read file's fact ids and their lines), for an update (a
    full compile finds them as it writes, see ``_duplicates_written``)."""
    places: dict[str, list[tuple[int, str, int | None]]] = {}
    for name, facts in checked.items():
        for ident, line in facts:
            places.setdefault(ident, []).append((order[name], name, line))
    if not full:  # the unchanged files' facts are in the database
        for ident in list(places):
            for path, line in connection.execute(
                "SELECT files.path, facts.line FROM facts JOIN files ON files.id = facts.file "
                "WHERE facts.id = ?",
                (ident,),
            ):
                if path not in checked:
                    places[ident].append((order[path], path, line))
    for ident, where in places.items():
        if len(where) < 2:
            continue
        where.sort(key=lambda w: (w[0], w[2] or 0))
        _, first_file, first_line = where[0]
        for _, name, line in where[1:]:
            shown_at = f"line {first_line}" if name == first_file else f"{first_file}:{first_line}"
            message = f"duplicate id {ident!r} in facts (first at {shown_at})"
            if name in parsed:
                parsed[name].doc.problems.append(Problem(name, line, message))


def _write_vocabulary(
    connection: sqlite3.Connection,
    corpus: Corpus,
    sources: Mapping[str, Source],
    entities: Mapping[str, Entity],
    attributes: Mapping[str, Attribute],
    entity_keys: Mapping[str, list[str]],
) -> None:
    rows = []
    for n, s in enumerate(sources.values()):
        doc, path = corpus.places[("sources", s.id)]
        rows.append((n, s.id, s.file, s.title, s.title_en, s.publisher, str(s.published),
                     s.language, s.url, s.note, s.sha256, doc.name,
                     doc.line((*path, "file"))))  # fmt: skip
    connection.executemany(f"INSERT INTO sources VALUES ({', '.join('?' * 13)})", rows)
    connection.executemany(
        "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(n, e.id, e.name, e.kind, json.dumps(e.aliases, ensure_ascii=False), e.maker,
          e.description) for n, e in enumerate(entities.values())],
    )  # fmt: skip
    connection.executemany(
        "INSERT OR IGNORE INTO entity_keys VALUES (?, ?, ?)",
        [(key, n, int(has_cjk(key)))
         for n, e in enumerate(entities.values())
         for key in dict.fromkeys(entity_keys[e.id])],
    )  # fmt: skip
    connection.executemany(
        "INSERT INTO attributes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(n, a.id, a.label, a.type.value, a.description, a.unit,
          json.dumps(a.synonyms, ensure_ascii=False), a.min_value, a.max_value, int(a.single))
         for n, a in enumerate(attributes.values())],
    )  # fmt: skip
    keys, words = [], []
    for n, a in enumerate(attributes.values()):
        keys += [(k, n) for k in dict.fromkeys(name_key(x) for x in (a.id, a.label, *a.synonyms))]
        words += [(w, n) for w in label_words(a)]
    connection.executemany("INSERT OR IGNORE INTO attribute_keys VALUES (?, ?)", keys)
    connection.executemany("INSERT OR IGNORE INTO attribute_words VALUES (?, ?)", words)


def _related_json(fact: Fact) -> str:
    """``json.dumps`` of the related ids, without its encoder: ids are slugs
    (``build.ID_PATTERN``), so there is nothing to escape."""
    if not fact.related:
        return "[]"
    return '["' + '", "'.join([e.id for e in fact.related]) + '"]'


def _mentions(fact: Fact) -> list[str]:
    claimed = [fact.claimed_by.id] if fact.claimed_by else []
    others = dict.fromkeys([*(e.id for e in fact.related), *claimed])
    return [e for e in others if e != fact.entity.id]


def stored_value(fact: Fact) -> tuple[Any, float | None]:
    """The ``value`` column and the ``number`` column (for number lookups)."""
    value = fact.value
    if isinstance(value, PartialDate):
        return str(value), None
    if isinstance(value, int) and not -INT64 <= value < INT64:
        return str(value), float(value)
    if isinstance(value, int | float):
        return value, float(value)
    return value, None


def stored_end(number: float | None) -> float | None:
    """A range's ``low`` or ``high`` column: an integer beyond SQLite's 64 bits as the
    nearest REAL (not text, as ``value`` keeps it: the range lookups compare
    ``low <= ?`` in SQL, where a text is greater than every number)."""
    if isinstance(number, int) and not -INT64 <= number < INT64:
        return float(number)
    return number


def folded_column_of(fact: Fact, folded: str) -> str | None:
    """The ``folded`` column: NULL when folding is only ASCII lower case, which the
    store's queries redo with SQLite's lower() (most English and Simplified text; never a
    fact with further references, whose quotes that column leaves out)."""
    text = fact.quote + fact.summary
    if fact.further_references:
        return folded
    # Its ASCII lower case, compared in C: bytes.lower() lowers A-Z only, and UTF-8
    # writes every other character with bytes of 0x80 and above.
    if folded == text.lower() and _utf8(folded) == _utf8(text).lower():
        return None
    return folded


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate: 3 bytes, as any other


class RowNumbers(NamedTuple):
    """The database row of each source, entity and attribute, by id."""

    sources: Mapping[str, int]
    entities: Mapping[str, int]
    attributes: Mapping[str, int]


class CheckedFact(NamedTuple):
    """A fact as checked, with the lines of its id, its quote and its further
    references' quotes."""

    fact: Fact
    line: int | None
    quote_line: int | None
    reference_lines: tuple[int | None, ...] = ()


class FileRows(NamedTuple):
    """One file's rows: its facts, their further references and mentions, and its
    postings (word or pair -> the facts' places in the file, ascending)."""

    facts: list[tuple[Any, ...]]
    references: list[tuple[Any, ...]]
    mentions: list[tuple[int, int]]
    words: Mapping[str, list[int]]
    grams: Mapping[int, list[int]]


def file_rows(file_id: int, facts: list[CheckedFact], numbers: RowNumbers) -> FileRows:
    """The rows of one file's checked facts (a function of the file alone)."""
    rows, references, mentions = [], [], []
    words: defaultdict[str, list[int]] = defaultdict(list)
    pairs: defaultdict[str, list[int]] = defaultdict(list)
    for position, (f, line, quote_line, reference_lines) in enumerate(facts):
        row = file_id << ROW_SHIFT | position
        value, number = stored_value(f)
        folded = folded_text(f)
        rows.append((
            row, f.id, file_id, line, numbers.entities[f.entity.id],
            numbers.attributes[f.attribute.id], numbers.sources[f.source.id], value,
            stored_end(f.low), stored_end(f.high), number, f.bound.value, f.unit,
            f.status.value, str(f.as_of), f.quote, f.summary, f.context,
            f.claimed_by.id if f.claimed_by else None, _related_json(f), f.note,
            f.doubt.kind.value if f.doubt else None, f.doubt.reason if f.doubt else None,
            quote_line, folded_column_of(f, folded),
        ))  # fmt: skip
        references += [
            (row, n, numbers.sources[r.source.id], r.quote, str(r.as_of), r.note, ref_line)
            for n, (r, ref_line) in enumerate(
                zip(f.further_references, reference_lines, strict=True), 1
            )
        ]
        for word in fact_words(f):
            words[word].append(position)
        for pair in char_pairs(folded):  # numbered once per file, below
            pairs[pair].append(position)
        mentions += [(numbers.entities[e], row) for e in _mentions(f)]
    return FileRows(rows, references, mentions, words, {gram_number(p): pairs[p] for p in pairs})


class _Writer:
    """Rows written file by file as they come: facts and mentions into their tables,
    postings (one row per word and file) appended to temporary tables, and moved
    into theirs at the end in key order, which is what B-trees build fastest (SQLite
    sorts them, spilling to a temporary file, so memory stays bounded)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        for table in ("new_words", "new_grams"):
            connection.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {table} (key NOT NULL, file INTEGER NOT NULL, "
                "places BLOB NOT NULL)"
            )
            connection.execute(f"DELETE FROM temp.{table}")

    def add(self, file_id: int, rows: FileRows) -> int:
        """Write one file's rows (files come in ascending id); return how many facts
        were not written (their id was taken).

        OR IGNORE: a full compile learns of a duplicate id across files this way
        (see ``_duplicates_written``), and validate, which writes a store with
        problems, keeps a duplicate's first fact."""
        c = self.connection
        before = c.total_changes
        c.executemany(f"INSERT OR IGNORE INTO facts VALUES ({', '.join('?' * 25)})", rows.facts)
        dropped = len(rows.facts) - (c.total_changes - before)
        c.executemany("INSERT OR IGNORE INTO refs VALUES (?, ?, ?, ?, ?, ?, ?)", rows.references)
        c.executemany("INSERT OR IGNORE INTO mentions VALUES (?, ?)", rows.mentions)
        c.executemany(
            "INSERT INTO temp.new_words VALUES (?, ?, ?)",
            [(w, file_id, pack_places(places)) for w, places in rows.words.items()],
        )
        c.executemany(
            "INSERT INTO temp.new_grams VALUES (?, ?, ?)",
            [(g, file_id, pack_places(places)) for g, places in rows.grams.items()],
        )
        return dropped

    def flush(self) -> None:
        """Move the postings into their tables in key order; add their words to the
        vocabulary of words."""
        c = self.connection
        c.create_function("chipfacts_alpha", 1, lambda w: int(w.isalpha()), deterministic=True)
        c.execute(
            "INSERT INTO words SELECT key, file, places FROM temp.new_words ORDER BY key, file"
        )
        c.execute(
            "INSERT INTO grams SELECT key, file, places FROM temp.new_grams ORDER BY key, file"
        )
        c.execute(
            "INSERT OR IGNORE INTO vocabulary SELECT key, length(key), chipfacts_alpha(key) "
            "FROM (SELECT DISTINCT key FROM temp.new_words) ORDER BY key"
        )
        c.execute("DELETE FROM temp.new_words")
        c.execute("DELETE FROM temp.new_grams")

    def remove_file(self, file_id: int) -> None:
        """Delete a file's facts and their postings (each table scanned once, in C)."""
        c = self.connection
        low, high = file_id << ROW_SHIFT, (file_id + 1) << ROW_SHIFT
        c.execute("DELETE FROM words WHERE file = ?", (file_id,))
        c.execute("DELETE FROM grams WHERE file = ?", (file_id,))
        c.execute("DELETE FROM mentions WHERE fact >= ? AND fact < ?", (low, high))
        c.execute("DELETE FROM refs WHERE fact >= ? AND fact < ?", (low, high))
        c.execute("DELETE FROM facts WHERE row >= ? AND row < ?", (low, high))
