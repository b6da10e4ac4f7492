"""Facts as plain JSON-ready records: the shape scripts rely on (see the README)."""

from __future__ import annotations

from typing import Any

from chipfacts.dates import PartialDate
from chipfacts.display import format_value
from chipfacts.records import Entity, Fact, Source


def source_record(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "file": source.file,
        "title": source.title,
        "title_en": source.title_en,
        "publisher": source.publisher,
        "published": str(source.published),
        "language": source.language,
        "url": source.url,
    }


def entity_record(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "maker": entity.maker,
        "aliases": list(entity.aliases),
        "description": entity.description,
    }


def fact_record(fact: Fact, score: float | None = None) -> dict[str, Any]:
    """One fact as a flat record; ``value`` is a number, text or ISO (partial) date."""
    value = str(fact.value) if isinstance(fact.value, PartialDate) else fact.value
    record: dict[str, Any] = {
        "id": fact.id,
        "entity": fact.entity.id,
        "entity_name": fact.entity.name,
        "attribute": fact.attribute.id,
        "attribute_label": fact.attribute.label,
        "value": value,
        "min": fact.low,
        "max": fact.high,
        "bound": fact.bound.value,
        "unit": fact.unit,
        "display": format_value(fact),
        "context": fact.context,
        "status": fact.status.value,
        "as_of": str(fact.as_of),
        "summary": fact.summary,
        "quote": fact.quote,
        "source": source_record(fact.source),
        "claimed_by": fact.claimed_by.id if fact.claimed_by else None,
        "related": [entity.id for entity in fact.related],
        "note": fact.note,
    }
    if score is not None:
        record["score"] = round(score, 1)
    return record
