"""What the browsing commands show: an entity's card, the timeline, listings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, NamedTuple

from chipfacts.errors import NotFoundError, UsageError
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Entity, Fact
from chipfacts.search.index import SearchIndex
from chipfacts.search.lookup import Filters, resolve_filters
from chipfacts.search.resolve import resolve_entity
from chipfacts.store.store import FactFilter, Store
from chipfacts.views.compare import newest_first
from chipfacts.views.sorting import FactSort


class Profile(NamedTuple):
    """One entity with everything the store says about it."""

    entity: Entity
    maker: Entity | None
    groups: tuple[tuple[Attribute, tuple[Fact, ...]], ...]  # its facts by attribute
    mentions: tuple[Fact, ...]  # other entities' facts that relate to it or cite its claim


def profile(index: SearchIndex, name: str, doubted: bool | None = None) -> Profile:
    """``doubted``: True keeps only doubted facts, False hides them, None keeps all."""
    store = index.store
    entity = resolve_entity(index, name)
    own = store.select_facts(FactFilter(entities=[entity.id], doubted=doubted))
    groups = tuple(
        (attribute, newest_first([f for f in own if f.attribute.id == attribute.id]))
        for attribute in store.attributes.values()
        if any(f.attribute.id == attribute.id for f in own)
    )
    mentions = tuple(store.mentions_of(entity.id, doubted))
    maker = store.entities.get(entity.maker) if entity.maker else None
    return Profile(entity, maker, groups, mentions)


def timeline(
    index: SearchIndex,
    names: list[str] | None = None,
    doubted: bool | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[Fact]:
    """Dated facts in date order (2022 < 2022-11 < 2022-11-15), optionally for some entities.

    A fact belongs to an entity's timeline when it is about the entity or about
    something it makes, or names it as related: Microsoft's timeline has Maia's
    development start and its acquisition of Fungible.
    """
    ids = [resolve_entity(index, name).id for name in names] if names else None
    dates = resolve_filters(index, Filters(since=since, until=until))
    found = index.store.dated_facts(ids, doubted, dates.since, dates.until)
    if not found:
        whose = f" of {', '.join(names)}" if names else ""
        raise NotFoundError(f"no dated facts{whose} match these filters")
    return found


class Counts(NamedTuple):
    """How many facts each entity, attribute and source has."""

    entity: Counter[str]
    attribute: Counter[str]
    source: Counter[str]


def counts(store: Store) -> Counts:
    return Counts(
        Counter(store.counts("entity")),
        Counter(store.counts("attribute")),
        Counter(store.counts("source")),
    )


def _value_key(fact: Fact) -> tuple[int, float, str]:
    """Numbers first, by value (a range by its low end), then dates, then texts."""
    value = fact.value if fact.value is not None else fact.low
    if isinstance(value, int | float):
        return (0, float(value), "")
    if isinstance(value, PartialDate):
        return (1, 0.0, str(value))
    return (2, 0.0, str(value).casefold())


SORT_KEYS: dict[FactSort, Callable[[Fact], Any]] = {
    FactSort.AS_OF: lambda f: f.as_of,
    FactSort.ENTITY: lambda f: (f.entity.name.casefold(), f.entity.id),
    FactSort.ATTRIBUTE: lambda f: (f.attribute.label.casefold(), f.attribute.id),
    FactSort.VALUE: _value_key,
}


class Listed(NamedTuple):
    """Some facts, and how many matched before the limit."""

    facts: list[Fact]
    total: int


def list_facts(
    index: SearchIndex,
    filters: Filters,
    sort: FactSort | None = None,
    reverse: bool = False,
    limit: int | None = None,
) -> Listed:
    """The facts that pass the filters, sorted (stably: ties keep store order), at
    most ``limit`` of them; raise ``NotFoundError`` when none pass."""
    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be at least 1, not {limit}")
    facts = index.store.select_facts(resolve_filters(index, filters))
    if not facts:
        raise NotFoundError("no facts match these filters")
    if sort is not None:
        facts.sort(key=SORT_KEYS[sort], reverse=reverse)
    elif reverse:
        facts.reverse()
    return Listed(facts[:limit] if limit is not None else facts, len(facts))
