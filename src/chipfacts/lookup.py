"""The search a user runs: check the query, apply the filters, rank the rest."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from chipfacts.errors import NotFoundError, UsageError
from chipfacts.records import Fact, Status
from chipfacts.resolve import attribute_id, entities_of_kind, find_source, resolve_entity
from chipfacts.search import MAX_QUERY_CHARS, Hit, SearchIndex, search, suggest_entities


@dataclass(frozen=True)
class Filters:
    """Restrictions on which facts a search considers (all optional)."""

    entity: str | None = None
    kind: str | None = None
    attribute: str | None = None
    source: str | None = None
    status: Status | None = None


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


def filtered_facts(index: SearchIndex, filters: Filters) -> list[Fact]:
    store = index.store
    facts = list(store.facts.values())
    if filters.entity is not None:
        entity = resolve_entity(index, filters.entity)
        facts = [f for f in facts if f.entity.id == entity.id]
    if filters.kind is not None:
        kind_ids = {e.id for e in entities_of_kind(store, filters.kind)}
        facts = [f for f in facts if f.entity.id in kind_ids]
    if filters.attribute is not None:
        wanted = attribute_id(index, filters.attribute)
        facts = [f for f in facts if f.attribute.id == wanted]
    if filters.source is not None:
        source = find_source(store, filters.source)
        facts = [f for f in facts if f.source is source]
    if filters.status is not None:
        facts = [f for f in facts if f.status is filters.status]
    return facts


def find_facts(
    index: SearchIndex, words: list[str], filters: Filters, limit: int = 10
) -> list[Hit]:
    """Search with filters; raise ``NotFoundError`` with suggestions when nothing matches."""
    if limit < 1:
        raise UsageError(f"--limit must be at least 1, not {limit}")
    text = clean_query(words)
    hits = search(index, text, filtered_facts(index, filters), limit)
    if not hits:
        raise NotFoundError(f"no facts match '{text}'", suggest_entities(index, text))
    return hits
