"""The dataset's tables: one description of each column, from which the SQLite
schema, the Datasette metadata and the Frictionless data package are all made, and
the rows, made from the store's records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, NamedTuple

from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Bound, DoubtKind, Fact, Status
from chipfacts.render.display import format_value
from chipfacts.store.store import Store


class Column(NamedTuple):
    name: str
    sql: str  # the SQLite type: TEXT, INTEGER or NUMERIC (ints stay ints, floats floats)
    kind: str  # the Frictionless field type: string, integer, number, boolean, array
    description: str
    references: str | None = None  # the table whose id this column holds
    required: bool = False
    choices: tuple[str, ...] = ()  # the only values allowed (a CHECK and an enum)


class Table(NamedTuple):
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    search: tuple[str, ...] = ()  # the columns full-text search covers
    # FTS5's tokenizer: unicode61 (sqlite-utils' default) finds words; Chinese has no
    # spaces between them, so its quotes are indexed by trigrams (any three characters).
    tokenizer: str = "unicode61"
    label: str | None = None  # what Datasette shows for a row that another row points to
    facets: tuple[str, ...] = ()


def _text(name: str, description: str, **more: Any) -> Column:
    return Column(name, "TEXT", "string", description, **more)


def _json(name: str, description: str) -> Column:
    return Column(name, "TEXT", "array", description + " (a JSON array of texts)")


ID = _text("id", "The id, as chipfacts prints it and takes it back.", required=True)

SOURCES = Table(
    "sources",
    "The news articles every fact is quoted from.",
    (
        ID,
        _text("file", "The file name of the captured article text."),
        _text("title", "The title as published, in the original language."),
        _text("title_en", "The title in English."),
        _text("publisher", "Who published the article (as printed in it)."),
        _text("published", "When it was published: YYYY, YYYY-MM or YYYY-MM-DD."),
        _text("language", "The article's language (BCP 47: zh-Hans, zh-Hant)."),
        _text("url", "Where it was published, when known."),
        _text("note", "What a curator should know about the article."),
        _text("sha256", "The SHA-256 of the article's text as registered (hex)."),
    ),
    ("id",),
    search=("title", "title_en", "publisher"),
    label="title_en",
)

ENTITIES = Table(
    "entities",
    "The chips, NICs, companies, models, clusters, products, projects and people facts are about.",
    (
        ID,
        _text("name", "The name shown."),
        _text("kind", "chip, nic, company, model, cluster, product, project or person."),
        _text("maker", "The entity that makes it (a company's id).", references="entities"),
        _json("aliases", "Other names, codenames and Chinese names"),
        _text("description", "What it is."),
    ),
    ("id",),
    search=("name", "aliases", "description"),
    label="name",
    facets=("kind",),
)

ATTRIBUTES = Table(
    "attributes",
    "What a fact states about its entity (transistor count, foundry, GPU quota…).",
    (
        ID,
        _text("label", "The name shown."),
        _text("type", "The type of its values.", choices=("number", "text", "date")),
        _text("unit", "The base unit of its numbers (transistors, nm, Hz, USD, GPUs, percent, x)."),
        Column("single", "INTEGER", "boolean", "1 when an entity has one value at a time."),
        _json("synonyms", "Words that find it in a search"),
        _text("description", "What it means."),
    ),
    ("id",),
    search=("label", "synonyms", "description"),
    label="label",
)

_STATUS = tuple(s.value for s in Status)
FACTS = Table(
    "facts",
    "One sourced fact per row: a value of an attribute of an entity, as of a date.",
    (
        ID,
        _text("entity", "The entity the fact is about.", references="entities", required=True),
        _text("attribute", "What it states.", references="attributes", required=True),
        Column("value", "NUMERIC", "number", "A number, in the attribute's base unit."),
        Column("min", "NUMERIC", "number", "The low end of a range (bound = range)."),
        Column("max", "NUMERIC", "number", "The high end of a range (bound = range)."),
        _text("bound", "How the number relates to the truth.", choices=tuple(Bound)),
        _text("unit", "The unit of value, min and max."),
        _text("text_value", "A text or date value (YYYY, YYYY-MM or YYYY-MM-DD)."),
        _text("display", "The value as a person reads it, with its bound and unit."),
        _text("context", "What qualifies the value."),
        _text("status", "How the source presents it.", choices=_STATUS, required=True),
        _text("as_of", "The date the fact refers to: YYYY, YYYY-MM or YYYY-MM-DD."),
        _text("claimed_by", "Who claims it, when it is a claim.", references="entities"),
        _text("doubt", "Why it should not be taken at face value.", choices=tuple(DoubtKind)),
        _text("doubt_reason", "What is wrong, unconfirmed or misleading about it."),
        _text("summary", "The fact in one English sentence."),
        _text("note", "A curator's note."),
        _text("source", "The source it is quoted from first.", references="sources"),
    ),
    ("id",),
    search=("summary", "context", "note"),
    label="summary",
    facets=("entity", "attribute", "status", "source"),
)

REFERENCES = Table(
    "references",
    "Where each fact is quoted from: the source and its verbatim words, in order.",
    (
        _text("fact_id", "The fact.", references="facts", required=True),
        Column("position", "INTEGER", "integer", "Its place among the fact's references, from 0."),
        _text("source_id", "The source.", references="sources", required=True),
        _text("quote", "The words of the source, verbatim, in the original language."),
        _text("as_of", "The date this reference gives, when it differs from the fact's."),
        _text("note", "What a curator should know about this reference."),
    ),
    ("fact_id", "position"),
    search=("quote",),
    tokenizer="trigram",
    facets=("source_id",),
)

RELATED = Table(
    "related_entities",
    "Other entities each fact concerns (a customer, a rival, a part).",
    (
        _text("fact_id", "The fact.", references="facts", required=True),
        _text("entity_id", "An entity it concerns.", references="entities", required=True),
    ),
    ("fact_id", "entity_id"),
)

# In the order they are written: a table comes after those its rows point to.
TABLES = (SOURCES, ENTITIES, ATTRIBUTES, FACTS, REFERENCES, RELATED)


class Reference(NamedTuple):
    source_id: str
    quote: str
    as_of: PartialDate | None = None  # None: the fact's own
    note: str | None = None


def fact_references(fact: Fact) -> list[Reference]:
    """Where a fact is quoted from: each source that reports it, its own first, with
    the date a source gives when it is not the fact's."""
    return [
        Reference(r.source.id, r.quote, None if r.as_of == fact.as_of else r.as_of, r.note)
        for r in fact.references
    ]


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _fact_row(fact: Fact) -> tuple[Any, ...]:
    number = fact.value if isinstance(fact.value, int | float) else None
    text = None if number is not None or fact.value is None else str(fact.value)
    doubt = fact.doubt
    return (
        fact.id, fact.entity.id, fact.attribute.id, number, fact.low, fact.high,
        fact.bound.value, fact.unit, text, format_value(fact), fact.context,
        fact.status.value, str(fact.as_of), fact.claimed_by.id if fact.claimed_by else None,
        doubt.kind.value if doubt else None, doubt.reason if doubt else None, fact.summary,
        fact.note, fact_references(fact)[0].source_id,
    )  # fmt: skip


def rows(store: Store) -> Iterator[tuple[Table, Iterator[tuple[Any, ...]]]]:
    """Each table with its rows, in ``TABLES`` order; facts are read once per table
    that needs them, in batches, so memory follows the batch, not the store."""
    yield SOURCES, (
        (s.id, s.file, s.title, s.title_en, s.publisher, str(s.published), s.language, s.url,
         s.note, s.sha256)
        for s in store.sources.values()
    )  # fmt: skip
    yield ENTITIES, (
        (e.id, e.name, e.kind, e.maker, json.dumps(list(e.aliases), ensure_ascii=False),
         e.description)
        for e in store.entities.values()
    )  # fmt: skip
    yield ATTRIBUTES, (
        (a.id, a.label, a.type.value, a.unit, int(a.single),
         json.dumps(list(a.synonyms), ensure_ascii=False), a.description)
        for a in store.attributes.values()
    )  # fmt: skip
    yield FACTS, (_fact_row(f) for f in store.all_facts())
    yield (
        REFERENCES,
        (
            (f.id, position, r.source_id, r.quote, _date(r.as_of), r.note)
            for f in store.all_facts()
            for position, r in enumerate(fact_references(f))
        ),
    )
    yield RELATED, ((f.id, e.id) for f in store.all_facts() for e in f.related)
