"""Another model of a known line: a designation the store lacks that extends one it has.

``Trainium3`` beside the store's Trainium, ``ConnectX-8`` beside its ConnectX-7:
a name followed by other digits, or with other digits, is ANOTHER designation,
by the rule search uses (``search.fuzzy.same_designation``: ``gpt4o`` is not
GPT-4, ``b200`` is not H200). Such a name is a new entity of the same kind and
maker as the one it resembles. The drafting reads it as a name like any other
(``ProposedStore``): 该芯片 and the clauses after it resolve to it, not to the
older model, and a claim about it is proposed under ``entities:``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from chipfacts.draft.candidates import Candidate, Decision, NewEntity
from chipfacts.model.records import Entity
from chipfacts.search.fuzzy import same_designation
from chipfacts.store.store import Store
from chipfacts.text.normalize import name_key

# A model designation: a capitalised word, then digits (Trainium3, ConnectX-8, Gaudi 3).
_DESIGNATION = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]*(?:[- ]?\d+[A-Za-z0-9]*)+(?![A-Za-z0-9])")
_LETTERS = re.compile(r"[a-z]+")
# The shortest run of letters two names must share to be one line of models: "mi"
# (MI300X, MI400) when the store's name has digits too; a word (Trainium) else.
LINE_WITH_DIGITS = 2
LINE_WORD = 4
# The rows of proposed entities, after any a store's database numbers.
PROPOSED_ROWS = 1 << 40


class Proposed(NamedTuple):
    entity: Entity  # as the drafting reads it
    resembles: Entity  # the store's model of the same line


def other_designations(store: Store, text: str) -> list[Proposed]:
    """The designations ``text`` names that the store lacks but whose line it has."""
    found: dict[str, Proposed] = {}
    for match in _DESIGNATION.finditer(text):
        name = " ".join(match.group().split())
        key = name_key(name)
        if key in found or store.entity_rows(key):
            continue
        resembled = _line_of(store, key)
        if resembled is not None:
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            entity = Entity(slug, name, resembled.kind, maker=resembled.maker)
            found[key] = Proposed(entity, resembled)
    return list(found.values())


def _line_of(store: Store, key: str) -> Entity | None:
    """The store's entity whose name starts with the same letters as ``key`` and is
    another designation (``same_designation`` says no), the longest such name."""
    letters = _LETTERS.match(key)
    if letters is None:
        return None
    line = letters.group()
    best: tuple[int, Entity] | None = None
    for other in store.all_entity_keys:
        head = _LETTERS.match(other)
        if head is None or head.group() != line or other == key:
            continue
        shortest = LINE_WITH_DIGITS if any(ch.isdigit() for ch in other) else LINE_WORD
        if len(line) < shortest or same_designation(key, other):
            continue
        rows = store.entity_rows(other)
        if len(rows) == 1 and (best is None or len(other) > best[0]):
            best = (len(other), store.entity_at(rows[0]))
    return best[1] if best is not None else None


def name_other_models(first: str, second: str) -> bool:
    """Whether two texts name two models of one line (ConnectX-7 and ConnectX-8): the
    same words about them are not the same claim."""
    theirs = [name_key(m.group()) for m in _DESIGNATION.finditer(second)]
    for match in _DESIGNATION.finditer(first):
        mine = name_key(match.group())
        line = _LETTERS.match(mine)
        for other in theirs:
            head = _LETTERS.match(other)
            same_line = line is not None and head is not None and line.group() == head.group()
            if same_line and not (same_designation(mine, other) or same_designation(other, mine)):
                return True
    return False


class _Entities(Mapping[str, Entity]):
    """The store's entities and the proposed ones, by id."""

    def __init__(self, store: Mapping[str, Entity], proposed: Mapping[str, Entity]) -> None:
        self._store, self._proposed = store, proposed

    def __getitem__(self, ident: str) -> Entity:
        found = self._proposed.get(ident)
        return found if found is not None else self._store[ident]

    def __iter__(self) -> Iterator[str]:
        yield from self._store
        yield from self._proposed

    def __len__(self) -> int:
        return len(self._store) + len(self._proposed)


class ProposedStore(Store):
    """The store, with the new designations an article names read as names: rows
    after the store's own, no facts."""

    def __init__(self, store: Store, proposed: Sequence[Proposed]) -> None:
        super().__init__(store._db, store.path)
        rows = {PROPOSED_ROWS + at: p.entity for at, p in enumerate(proposed)}
        keys = {name_key(e.name): row for row, e in rows.items()} | {
            name_key(e.id): row for row, e in rows.items()
        }
        # Set once here, as the store's own fields are (a Store is immutable after)
        object.__setattr__(self, "_proposed_rows", rows)
        object.__setattr__(self, "_proposed_keys", keys)
        object.__setattr__(
            self, "entities", _Entities(store.entities, {e.id: e for e in rows.values()})
        )
        object.__setattr__(self, "proposed", {p.entity.id: p for p in proposed})

    _proposed_rows: dict[int, Entity]
    _proposed_keys: dict[str, int]
    proposed: dict[str, Proposed]

    def entity_at(self, row: int) -> Entity:
        found = self._proposed_rows.get(row)
        return found if found is not None else super().entity_at(row)

    def entity_rows(self, key: str) -> list[int]:
        row = self._proposed_keys.get(key)
        return [row] if row is not None else super().entity_rows(key)

    @property
    def all_entity_keys(self) -> list[str]:
        return [*super().all_entity_keys, *self._proposed_keys]


def as_proposed(store: ProposedStore, candidate: Candidate) -> Candidate:
    """A candidate about a proposed designation, proposed under ``entities:``."""
    entity = candidate.entity
    if entity is None or entity.id not in store.proposed:
        return candidate
    resembles = store.proposed[entity.id].resembles
    new = NewEntity(entity.id, entity.name, maker=entity.maker, kind=entity.kind)
    why = (
        f"new: another designation than the store's {resembles.name}; add it under entities"
        " (its kind, Chinese names)"
    )
    return candidate._replace(
        entity=None, new_entity=new, decisions=(*candidate.decisions, Decision("entity", why))
    )
