"""What the browsing commands show: an entity's card, the timeline, listings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from chipfacts.compare import newest_first
from chipfacts.dates import PartialDate
from chipfacts.records import Attribute, Entity, Fact
from chipfacts.resolve import resolve_entity
from chipfacts.search import SearchIndex
from chipfacts.store import Store


@dataclass(frozen=True)
class Profile:
    """One entity with everything the store says about it."""

    entity: Entity
    maker: Entity | None
    groups: tuple[tuple[Attribute, tuple[Fact, ...]], ...]  # its facts by attribute
    mentions: tuple[Fact, ...]  # other entities' facts that relate to it or cite its claim


def profile(index: SearchIndex, name: str) -> Profile:
    store = index.store
    entity = resolve_entity(index, name)
    own = store.facts_of(entity.id)
    groups = tuple(
        (attribute, newest_first([f for f in own if f.attribute.id == attribute.id]))
        for attribute in store.attributes.values()
        if any(f.attribute.id == attribute.id for f in own)
    )
    mentions = tuple(
        f
        for f in store.facts.values()
        if f.entity.id != entity.id
        and (entity in f.related or (f.claimed_by is not None and f.claimed_by.id == entity.id))
    )
    maker = store.entities.get(entity.maker) if entity.maker else None
    return Profile(entity, maker, groups, mentions)


def timeline(index: SearchIndex, names: list[str] | None = None) -> list[Fact]:
    """Dated facts in date order (2022 < 2022-11 < 2022-11-15), optionally for some entities.

    A fact belongs to an entity's timeline when it is about the entity or about
    something it makes, or names it as related: Microsoft's timeline has Maia's
    development start and its acquisition of Fungible.
    """
    store = index.store
    facts = [f for f in store.facts.values() if isinstance(f.value, PartialDate)]
    if names:
        wanted = {resolve_entity(index, n).id for n in names}
        facts = [
            f
            for f in facts
            if f.entity.id in wanted
            or f.entity.maker in wanted
            or wanted & {e.id for e in f.related}
        ]
    order = {ident: i for i, ident in enumerate(store.facts)}
    return sorted(facts, key=lambda f: (_date(f), order[f.id]))


def _date(fact: Fact) -> PartialDate:
    assert isinstance(fact.value, PartialDate)
    return fact.value


@dataclass(frozen=True)
class Counts:
    """How many facts each entity, attribute and source has."""

    entity: Counter[str]
    attribute: Counter[str]
    source: Counter[str]


def counts(store: Store) -> Counts:
    facts = store.facts.values()
    return Counts(
        Counter(f.entity.id for f in facts),
        Counter(f.attribute.id for f in facts),
        Counter(f.source.id for f in facts),
    )
