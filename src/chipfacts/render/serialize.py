"""Records as plain JSON-ready data: the shapes scripts rely on (see the README),
and each command's ``Output``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Entity, Fact, Source
from chipfacts.render.display import format_value
from chipfacts.render.output import Output

if TYPE_CHECKING:
    from chipfacts.views.browse import Profile
    from chipfacts.views.compare import Comparison
    from chipfacts.views.conflicts import Conflict, Disagreement


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
        "doubt": fact.doubt._asdict() if fact.doubt else None,
    }
    if score is not None:
        record["score"] = round(score, 1)
    return record


# --- each command's Output ------------------------------------------------------

FACT_COLUMNS = (
    "id", "entity", "entity_name", "attribute", "attribute_label", "value", "min", "max",
    "bound", "unit", "display", "context", "status", "as_of", "source", "claimed_by",
    "summary", "quote", "score", "doubt_kind", "doubt_reason",
)  # fmt: skip
# doubt_kind (wrong, unconfirmed, misleading) is empty for a fact without doubt
FACT_PLAIN = (
    "id", "entity_name", "attribute_label", "display", "as_of", "status", "source", "doubt_kind",
)  # fmt: skip


def facts_output(facts: Sequence[Fact], scores: Sequence[float] | None = None) -> Output:
    records = [fact_record(f, None if scores is None else scores[i]) for i, f in enumerate(facts)]
    return Output(records, records, FACT_COLUMNS, FACT_PLAIN)


def comparison_output(comparison: Comparison) -> Output:
    rows: list[dict[str, Any]] = []
    flat: list[dict[str, Any]] = []
    for row in comparison.rows:
        attribute = row.attribute
        cells = {e.id: [fact_record(f) for f in row.cells[e.id]] for e in comparison.entities}
        ratio = {k: None if v is None else round(v, 4) for k, v in row.ratios.items()}
        shown = [f for e in comparison.entities for f in row.cells[e.id]]
        disagreements = [
            d for d in comparison.disagreements if d.first.attribute.id == attribute.id
        ]
        rows.append(
            {"attribute": attribute.id, "label": attribute.label, "unit": attribute.unit,
             "cells": cells, "ratio": ratio,
             "conflicts": [disagreement_record(d) for d in disagreements]}
        )  # fmt: skip
        against = {f.id: _conflicts_with(f.id, disagreements) for f in shown}
        for entity in comparison.entities:
            base = {"attribute": attribute.id, "label": attribute.label, "entity": entity.id,
                    "entity_name": entity.name, "ratio": ratio[entity.id]}  # fmt: skip
            for record in cells[entity.id] or [{"display": "—"}]:
                cell = {k: record.get(k) for k in _CELL_FIELDS}
                cell["conflicts_with"] = against.get(record.get("id") or "", [])
                flat.append({**base, **cell})
    document = {"entities": [entity_record(e) for e in comparison.entities], "rows": rows}
    columns = (
        "attribute", "label", "entity", "entity_name", *_CELL_FIELDS[:-1], "ratio",
        "doubt_kind", "doubt_reason", "conflicts_with",
    )  # fmt: skip
    plain = (
        "label", "entity_name", "display", "as_of", "status", "source", "ratio", "doubt_kind",
        "conflicts_with",
    )  # fmt: skip
    return Output(document, flat, columns, plain)


def _conflicts_with(fact_id: str, disagreements: Sequence[Disagreement]) -> list[str]:
    """The ids of the facts one fact disagrees with."""
    found = []
    for d in disagreements:
        if d.first.id == fact_id:
            found.append(d.second.id)
        elif d.second.id == fact_id:
            found.append(d.first.id)
    return found


_CELL_FIELDS = (
    "id",
    "value",
    "min",
    "max",
    "bound",
    "unit",
    "display",
    "as_of",
    "status",
    "source",
    "doubt",
)


def profile_output(profile: Profile, counts: int) -> Output:
    own = [fact for _, facts in profile.groups for fact in facts]
    facts = [fact_record(f) for f in own]
    mentions = [fact_record(f) for f in profile.mentions]
    document = {
        **entity_record(profile.entity),
        "maker_name": profile.maker.name if profile.maker else None,
        "fact_count": counts,
        "facts": facts,
        "mentioned_in": mentions,
    }
    return Output(document, facts + mentions, FACT_COLUMNS, FACT_PLAIN)


def entities_output(entities: Sequence[Entity], counts: Counter[str]) -> Output:
    records = [{**entity_record(e), "facts": counts[e.id]} for e in entities]
    columns = ("id", "name", "kind", "maker", "facts", "aliases", "description")
    return Output(records, records, columns, ("id", "name", "kind", "maker", "facts"))


def attributes_output(attributes: Sequence[Attribute], counts: Counter[str]) -> Output:
    records = [
        {"id": a.id, "label": a.label, "type": a.type.value, "unit": a.unit, "single": a.single,
         "facts": counts[a.id], "synonyms": list(a.synonyms), "description": a.description}
        for a in attributes
    ]  # fmt: skip
    columns = ("id", "label", "type", "unit", "single", "facts", "synonyms", "description")
    return Output(records, records, columns, ("id", "label", "type", "unit", "facts"))


def sources_output(sources: Sequence[Source], counts: Counter[str]) -> Output:
    records = [{**source_record(s), "note": s.note, "facts": counts[s.id]} for s in sources]
    columns = (
        "id",
        "file",
        "publisher",
        "published",
        "language",
        "facts",
        "title",
        "title_en",
        "url",
    )
    plain = ("id", "publisher", "published", "language", "facts", "title")
    return Output(records, records, columns, plain)


def source_facts_output(source: Source, facts: Sequence[Fact]) -> Output:
    records = [fact_record(f) for f in facts]
    document = {**source_record(source), "note": source.note, "facts": records}
    return Output(document, records, FACT_COLUMNS, FACT_PLAIN)


def timeline_output(facts: Sequence[Fact]) -> Output:
    records = [fact_record(f) for f in facts]
    plain = ("value", "entity_name", "attribute_label", "status", "source", "summary", "doubt_kind")
    return Output(records, records, FACT_COLUMNS, plain)


def disagreement_record(disagreement: Disagreement) -> dict[str, Any]:
    return {
        "facts": [disagreement.first.id, disagreement.second.id],
        "why": disagreement.why.value,
        "reason": disagreement.reason(),
    }


CONFLICT_COLUMNS = (
    "entity", "entity_name", "attribute", "attribute_label", "why", "reason",
    "first_id", "first_display", "first_as_of", "first_status", "first_source", "first_doubt",
    "second_id", "second_display", "second_as_of", "second_status", "second_source",
    "second_doubt",
)  # fmt: skip
CONFLICT_PLAIN = (
    "entity_name", "attribute_label", "first_display", "first_as_of", "first_status",
    "first_source", "second_display", "second_as_of", "second_status", "second_source", "reason",
)  # fmt: skip


def conflicts_output(conflicts: Sequence[Conflict]) -> Output:
    """JSON: one record per conflicting entity and attribute, with its facts in full;
    jsonl, csv and plain: one line per pair of facts that disagree, side by side."""
    document = []
    lines = []
    for conflict in conflicts:
        head = {
            "entity": conflict.entity.id,
            "entity_name": conflict.entity.name,
            "attribute": conflict.attribute.id,
            "attribute_label": conflict.attribute.label,
        }
        document.append(
            {**head, "facts": [fact_record(f) for f in conflict.facts],
             "disagreements": [disagreement_record(d) for d in conflict.disagreements]}
        )  # fmt: skip
        for d in conflict.disagreements:
            line: dict[str, Any] = {**head, "why": d.why.value, "reason": d.reason()}
            for side, fact in (("first", d.first), ("second", d.second)):
                line |= {
                    f"{side}_id": fact.id,
                    f"{side}_display": format_value(fact),
                    f"{side}_as_of": str(fact.as_of),
                    f"{side}_status": fact.status.value,
                    f"{side}_source": fact.source.id,
                    f"{side}_doubt": fact.doubt.kind.value if fact.doubt else None,
                }
            lines.append(line)
    return Output(document, lines, CONFLICT_COLUMNS, CONFLICT_PLAIN)
