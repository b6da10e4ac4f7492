"""Records as plain JSON-ready data: the shapes scripts rely on (see the README),
and each command's ``Output``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Entity, Fact, Reference, Source
from chipfacts.render.display import format_value
from chipfacts.render.output import Output

if TYPE_CHECKING:
    from chipfacts.views.browse import Profile
    from chipfacts.views.compare import Comparison
    from chipfacts.views.conflicts import Conflict, Disagreement
    from chipfacts.views.fact import FactDetail


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


def reference_record(reference: Reference) -> dict[str, Any]:
    """One source's report of a fact, its source by id (as ``entity`` and ``related``
    name theirs: a whole source record in every reference would make every fact's
    JSON half as long again); in CSV, a reference is that id."""
    return {
        "source": reference.source.id,
        "quote": reference.quote,
        "as_of": str(reference.as_of),
        "note": reference.note,
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
        "references": [reference_record(r) for r in fact.references],
    }
    if score is not None:
        record["score"] = round(score, 1)
    return record


# --- each command's Output ------------------------------------------------------

# Every command that prints facts prints whole fact records: CSV has these columns
# (nested parts spread: source_title, doubt_kind…; ``references``: every reporting
# source's id, the fact's own first), plain lines the FACT_PLAIN ones.
FACT_COLUMNS = (
    "id", "entity", "entity_name", "attribute", "attribute_label", "value", "min", "max",
    "bound", "unit", "display", "context", "status", "claimed_by", "as_of", "summary",
    "quote", "note", "doubt_kind", "doubt_reason", "source", "source_title",
    "source_publisher", "source_published", "source_file", "source_url", "related",
    "references",
)  # fmt: skip
# One plain line per fact, in every command (some add columns at the end): what
# qualifies the value is kept, its bound and unit (display), context, status, who
# claims it, the doubt's kind and the note; empty where there is none.
FACT_PLAIN = (
    "id", "entity_name", "attribute_label", "display", "context", "as_of", "status",
    "claimed_by", "source", "doubt_kind", "note",
)  # fmt: skip


def facts_output(facts: Sequence[Fact], scores: Sequence[float] | None = None) -> Output:
    records = [fact_record(f, None if scores is None else scores[i]) for i, f in enumerate(facts)]
    extra = ("score",) if scores is not None else ()
    return Output(records, records, FACT_COLUMNS + extra, FACT_PLAIN)


def comparison_output(comparison: Comparison) -> Output:
    """JSON: the entities and one row per attribute, each cell a list of whole fact
    records. jsonl, csv and plain: one whole fact record per fact shown, with its
    ratio to the first entity and the ids of the facts it disagrees with (an
    entity without a fact for an attribute has no line)."""
    rows: list[dict[str, Any]] = []
    flat: list[dict[str, Any]] = []
    for row in comparison.rows:
        attribute = row.attribute
        ratio = {k: None if v is None else round(v, 4) for k, v in row.ratios.items()}
        disagreements = [
            d for d in comparison.disagreements if d.first.attribute.id == attribute.id
        ]
        cells: dict[str, list[dict[str, Any]]] = {}
        for entity in comparison.entities:
            cells[entity.id] = []
            for position, fact in enumerate(row.cells[entity.id]):
                record = fact_record(fact)
                record["ratio"] = ratio[entity.id] if position == 0 else None
                record["conflicts_with"] = _conflicts_with(fact.id, disagreements)
                cells[entity.id].append(record)
                flat.append(record)
        rows.append(
            {"attribute": attribute.id, "attribute_label": attribute.label,
             "unit": attribute.unit, "cells": cells, "ratio": ratio,
             "conflicts": [disagreement_record(d) for d in disagreements]}
        )  # fmt: skip
    document = {"entities": [entity_record(e) for e in comparison.entities], "rows": rows}
    extra = ("ratio", "conflicts_with")
    return Output(document, flat, FACT_COLUMNS + extra, FACT_PLAIN + extra)


def _conflicts_with(fact_id: str, disagreements: Sequence[Disagreement]) -> list[str]:
    """The ids of the facts one fact disagrees with."""
    found = []
    for d in disagreements:
        if d.first.id == fact_id:
            found.append(d.second.id)
        elif d.second.id == fact_id:
            found.append(d.first.id)
    return found


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
    records = [{**entity_record(e), "fact_count": counts[e.id]} for e in entities]
    columns = ("id", "name", "kind", "maker", "fact_count", "aliases", "description")
    return Output(records, records, columns, ("id", "name", "kind", "maker", "fact_count"))


def attributes_output(attributes: Sequence[Attribute], counts: Counter[str]) -> Output:
    records = [
        {"id": a.id, "label": a.label, "type": a.type.value, "unit": a.unit, "single": a.single,
         "fact_count": counts[a.id], "synonyms": list(a.synonyms),
         "description": a.description}
        for a in attributes
    ]  # fmt: skip
    columns = ("id", "label", "type", "unit", "single", "fact_count", "synonyms", "description")
    return Output(records, records, columns, ("id", "label", "type", "unit", "fact_count"))


def sources_output(sources: Sequence[Source], counts: Counter[str]) -> Output:
    records = [
        {**source_record(s), "note": s.note, "sha256": s.sha256, "fact_count": counts[s.id]}
        for s in sources
    ]
    columns = (
        "id", "file", "publisher", "published", "language", "fact_count", "title", "title_en",
        "url", "note", "sha256",
    )  # fmt: skip
    plain = ("id", "publisher", "published", "language", "fact_count", "title")
    return Output(records, records, columns, plain)


def source_facts_output(source: Source, facts: Sequence[Fact]) -> Output:
    records = [fact_record(f) for f in facts]
    document = {
        **source_record(source), "note": source.note, "fact_count": len(records),
        "facts": records,
    }  # fmt: skip
    return Output(document, records, FACT_COLUMNS, FACT_PLAIN)


def timeline_output(facts: Sequence[Fact]) -> Output:
    records = [fact_record(f) for f in facts]
    return Output(records, records, FACT_COLUMNS, FACT_PLAIN)


def disagreement_record(disagreement: Disagreement) -> dict[str, Any]:
    return {
        "facts": [disagreement.first.id, disagreement.second.id],
        "why": disagreement.why.value,
        "reason": disagreement.reason(),
    }


def conflicts_output(conflicts: Sequence[Conflict]) -> Output:
    """JSON: one record per conflicting entity and attribute, with its facts whole and
    its disagreements; jsonl, csv and plain: one whole fact record per fact in
    conflict, with the ids of the facts it disagrees with and why."""
    document = []
    lines = []
    for conflict in conflicts:
        facts = []
        for fact in conflict.facts:
            record = fact_record(fact)
            record["conflicts_with"] = _conflicts_with(fact.id, conflict.disagreements)
            record["conflict_reasons"] = [
                d.reason() for d in conflict.disagreements if fact.id in (d.first.id, d.second.id)
            ]
            facts.append(record)
        lines += facts
        document.append(
            {"entity": conflict.entity.id, "entity_name": conflict.entity.name,
             "attribute": conflict.attribute.id, "attribute_label": conflict.attribute.label,
             "facts": facts,
             "disagreements": [disagreement_record(d) for d in conflict.disagreements]}
        )  # fmt: skip
    extra = ("conflicts_with", "conflict_reasons")
    return Output(document, lines, FACT_COLUMNS + extra, FACT_PLAIN + extra)


def fact_details_output(details: Sequence[FactDetail]) -> Output:
    """`fact`: whole fact records, with the ids of the other facts on the same entity
    and attribute, and of those it disagrees with."""
    records = []
    for detail in details:
        record = fact_record(detail.fact)
        record["same_attribute"] = [f.id for f in detail.others]
        record["conflicts_with"] = detail.conflicts_with()
        records.append(record)
    extra = ("same_attribute", "conflicts_with")
    return Output(records, records, FACT_COLUMNS + extra, FACT_PLAIN + extra, plain_keyed=True)
