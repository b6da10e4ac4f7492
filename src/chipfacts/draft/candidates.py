"""Candidate facts: what a curator reviews before pasting it into a fact file."""

from __future__ import annotations

from typing import NamedTuple

from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Bound, Entity, FactValue, Number, Status
from chipfacts.text.cues import Cue


class NewEntity(NamedTuple):
    """An entity the store does not know, proposed from the article."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    maker: str | None = None  # the company named with it (英伟达的B200)
    # Its kind until the curator says: a model designation is most often a chip's.
    kind: str = "chip"


# How a decision that proposes something the store lacks begins.
NEW = "new:"


class Decision(NamedTuple):
    """A field the curator must settle, and why."""

    field: str
    why: str


class Candidate(NamedTuple):
    entity: Entity | None  # None when ``new_entity`` is proposed
    new_entity: NewEntity | None
    attribute: Attribute
    value: FactValue | None  # None for a range
    low: Number | None
    high: Number | None
    bound: Bound
    unit: str | None
    status: Status
    claimed_by: Entity | None
    as_of: PartialDate
    quote: str
    start: int  # the quote's offsets in the article
    end: int
    cues: tuple[Cue, ...]
    decisions: tuple[Decision, ...]
    # 0 to 1: a number's reading starts at 0.85, a date's at 0.7, a text's at 0.5,
    # times how surely the entity was found (1 when the clause names it), less
    # when the attribute is only a guess from the unit.
    confidence: float
    # Other entities it names that are proposed too (昇腾910C's maker 华为, a speaker
    # the store lacks), to be written under ``entities:`` with it
    also_new: tuple[NewEntity, ...] = ()

    @property
    def proposes_attribute(self) -> bool:
        """Whether its attribute is one the store lacks, proposed with it."""
        return any(d.field == "attribute" and d.why.startswith(NEW) for d in self.decisions)

    @property
    def entity_id(self) -> str:
        if self.entity is not None:
            return self.entity.id
        assert self.new_entity is not None
        return self.new_entity.id

    @property
    def entity_name(self) -> str:
        if self.entity is not None:
            return self.entity.name
        assert self.new_entity is not None
        return self.new_entity.name
