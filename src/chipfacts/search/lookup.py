"""The search a user runs: check the query, apply the filters, rank the rest."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from chipfacts.errors import NotFoundError, UsageError
from chipfacts.model.records import Status
from chipfacts.search.engine import MAX_QUERY_CHARS, Hit, SearchIndex, find, suggest_entities
from chipfacts.search.resolve import attribute_id, entities_of_kind, find_source, resolve_entity

FACT_ID = 200.0  # the score of a fact asked for by its id: above any ranked match


class Filters(NamedTuple):
    """Restrictions on which facts a search considers (all optional)."""

    entity: str | None = None
    kind: str | None = None
    attribute: str | None = None
    source: str | None = None
    status: Status | None = None
    doubted: bool | None = None  # True: only doubted facts; False: none of them


def clean_query(words: list[str]) -> str:
    """Join the query words, dropping control characters; refuse empty or huge queries."""
    text = " ".join(words)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)
    text = " ".join(text.split())
    if not text:
        raise UsageError("the query is empty; try `chipfacts search maia`")
    if len(text) > MAX_QUERY_CHARS:
        raise UsageError(
            f"the query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}"
        )
    return text


def allowed_rows(index: SearchIndex, filters: Filters) -> set[int] | None:
    """The fact rows the filters let through; None when there are no filters."""
    store, f = index.store, filters
    if f.kind is not None:
        entities_of_kind(store, f.kind)  # an unknown kind is a usage error
    return store.filter_rows(
        entities=None if f.entity is None else [resolve_entity(index, f.entity).id],
        kinds=None if f.kind is None else [f.kind],
        attributes=None if f.attribute is None else [attribute_id(index, f.attribute)],
        sources=None if f.source is None else [find_source(store, f.source).id],
        statuses=None if f.status is None else [f.status.value],
        doubted=f.doubted,
    )


class Results(NamedTuple):
    """The facts found, and notes when a name typed was taken for another."""

    hits: list[Hit]
    fallback: str | None  # for stderr: "no entity 'b200'; showing H200, the nearest name…"
    fallback_title: str | None  # for a title: "showing H200 for 'b200'"


def find_facts(index: SearchIndex, words: list[str], filters: Filters, limit: int = 10) -> Results:
    """Search with filters; raise ``NotFoundError`` with suggestions when nothing matches.

    A name that is another model's designation ("b200" beside H200) is no match,
    but the nearest entity's facts are still offered, and the notes say so.
    """
    if limit < 1:
        raise UsageError(f"--limit must be at least 1, not {limit}")
    text = clean_query(words)
    allowed = allowed_rows(index, filters)
    # A fact's own id names exactly one fact: answer with it, without ranking.
    row = index.store.row_of(text)
    if row is not None and (allowed is None or row in allowed):
        return Results([Hit(f, FACT_ID) for f in index.store.facts_at([row])], None, None)
    found = find(index, text, allowed, limit)
    if not found.hits:
        raise NotFoundError(f"no facts match '{text}'", suggest_entities(index, text))
    if not found.fallbacks:
        return Results(found.hits, None, None)
    note = "; ".join(
        f"no entity '{typed}'; showing {name}, the nearest name (a different model)"
        for typed, name in found.fallbacks.items()
    )
    title = ", ".join(f"showing {name} for '{typed}'" for typed, name in found.fallbacks.items())
    return Results(found.hits, note, title)
