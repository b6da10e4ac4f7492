"""What the browsing commands show: an entity's card, the timeline, listings."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from chipfacts.model.records import Attribute, Entity, Fact
from chipfacts.search.engine import SearchIndex
from chipfacts.search.resolve import resolve_entity
from chipfacts.store.store import Store
from chipfacts.views.compare import newest_first


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
    own = store.select_facts(entities=[entity.id], doubted=doubted)
    groups = tuple(
        (attribute, newest_first([f for f in own if f.attribute.id == attribute.id]))
        for attribute in store.attributes.values()
        if any(f.attribute.id == attribute.id for f in own)
    )
    mentions = tuple(store.mentions_of(entity.id, doubted))
    maker = store.entities.get(entity.maker) if entity.maker else None
    return Profile(entity, maker, groups, mentions)


def timeline(
    index: SearchIndex, names: list[str] | None = None, doubted: bool | None = None
) -> list[Fact]:
    """Dated facts in date order (2022 < 2022-11 < 2022-11-15), optionally for some entities.

    A fact belongs to an entity's timeline when it is about the entity or about
    something it makes, or names it as related: Microsoft's timeline has Maia's
    development start and its acquisition of Fungible.
    """
    ids = [resolve_entity(index, name).id for name in names] if names else None
    return index.store.dated_facts(ids, doubted)


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
