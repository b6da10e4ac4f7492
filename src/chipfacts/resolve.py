"""Turn what a person typed into one entity: exact first, fuzzy second, then
"did you mean". Used by ``--entity`` and by the commands that take entities."""

from __future__ import annotations

from chipfacts.errors import AmbiguousError, NotFoundError
from chipfacts.records import Entity
from chipfacts.search import Query, SearchIndex, fuzzy_entity, suggest_entities
from chipfacts.textnorm import name_key


def resolve_entity(index: SearchIndex, text: str) -> Entity:
    """The one entity ``text`` names, or an error that says what was meant.

    ``maia-100``, ``Maia 100``, ``athena``, ``雅典娜`` and ``MI 300X`` are exact
    (spacing, hyphens, case and script ignored); ``maai`` and ``mi300`` are fuzzy.
    """
    entities = index.store.entities
    key = name_key(text)
    owners = index.entity_keys.get(key) or set()
    if not owners:
        query = Query(text)
        fuzzy_entity(index, query, key)
        if query.entities:
            best = max(query.entities.values())
            owners = {i for i, weight in query.entities.items() if weight >= best - 1e-9}
    if len(owners) == 1:
        return entities[next(iter(owners))]
    if owners:
        raise AmbiguousError(text, sorted(f"{entities[i].name} ({i})" for i in owners))
    raise NotFoundError(f"no entity '{text}'", suggest_entities(index, text))
