"""Entities side by side: the rows, the cells, and honest ratios.

Rows are the attributes any of the entities has (in the store's attribute
order); a cell holds every fact the entity has for that attribute, newest first,
so nothing is silently dropped. A numeric row gets a ratio against the first
entity when both values are point values (exact or about): a ratio of two lower
bounds, or of a range, would claim more than the sources do. One attribute has
one unit (the validator enforces it), so no conversion can make a ratio lie.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from chipfacts.errors import NotFoundError, UsageError
from chipfacts.model.records import Attribute, Bound, Entity, Fact, Source, ValueType
from chipfacts.search.index import SearchIndex
from chipfacts.search.resolve import attribute_id, resolve_entity
from chipfacts.store.store import FactFilter
from chipfacts.views.conflicts import Disagreement, conflicts_among


class Row(NamedTuple):
    attribute: Attribute
    cells: dict[str, tuple[Fact, ...]]  # entity id -> facts, newest first; () when none
    ratios: dict[str, float | None]  # entity id -> value / first entity's value


class Comparison(NamedTuple):
    entities: tuple[Entity, ...]
    rows: tuple[Row, ...]
    disagreements: tuple[Disagreement, ...] = ()  # among the facts shown (views.conflicts)

    def conflicts_of(self, fact: Fact) -> list[Disagreement]:
        """The disagreements a fact shown is part of."""
        return [d for d in self.disagreements if fact.id in (d.first.id, d.second.id)]

    def sources(self) -> list[Source]:
        """The sources cited, in order of first use, for footnotes."""
        seen: dict[str, Source] = {}
        for row in self.rows:
            for entity in self.entities:
                for fact in row.cells[entity.id]:
                    for reference in fact.references:
                        seen.setdefault(reference.source.id, reference.source)
        return list(seen.values())


def point_value(fact: Fact) -> float | None:
    """The fact's number if it is a point value a ratio can honestly use."""
    if fact.bound in (Bound.EXACT, Bound.ABOUT) and isinstance(fact.value, int | float):
        return float(fact.value)
    return None


def newest_first(facts: list[Fact]) -> tuple[Fact, ...]:
    return tuple(sorted(facts, key=lambda f: f.as_of, reverse=True))


def compare(
    index: SearchIndex,
    names: list[str],
    attributes: list[str] | None = None,
    doubted: bool | None = None,
) -> Comparison:
    """Resolve the names and line their facts up attribute by attribute (``doubted``:
    True keeps only doubted facts, False hides them, None keeps all)."""
    if len(names) < 2:
        raise UsageError(
            "compare needs at least two entities, e.g. `chipfacts compare maia100 mi300x`"
        )
    entities: list[Entity] = []
    for name in names:
        entity = resolve_entity(index, name)
        if entity in entities:
            raise UsageError(
                f"'{name}' names {entity.name} ({entity.id}), which is already compared"
            )
        entities.append(entity)
    wanted = {attribute_id(index, a) for a in attributes} if attributes else None
    rows = []
    grouped: dict[tuple[str, str], list[Fact]] = {}
    present: dict[str, Attribute] = {}
    for entity in entities:
        for fact in index.select_facts(FactFilter(entities=[entity.id], doubted=doubted)):
            grouped.setdefault((entity.id, fact.attribute.id), []).append(fact)
            present[fact.attribute.id] = fact.attribute
    for ident in index.attribute_order(present):
        if wanted is not None and ident not in wanted:
            continue
        attribute = present[ident]
        cells = {e.id: newest_first(grouped.get((e.id, ident), [])) for e in entities}
        rows.append(Row(attribute, cells, _ratios(attribute, entities, cells)))
    if not rows:
        who = ", ".join(e.name for e in entities)
        raise NotFoundError(
            f"no facts to compare for {who}" + (" with these attributes" if wanted else "")
        )
    shown = [f for row in rows for facts in row.cells.values() for f in facts]
    found = tuple(d for c in conflicts_among(shown) for d in c.disagreements)
    return Comparison(tuple(entities), tuple(rows), found)


def _ratios(
    attribute: Attribute, entities: list[Entity], cells: dict[str, tuple[Fact, ...]]
) -> dict[str, float | None]:
    ratios: dict[str, float | None] = {e.id: None for e in entities}
    if attribute.type is not ValueType.NUMBER:
        return ratios
    values = {e.id: _first_point(cells[e.id]) for e in entities}
    base = values[entities[0].id]
    if base is None or base == 0 or sum(v is not None for v in values.values()) < 2:
        return ratios
    for ident, value in values.items():
        ratio = None if value is None else value / base + 0.0  # + 0.0: no -0.0 (0 / -5)
        # 1e300 / 1e-300 overflows to inf: no ratio rather than "Infinity",
        # which is not JSON and not a comparison anyone can read.
        ratios[ident] = ratio if ratio is not None and math.isfinite(ratio) else None
    return ratios


def _first_point(facts: tuple[Fact, ...]) -> float | None:
    """The newest point value among an entity's facts for one attribute."""
    for fact in facts:
        value = point_value(fact)
        if value is not None:
            return value
    return None
