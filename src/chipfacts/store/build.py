"""Building a store from its YAML files: parse (through the file cache), check,
and turn into records. Only runs when the store's cache entry is missing or stale,
and for `chipfacts validate`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from chipfacts.errors import InvalidDataError, Problem
from chipfacts.model.records import Attribute, Entity, Fact, Source
from chipfacts.store import cache
from chipfacts.store.indexing import Chunk
from chipfacts.store.locate import store_files
from chipfacts.store.schema import (
    SECTIONS,
    Corpus,
    Document,
    Indexes,
    build_attributes,
    build_entities,
    build_facts,
    build_sources,
    shown,
)
from chipfacts.store.store import identities
from chipfacts.store.tables import LAYOUT, Tables


def _parse(path: Path, use_cache: bool) -> tuple[Any, Any, list[Problem]]:
    """One file, parsed (from the file cache when it is unchanged)."""
    from chipfacts.store.safeyaml import parse_yaml, read_text

    key = (LAYOUT, cache.code_fingerprint(), identities([path]))
    if use_cache and key[2]:
        hit = cache.read("file", str(path.resolve()), key)
        if hit is not None:
            data, lines, problems = hit
            return data, lines, [Problem(*p) for p in problems]
    data, lines, problems = parse_yaml(read_text(path), str(path))
    if use_cache and key[2]:
        plain = [(p.file, p.line, p.message) for p in problems]
        cache.write("file", str(path.resolve()), key, (data, lines, plain))
    return data, lines, problems


def file_sections(doc: Document, data: Any) -> dict[str, Any]:
    """A file's top level: a mapping of known sections (problems reported to ``doc``)."""
    if not isinstance(data, dict):
        doc.problem((), "a fact file must be a mapping with sections " + ", ".join(SECTIONS))
        return {}
    for key in data:
        if key not in SECTIONS:
            doc.problem((key,), f"unknown section {shown(key)} (allowed: {', '.join(SECTIONS)})")
    return data


class Built(NamedTuple):
    corpus: Corpus
    sources: dict[str, Source]
    entities: dict[str, Entity]
    attributes: dict[str, Attribute]
    facts: dict[str, Fact]


def build_store(files: list[Path], use_cache: bool) -> Built:
    """Parse every file and build the records, collecting every problem."""
    from chipfacts.store.checks import check_names

    parts: list[tuple[Document, Mapping[str, Any]]] = []
    unreadable = False
    for path in files:
        try:
            data, lines, problems = _parse(path, use_cache)
        except InvalidDataError as error:
            parts.append((Document(str(path), {}, list(error.problems)), {}))
            unreadable = True
            continue
        doc = Document(str(path), lines, list(problems))
        parts.append((doc, file_sections(doc, data)))
    corpus = Corpus(parts)
    if unreadable:  # what follows would only add noise about the missing content
        return Built(corpus, {}, {}, {}, {})
    sources = build_sources(corpus)
    entities = build_entities(corpus)
    attributes = build_attributes(corpus)
    facts = build_facts(corpus, Indexes(sources, entities, attributes))
    check_names(corpus, entities)
    return Built(corpus, sources, entities, attributes, facts)


class Report(NamedTuple):
    """What ``validate`` found."""

    path: str
    problems: list[Problem]
    facts: int
    entities: int
    attributes: int
    sources: int
    quotes_checked: int


def check_store(location: Path, sources_dir: Path | None, use_cache: bool) -> Report:
    """Every problem of the store at ``location`` (see ``store.validate``)."""
    built = build_store(store_files(location), use_cache)
    checked = 0
    if sources_dir is not None:
        from chipfacts.store.checks import check_quotes

        checked = check_quotes(built.corpus, built.sources, built.facts.values(), sources_dir)
    return Report(
        str(location), built.corpus.problems, len(built.facts), len(built.entities),
        len(built.attributes), len(built.sources), checked,
    )  # fmt: skip


# --- the incremental build behind `load` ------------------------------------------------
#
# A store's search-ready tables are rebuilt whenever any of its files changes.
# Most of that work is per fact and depends only on the fact's own file and on
# the vocabulary (sources, entities, attributes), so it is cached per file as a
# *fragment*: the vocabulary sections the file defines (with their lines, to
# re-check them together with every other file's), and its facts, checked
# against a vocabulary whose fingerprint the fragment records, with their search
# text already folded. Editing one file of a hundred rebuilds one fragment.

VOCABULARY = ("sources", "entities", "attributes")


class Fragment(NamedTuple):
    name: str
    problems: list[tuple[str, int | None, str]]  # from parsing and the file's shape
    vocabulary: dict[str, Any]  # the file's vocabulary sections, as parsed
    vocabulary_lines: dict[Any, int]  # the lines of those sections
    has_facts: bool
    facts_fingerprint: int | None  # the vocabulary the facts were checked against
    chunk: tuple[Any, ...] | None  # its facts, checked and indexed (a tables.Chunk)
    fact_problems: list[tuple[str, int | None, str]]


def _fragment_from_yaml(path: Path, use_cache: bool) -> tuple[Fragment, Any, Any]:
    """A fresh fragment (facts not yet checked), with the parsed data and lines."""
    name = str(path)
    data, lines, parse_problems = _parse(path, use_cache)
    doc = Document(name, lines, list(parse_problems))
    data = file_sections(doc, data)
    vocabulary = {k: v for k, v in data.items() if k in VOCABULARY}
    vocabulary_lines = {p: n for p, n in lines.items() if not p or p[0] in VOCABULARY}
    fragment = Fragment(
        name, [(p.file, p.line, p.message) for p in doc.problems], vocabulary, vocabulary_lines,
        "facts" in data, None, None, [],
    )  # fmt: skip
    return fragment, data, lines


def _fingerprint(
    sources: dict[str, Source], entities: dict[str, Entity], attributes: dict[str, Attribute]
) -> int:
    import pickle
    import zlib

    plain = (list(sources.values()), list(entities.values()), list(attributes.values()))
    return zlib.crc32(pickle.dumps([[tuple(map(str, r)) for r in part] for part in plain]))


def _check_facts(name: str, data: Any, lines: Any, idx: Indexes) -> tuple[Chunk, list[Problem]]:
    from chipfacts.store.indexing import make_chunk

    doc = Document(name, lines)
    corpus = Corpus([(doc, {"facts": data.get("facts")})])
    facts = build_facts(corpus, idx)
    located = [(f, doc.line((*corpus.places[("facts", f.id)][1], "id"))) for f in facts.values()]
    return make_chunk(located), doc.problems


def load_tables(files: list[Path], use_cache: bool) -> Tables:
    """The search-ready tables of a store, rebuilt from its fragments.

    Raises ``InvalidDataError`` with every problem when the store is not valid.
    """
    from chipfacts.store.checks import check_names
    from chipfacts.store.indexing import build_tables
    from chipfacts.store.tables import unpack

    fragments: list[Fragment] = []
    parsed: dict[int, tuple[Any, Any]] = {}
    keys = []
    for n, path in enumerate(files):
        key = (LAYOUT, cache.code_fingerprint(), identities([path]))
        keys.append(key)
        hit = cache.read("fragment", str(path.resolve()), key) if use_cache and key[2] else None
        if isinstance(hit, tuple) and len(hit) == len(Fragment._fields):
            fragments.append(Fragment(*hit))
            continue
        try:
            fragment, data, lines = _fragment_from_yaml(path, use_cache)
        except InvalidDataError as error:
            raise InvalidDataError(error.problems) from None  # unparseable: nothing else matters
        fragments.append(fragment)
        parsed[n] = (data, lines)

    problems = [Problem(*p) for f in fragments for p in f.problems]
    # The vocabulary: small, so checked as a whole every time.
    docs: list[tuple[Document, Mapping[str, Any]]] = [
        (Document(f.name, f.vocabulary_lines), f.vocabulary) for f in fragments
    ]
    vocabulary = Corpus(docs)
    sources = build_sources(vocabulary)
    entities = build_entities(vocabulary)
    attributes = build_attributes(vocabulary)
    check_names(vocabulary, entities)
    problems += vocabulary.problems
    if not any(f.has_facts for f in fragments):
        problems.append(Problem(fragments[0].name, 1, "missing section 'facts'"))
    idx = Indexes(sources, entities, attributes)
    fingerprint = _fingerprint(sources, entities, attributes)

    first: dict[str, tuple[str, int]] = {}
    chunks: list[Chunk] = []
    for n, (path, fragment) in enumerate(zip(files, fragments, strict=True)):
        if fragment.has_facts and fragment.facts_fingerprint != fingerprint:
            data, lines = parsed[n] if n in parsed else _parse(path, use_cache)[:2]
            chunk, fact_problems = _check_facts(fragment.name, data, lines, idx)
            fragment = fragment._replace(
                facts_fingerprint=fingerprint, chunk=tuple(chunk),
                fact_problems=[(p.file, p.line, p.message) for p in fact_problems],
            )  # fmt: skip
            if use_cache and keys[n][2]:
                cache.write("fragment", str(path.resolve()), keys[n], tuple(fragment))
        elif n in parsed and use_cache and keys[n][2]:
            cache.write("fragment", str(path.resolve()), keys[n], tuple(fragment))
        problems += [Problem(*p) for p in fragment.fact_problems]
        if fragment.chunk is None:
            continue
        chunk = Chunk(*fragment.chunk)
        chunks.append(chunk)
        # Ids are checked within each file; here, across files.
        for ident, line in zip(
            chunk.ids.split("\x00") if chunk.ids else [], unpack(chunk.id_lines), strict=True
        ):
            if ident in first:
                where_file, where_line = first[ident]
                where = (
                    f"line {where_line}"
                    if where_file == fragment.name
                    else f"{where_file}:{where_line}"
                )
                message = f"duplicate id {ident!r} in facts (first at {where})"
                problems.append(Problem(fragment.name, line or None, message))
            else:
                first[ident] = (fragment.name, line)
    if problems:
        raise InvalidDataError(problems)
    return build_tables(sources, entities, attributes, chunks)
