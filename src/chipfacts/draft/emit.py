"""Candidates as YAML to paste into a fact file, or as JSON for tools.

The YAML is a fact file of its own (``sources:`` when the article is not yet
registered, then ``facts:``), so ``chipfacts validate`` reads it beside the
store. Above each fact a comment gives its class and confidence, the cue words
that set its status, bound and date, and each field that needs a decision.
A candidate the store already has (``SAME``) is listed as a comment only; one
another source already gives (``CORROBORATES``) as the ``references:`` entry
to add to that fact.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from chipfacts.draft.candidates import Candidate, NewEntity
from chipfacts.draft.classify import Class, Classified
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Source, Status
from chipfacts.render.display import count_noun, format_quantity
from chipfacts.text.normalize import name_key
from chipfacts.text.visible import unsafe


def fact_fields(candidate: Candidate, fact_id: str, source_id: str) -> dict[str, Any]:
    """The candidate as a fact record of a fact file, keys in the README's order."""
    fields: dict[str, Any] = {
        "id": fact_id,
        "entity": candidate.entity_id,
        "attribute": candidate.attribute.id,
    }
    if candidate.low is not None:
        fields["min"], fields["max"] = candidate.low, candidate.high
    elif isinstance(candidate.value, PartialDate):
        fields["value"] = str(candidate.value)
    elif isinstance(candidate.value, str):
        fields["value"] = " ".join(candidate.value.split())  # the quote's words, on one line
    else:
        fields["value"] = candidate.value
    fields["bound"] = candidate.bound.value
    if candidate.unit is not None:
        fields["unit"] = candidate.unit
    fields["status"] = candidate.status.value
    if candidate.claimed_by is not None and candidate.status is not Status.REPORTED:
        fields["claimed_by"] = candidate.claimed_by.id
    fields["as_of"] = str(candidate.as_of)
    fields["source"] = source_id
    fields["quote"] = " ".join(candidate.quote.split())
    fields["summary"] = summary(candidate)
    return fields


def summary(candidate: Candidate) -> str:
    """A one-sentence English summary the curator can keep or improve."""
    label = candidate.attribute.label
    label = label[0].lower() + label[1:] if not label[:2].isupper() else label
    if isinstance(candidate.value, str):
        said = "the article's words, in the quote"
    elif isinstance(candidate.value, PartialDate):
        said = ("about " if candidate.bound.value == "about" else "") + str(candidate.value)
    else:
        said = format_quantity(
            candidate.value, candidate.low, candidate.high, candidate.bound, candidate.unit
        )
    sentence = f"{candidate.entity_name} {label}: {said}."
    return sentence[0].upper() + sentence[1:]


def fact_ids(classified: list[Classified], taken: set[str]) -> list[str]:
    """An id for each candidate (``entity-attribute``), unique in the store and the draft."""
    ids = []
    for item in classified:
        base = f"{item.candidate.entity_id}-{item.candidate.attribute.id.replace('_', '-')}"
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        taken.add(ident)
        ids.append(ident)
    return ids


def entity_fields(entity: NewEntity) -> dict[str, Any]:
    fields: dict[str, Any] = {"id": entity.id, "name": entity.name, "kind": entity.kind}
    if entity.maker:
        fields["maker"] = entity.maker
    fields["aliases"] = list(entity.aliases)
    return fields


def _named_once(proposed: dict[str, NewEntity]) -> tuple[list[NewEntity], dict[str, str]]:
    """The proposed entities, each name given once, so the draft validates as it
    stands: a proposal whose name or id is one before's (3nm制程, id 3nm, then
    台积电's 3nm) is that one, its facts given to it (the second value: the ids so
    merged, to whose); an alias that is another proposal's name or id, or an alias
    of one before (3奈米 of a bare node, then of 台積電3奈米), is left out."""
    named_by: dict[str, str] = {}  # each name's and id's key, to whose it is
    same: dict[str, str] = {}
    for entity in proposed.values():
        keys = (name_key(entity.name), name_key(entity.id))
        earlier = next((named_by[k] for k in keys if k in named_by), None)
        if earlier is not None:
            same[entity.id] = earlier
        else:
            named_by.update(dict.fromkeys(keys, entity.id))
    # (every name and id first: an alias that is a later proposal's name is its own)
    taken = set(named_by)
    named = []
    for entity in proposed.values():
        if entity.id in same:
            continue
        aliases = []
        for alias in entity.aliases:
            if name_key(alias) not in taken:
                taken.add(name_key(alias))
                aliases.append(alias)
        maker = same.get(entity.maker, entity.maker) if entity.maker else None
        named.append(entity._replace(aliases=tuple(aliases), maker=maker))
    return named, same


def attribute_fields(attribute: Attribute) -> dict[str, Any]:
    """A proposed attribute as the fact file writes one."""
    fields: dict[str, Any] = {
        "id": attribute.id,
        "label": attribute.label,
        "type": attribute.type.value,
    }
    if attribute.unit is not None:
        fields["unit"] = attribute.unit
    fields["description"] = attribute.description
    return fields


class _Dumper(yaml.SafeDumper):
    """Writes a string holding a control or format character double-quoted, so the
    escape the terminal boundary (``render.safe``) shows for it is one YAML reads
    back (\\x7f, \\u00ad, \\U000e0041): the quote stays verbatim."""


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if unsafe().search(value.replace("\n", "")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def _comment(text: str, indent: str) -> str:
    return "".join(f"{indent}# {line}\n" for line in text.rstrip("\n").splitlines())


def _indented(text: str, indent: str) -> str:
    return "".join(f"{indent}{line}\n" for line in text.rstrip("\n").splitlines())


def _cues(candidate: Candidate) -> str:
    return ", ".join(f"{c.word} ({c.kind.value})" for c in candidate.cues) or "none"


def to_yaml(
    classified: list[Classified],
    ids: list[str],
    source: Source,
    register: dict[str, str] | None = None,
) -> str:
    """The draft as a fact file; ``register`` is a new source's entry, if any."""
    drafted = count_noun(len(classified), "candidate fact")
    out = [f"# {drafted} drafted from {source.file} by chipfacts draft.\n"]
    out.append("# Review each one; fix what a comment says needs a decision.\n")
    if register is not None:
        out.append("sources:\n")
        out.append(_indented(_dump([register]), "  "))
    proposed: dict[str, NewEntity] = {}
    for item in classified:
        new = item.candidate.new_entity
        for other in (*item.candidate.also_new, *([new] if new is not None else [])):
            proposed.setdefault(other.id, other)  # a maker before its product
    named, same = _named_once(proposed)
    if named:
        out.append("entities:\n")
        out.append(_comment("new: check the kind, and add the Chinese names as aliases", "  "))
        out.append(_indented(_dump([entity_fields(e) for e in named]), "  "))
    attributes = {
        c.candidate.attribute.id: c.candidate.attribute
        for c in classified
        if c.candidate.proposes_attribute
    }
    if attributes:
        out.append("attributes:\n")
        out.append(_comment("new: name each in English, and describe what it measures", "  "))
        out.append(_indented(_dump([attribute_fields(a) for a in attributes.values()]), "  "))
    shown = any(c.kind is Class.NEW or c.kind is Class.CONFLICTS for c in classified)
    out.append("facts:\n" if shown else "facts: []\n")
    for item, fact_id in zip(classified, ids, strict=True):
        candidate = item.candidate
        head = (
            f"{item.kind.value} · confidence {candidate.confidence:.2f} · cues: {_cues(candidate)}"
        )
        fields = fact_fields(candidate, fact_id, source.id)
        for field in ("entity", "claimed_by"):  # (a proposal merged into one before)
            if fields.get(field) in same:
                fields[field] = same[fields[field]]
        if item.kind is Class.CONFLICTS and item.fact is not None:
            head += (
                f"\nconflicts with {item.fact.id} ({item.fact.source.id}, as of {item.fact.as_of})"
            )
        for decision in candidate.decisions:
            head += f"\ndecide {decision.field}: {decision.why}"
        if item.kind is Class.SAME and item.fact is not None:
            out.append(_comment(f"{head}\nalready in the store as {item.fact.id}", "  "))
            continue
        if item.kind is Class.CORROBORATES and item.fact is not None:
            reference = {"source": source.id, "quote": fields["quote"], "as_of": fields["as_of"]}
            text = f"{head}\nadd to {item.fact.id} ({item.fact.source.id}):\n"
            text += "references:\n" + _indented(_dump([reference]), "  ")
            out.append(_comment(text, "  "))
            continue
        out.append(_comment(head, "  "))
        out.append(_indented(_dump([fields]), "  "))
    return "".join(out)


def to_json(classified: list[Classified], ids: list[str], source: Source) -> str:
    records = []
    for item, fact_id in zip(classified, ids, strict=True):
        candidate = item.candidate
        records.append(
            {
                "class": item.kind.value,
                "confidence": candidate.confidence,
                "store_fact": item.fact.id if item.fact is not None else None,
                "new_entity": (
                    entity_fields(candidate.new_entity) if candidate.new_entity else None
                ),
                "cues": [{"word": c.word, "kind": c.kind.value} for c in candidate.cues],
                "decide": [{"field": d.field, "why": d.why} for d in candidate.decisions],
                "fact": fact_fields(candidate, fact_id, source.id),
            }
        )
    return json.dumps(records, ensure_ascii=False, indent=2)
