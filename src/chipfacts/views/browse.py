"""What the browsing commands show: an entity's card, the timeline, listings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from chipfacts.errors import ArgumentError, NotFoundError
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Entity, Fact
from chipfacts.search.index import SearchIndex
from chipfacts.search.lookup import Filters, resolve_filters
from chipfacts.search.resolve import entities_of_kind, resolve_entity
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
    entity = resolve_entity(index, name)
    own = index.select_facts(FactFilter(entities=[entity.id], doubted=doubted))
    groups = tuple(
        (attribute, newest_first([f for f in own if f.attribute.id == attribute.id]))
        for attribute in index.attributes.values()
        if any(f.attribute.id == attribute.id for f in own)
    )
    mentions = tuple(index.mentions_of(entity.id, doubted))
    maker = index.entities.get(entity.maker) if entity.maker else None
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
    found = index.dated_facts(ids, doubted, dates.since, dates.until)
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


def attributes_of(
    store: Store, kinds: Sequence[str] | None = None
) -> tuple[list[Attribute], Counter[str]]:
    """The attributes, with how many facts each has; with ``kinds``, only those that
    facts about entities of these kinds have, counting only those facts."""
    if not kinds:
        return list(store.attributes.values()), Counter(store.counts("attribute"))
    for kind in kinds:
        entities_of_kind(store, kind)  # an unknown kind is a usage error
    tally = Counter(f.attribute.id for f in store.select_facts(FactFilter(kinds=list(kinds))))
    return [a for a in store.attributes.values() if tally[a.id]], tally


def _kind_of_value(fact: Fact) -> int:
    """Numbers (0) before dates (1) before texts (2)."""
    value = fact.value if fact.value is not None else fact.low
    if isinstance(value, int | float):
        return 0
    return 1 if isinstance(value, PartialDate) else 2


def _value_key(fact: Fact) -> tuple[float, str]:
    """A fact's value, comparable within one attribute and unit: a number in base
    units (a range by its low end), a date, a text."""
    value = fact.value if fact.value is not None else fact.low
    if isinstance(value, int | float):
        return (float(value), "")
    return (0.0, str(value) if isinstance(value, PartialDate) else str(value).casefold())


def _group_key(fact: Fact) -> tuple[int, str, str, str]:
    """What --sort value groups by before the value: numbers first, then dates, then
    texts; within them, by attribute and unit (1 ¢ and 5 nm never interleave)."""
    label = fact.attribute.label.casefold()
    return (_kind_of_value(fact), label, fact.attribute.id, fact.unit or "")


SORT_KEYS: dict[FactSort, Callable[[Fact], Any]] = {
    FactSort.AS_OF: lambda f: f.as_of,
    FactSort.ENTITY: lambda f: (f.entity.name.casefold(), f.entity.id),
    FactSort.ATTRIBUTE: lambda f: (f.attribute.label.casefold(), f.attribute.id),
    FactSort.VALUE: _value_key,
}


def sort_facts(facts: list[Fact], sort: FactSort | None, reverse: bool = False) -> None:
    """Sort in place, stably (ties keep store order). ``reverse`` turns the order
    round, except that --sort value reverses only the values within each attribute:
    numbers stay before texts, and attributes in their order."""
    if sort is None:
        if reverse:
            facts.reverse()
        return
    facts.sort(key=SORT_KEYS[sort], reverse=reverse)
    if sort is FactSort.VALUE:
        facts.sort(key=_group_key)


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
        raise ArgumentError(f"limit must be at least 1, not {limit}", ("limit",))
    facts = index.select_facts(resolve_filters(index, filters))
    if not facts:
        raise NotFoundError("no facts match these filters")
    sort_facts(facts, sort, reverse)
    return Listed(facts[:limit] if limit is not None else facts, len(facts))
