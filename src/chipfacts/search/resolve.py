"""Turn what a person typed into a record of the store.

Entities: exact first, fuzzy second, then "did you mean". Attributes, sources
and kinds: exact (ignoring case and spacing), with the valid choices listed
when nothing fits.
"""

from __future__ import annotations

from chipfacts.errors import AmbiguousError, NotFoundError, UsageError
from chipfacts.model.records import Entity, Source
from chipfacts.search.fuzzy import fuzzy_entity, suggest_entities
from chipfacts.search.index import SearchIndex
from chipfacts.search.query import Query
from chipfacts.store.store import Store
from chipfacts.text.normalize import name_key


def resolve_entity(index: SearchIndex, text: str) -> Entity:
    """The one entity ``text`` names, or an error that says what was meant.

    ``maia-100``, ``Maia 100``, ``athena``, ``雅典娜`` and ``MI 300X`` are exact
    (spacing, hyphens, case and script ignored); ``maai``, ``miaa100`` and
    ``mi300`` are fuzzy. Another model designation (``b200``, ``h20``, ``maia 200``,
    ``gpt-4o``) names nothing here: it is an error that suggests the nearest names.
    """
    key = name_key(text)
    owners = set(index.entity_rows(key))
    query = Query(text)
    if not owners:
        fuzzy_entity(index, query, key)
        # Another model designation ("b200" for H200) is never taken for the one typed.
        chosen = {row: w for row, w in query.entities.items() if row not in query.fallbacks}
        if chosen:
            best = max(chosen.values())
            owners = {row for row, weight in chosen.items() if weight >= best - 1e-9}
    if len(owners) == 1:
        return index.entity_at(owners.pop())
    if owners:
        found = [index.entity_at(r) for r in owners]
        candidates = sorted(f"{e.name} ({e.id})" for e in found)
        raise AmbiguousError(text, candidates)
    nearest = [index.entity_name(r) for r in sorted(query.fallbacks)]
    suggestions = list(dict.fromkeys([*nearest, *suggest_entities(index, text)]))[:3]
    raise NotFoundError(f"no entity '{text}'", suggestions)


def attribute_id(index: SearchIndex, text: str) -> str:
    """The attribute an id, label or synonym names; an id is exact first (``investment``
    is an attribute's id and another's synonym)."""
    if text in index.attribute_ids():
        return text
    owners = index.attribute_keys.get(name_key(text), [])
    if len(owners) == 1:
        return index.attribute_at(owners[0]).id
    if owners:
        names = ", ".join(sorted(index.attribute_at(r).id for r in owners))
        raise UsageError(f"attribute '{text}' is ambiguous: {names}")
    # lazy: rapidfuzz (35 ms) only for a word not known as typed
    from rapidfuzz import fuzz, process

    close = process.extract(
        name_key(text), index.attribute_ids(), scorer=fuzz.ratio, score_cutoff=60, limit=3
    )
    hint = "; did you mean " + ", ".join(f"'{name}'" for name, _, _ in close) + "?" if close else ""
    raise UsageError(f"unknown attribute '{text}'{hint} (see `chipfacts list attributes`)")


def entities_of_kind(store: Store | SearchIndex, kind: str | None) -> list[Entity]:
    if kind is None:
        return list(store.entities.values())
    found = store.entities_of_kind(kind)
    if not found:
        raise UsageError(f"unknown kind '{kind}' (kinds: {', '.join(store.kinds())})")
    return found


def find_source(store: Store | SearchIndex, text: str) -> Source:
    """A source by id, file name, or the start of its id or file name ("001").

    An exact id or file name wins; a prefix must fit one source only: when it
    fits several, that is said (``AmbiguousError``), never the first one taken.
    """
    if not text.strip():
        raise UsageError(
            "the source is empty; give a source id or file name (see `chipfacts sources`)"
        )
    sources = list(store.sources.values())
    exact = [s for s in sources if text in (s.id, s.file)]
    if len(exact) == 1:
        return exact[0]
    fits = exact or [s for s in sources if s.id.startswith(text) or s.file.startswith(text)]
    if len(fits) == 1:
        return fits[0]
    if fits:
        raise AmbiguousError(text, sorted(f"{s.id} ({s.file})" for s in fits))
    known = ", ".join(store.sources)
    raise UsageError(f"unknown source '{text}' (sources: {known})")
